using System.Net;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Recruitment;

public class RecruitmentPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The demo year is seeded when the host starts, so ask after the first client exists.</summary>
    private async Task<Guid> SeedProgramIdAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Programs.Where(p => p.Name == DemoData.ConsultingProgramName).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task OfficialsSeeEveryApplicantAndTheMix()
    {
        var client = Client();
        var programId = await SeedProgramIdAsync();
        await SignInForm.PostAsync(client, DemoData.OfficialEmail, DemoData.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/programs/{programId}/applications"));

        Assert.Contains("<h1>2025 품질관리 컨설팅 참여 신청 현황</h1>", html, StringComparison.Ordinal);
        Assert.Contains("목표 7개 기관 중 0개 선정", html, StringComparison.Ordinal);
        Assert.Contains("늘봄 노인복지관", html, StringComparison.Ordinal);
        Assert.Contains("새싹키움 지역아동센터", html, StringComparison.Ordinal);
        Assert.Contains("for=\"filter-area\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail)]
    [InlineData(DemoData.ConsultantEmail)]
    public async Task OnlyOfficialsOpenTheApplicationsGrid(string email)
    {
        var client = Client();
        var programId = await SeedProgramIdAsync();
        await SignInForm.PostAsync(client, email, DemoData.Password);

        var response = await client.GetAsync($"/programs/{programId}/applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AgencyStaffSeeTheirOwnApplicationOnly()
    {
        var client = Client();
        await SignInForm.PostAsync(client, DemoData.AgencyEmail, DemoData.Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/agency/applications"));

        Assert.Contains(DemoData.ConsultingProgramName, html, StringComparison.Ordinal);
        Assert.Contains(">신청</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("늘봄 노인복지관", html, StringComparison.Ordinal);

        var programId = await SeedProgramIdAsync();
        var overview = WebUtility.HtmlDecode(await client.GetStringAsync($"/programs/{programId}"));
        Assert.Contains("해솔 종합사회복지관", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("늘봄 노인복지관", overview, StringComparison.Ordinal);
        Assert.DoesNotContain($"/programs/{programId}/applications", overview, StringComparison.Ordinal);
    }
}
