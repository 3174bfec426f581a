using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Recommendations;

/// <summary>The follow-up pages for each role: the list, a recommendation's page with only the steps allowed, the homes.</summary>
public class FollowUpPagesTests(FollowUpWebFactory app) : IClassFixture<FollowUpWebFactory>
{
    private const string NotFoundText = "권고사항을 찾을 수 없습니다.";

    private static readonly string[] AllTitles =
    [
        FollowUpWebFactory.OpenTitle, FollowUpWebFactory.OverdueTitle, FollowUpWebFactory.PlannedTitle,
        FollowUpWebFactory.SubmittedTitle, FollowUpWebFactory.ProposedTitle,
    ];

    private static readonly string[] AllButtons =
        ["계획 저장", "진행 상황 기록", "증빙 제출", "이행 확인", "보완 요청", "미채택 요청", "미채택 승인", "미채택 반려", "기한 연장"];

    private Task<HttpClient> SignedInAsync(string email, string password = DemoData.Password) => app.SignedInClientAsync(email, password);

    private static Task<string> PageAsync(HttpClient client, string path) => ConsultingWebFactory.PageAsync(client, path);

    private static string Link(Guid id, string title) => $"<a href=\"/recommendations/{id}\">{title}</a>";

    /// <summary>The step buttons on the page, by their text.</summary>
    private static string[] Buttons(string html) => [.. AllButtons.Where(b => html.Contains($">{b}</button>", StringComparison.Ordinal))];

    [Fact]
    public async Task TheOfficialListsEveryPublishedRecommendationInATableWithFiltersAndACount()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/recommendations");

