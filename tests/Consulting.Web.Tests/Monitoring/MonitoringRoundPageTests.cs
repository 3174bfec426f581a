using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Monitoring;

/// <summary>The county's round comparison over HTTP, on the demo's two rounds of the eleven township teams.</summary>
public partial class MonitoringRoundPageTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private async Task<Guid> ProgramIdAsync(string name)
    {
        _ = app.Server; // the host seeds the demo year when it starts
        await using var db = app.Database.CreateContext();
        return await db.Programs.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task OfficialsSeeEveryTeamAgainstThePreviousRoundWithTasksAndCoachingTopics()
    {
        var id = await ProgramIdAsync(DemoData.MonitoringProgramName);
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{id}/monitoring");

        Assert.Contains("<h1>2025 상반기 사례관리 모니터링 점검 결과 비교</h1>", html, StringComparison.Ordinal);
        Assert.Contains(DemoData.PreviousMonitoringProgramName, html, StringComparison.Ordinal);
        foreach (var township in new[] { "다솜읍", "솔내읍", "누리면", "한울면", "별빛면", "은솔면", "푸른면", "다온면", "새뜰면", "마루면", "하늬면" })
        {
            Assert.Contains($"<th scope=\"row\">{township} 맞춤형복지팀</th>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<caption>팀별 종합 점수 (분야 점수의 평균)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>복지사각지대 발굴 현황: 팀별 점수와 변화</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">군 평균</th>", html, StringComparison.Ordinal);
        Assert.Matches(UpChange(), html);
        Assert.Matches(DownChange(), html);
        Assert.Contains("자료 없음", html, StringComparison.Ordinal);
        Assert.Contains("<caption>팀별로 받은 동료멘토링 주제</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">받음</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">받지 않음</span>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>다솜읍 맞춤형복지팀 개선과제</caption>", html, StringComparison.Ordinal);
        Assert.Contains("이행 확인", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClosedRoundHasNoPreviousRound()
    {
        var id = await ProgramIdAsync(DemoData.PreviousMonitoringProgramName);
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{id}/monitoring");

        Assert.Contains("직전 회차 없음", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">하늬면 맞춤형복지팀</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultingProgrammeSaysWhyItHasNoComparison()
    {
        var id = await ProgramIdAsync(DemoData.ConsultingProgramName);
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{id}/monitoring");

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("회차 비교는 모니터링 사업에만 있습니다.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail)]
    [InlineData(DemoData.ConsultantEmail)]
    public async Task OnlyOfficialsOpenIt(string email)
    {
        var id = await ProgramIdAsync(DemoData.MonitoringProgramName);
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync($"/programs/{id}/monitoring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [GeneratedRegex(@"<td>▲ \d\.\d\d 상승</td>")]
    private static partial Regex UpChange();

    [GeneratedRegex(@"<td>▼ \d\.\d\d 하락</td>")]
    private static partial Regex DownChange();
}
