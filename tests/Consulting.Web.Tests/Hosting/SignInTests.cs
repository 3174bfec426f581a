using System.Net;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.Hosting;

public class SignInTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData(DemoData.OfficialEmail, "/official")]
    [InlineData(DemoData.ConsultantEmail, "/consultant")]
    [InlineData(DemoData.AgencyEmail, "/agency")]
    public async Task EachRoleLandsOnItsOwnHomePage(string email, string home)
    {
        var client = Client();

        var response = await SignInForm.PostAsync(client, email, DemoData.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home)).StatusCode);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail, "/official")]
    [InlineData(DemoData.ConsultantEmail, "/agency")]
    [InlineData(DemoData.OfficialEmail, "/consultant")]
    public async Task AnotherRolesHomePageIsForbidden(string email, string otherHome)
    {
        var client = Client();
        await SignInForm.PostAsync(client, email, DemoData.Password);

        var response = await client.GetAsync(otherHome);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }
}

/// <summary>Its own class, so its own database: the account it locks is not used by other tests.</summary>
public class LockoutTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var client = Client();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await SignInForm.PostAsync(client, DemoData.ConsultantEmail, "wrong-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await SignInForm.PostAsync(client, DemoData.ConsultantEmail, DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("5분간 잠겼습니다", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
