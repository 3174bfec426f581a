using Consulting.Domain.Common;
using Consulting.Domain.Visits;
using Consulting.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Visits;

/// <summary>
/// VisitService against PostgreSQL with the demo programme started. Each test takes its own engagements and weeks
/// (the class shares one database), noted at the top of the test.
/// </summary>
public class VisitSchedulingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly CalendarQuery WholeYear = new(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private DemoSchedule _demo = null!;

    public async Task InitializeAsync() => _demo = await StartAsync(database, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    private VisitService AsOfficial => _demo.Visits(_demo.Official);

    private async Task<int> HistoryLinesAsync()
    {
        await using var db = database.CreateContext();
        return await db.VisitChanges.CountAsync();
    }

    [Fact]
    public async Task SchedulesAVisitThenMovesItAndTheHistoryShowsBothTimes()
    {
        // 햇살나무 조직 관리, 강하늘, 10 and 12 June
        var engagement = await _demo.AssignAsync(Haetsal, Organisation, "강하늘");
        var june10 = new DateOnly(2025, 6, 10);
        var june12 = new DateOnly(2025, 6, 12);

        var scheduled = await AsOfficial.ScheduleAsync(engagement, 1, At(june10, 10), null);
        Assert.True(scheduled.Saved);
        Assert.Empty(scheduled.Warnings);
        var visitId = scheduled.VisitId!.Value;
        var moved = await AsOfficial.MoveAsync(visitId, At(june12, 14), await _demo.VersionAsync(visitId), null);

        Assert.True(moved.Saved);
        var detail = (await AsOfficial.GetAsync(visitId))!;
        Assert.Equal((Utc(june12, 14), Utc(june12, 16), VisitStatus.Planned, "강하늘"), (detail.StartsAtUtc, detail.EndsAtUtc, detail.Status, detail.ConsultantName));
        Assert.Equal([VisitChangeKind.Scheduled, VisitChangeKind.Moved], detail.History.Select(h => h.Kind));
        var line = detail.History[1];
        Assert.Equal((Utc(june10, 10), Utc(june10, 12), Utc(june12, 14), Utc(june12, 16), OfficialName),
            (line.OldStartsAtUtc!.Value, line.OldEndsAtUtc!.Value, line.NewStartsAtUtc, line.NewEndsAtUtc, line.ByName));
        Assert.Equal(2, (await _demo.VisitAsync(visitId)).Sequence);
    }

    [Fact]
    public async Task MovingFromAStaleVersionIsRefused()
    {
        // 무지개다리 조직 관리, 강하늘, 2 and 3 July
        await _demo.AssignAsync(Mujigae, Organisation, "강하늘");
        var visitId = await _demo.ScheduleAsync(Mujigae, Organisation, 1, new DateOnly(2025, 7, 2), 10);
        var stale = await _demo.VersionAsync(visitId);
        await AsOfficial.MoveAsync(visitId, At(new DateOnly(2025, 7, 2), 14), stale, SetUpReason);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsOfficial.MoveAsync(visitId, At(new DateOnly(2025, 7, 3), 10), stale, SetUpReason));
        Assert.Equal(Utc(new DateOnly(2025, 7, 2), 14), (await _demo.VisitAsync(visitId)).StartsAtUtc);
    }

    [Fact]
    public async Task AConsultantClashIsRefusedNamingTheOtherAgencyAreaAndNumber()
    {
        // 오누리: 푸른둥지 지역사회조직화 and 온새미 조직 관리, 17 June
        var june17 = new DateOnly(2025, 6, 17);
        await _demo.AssignAsync(Pureun, Community, "오누리");
        var second = await _demo.AssignAsync(Onsaemi, Organisation, "오누리");
        await _demo.ScheduleAsync(Pureun, Community, 1, june17, 10);
        var linesBefore = await HistoryLinesAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ScheduleAsync(second, 1, At(june17, 11), "이유가 있어도"));

        Assert.Equal("visit.consultant-clash", error.Code);
        Assert.Equal(["오누리", Pureun, new BilingualName("지역사회조직화", "Community organising"), 1, Seoul(june17, 10), Seoul(june17, 12)], error.Args);
        Assert.Equal(0, await _demo.VisitCountAsync(second));
        Assert.Equal(linesBefore, await HistoryLinesAsync());
    }

    [Fact]
    public async Task AnAgencyClashIsRefusedNamingTheOtherAreaNumberAndConsultant()
    {
        // 별마루: 조직 관리 (강하늘) and 사업 기획·평가 (임채원), 24 June
        var june24 = new DateOnly(2025, 6, 24);
        await _demo.AssignAsync(Byeolmaru, Organisation, "강하늘");
        var planning = await _demo.AssignAsync(Byeolmaru, Planning, "임채원");
        await _demo.ScheduleAsync(Byeolmaru, Organisation, 1, june24, 10);

        var error = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ScheduleAsync(planning, 1, At(june24, 11), null));

        Assert.Equal("visit.agency-clash", error.Code);
        Assert.Equal([Byeolmaru, new BilingualName("조직 관리", "Organisation management"), 1, Seoul(june24, 10), Seoul(june24, 12), "강하늘"], error.Args);
        Assert.Equal(0, await _demo.VisitCountAsync(planning));
    }

    [Fact]
    public async Task ACancelledVisitFreesItsSlot()
    {
        // 임채원: 별마루 지역사회조직화 and 햇살나무 지역사회조직화, 19 August
        var august19 = new DateOnly(2025, 8, 19);
        await _demo.AssignAsync(Byeolmaru, Community, "임채원");
        var other = await _demo.AssignAsync(Haetsal, Community, "임채원");
        var first = await _demo.ScheduleAsync(Byeolmaru, Community, 1, august19, 10);
        await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ScheduleAsync(other, 1, At(august19, 10), SetUpReason));

        await AsOfficial.CancelAsync(first, "기관 사정으로 취소", await _demo.VersionAsync(first));
        var outcome = await AsOfficial.ScheduleAsync(other, 1, At(august19, 10), null);

        Assert.True(outcome.Saved);
    }

    [Fact]
    public async Task WarningsHoldTheSaveAndAReasonOverridesThem()
    {
        // 가온 사례 관리, 문바다, Saturday 14 June and Friday 20 June
        var engagement = await _demo.AssignAsync(Gaon, CaseManagement, "문바다");
        var saturday = new DateOnly(2025, 6, 14);
        var linesBefore = await HistoryLinesAsync();

        var held = await AsOfficial.ScheduleAsync(engagement, 1, At(saturday, 10), "  ");

        Assert.False(held.Saved);
        Assert.Null(held.VisitId);
        var warning = Assert.Single(held.Warnings);
        Assert.Equal(("visit.warning.weekend", (object)saturday), (warning.Code, warning.Args[0]));
        Assert.Equal(0, await _demo.VisitCountAsync(engagement));
        Assert.Equal(linesBefore, await HistoryLinesAsync());

        var saved = await AsOfficial.ScheduleAsync(engagement, 1, At(saturday, 10), "기관 요청으로 토요일 방문");

        Assert.True(saved.Saved);
        var line = Assert.Single((await AsOfficial.GetAsync(saved.VisitId!.Value))!.History);
        Assert.Equal(["visit.warning.weekend"], line.OverriddenWarnings);
        Assert.Equal("기관 요청으로 토요일 방문", line.Reason);

        var tooSoon = await AsOfficial.ScheduleAsync(engagement, 2, At(new DateOnly(2025, 6, 20), 10), null);
        Assert.False(tooSoon.Saved);
        Assert.Equal("visit.warning.too-soon", Assert.Single(tooSoon.Warnings).Code);
        Assert.Equal([1, 6, 7], tooSoon.Warnings[0].Args);
    }

    [Fact]
    public async Task AHolidayIsAWarningThatNamesIt()
    {
        // 가온 지역사회조직화, 오누리, 15 August
        var engagement = await _demo.AssignAsync(Gaon, Community, "오누리");

        var held = await AsOfficial.ScheduleAsync(engagement, 1, At(new DateOnly(2025, 8, 15), 10), null);

        var warning = Assert.Single(held.Warnings);
        Assert.Equal(("visit.warning.holiday", "광복절"), (warning.Code, ((BilingualName)warning.Args[1]).Ko));
        Assert.Equal(0, await _demo.VisitCountAsync(engagement));
    }

    [Fact]
    public async Task TheConsultantsDeclaredDatesAreAWarning()
    {
        // 가온 조직 관리, 윤슬기 (away 4–8 August in the demo), 6 August
        var engagement = await _demo.AssignAsync(Gaon, Organisation, "윤슬기");

        var held = await AsOfficial.ScheduleAsync(engagement, 1, At(new DateOnly(2025, 8, 6), 10), null);

        var warning = Assert.Single(held.Warnings);
        Assert.Equal("visit.warning.unavailable", warning.Code);
        Assert.Equal(["윤슬기", new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8)], warning.Args);
    }

    [Fact]
    public async Task MoreVisitsInAWeekThanTheConsultantAcceptsIsAWarning()
    {
        // 가온 사업 기획·평가, 임채원 (three a week), 1–4 September
        var engagement = await _demo.AssignAsync(Gaon, Planning, "임채원");
        for (var day = 1; day <= 3; day++)
        {
            await _demo.ScheduleAsync(Gaon, Planning, day, new DateOnly(2025, 9, day), 10);
        }

        var held = await AsOfficial.ScheduleAsync(engagement, 4, At(new DateOnly(2025, 9, 4), 10), null);

        var warning = Assert.Single(held.Warnings, w => w.Code == "visit.warning.weekly-max");
        Assert.Equal(["임채원", 4, 3], warning.Args);
    }

    public static TheoryData<string, int> StatusChanges => new()
    {
        { "confirm", 1 },
        { "complete", 2 },
        { "cancel", 3 },
        { "postpone", 4 },
    };

    [Theory]
    [MemberData(nameof(StatusChanges))]
    public async Task AStatusChangeFromAStaleVersionIsRefused(string change, int number)
    {
        // 무지개다리 사업 기획·평가, 임채원, visits 1–4 on the Tuesdays of July
        await _demo.AssignAsync(Mujigae, Planning, "임채원");
        var day = new DateOnly(2025, 7, 1).AddDays(7 * (number - 1));
        var visitId = await _demo.ScheduleAsync(Mujigae, Planning, number, day, 10);
        var stale = await _demo.VersionAsync(visitId);
        await AsOfficial.MoveAsync(visitId, At(day, 14), stale, SetUpReason);
        _clock.Now = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Task act() => change switch
        {
            "confirm" => AsOfficial.ConfirmAsync(visitId, stale),
            "complete" => AsOfficial.CompleteAsync(visitId, stale),
            "cancel" => AsOfficial.CancelAsync(visitId, "취소", stale),
            _ => AsOfficial.PostponeAsync(visitId, "연기", stale),
        };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(act);
        var visit = await _demo.VisitAsync(visitId);
        Assert.Equal((VisitStatus.Planned, 2), (visit.Status, visit.Sequence));
    }

    [Fact]
    public async Task AVisitIsConfirmedCompletedPostponedAndPutBackThroughTheService()
    {
        // 푸른둥지 조직 관리, 윤슬기, 21 and 28 October
        await _demo.AssignAsync(Pureun, Organisation, "윤슬기");
        var first = await _demo.ScheduleAsync(Pureun, Organisation, 1, new DateOnly(2025, 10, 21), 10);
        var second = await _demo.ScheduleAsync(Pureun, Organisation, 2, new DateOnly(2025, 10, 28), 10);

        await AsOfficial.ConfirmAsync(first, await _demo.VersionAsync(first));
        await Assert.ThrowsAsync<DomainException>(() => AsOfficial.CompleteAsync(first, 0));
        _clock.Now = new DateTimeOffset(2025, 10, 21, 14, 0, 0, TimeSpan.FromHours(9));
        await AsOfficial.CompleteAsync(first, await _demo.VersionAsync(first));
        var completedVersion = await _demo.VersionAsync(first);
        var locked = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.MoveAsync(first, At(new DateOnly(2025, 10, 22), 10), completedVersion, SetUpReason));
        var secondVersion = await _demo.VersionAsync(second);
        var refused = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.CancelAsync(second, " ", secondVersion));
        await AsOfficial.PostponeAsync(second, "기관 일정 변경", await _demo.VersionAsync(second));
        var postponed = (await AsOfficial.GetAsync(second))!;
        await AsOfficial.MoveAsync(second, At(new DateOnly(2025, 10, 29), 10), postponed.Version, SetUpReason);

        Assert.Equal("visit.completed-locked", locked.Code);
        Assert.Equal("visit.reason-required", refused.Code);
        Assert.Equal([VisitChangeKind.Scheduled, VisitChangeKind.Confirmed, VisitChangeKind.Completed], (await AsOfficial.GetAsync(first))!.History.Select(h => h.Kind));
        Assert.Equal((VisitStatus.Postponed, "기관 일정 변경"), (postponed.Status, postponed.StatusReason));
        var back = (await AsOfficial.GetAsync(second))!;
        Assert.Equal((VisitStatus.Planned, (string?)null), (back.Status, back.StatusReason));
    }

    [Fact]
    public async Task TheEngagementsRulesHoldThroughTheService()
    {
        // 무지개다리 사례 관리, 문바다
        var engagement = await _demo.AssignAsync(Mujigae, CaseManagement, "문바다");

        var outside = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ScheduleAsync(engagement, 1, At(new DateOnly(2025, 12, 1), 10), SetUpReason));
        var number = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ScheduleAsync(engagement, 4, At(new DateOnly(2025, 7, 1), 10), SetUpReason));
        await Assert.ThrowsAsync<ValidationException>(() => AsOfficial.ScheduleAsync(
            engagement, 1, new VisitInput(new DateOnly(2025, 7, 1), new TimeOnly(12, 0), new TimeOnly(10, 0), VisitMode.OnSite, null), SetUpReason));
        var unassigned = await Assert.ThrowsAsync<DomainException>(async () =>
            await AsOfficial.ScheduleAsync(await _demo.EngagementAsync(Mujigae, Community), 1, At(new DateOnly(2025, 7, 1), 10), SetUpReason));

        Assert.Equal(("visit.outside-period", "visit.number-range", "visit.needs-consultant"), (outside.Code, number.Code, unassigned.Code));
        Assert.Equal(0, await _demo.VisitCountAsync(engagement));
    }

    // ---- who may do what ----

    [Fact]
    public async Task AConsultantSchedulesTheirOwnEngagementButNotAnotherConsultants()
    {
        // 온새미 사업 기획·평가 (윤슬기), 9 September; 햇살나무 조직 관리 (강하늘) visit 3, 4 November
        var own = await _demo.AssignAsync(Onsaemi, Planning, "윤슬기");
        var others = await _demo.AssignAsync(Haetsal, Organisation, "강하늘");
        var othersVisit = await _demo.ScheduleAsync(Haetsal, Organisation, 3, new DateOnly(2025, 11, 4), 10);
        var consultant = _demo.Visits(_demo.DemoConsultant);

        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.ScheduleAsync(others, 2, At(new DateOnly(2025, 10, 1), 10), SetUpReason));
        var version = await _demo.VersionAsync(othersVisit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.ConfirmAsync(othersVisit, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.MoveAsync(othersVisit, At(new DateOnly(2025, 11, 5), 10), version, SetUpReason));
        var outcome = await consultant.ScheduleAsync(own, 1, At(new DateOnly(2025, 9, 9), 10), null);

        Assert.True(outcome.Saved);
        Assert.Equal("윤슬기 (데모 컨설턴트)", Assert.Single((await consultant.GetAsync(outcome.VisitId!.Value))!.History).ByName);
        Assert.Equal(VisitStatus.Planned, (await _demo.VisitAsync(othersVisit)).Status);
    }

    [Fact]
    public async Task AgencyStaffSeeOnlyTheirAgencysVisits()
    {
        // 해솔 조직 관리 (강하늘) and 온새미 사례 관리 (문바다), 16 September
        var september16 = new DateOnly(2025, 9, 16);
        await _demo.AssignAsync(Haesol, Organisation, "강하늘");
        await _demo.AssignAsync(Onsaemi, CaseManagement, "문바다");
        var own = await _demo.ScheduleAsync(Haesol, Organisation, 1, september16, 10);
        var other = await _demo.ScheduleAsync(Onsaemi, CaseManagement, 1, september16, 10);
        var staff = _demo.Visits(_demo.DemoAgencyStaff);

        var list = await staff.ListAsync(WholeYear);

        Assert.Contains(list, v => v.Id == own);
        Assert.All(list, v => Assert.Equal(_demo.Agencies[Haesol], v.AgencyId));
        Assert.Contains(await AsOfficial.ListAsync(WholeYear), v => v.Id == other);
        Assert.NotNull(await staff.GetAsync(own));
        Assert.Null(await staff.GetAsync(other));
        Assert.Empty(await staff.ListAsync(WholeYear with { AgencyId = _demo.Agencies[Onsaemi] }));
        var ownEngagement = await _demo.EngagementAsync(Haesol, Organisation);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.ScheduleAsync(ownEngagement, 2, At(september16.AddDays(14), 10), SetUpReason));
    }

    [Fact]
    public async Task AgencyStaffAskForAnotherTimeOnlyForTheirOwnVisits()
    {
        // 배솔빛: 해솔 사례 관리 (23 September) and 푸른둥지 사례 관리 (24 September)
        await _demo.AssignAsync(Haesol, CaseManagement, "배솔빛");
        await _demo.AssignAsync(Pureun, CaseManagement, "배솔빛");
        var own = await _demo.ScheduleAsync(Haesol, CaseManagement, 1, new DateOnly(2025, 9, 23), 10);
        var other = await _demo.ScheduleAsync(Pureun, CaseManagement, 1, new DateOnly(2025, 9, 24), 10);
        var staff = _demo.Visits(_demo.DemoAgencyStaff);

        await staff.RequestChangeAsync(own, "기관 감사 일정과 겹칩니다", await _demo.VersionAsync(own));

        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.RequestChangeAsync(other, "다른 날로", 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsOfficial.RequestChangeAsync(own, "담당자가 대신", 0));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => staff.RequestChangeAsync(own, "한 번 더", 0));
        var detail = (await staff.GetAsync(own))!;
        Assert.Equal("기관 감사 일정과 겹칩니다", detail.ChangeRequest);
        Assert.Equal(VisitChangeKind.ChangeRequested, detail.History[^1].Kind);
        Assert.True((await AsOfficial.ListAsync(WholeYear)).Single(v => v.Id == own).ChangeRequested);
        Assert.Null((await _demo.VisitAsync(other)).ChangeRequest);
    }

    [Fact]
    public async Task AConsultantsCalendarHoldsOnlyTheirVisits()
    {
        // 해솔 사업 기획·평가 (윤슬기) and 햇살나무 사례 관리 (문바다), 14 October
        var october14 = new DateOnly(2025, 10, 14);
        await _demo.AssignAsync(Haesol, Planning, "윤슬기");
        await _demo.AssignAsync(Haetsal, CaseManagement, "문바다");
        var mine = await _demo.ScheduleAsync(Haesol, Planning, 1, october14, 10);
        var theirs = await _demo.ScheduleAsync(Haetsal, CaseManagement, 1, october14, 10);
        var consultant = _demo.Visits(_demo.DemoConsultant);

        var list = await consultant.ListAsync(WholeYear);

        Assert.Contains(list, v => v.Id == mine);
        Assert.All(list, v => Assert.Equal(_demo.Consultants["윤슬기"], v.ConsultantId));
        Assert.Null(await consultant.GetAsync(theirs));
        Assert.Contains(await AsOfficial.ListAsync(WholeYear with { ConsultantId = _demo.Consultants["문바다"] }), v => v.Id == theirs);
    }
}
