using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Tests.Visits;
using Consulting.Domain.Visits;
using Consulting.Testing;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>
/// The assignment board, candidates and (re)assignment against PostgreSQL with the demo programme started. Each test
/// takes engagements of its own (the class shares one database), noted at the top of the test.
/// </summary>
public class AssignmentServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private DemoSchedule _demo = null!;

    public async Task InitializeAsync() => _demo = await StartAsync(database, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    private AssignmentService AsOfficial => _demo.Assignments(_demo.Official);

    private async Task<EngagementRow> RowAsync(Guid engagementId) =>
        (await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter())).Single(r => r.Id == engagementId);

    [Fact]
    public async Task TheBoardListsEveryEngagementWithItsConsultantAndProgress()
    {
        // 햇살나무 조직 관리, 강하늘: visit 1 on 10 June (completed), visit 2 on 8 July
        var engagement = await _demo.AssignAsync(Haetsal, Organisation, "강하늘");
        var first = await _demo.ScheduleAsync(Haetsal, Organisation, 1, new DateOnly(2025, 6, 10), 10);
        await _demo.ScheduleAsync(Haetsal, Organisation, 2, new DateOnly(2025, 7, 8), 10);
        _clock.Now = new DateTimeOffset(2025, 6, 20, 12, 0, 0, TimeSpan.FromHours(9));
        await _demo.Visits(_demo.Official).CompleteAsync(first, await _demo.VersionAsync(first));

        var board = await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter());

        Assert.Equal(28, board.Count);
        var row = board.Single(r => r.Id == engagement);
        Assert.Equal((Haetsal, "조직 관리", "강하늘", 3, 2, 1, 1), (row.AgencyName, row.AreaName.Ko, row.ConsultantName, row.PlannedVisits, row.Scheduled, row.Completed, row.HeldSoFar));
        Assert.Equal(Utc(new DateOnly(2025, 7, 8), 10), row.NextVisitUtc);
        Assert.DoesNotContain(await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter(UnassignedOnly: true)), r => r.Id == engagement);
        var hers = await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter(ConsultantId: _demo.Consultants["강하늘"]));
        Assert.Contains(hers, r => r.Id == engagement);
        Assert.All(hers, r => Assert.Equal("강하늘", r.ConsultantName));
        Assert.All(await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter(AreaId: row.AreaId)), r => Assert.Equal("조직 관리", r.AreaName.Ko));

        // By 1 September a third of the period has gone: an engagement with nothing held is behind, this one is not.
        _clock.Now = new DateTimeOffset(2025, 9, 1, 12, 0, 0, TimeSpan.FromHours(9));
        var behind = await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter(BehindOnly: true));
        Assert.DoesNotContain(behind, r => r.Id == engagement);
        Assert.Contains(behind, r => r.Id == board.Single(b => b.AgencyName == Mujigae && b.AreaName.Ko == "지역사회조직화").Id);
    }

    [Fact]
    public async Task TheBoardCountsTheAgencysOpenChangeRequestsUntilTheVisitIsMoved()
    {
        // 가온 사례 관리, 문바다: visit 1 on 17 June, the agency asks for another day, the official moves it to 19 June
        var engagement = await _demo.AssignAsync(Gaon, CaseManagement, "문바다");
        var visit = await _demo.ScheduleAsync(Gaon, CaseManagement, 1, new DateOnly(2025, 6, 17), 10);
        Assert.Equal(0, (await RowAsync(engagement)).ChangeRequests);

        await _demo.Visits(TestUser.StaffOf(_demo.Agencies[Gaon])).RequestChangeAsync(visit, "기관 감사 일정과 겹칩니다", await _demo.VersionAsync(visit));
        Assert.Equal(1, (await RowAsync(engagement)).ChangeRequests);

        await _demo.Visits(_demo.Official).MoveAsync(
            visit, new VisitInput(new DateOnly(2025, 6, 19), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, null),
            await _demo.VersionAsync(visit), "기관 요청");
        Assert.Equal(0, (await RowAsync(engagement)).ChangeRequests);
    }

    [Fact]
    public async Task ProgressAddsUpPerAreaAndPerAgency()
    {
        // 온새미 지역사회조직화, 오누리: visit 1 on 12 June
        await _demo.AssignAsync(Onsaemi, Community, "오누리");
        await _demo.ScheduleAsync(Onsaemi, Community, 1, new DateOnly(2025, 6, 12), 10);

        var progress = await AsOfficial.GetProgressAsync(_demo.ProgramId);

        Assert.Equal(105, progress.PlannedVisits);
        Assert.Equal(["조직 관리", "사업 기획·평가", "사례 관리", "지역사회조직화"], progress.ByArea.Select(a => a.Name));
        Assert.Equal([(7, 21), (7, 42), (7, 21), (7, 21)], progress.ByArea.Select(a => (a.Engagements, a.PlannedVisits)));
        Assert.Equal(7, progress.ByAgency.Count);
        Assert.All(progress.ByAgency, a => Assert.Equal((4, 15), (a.Engagements, a.PlannedVisits)));
        var onsaemi = progress.ByAgency.Single(a => a.Name == Onsaemi);
        Assert.InRange(onsaemi.Assigned, 1, 4);
        Assert.InRange(onsaemi.Scheduled, 1, 15);
        Assert.Equal(progress.ByArea.Sum(a => a.Scheduled), progress.Scheduled);
        Assert.Equal(progress.ByAgency.Sum(a => a.Assigned), progress.ByArea.Sum(a => a.Assigned));
    }

    [Fact]
    public async Task CandidatesAreActiveConsultantsCoveringTheAreaWithTheirLoadAndClashes()
    {
        // 사례 관리: 푸른둥지 (문바다) and 온새미 (강하늘), both at 10:00 on 11 June
        var june11 = new DateOnly(2025, 6, 11);
        var engagement = await _demo.AssignAsync(Pureun, CaseManagement, "문바다");
        await _demo.AssignAsync(Onsaemi, CaseManagement, "강하늘");
        await _demo.ScheduleAsync(Pureun, CaseManagement, 1, june11, 10);
        await _demo.ScheduleAsync(Onsaemi, CaseManagement, 1, june11, 10);
        await using (var db = database.CreateContext())
        {
            var dormant = new Consultant(new ConsultantProfile("휴면 사례관리 전문가", null, ["case-management"], null, null, null, 4, null), DateTime.UtcNow);
            dormant.Deactivate();
            db.Consultants.Add(dormant);
            await db.SaveChangesAsync();
        }

        var candidates = await AsOfficial.ListCandidatesAsync(engagement);

        Assert.Equal(["강하늘", "문바다", "배솔빛"], candidates.Select(c => c.Name).Order());
        var kang = candidates.Single(c => c.Name == "강하늘");
        Assert.Equal(1, kang.Clashes);
        Assert.True(kang.Engagements >= 1);
        Assert.Equal(kang, candidates[^1]);
        Assert.True(candidates.Single(c => c.Name == "문바다").IsCurrent);
        Assert.Equal((0, 0, 0, false), candidates.Where(c => c.Name == "배솔빛").Select(c => (c.Clashes, c.Engagements, c.PlannedVisits, c.IsCurrent)).Single());
    }

    [Fact]
    public async Task ReassigningWithAReasonMovesTheVisitsStillToComeAndKeepsTheHistory()
    {
        // 해솔 조직 관리: 오누리, visits on 3 June and 1 July; on 15 June 강하늘 takes over
        var engagement = await _demo.AssignAsync(Haesol, Organisation, "오누리");
        var past = await _demo.ScheduleAsync(Haesol, Organisation, 1, new DateOnly(2025, 6, 3), 10);
        var future = await _demo.ScheduleAsync(Haesol, Organisation, 2, new DateOnly(2025, 7, 1), 10);
        _clock.Now = new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.FromHours(9));
        var version = (await RowAsync(engagement)).Version;
        var kang = _demo.Consultants["강하늘"];

        var noReason = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.AssignAsync(engagement, kang, "  ", version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsOfficial.AssignAsync(engagement, kang, "담당 교체", version + 1));
        await AsOfficial.AssignAsync(engagement, kang, "오누리 컨설턴트 장기 출장", version);

        Assert.Equal("assignment.reason-required", noReason.Code);
        Assert.Equal(_demo.Consultants["오누리"], (await _demo.VisitAsync(past)).ConsultantId);
        Assert.Equal(kang, (await _demo.VisitAsync(future)).ConsultantId);
        var detail = (await _demo.Visits(_demo.Official).GetEngagementAsync(engagement))!;
        Assert.Equal("강하늘", detail.ConsultantName);
        Assert.Equal([("오누리", (string?)null, (string?)null), ("강하늘", "오누리", "오누리 컨설턴트 장기 출장")],
            detail.Assignments.Select(a => (a.ConsultantName, a.PreviousConsultantName, a.Reason)));
        Assert.Equal(OfficialName, detail.Assignments[^1].ByName);
        var history = (await _demo.Visits(_demo.Official).GetAsync(future))!.History;
        Assert.Equal((VisitChangeKind.Reassigned, "오누리 컨설턴트 장기 출장"), (history[^1].Kind, history[^1].Reason));
    }

    [Fact]
    public async Task ReassigningIsRefusedWhenTheNewConsultantIsBusyThen()
    {
        // 2 September: 별마루 조직 관리 (오누리, 10–12) and 해솔 사례 관리 (강하늘, 11–13)
        var september2 = new DateOnly(2025, 9, 2);
        var engagement = await _demo.AssignAsync(Byeolmaru, Organisation, "오누리");
        await _demo.AssignAsync(Haesol, CaseManagement, "강하늘");
        await _demo.ScheduleAsync(Byeolmaru, Organisation, 1, september2, 10);
        await _demo.ScheduleAsync(Haesol, CaseManagement, 1, september2, 11);

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await AsOfficial.AssignAsync(engagement, _demo.Consultants["강하늘"], "교체", (await RowAsync(engagement)).Version));

        Assert.Equal("visit.consultant-clash", error.Code);
        Assert.Equal(["강하늘", Haesol, new BilingualName("사례 관리", "Case management"), 1, Seoul(september2, 11), Seoul(september2, 13)], error.Args);
        Assert.Equal("오누리", (await RowAsync(engagement)).ConsultantName);
    }

    [Fact]
    public async Task AConsultantOutsideTheAreaIsRefused()
    {
        // 무지개다리 조직 관리 offered to 조은결 (peer coaching only)
        var engagement = await _demo.EngagementAsync(Mujigae, Organisation);

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await AsOfficial.AssignAsync(engagement, _demo.Consultants["조은결"], null, (await RowAsync(engagement)).Version));

        Assert.Equal(("assignment.expertise", (object)"조은결"), (error.Code, error.Args[0]));
        Assert.Null((await RowAsync(engagement)).ConsultantId);
    }

    [Fact]
    public async Task OnlyAnOfficialSeesTheBoardAndAssigns()
    {
        var engagement = await _demo.EngagementAsync(Mujigae, Organisation);
        foreach (var user in new[] { _demo.DemoConsultant, _demo.DemoAgencyStaff })
        {
            var service = _demo.Assignments(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter()));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListCandidatesAsync(engagement));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.AssignAsync(engagement, _demo.Consultants["강하늘"], null, 0));
        }
    }

    [Fact]
    public async Task AConsultantListsTheirOwnEngagements()
    {
        // 가온 사업 기획·평가, 윤슬기
        var engagement = await _demo.AssignAsync(Gaon, Planning, "윤슬기");

        var mine = await _demo.Assignments(_demo.DemoConsultant).ListMineAsync();

        var row = Assert.Single(mine, m => m.Id == engagement);
        Assert.Equal((Gaon, "사업 기획·평가", 6), (row.AgencyName, row.AreaName.Ko, row.PlannedVisits));
        var board = await AsOfficial.GetBoardAsync(_demo.ProgramId, new AssignmentBoardFilter());
        Assert.All(mine, m => Assert.Equal("윤슬기", board.Single(b => b.Id == m.Id).ConsultantName));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsOfficial.ListMineAsync());
    }
}
