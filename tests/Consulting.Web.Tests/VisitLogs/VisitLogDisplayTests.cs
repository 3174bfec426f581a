using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Web.Features.Calendar;
using Consulting.Web.Features.VisitLogs;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>The log editor's header and the consultant's list of visits to log, rendered to HTML.</summary>
public class VisitLogDisplayTests
{
    // 2025-06-09 10:00–12:00 in Seoul.
    private static readonly DateTime Start = new(2025, 6, 9, 1, 0, 0, DateTimeKind.Utc);

    internal static VisitLogView Log(VisitLogStatus status, string? returnComment) => new(
        Guid.NewGuid(), Guid.NewGuid(), 2, 6, Guid.NewGuid(), Guid.NewGuid(), "2025 품질관리 컨설팅", Guid.NewGuid(), "해솔 종합사회복지관",
        Guid.NewGuid(), new BilingualName("사업 기획·평가", "Planning and evaluation"), ["성과지표", "사업계획"], "윤슬기",
        Start, Start.AddHours(2), status, null, null, [], [],
        [new LogSection("findings", "현황과 문제점", "Findings", "확인한 현황", "What you found", true, "")],
        [], [], null, returnComment, null, null, Start, [], [], [], [], [], new LogPermissions(true, false, false, true), 1);

    [Fact]
    public async Task AReturnedLogShowsTheOfficialsCommentAsAnAlertAboveTheFacts()
    {
        var html = await ComponentRenderer.RenderAsync<LogHeader>(new() { [nameof(LogHeader.Log)] = Log(VisitLogStatus.Returned, "참석자 직위를 적어 주세요.") });

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"log-return-heading\">보완 요청</h2>", html, StringComparison.Ordinal);
        Assert.Contains("참석자 직위를 적어 주세요.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("참석자 직위", StringComparison.Ordinal) < html.IndexOf("<dl", StringComparison.Ordinal));
        Assert.Contains("<dd>해솔 종합사회복지관</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>2/6회차</dd>", html, StringComparison.Ordinal);
        Assert.Contains("10:00–12:00", html, StringComparison.Ordinal);
        Assert.Contains("<dd>반려됨</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftHasNoAlertAndShowsTheAreaInTheUsersLanguage()
    {
        var html = await ComponentRenderer.RenderAsync<LogHeader>(new() { [nameof(LogHeader.Log)] = Log(VisitLogStatus.Draft, null) }, "en-US");

        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Planning and evaluation</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>visit 2 of 6</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePendingListLinksEachVisitToItsLogAndShowsWhatWasAskedOnReturn()
    {
        var notStarted = new PendingLogRow(Guid.NewGuid(), null, null, "해솔 종합사회복지관", new BilingualName("사업 기획·평가", "Planning"), 1, 3, Start, null);
        var returned = new PendingLogRow(
            Guid.NewGuid(), Guid.NewGuid(), VisitLogStatus.Returned, "별마루 종합사회복지관", new BilingualName("조직 관리", "Organisation"), 2, 3, Start.AddDays(2), "시간을 고쳐 주세요.");

        var html = await ComponentRenderer.RenderAsync<PendingLogsTable>(new() { [nameof(PendingLogsTable.Rows)] = new[] { notStarted, returned } });

        Assert.Contains("<caption class=\"visually-hidden\">기록할 방문 목록</caption>", html, StringComparison.Ordinal);
        Assert.Contains("작성 전", html, StringComparison.Ordinal);
        Assert.Contains("보완 요청: 시간을 고쳐 주세요.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visits/{notStarted.VisitId}/log\">기록 작성<span class=\"visually-hidden\"> 해솔 종합사회복지관 사업 기획·평가 1/3회차</span></a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visits/{returned.VisitId}/log\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2025. 6. 9.</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyPendingListSaysSo()
    {
        var html = await ComponentRenderer.RenderAsync<PendingLogsTable>(new() { [nameof(PendingLogsTable.Rows)] = Array.Empty<PendingLogRow>() });

        Assert.Contains("기록할 방문이 없습니다.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCalendarsVisitListLinksOnlyCompletedVisitsToTheirLog()
    {
        CalendarVisit VisitIn(VisitStatus status) => new(
            Guid.NewGuid(), Guid.NewGuid(), 2, 6, Start, Start.AddHours(2), status, VisitMode.OnSite, null, Guid.NewGuid(), "해솔 종합사회복지관", "남동구",
            Guid.NewGuid(), new BilingualName("사업 기획·평가", "Planning"), Guid.NewGuid(), "윤슬기", ChangeRequested: false, Sequence: 1, UpdatedAtUtc: Start, Version: 1);
        var completed = VisitIn(VisitStatus.Completed);
        var confirmed = VisitIn(VisitStatus.Confirmed);

        var html = await ComponentRenderer.RenderAsync<VisitList>(new()
        {
            [nameof(VisitList.Visits)] = new[] { completed, confirmed },
            [nameof(VisitList.Caption)] = "caption",
        });

        Assert.Contains($"<a href=\"/visits/{completed.Id}/log\" class=\"visit-list-log\">기록<span class=\"visually-hidden\"> 해솔 종합사회복지관 사업 기획·평가 2/6회차 방문 기록</span></a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/visits/{confirmed.Id}/log", html, StringComparison.Ordinal);
    }
}
