using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>Which logs each role lists, exactly: the class has a database of its own, so these are all the logs there are.</summary>
public class VisitLogListTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private async Task<Guid[]> IdsAsync(ICurrentUser user, LogListQuery? query = null) =>
        [.. (await _s.Logs(user).ListAsync(query ?? new LogListQuery())).Select(r => r.Id)];

    [Fact]
    public async Task EachRoleListsExactlyTheLogsItMaySee()
    {
        // 해솔 사업 기획·평가 1 approved (with a recommendation), 2 submitted, 3 a draft; 햇살나무 조직 관리 1 a draft (윤슬기);
        // 별마루 조직 관리 1 submitted by the other consultant, a day before 2 was.
        var approved = await _s.Logs(_s.Consultant).OpenAsync(_s.Week.VisitIds[0]);
        await _s.Recommendations(_s.Consultant).AddAsync(
            approved, new RecommendationInput("결과보고서 서식 정비", "지표와 결과보고서 항목을 맞출 것", null, RecommendationPriority.High, new DateOnly(2025, 7, 31), null));
        var firstView = await _s.ViewAsync(approved);
        await _s.Logs(_s.Consultant).SubmitAsync(approved, LogScenario.Complete(firstView), firstView.Version);
        var secondVisitLog = await _s.SubmittedAsync(_s.Week.VisitIds[1]);
        var draft = await _s.Logs(_s.Consultant).OpenAsync(_s.Week.VisitIds[2]);
        var haetsalDraft = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var earlier = new VisitLogService(_s.Factory, _s.OtherConsultant, FixedClock.At(LogScenario.Today.AddDays(-1)), TestNotifier.For(FixedClock.At(LogScenario.Today.AddDays(-1))));
        var other = await earlier.OpenAsync(_s.Week.OtherVisitId);
        var otherView = (await earlier.GetAsync(other))!;
        await earlier.SubmitAsync(other, LogScenario.Complete(otherView), otherView.Version);

        // Once submitted, visit 1's log takes no more recommendations; approving it is the last step.
        Assert.Equal("visitlog.under-review", (await Assert.ThrowsAsync<DomainException>(() => _s.Recommendations(_s.Consultant).AddAsync(
            approved, new RecommendationInput("늦은 권고", "설명", null, RecommendationPriority.Low, new DateOnly(2025, 7, 31), null)))).Code);
        await _s.Logs(_s.Official).ApproveAsync(approved, null, await _s.VersionAsync(approved));

        // Officials: every log handed in (drafts stay their author's), newest visit first; the queue oldest submission first.
        // (The demo's monitoring rounds hold approved logs of earlier visits too: the newest visits are these.)
        Assert.Equal([secondVisitLog, other, approved], (await IdsAsync(_s.Official)).Take(3));
        Assert.Equal([secondVisitLog, other, approved], await IdsAsync(_s.Official, new LogListQuery(ProgramId: _s.Week.ProgramId)));
        Assert.Equal([other, secondVisitLog], await IdsAsync(_s.Official, new LogListQuery(Status: VisitLogStatus.Submitted)));
        Assert.Empty(await IdsAsync(_s.Official, new LogListQuery(Status: VisitLogStatus.Draft)));
        Assert.Equal([secondVisitLog, approved], await IdsAsync(_s.Official, new LogListQuery(AgencyId: _s.HaesolId)));
        Assert.Equal(3, (await IdsAsync(_s.Official, new LogListQuery(ProgramId: _s.Week.ProgramId))).Length);
        Assert.Empty(await IdsAsync(_s.Official, new LogListQuery(ProgramId: Guid.NewGuid())));
        Assert.Equal([secondVisitLog, other], await IdsAsync(_s.Official, new LogListQuery(Take: 2)));

        // A consultant: their own logs; agency staff: their agency's approved ones.
        Assert.Equal([haetsalDraft, draft, secondVisitLog, approved], await IdsAsync(_s.Consultant));
        Assert.Equal([other], await IdsAsync(_s.OtherConsultant));
        Assert.Equal([approved], await IdsAsync(_s.AgencyStaff));
        Assert.Empty(await IdsAsync(_s.AgencyStaff, new LogListQuery(AgencyId: _s.OtherAgencyId)));
        Assert.Empty(await IdsAsync(_s.OtherAgencyStaff));
        Assert.Empty(await IdsAsync(_s.OtherAgencyStaff, new LogListQuery(AgencyId: _s.HaesolId)));
        Assert.Empty(await IdsAsync(TestUser.StaffOf(Guid.NewGuid())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => IdsAsync(TestUser.Anonymous));

        var row = (await _s.Logs(_s.AgencyStaff).ListAsync(new LogListQuery())).Single();
        Assert.Equal(
            (CalendarScenario.Agency, new BilingualName("사업 기획·평가", "Programme planning and evaluation"), 1, 6, "윤슬기", VisitLogStatus.Approved, false, 1, 0),
            (row.AgencyName, row.Area, row.VisitNumber, row.PlannedVisits, row.ConsultantName, row.Status, row.Resubmitted, row.RecommendationCount, row.AttachmentCount));
        Assert.Equal((DateTime?)_s.Clock.GetUtcNow().UtcDateTime, row.ApprovedAtUtc);
    }
}
