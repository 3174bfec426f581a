using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Visits;

/// <summary>
/// The assignment board, the engagement page and the visit page over HTTP: each role opens what it may, and the
/// service narrows what it sees (a consultant only their own engagements, agency staff only their agency's).
/// </summary>
public class VisitPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private sealed record Scene(Guid ProgramId, Guid HaesolOrganisation, Guid OtherEngagement, Guid VisitId);

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>윤슬기 on 해솔 종합사회복지관 × 조직 관리 with visit 1 on Tuesday 2025-06-10, 10:00–12:00 in Seoul.</summary>
    private async Task<Scene> ArrangeAsync()
    {
        Client(); // the host seeds the demo year when it starts
        var programId = await DemoScenario.SelectSevenAndStartAsync(app.Database);
        var official = await DemoScenario.DemoOfficialAsync(app.Database);
        await using var db = app.Database.CreateContext();
        var engagements = await (
                from e in db.Engagements
                where e.ProgramId == programId
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                select new { e.Id, e.Version, e.ConsultantId, Agency = a.Name, area.Code })
            .ToListAsync();
        var haesol = engagements.Single(e => e.Agency == "해솔 종합사회복지관" && e.Code == "organisation");
        var other = engagements.Single(e => e.Agency == "별마루 종합사회복지관" && e.Code == "organisation");
        var existing = await db.Visits.Where(v => v.EngagementId == haesol.Id && v.Number == 1).Select(v => (Guid?)v.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return new Scene(programId, haesol.Id, other.Id, id);
        }

        var factory = app.Database.CreateFactory();
        var yoon = await db.Consultants.Where(c => c.Name == "윤슬기").Select(c => c.Id).SingleAsync();
        await new AssignmentService(factory, official, TimeProvider.System).AssignAsync(haesol.Id, yoon, null, haesol.Version);
        var outcome = await new VisitService(factory, official, TimeProvider.System, new VisitInputValidator(), TestNotifier.For(TimeProvider.System)).ScheduleAsync(
            haesol.Id, 1, new VisitInput(new DateOnly(2025, 6, 10), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, "3층 회의실"), null);
        return new Scene(programId, haesol.Id, other.Id, outcome.VisitId!.Value);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        await SignInForm.PostAsync(client, email, DemoData.Password);
        return client;
    }

    [Fact]
    public async Task OfficialsSeeTheBoardWithItsProgressAndFilters()
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/programs/{scene.ProgramId}/engagements"));

        Assert.Contains("<h1>2025 품질관리 컨설팅 분야별 배정</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/engagements/{scene.HaesolOrganisation}\" aria-label=\"해솔 종합사회복지관 조직 관리\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>분야별 진행 현황</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>기관별 진행 현황</caption>", html, StringComparison.Ordinal);
        Assert.Contains("for=\"board-unassigned\"", html, StringComparison.Ordinal);
        Assert.Contains("28건", html, StringComparison.Ordinal);
        Assert.Contains(">미배정<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail)]
    [InlineData(DemoData.ConsultantEmail)]
    public async Task OnlyOfficialsOpenTheBoard(string email)
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(email);

        var response = await client.GetAsync($"/programs/{scene.ProgramId}/engagements");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task OfficialsSeeTheCandidatesTheHistoryAndTheVisits()
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/engagements/{scene.HaesolOrganisation}"));

        Assert.Contains("<h1>해솔 종합사회복지관 · 조직 관리</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"강하늘 배정\"", html, StringComparison.Ordinal);
        Assert.Contains("for=\"assign-reason\"", html, StringComparison.Ordinal);
        Assert.Contains("2025. 6. 10. (화) 10:00–12:00", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/visits/{scene.VisitId}\"", html, StringComparison.Ordinal);
        Assert.Contains("2회차 일정 잡기", html, StringComparison.Ordinal);
        Assert.Contains("<td>(첫 배정)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAssignedConsultantSchedulesButSeesNoCandidates()
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/engagements/{scene.HaesolOrganisation}"));

        Assert.Contains("<h1>해솔 종합사회복지관 · 조직 관리</h1>", html, StringComparison.Ordinal);
        Assert.Contains("2회차 일정 잡기", html, StringComparison.Ordinal);
        Assert.DoesNotContain("강하늘 배정", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/engagements\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultantDoesNotSeeAnotherConsultantsEngagement()
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/engagements/{scene.OtherEngagement}"));

        Assert.Contains("이 배정을 찾을 수 없거나 볼 권한이 없습니다.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("별마루 종합사회복지관", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyStaffReadTheirEngagementButNeitherScheduleNorAssign()
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/engagements/{scene.HaesolOrganisation}"));
        var other = WebUtility.HtmlDecode(await client.GetStringAsync($"/engagements/{scene.OtherEngagement}"));

        Assert.Contains("2025. 6. 10. (화) 10:00–12:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("일정 잡기", html, StringComparison.Ordinal);
        Assert.DoesNotContain("배정\"", html, StringComparison.Ordinal);
        Assert.Contains("이 배정을 찾을 수 없거나 볼 권한이 없습니다.", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.OfficialEmail, true)]
    [InlineData(DemoData.ConsultantEmail, true)]
    [InlineData(DemoData.AgencyEmail, false)]
    public async Task EveryRoleReadsTheVisitAndOnlyOfficialsAndItsConsultantChangeIt(string email, bool changes)
    {
        var scene = await ArrangeAsync();
        var client = await SignedInAsync(email);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/visits/{scene.VisitId}"));

        Assert.Contains("<h1>해솔 종합사회복지관 · 조직 관리 1회차 방문</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>3층 회의실</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>변경 이력</caption>", html, StringComparison.Ordinal);
        Assert.Equal(changes, html.Contains("for=\"move-date\"", StringComparison.Ordinal));
        Assert.Equal(changes, html.Contains("방문 확정", StringComparison.Ordinal));
        Assert.Equal(!changes, html.Contains("for=\"request-reason\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedOutVisitorsAreSentToSignIn()
    {
        var scene = await ArrangeAsync();

        var response = await Client().GetAsync($"/visits/{scene.VisitId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheProgrammeOverviewLinksOfficialsToTheBoardWithProgressPerArea()
    {
        var scene = await ArrangeAsync();
        var official = await SignedInAsync(DemoData.OfficialEmail);
        var agency = await SignedInAsync(DemoData.AgencyEmail);

        var html = WebUtility.HtmlDecode(await official.GetStringAsync($"/programs/{scene.ProgramId}"));
        var agencyView = WebUtility.HtmlDecode(await agency.GetStringAsync($"/programs/{scene.ProgramId}"));

        Assert.Contains($"href=\"/programs/{scene.ProgramId}/engagements\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>분야별 진행 현황</caption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/engagements\"", agencyView, StringComparison.Ordinal);
        Assert.DoesNotContain("분야별 진행 현황", agencyView, StringComparison.Ordinal);
    }
}
