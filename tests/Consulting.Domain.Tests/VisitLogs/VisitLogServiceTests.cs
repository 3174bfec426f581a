using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>
/// The consultant's side of VisitLogService against PostgreSQL: opening, drafts, submission (which completes the
/// visit), stale versions, the pending list and amendments. Each test takes visits of its own (noted at its top).
/// </summary>
public class VisitLogServiceTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private VisitLogService AsConsultant => _s.Logs(_s.Consultant);

    private async Task<Visit> VisitAsync(Guid visitId)
    {
        await using var db = _s.CreateContext();
        return await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
    }

    private async Task<int> LogCountAsync(Guid visitId)
    {
        await using var db = _s.CreateContext();
        return await db.VisitLogs.CountAsync(l => l.VisitId == visitId);
    }

    [Fact]
    public async Task TheVisitsConsultantOpensALogInTheAreasTemplateAndOpeningAgainGivesTheSameLog()
    {
        // the week's visit 1
        var visitId = _s.Week.VisitIds[0];

        var logId = await AsConsultant.OpenAsync(visitId);
        var again = await AsConsultant.OpenAsync(visitId);

        Assert.Equal(logId, again);
        Assert.Equal(1, await LogCountAsync(visitId));
        Assert.Equal(logId, await AsConsultant.FindForVisitAsync(visitId));
        var log = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Draft, 1, 6, CalendarScenario.Agency, "윤슬기"), (log.Status, log.VisitNumber, log.PlannedVisits, log.AgencyName, log.ConsultantName));
        Assert.Equal(["reviewed", "findings", "indicators", "advice", "requests"], log.Sections.Select(s => s.Key));
        Assert.Equal(new BilingualName("성과지표 검토", "Indicators reviewed"), log.Sections[2].Title);
        Assert.Equal((log.VisitStartsAtUtc, log.VisitEndsAtUtc), (log.ActualStartsAtUtc!.Value, log.ActualEndsAtUtc!.Value));
        Assert.Equal(new LogPermissions(Edit: true, Review: false, Amend: false, SeePrivateNote: true), log.Can);
        Assert.Equal(VisitLogEventKind.Created, Assert.Single(log.Events).Kind);
    }

    [Fact]
    public async Task OnlyTheVisitsConsultantOpensOrWritesItsLog()
    {
        // the week's visit 2
        var visitId = _s.Week.VisitIds[1];
        var logId = await AsConsultant.OpenAsync(visitId);
        var view = await _s.ViewAsync(logId);
        var content = LogScenario.Complete(view);

        foreach (var someoneElse in new[] { _s.OtherConsultant, _s.Official, _s.AgencyStaff, TestUser.Consultant(), TestUser.Anonymous })
        {
            var logs = _s.Logs(someoneElse);
            await Assert.ThrowsAsync<AccessDeniedException>(() => logs.OpenAsync(visitId));
            await Assert.ThrowsAsync<AccessDeniedException>(() => logs.SaveDraftAsync(logId, content, view.Version));
            await Assert.ThrowsAsync<AccessDeniedException>(() => logs.SubmitAsync(logId, content, view.Version));
        }

        var after = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Draft, view.Version), (after.Status, after.Version));
        Assert.All(after.Sections, s => Assert.Equal("", s.Text));
        Assert.Null(await _s.Logs(_s.OtherConsultant).GetAsync(logId));
        Assert.Null(await _s.Logs(_s.AgencyStaff).GetAsync(logId));
    }

    [Fact]
    public async Task AnotherConsultantOpensTheLogOfTheirOwnVisitInItsAreasTemplate()
    {
        // 별마루's visit
        var logs = _s.Logs(_s.OtherConsultant);

        var logId = await logs.OpenAsync(_s.Week.OtherVisitId);

        var log = (await logs.GetAsync(logId))!;
        Assert.Equal(["reviewed", "findings", "advice", "requests"], log.Sections.Select(s => s.Key));
        Assert.Equal(CalendarScenario.OtherAgency, log.AgencyName);
        Assert.Null(await AsConsultant.GetAsync(logId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsConsultant.OpenAsync(_s.Week.OtherVisitId));
    }

    [Fact]
    public async Task ADraftSurvivesAReloadWithEveryField()
    {
        // new visit: 해솔 조직 관리
        var logId = await AsConsultant.OpenAsync(await _s.NewVisitAsync());
        var view = await _s.ViewAsync(logId);
        var step = Guid.NewGuid();
        var content = new LogContent(
            view.VisitStartsAtUtc.AddMinutes(10),
            view.VisitEndsAtUtc.AddMinutes(30),
            [new LogAttendee("김해솔", "기획팀장", AttendeeKind.AgencyStaff), new LogAttendee("박가온", null, AttendeeKind.Other)],
            ["조직 구조", "직무 분석"],
            new Dictionary<string, string?> { ["reviewed"] = "조직도, 직무기술서", ["findings"] = "<1단계> 결재 단계가 5단계로 많음", ["requests"] = "인사규정 예시 요청" },
            [new LogNextStep(step, "직무기술서 개정안 공유"), new LogNextStep(Guid.Empty, "결재 단계 축소안 검토")],
            [],
            "기관장 면담 필요");

        var version = await AsConsultant.SaveDraftAsync(logId, content, view.Version);

        var reloaded = await _s.ViewAsync(logId);
        Assert.Equal(version, reloaded.Version);
        Assert.NotEqual(view.Version, version);
        Assert.Equal(VisitLogStatus.Draft, reloaded.Status);
        Assert.Equal((content.ActualStartsAtUtc, content.ActualEndsAtUtc), (reloaded.ActualStartsAtUtc, reloaded.ActualEndsAtUtc));
        Assert.Equal(content.Attendees, reloaded.Attendees);
        Assert.Equal(content.Topics, reloaded.Topics);
        Assert.Equal(
            ["조직도, 직무기술서", "<1단계> 결재 단계가 5단계로 많음", "", "인사규정 예시 요청"],
            reloaded.Sections.Select(s => s.Text));
        Assert.Equal(["직무기술서 개정안 공유", "결재 단계 축소안 검토"], reloaded.NextSteps.Select(n => n.Text));
        Assert.Equal(step, reloaded.NextSteps[0].Id);
        Assert.NotEqual(Guid.Empty, reloaded.NextSteps[1].Id);
        Assert.Equal("기관장 면담 필요", reloaded.PrivateNote);
        Assert.Equal(VisitStatus.Planned, (await VisitAsync(reloaded.VisitId)).Status);
    }

    [Fact]
    public async Task SubmittingCompletesTheVisit()
    {
        // new visit: 해솔 조직 관리
        var visitId = await _s.NewVisitAsync();

        var logId = await _s.SubmittedAsync(visitId);

        var log = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Submitted, (DateTime?)_s.Clock.GetUtcNow().UtcDateTime), (log.Status, log.SubmittedAtUtc));
        Assert.Equal(new LogPermissions(Edit: false, Review: false, Amend: false, SeePrivateNote: true), log.Can);
        Assert.Equal([VisitLogEventKind.Created, VisitLogEventKind.Submitted], log.Events.Select(e => e.Kind));
        var visit = await VisitAsync(visitId);
        Assert.Equal(VisitStatus.Completed, visit.Status);
        Assert.Equal("성과지표가 산출 중심으로만 설정되어 있음", log.Sections.Single(s => s.Key == "findings").Text);
    }

    [Fact]
    public async Task AVisitStillAheadCannotBeSubmitted()
    {
        // new visit: 해솔 조직 관리 (its day is before 20 June; the clock here is the morning of 15 June)
        var visitId = await _s.NewVisitAsync();
        var logId = await AsConsultant.OpenAsync(visitId);
        var view = await _s.ViewAsync(logId);
        var before = new VisitLogService(_s.Factory, _s.Consultant, FixedClock.At(new DateOnly(2025, 6, 15)), TestNotifier.For(FixedClock.At(new DateOnly(2025, 6, 15))));

        var error = await Assert.ThrowsAsync<DomainException>(() => before.SubmitAsync(logId, LogScenario.Complete(view), view.Version));

        Assert.Equal("visitlog.future", error.Code);
        var after = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Draft, view.Version), (after.Status, after.Version));
        Assert.Equal(VisitStatus.Planned, (await VisitAsync(visitId)).Status);
    }

    [Fact]
    public async Task AnIncompleteLogIsNotSubmittedAndNothingIsSaved()
    {
        // new visit: 햇살나무 조직 관리
        var visitId = await _s.NewVisitAsync(LogScenario.Haetsal);
        var logId = await AsConsultant.OpenAsync(visitId);
        var view = await _s.ViewAsync(logId);
        var content = LogScenario.Complete(view);
        var noAdvice = content with { Sections = new Dictionary<string, string?>(content.Sections) { ["advice"] = " " } };

        var error = await Assert.ThrowsAsync<DomainException>(() => AsConsultant.SubmitAsync(logId, noAdvice, view.Version));

        Assert.Equal(("visitlog.section-required", (object)new BilingualName("자문 내용", "Advice given")), (error.Code, error.Args.Single()));
        var after = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Draft, view.Version, ""), (after.Status, after.Version, after.Sections.Single(s => s.Key == "findings").Text));
        Assert.Equal(VisitStatus.Planned, (await VisitAsync(visitId)).Status);
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndNothingChanges()
    {
        // new visit: 햇살나무 조직 관리
        var visitId = await _s.NewVisitAsync(LogScenario.Haetsal);
        var logId = await AsConsultant.OpenAsync(visitId);
        var view = await _s.ViewAsync(logId);
        var first = LogScenario.Complete(view);
        var current = await AsConsultant.SaveDraftAsync(logId, first, view.Version);
        var other = first with { PrivateNote = "다른 기기에서 쓴 메모", Topics = ["인사 관리"] };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsConsultant.SaveDraftAsync(logId, other, view.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsConsultant.SubmitAsync(logId, other, view.Version));

        var after = await _s.ViewAsync(logId);
        Assert.Equal((current, VisitLogStatus.Draft, "기관장 교체 예정"), (after.Version, after.Status, after.PrivateNote));
        Assert.Equal(["주요 사업 검토"], after.Topics);
        Assert.Equal(VisitStatus.Planned, (await VisitAsync(visitId)).Status);
        Assert.Equal([VisitLogEventKind.Created], after.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task ACancelledVisitHasNoLog()
    {
        // new visit: 햇살나무 조직 관리, cancelled
        var visitId = await _s.NewVisitAsync(LogScenario.Haetsal);
        var visits = new VisitService(_s.Factory, _s.Official, _s.Clock, new VisitInputValidator(), TestNotifier.For(_s.Clock));
        await visits.CancelAsync(visitId, "기관 사정", (await VisitAsync(visitId)).Version);

        var error = await Assert.ThrowsAsync<DomainException>(() => AsConsultant.OpenAsync(visitId));

        Assert.Equal("visitlog.visit-not-held", error.Code);
        Assert.Equal(0, await LogCountAsync(visitId));
    }

    [Fact]
    public async Task PendingListsHeldVisitsThatHaveStartedUntilTheirLogIsSubmitted()
    {
        // new visits: 해솔 사업 기획·평가 4, 5 and 6 (16–17 June)
        var unwritten = await _s.NewVisitAsync(LogScenario.Haesol, LogScenario.Planning);
        var drafted = await _s.NewVisitAsync(LogScenario.Haesol, LogScenario.Planning);
        var submitted = await _s.NewVisitAsync(LogScenario.Haesol, LogScenario.Planning);
        var draftId = await AsConsultant.OpenAsync(drafted);
        await _s.SubmittedAsync(submitted);

        var pending = await AsConsultant.PendingForMeAsync();

        var rows = pending.ToDictionary(p => p.VisitId);
        Assert.Equal(((Guid?)null, (VisitLogStatus?)null, 4), (rows[unwritten].LogId, rows[unwritten].Status, rows[unwritten].VisitNumber));
        Assert.Equal(((Guid?)draftId, (VisitLogStatus?)VisitLogStatus.Draft, CalendarScenario.Agency), (rows[drafted].LogId, rows[drafted].Status, rows[drafted].AgencyName));
        Assert.DoesNotContain(submitted, rows.Keys);
        Assert.DoesNotContain(_s.Week.OtherVisitId, rows.Keys);
        Assert.Equal(pending.OrderBy(p => p.VisitStartsAtUtc).Select(p => p.VisitId), pending.Select(p => p.VisitId));

        // A minute before it started, the visit was not pending yet.
        var earlierClock = new FixedClock((await VisitAsync(unwritten)).StartsAtUtc.AddMinutes(-1));
        var earlier = new VisitLogService(_s.Factory, _s.Consultant, earlierClock, TestNotifier.For(earlierClock));
        Assert.DoesNotContain(await earlier.PendingForMeAsync(), p => p.VisitId == unwritten);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(_s.Official).PendingForMeAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(_s.AgencyStaff).PendingForMeAsync());
    }

    [Fact]
    public async Task AnAmendmentIsNumberedAndLeavesTheSectionsAsApproved()
    {
        // new visit: 온새미 사업 기획·평가
        var logId = await _s.ApprovedAsync(await _s.NewVisitAsync(LogScenario.Onsaemi, LogScenario.Planning));
        var approved = await _s.ViewAsync(logId);
        Assert.True(approved.Can.Amend);

        // Each amendment a day later: the log's version moves with its UpdatedAtUtc, which a fixed clock would leave as it was.
        var nextDay = new VisitLogService(_s.Factory, _s.Consultant, FixedClock.At(LogScenario.Today.AddDays(1)), TestNotifier.For(FixedClock.At(LogScenario.Today.AddDays(1))));
        await nextDay.AmendAsync(logId, "findings", "지표 3개 중 1개는 성과 지표였음", "사실 관계 정정", approved.Version);
        var dayAfter = new VisitLogService(_s.Factory, _s.Official, FixedClock.At(LogScenario.Today.AddDays(2)), TestNotifier.For(FixedClock.At(LogScenario.Today.AddDays(2))));
        await dayAfter.AmendAsync(logId, " ", "참석자 박가온 추가", "참석자 누락", await _s.VersionAsync(logId));

        var log = await _s.ViewAsync(logId);
        Assert.Equal(approved.Sections, log.Sections);
        Assert.Equal(VisitLogStatus.Approved, log.Status);
        Assert.Equal(
            [(1, "findings", (BilingualName?)new BilingualName("현황 및 문제점", "Findings"), "사실 관계 정정", "윤슬기 (데모 컨설턴트)"),
             (2, (string?)null, (BilingualName?)null, "참석자 누락", "한가람 (데모 사업 담당자)")],
            log.Amendments.Select(a => (a.Number, a.SectionKey, a.Section, a.Reason, a.ByName)));
        Assert.Equal(VisitLogEventKind.Amended, log.Events[^1].Kind);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(_s.AgencyStaff).AmendAsync(logId, null, "정정", "사유", log.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(_s.OtherConsultant).AmendAsync(logId, null, "정정", "사유", log.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => nextDay.AmendAsync(logId, null, "정정", "사유", approved.Version));
        Assert.Equal(2, (await _s.ViewAsync(logId)).Amendments.Count);
    }

    [Fact]
    public async Task ALogUnderReviewIsNotAmendedButEditedAfterItIsReturned()
    {
        // new visit: 온새미 사업 기획·평가
        var logId = await _s.SubmittedAsync(await _s.NewVisitAsync(LogScenario.Onsaemi, LogScenario.Planning));
        var view = await _s.ViewAsync(logId);

        Assert.Equal("visitlog.amend-approved-only",
            (await Assert.ThrowsAsync<DomainException>(() => AsConsultant.AmendAsync(logId, null, "정정", "사유", view.Version))).Code);
        Assert.Equal("visitlog.under-review",
            (await Assert.ThrowsAsync<DomainException>(() => AsConsultant.SaveDraftAsync(logId, LogScenario.Complete(view), view.Version))).Code);
        Assert.Empty((await _s.ViewAsync(logId)).Amendments);
    }
}
