using System.Net;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.Agencies;

public class AgencyPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task OfficialsGetTheFilteredListAsAnXlsxFile()
    {
        var client = Client();
        await SignInForm.PostAsync(client, DemoData.OfficialEmail, DemoData.Password);

        var response = await client.GetAsync("/agencies/export?search=%ED%95%B4%EC%86%94&sort=District&desc=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail, "/agencies/export")]
    [InlineData(DemoData.ConsultantEmail, "/agencies/export")]
    [InlineData(DemoData.AgencyEmail, "/agencies")]
    [InlineData(DemoData.ConsultantEmail, "/agencies/import")]
    [InlineData(DemoData.AgencyEmail, "/agencies/types")]
    public async Task OtherRolesAreRefused(string email, string path)
    {
        var client = Client();
        await SignInForm.PostAsync(client, email, DemoData.Password);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheListIsPrerenderedForOfficials()
    {
        var client = Client();
        await SignInForm.PostAsync(client, DemoData.OfficialEmail, DemoData.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/agencies"));

        Assert.Contains("<h1>기관 관리</h1>", html, StringComparison.Ordinal);
        Assert.Contains("해솔 종합사회복지관", html, StringComparison.Ordinal);
        Assert.Contains("for=\"agency-search\"", html, StringComparison.Ordinal);
    }
}