        Assert.Contains("<h1>권고사항 이행 현황</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>권고사항 목록</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">이행 기한</th>", html, StringComparison.Ordinal);
        Assert.Contains(Link(s.Open, FollowUpWebFactory.OpenTitle), html, StringComparison.Ordinal);
        Assert.Contains(Link(s.Submitted, FollowUpWebFactory.SubmittedTitle), html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"rec-filter-program\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"rec-filter-status\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"rec-filter-overdue\">", html, StringComparison.Ordinal);
        // The demo's monitoring rounds have improvement tasks of their own; the scenario's programme holds the five.
        var programme = await PageAsync(client, $"/recommendations?program={s.Week.ProgramId}");
        Assert.Matches("role=\"status\"[^>]*>\\s*권고사항 5건", programme);
        // Overdue is said in words, once: only the open one past its date (the rounds' open tasks are due later).
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(programme, "<strong class=\"overdue-badge\">기한 지남</strong>"));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<strong class=\"overdue-badge\">기한 지남</strong>"));
    }

    [Fact]
    public async Task FiltersInTheAddressNarrowTheList()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var submitted = await PageAsync(client, "/recommendations?status=Submitted");
        var overdue = await PageAsync(client, "/recommendations?overdue=true");
        var program = await PageAsync(client, $"/recommendations?program={s.Week.ProgramId}&status=NotAdoptionProposed");

        Assert.Contains(Link(s.Submitted, FollowUpWebFactory.SubmittedTitle), submitted, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.OpenTitle, submitted, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Submitted\" selected[^>]*>증빙 제출</option>", submitted);
        Assert.Contains(Link(s.Overdue, FollowUpWebFactory.OverdueTitle), overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.OpenTitle, overdue, StringComparison.Ordinal);
        Assert.Contains(Link(s.Proposed, FollowUpWebFactory.ProposedTitle), program, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.SubmittedTitle, program, StringComparison.Ordinal);
        // With a programme chosen, its areas and agencies become filters.
        Assert.Contains("<label for=\"rec-filter-area\">", program, StringComparison.Ordinal);
        Assert.Contains("<label for=\"rec-filter-agency\">", program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.ConsultantEmail)]
    [InlineData(DemoData.AgencyEmail)]
    public async Task TheConsultantAndTheAgencyListTheRecommendationsTheyFollow(string email)
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(email);

        var html = await PageAsync(client, "/recommendations");

        Assert.All(AllTitles, t => Assert.Contains(t, html, StringComparison.Ordinal));
        Assert.Contains(Link(s.Planned, FollowUpWebFactory.PlannedTitle), html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rec-filter-program\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAgencysStaffSeeNothingOfIt()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(FollowUpWebFactory.OtherStaffEmail, FollowUpWebFactory.OtherStaffPassword);

        var detail = await PageAsync(client, $"/recommendations/{s.Submitted}");
        var list = await PageAsync(client, "/recommendations");
        var grouped = await PageAsync(client, "/agency/recommendations");
        var home = await PageAsync(client, "/agency");
        var evidence = await client.GetAsync($"/attachments/{s.EvidenceId}");

        Assert.Contains(NotFoundText, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.SubmittedTitle, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.EvidenceName, detail, StringComparison.Ordinal);
        Assert.All(AllTitles, t =>
        {
            Assert.DoesNotContain(t, list, StringComparison.Ordinal);
            Assert.DoesNotContain(t, grouped, StringComparison.Ordinal);
            Assert.DoesNotContain(t, home, StringComparison.Ordinal);
        });
        Assert.Contains("조건에 맞는 권고사항이 없습니다.", list, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.NextStep, home, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, evidence.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRecommendationIsNotFound()
    {
        await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, $"/recommendations/{Guid.NewGuid()}");

        Assert.Contains(NotFoundText, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/recommendations")]
    [InlineData("/recommendations/0197a1b2-0000-7000-8000-000000000001")]
    [InlineData("/agency/recommendations")]
    public async Task AnonymousVisitorsAreSentToSignIn(string path)
    {
        await app.ScenarioAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    public static TheoryData<string, string, string[]> Steps => new()
    {
        { DemoData.AgencyEmail, nameof(FollowUpWebFactory.Scenario.Open), ["계획 저장", "미채택 요청"] },
        { DemoData.AgencyEmail, nameof(FollowUpWebFactory.Scenario.Planned), ["계획 저장", "진행 상황 기록", "증빙 제출", "미채택 요청"] },
        { DemoData.AgencyEmail, nameof(FollowUpWebFactory.Scenario.Submitted), [] },
        { DemoData.AgencyEmail, nameof(FollowUpWebFactory.Scenario.Proposed), [] },
        { DemoData.ConsultantEmail, nameof(FollowUpWebFactory.Scenario.Open), [] },
        { DemoData.ConsultantEmail, nameof(FollowUpWebFactory.Scenario.Submitted), ["이행 확인", "보완 요청"] },
        { DemoData.ConsultantEmail, nameof(FollowUpWebFactory.Scenario.Proposed), [] },
        { DemoData.OfficialEmail, nameof(FollowUpWebFactory.Scenario.Open), ["기한 연장"] },
        { DemoData.OfficialEmail, nameof(FollowUpWebFactory.Scenario.Submitted), ["이행 확인", "보완 요청", "기한 연장"] },
        { DemoData.OfficialEmail, nameof(FollowUpWebFactory.Scenario.Proposed), ["미채택 승인", "미채택 반려", "기한 연장"] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task EachRoleGetsTheFormsOfTheStepsItMayTakeNow(string email, string which, string[] expected)
    {
        var s = await app.ScenarioAsync();
        var id = (Guid)typeof(FollowUpWebFactory.Scenario).GetProperty(which)!.GetValue(s)!;
        var client = await SignedInAsync(email);

        var html = await PageAsync(client, $"/recommendations/{id}");

        Assert.Equal(expected, Buttons(html));
        Assert.Equal(expected.Length > 0, html.Contains("<h2 id=\"actions-heading\">할 일</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePlannedRecommendationOffersEvidenceUploadAndARevisionOfThePlanAsItStands()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/recommendations/{s.Planned}");

        Assert.Contains("<label for=\"evidence-files\">증빙 파일</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"plan-what\">무엇을 할지</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"plan-owner\">담당자</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"plan-date\">완료 예정일</label>", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"plan-form-heading\">조치 계획 고치기</h3>", html, StringComparison.Ordinal);
        Assert.Matches($"<textarea id=\"plan-what\"[^>]*>{FollowUpWebFactory.PlanText}</textarea>", html);
        Assert.Matches("<input id=\"plan-owner\"[^>]*value=\"김담당\"", html);
        Assert.Contains("<label for=\"progress-note\">추진 내용</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"propose-reason\">미채택 사유</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSubmittedRecommendationShowsItsFactsEvidenceAndTimeline()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = await PageAsync(client, $"/recommendations/{s.Submitted}");

        Assert.Contains($"<h1>{FollowUpWebFactory.SubmittedTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<dd>{CalendarScenario.Agency}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visit-logs/{s.LogId}\">1회차 방문 기록</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status status-rec-submitted\">증빙 제출</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/attachments/{s.EvidenceId}\">{FollowUpWebFactory.EvidenceName}</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span>제출됨</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"evidence-files\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"review-comment\">", html, StringComparison.Ordinal);
        var published = html.IndexOf("<strong>기관에 전달</strong>", StringComparison.Ordinal);
        var planned = html.IndexOf("<strong>조치 계획 수립</strong>", StringComparison.Ordinal);
        var submitted = html.IndexOf("<strong>증빙 제출</strong>", StringComparison.Ordinal);
        Assert.True(published > 0 && published < planned && planned < submitted, "the timeline runs oldest first");
        Assert.Contains("담당자: 박담당", html, StringComparison.Ordinal);
        Assert.Contains("개정본을 올립니다", html, StringComparison.Ordinal);
        Assert.Contains("증빙 파일 1개", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficialHomeCountsWhatWaitsWithLinksToTheFilteredList()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/official");

        // The scenario's one submission, and those of the demo's monitoring round (2025 상반기) waiting beside it.
        await using var db = app.Database.CreateContext();
        var roundSubmissions = await db.Recommendations.CountAsync(r =>
            r.ProgramId != s.Week.ProgramId && r.PublishedAtUtc != null && r.Status == RecommendationStatus.Submitted);
        Assert.Contains($"<a href=\"/recommendations?status=Submitted\">확인을 기다리는 증빙 {1 + roundSubmissions}건</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/recommendations?status=NotAdoptionProposed\">미채택 요청 1건</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/recommendations?overdue=true\">기한이 지난 권고사항 1건</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/recommendations\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsultantHomeListsTheEvidenceToCheck()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = await PageAsync(client, "/consultant");

        Assert.Contains("<h2 id=\"evidence-heading\">확인할 증빙</h2>", html, StringComparison.Ordinal);
        Assert.Contains(Link(s.Submitted, FollowUpWebFactory.SubmittedTitle), html, StringComparison.Ordinal);
        Assert.DoesNotContain(FollowUpWebFactory.OpenTitle, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgencyPortalShowsTheNextVisitWhatToPrepareAndProgressByArea()
    {
        var s = await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, "/agency");
        var grouped = await PageAsync(client, "/agency/recommendations");

        Assert.Contains($"<a href=\"/visits/{s.MovedVisitId}\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>" + FollowUpWebFactory.NextStep + "</li>", html, StringComparison.Ordinal);
        Assert.Matches("3/[0-9]+회차", html);
        Assert.Contains($"<a href=\"/visit-logs/{s.LogId}\">", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"home-area-0\">사업 기획·평가</h3>", html, StringComparison.Ordinal);
        Assert.Contains("이행 0/5 (0%)", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"전체 이행률\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"overdue-badge\">기한 지남 1건</strong>", html, StringComparison.Ordinal);
        Assert.Contains(Link(s.Open, FollowUpWebFactory.OpenTitle), html, StringComparison.Ordinal);

        Assert.Contains("<h2 id=\"area-0\">사업 기획·평가</h2>", grouped, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"사업 기획·평가 이행률\"", grouped, StringComparison.Ordinal);
        Assert.Contains(Link(s.Submitted, FollowUpWebFactory.SubmittedTitle), grouped, StringComparison.Ordinal);
        Assert.Matches("role=\"status\"[^>]*>권고사항 5건", grouped);
    }
}
