using System.Net;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>The review queue, the log's read page for each role, the agency's recommendations and the template pages.</summary>
public class LogReviewPagesTests(LogReviewWebFactory app) : IClassFixture<LogReviewWebFactory>
{
    private const string NotFoundText = "방문 기록을 찾을 수 없습니다.";
    private const string Password = "Staff!2025review";

    private Task<HttpClient> SignedInAsync(string email, string password = DemoData.Password) => app.SignedInClientAsync(email, password);

    private static Task<string> PageAsync(HttpClient client, string path) => ConsultingWebFactory.PageAsync(client, path);

    [Fact]
    public async Task TheOfficialsQueueListsTheSubmittedLogAndNotTheApprovedOne()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/visit-logs");

        Assert.Contains("<h1>방문 기록 검토</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>검토를 기다리는 방문 기록 (제출 순)</caption>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/visit-logs/{logs.SubmittedLogId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/visit-logs/{logs.ApprovedLogId}\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"log-filter-status\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"log-filter-program\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusFilterInTheAddressShowsApprovedLogs()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/visit-logs?status=Approved");

        Assert.Contains($"href=\"/visit-logs/{logs.ApprovedLogId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/visit-logs/{logs.SubmittedLogId}\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Approved\" selected[^>]*>승인됨</option>", html);
    }

    [Fact]
    public async Task TheOfficialHomeCountsTheLogsWaitingForReview()
    {
        await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/official");

        Assert.Contains("<a href=\"/visit-logs?status=Submitted\">검토를 기다리는 방문 기록 1건</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/log-templates\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficialReadsTheSubmittedLogWithTheReviewFormAndHistory()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, $"/visit-logs/{logs.SubmittedLogId}");

        Assert.Contains($"<h1>{CalendarScenario.Agency} · 사업 기획·평가 2회차 방문 기록</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"review-comment\">검토 의견</label>", html, StringComparison.Ordinal);
        Assert.Contains(">승인</button>", html, StringComparison.Ordinal);
        Assert.Contains(">반려</button>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"history-heading\">처리 이력</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"amend-text\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficialSeesThePrivateNoteAndMayAmendTheApprovedLog()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, $"/visit-logs/{logs.ApprovedLogId}");

        Assert.Contains("담당자 전용 메모", html, StringComparison.Ordinal);
        Assert.Contains(LogReviewWebFactory.PrivateNote, html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"amend-section\">정정할 항목</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"review-comment\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyStaffReadTheApprovedLogWithoutThePrivateNoteOrTheHistory()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/visit-logs/{logs.ApprovedLogId}");

        Assert.Contains("<h3 id=\"log-section-1\">현황 및 문제점</h3>", html, StringComparison.Ordinal);
        // The text keeps its line break as typed; CSS shows it.
        Assert.Contains($"<div class=\"log-text\">{LogReviewWebFactory.FindingsText}</div>", html, StringComparison.Ordinal);
        Assert.Contains($"<h3>{LogReviewWebFactory.RecommendationTitle}</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>정정 1</strong>", html, StringComparison.Ordinal);
        Assert.Contains(LogReviewWebFactory.AmendmentText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(LogReviewWebFactory.PrivateNote, html, StringComparison.Ordinal);
        Assert.DoesNotContain("담당자 전용 메모", html, StringComparison.Ordinal);
        Assert.DoesNotContain("처리 이력", html, StringComparison.Ordinal);
        Assert.DoesNotContain("잘 정리됨", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"review-comment\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"amend-text\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyStaffAreToldTheSubmittedLogIsNotFound()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/visit-logs/{logs.SubmittedLogId}");

        Assert.Contains(NotFoundText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(LogReviewWebFactory.FindingsText, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAgencysStaffAreToldTheApprovedLogIsNotFound()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(await CreateStaffOfAsync(CalendarScenario.OtherAgency), Password);

        var html = await PageAsync(client, $"/visit-logs/{logs.ApprovedLogId}");
        var list = await PageAsync(client, "/visit-logs");
        var recommendations = await PageAsync(client, "/agency/recommendations");

        Assert.Contains(NotFoundText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(LogReviewWebFactory.FindingsText, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/visit-logs/{logs.ApprovedLogId}", list, StringComparison.Ordinal);
        Assert.DoesNotContain(LogReviewWebFactory.RecommendationTitle, recommendations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyStaffListTheirApprovedLogsOnly()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, "/visit-logs");

        Assert.Contains("<h1>우리 기관 방문 기록</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/visit-logs/{logs.ApprovedLogId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/visit-logs/{logs.SubmittedLogId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"log-filter-status\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsultantListsAllTheirLogs()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = await PageAsync(client, "/visit-logs");

        Assert.Contains("<h1>내 방문 기록</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/visit-logs/{logs.ApprovedLogId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/visit-logs/{logs.SubmittedLogId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgencySeesThePublishedRecommendationLinkedToItsLog()
    {
        var logs = await app.LogsAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, "/agency/recommendations");
        var home = await PageAsync(client, "/agency");

        Assert.Contains("<h1>권고사항</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"area-0\">사업 기획·평가</h2>", html, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"/recommendations/[0-9a-f-]{{36}}\">{LogReviewWebFactory.RecommendationTitle}</a>", html);
        Assert.Contains($"<a href=\"/visit-logs/{logs.ApprovedLogId}\">방문 기록 보기", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agency/recommendations\">이행할 권고사항 1건 보기</a>", home, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visit-logs/{logs.ApprovedLogId}\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficialListsTheSixTemplatesAndOpensOne()
    {
        await app.LogsAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, "/log-templates");
        var id = System.Text.RegularExpressions.Regex.Match(html, "href=\"/log-templates/([0-9a-f-]{36})\">사업 기획·평가 일지</a>").Groups[1].Value;
        var editor = await PageAsync(client, $"/log-templates/{id}");

        Assert.Contains("양식 6개", html, StringComparison.Ordinal);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(html, "<a href=\"/log-templates/[0-9a-f-]{36}\">"));
        Assert.Contains("<h1>일지 양식 수정: 사업 기획·평가 일지</h1>", editor, StringComparison.Ordinal);
        Assert.Contains("planning-evaluation", editor, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"'현황 및 문제점' 위로\"", editor, StringComparison.Ordinal);
        Assert.Contains("value=\"현황 및 문제점\"", editor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.ConsultantEmail, "/log-templates")]
    [InlineData(DemoData.AgencyEmail, "/log-templates")]
    [InlineData(DemoData.ConsultantEmail, "/agency/recommendations")]
    [InlineData(DemoData.OfficialEmail, "/agency/recommendations")]
    public async Task OtherRolesAreTurnedAway(string email, string path)
    {
        await app.LogsAsync();
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    private async Task<string> CreateStaffOfAsync(string agencyName)
    {
        var email = $"staff-{Guid.NewGuid():N}@web.test";
        await app.CreateAgencyStaffAsync(agencyName, email, Password);
        return email;
    }
}
