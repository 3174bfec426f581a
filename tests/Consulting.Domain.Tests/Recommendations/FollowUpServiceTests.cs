using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Notifications;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.Attachments;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Recommendations;

/// <summary>
/// The follow-up of published recommendations against PostgreSQL: the agency's steps, the consultant's and the official's,
/// who may see and change what, concurrent steps, the lists' filters and the evidence files. Each test takes visits of its
/// own (a fresh recommendation of the week's logs, or new visits noted at its top) and moves the clock on a minute between steps whose order matters.
/// </summary>
public class FollowUpServiceTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private static readonly DateOnly Due = new(2025, 7, 31);

    private readonly LogScenario _s = fixture.Scenario;

    private FollowUpService Agency => _s.FollowUp(_s.AgencyStaff);

    private FollowUpService Consultant => _s.FollowUp(_s.Consultant);

    private FollowUpService Official => _s.FollowUp(_s.Official);

    private static ActionPlanInput PlanInput => new("성과지표 2개 추가", "기획팀장 김해솔", new DateOnly(2025, 7, 15));

    private async Task<RecommendationDetail> DetailAsync(Guid id, FollowUpService? as_ = null) =>
        await (as_ ?? Official).GetAsync(id) ?? throw new InvalidOperationException("Not visible.");

    private async Task<uint> VersionAsync(Guid id) => (await DetailAsync(id)).Row.Version;

    private Task<AttachmentRow> EvidenceAsync(Guid id, string name = "결재본.pdf", ICurrentUser? user = null) =>
        _s.Attachments(user ?? _s.AgencyStaff).AddEvidenceAsync(id, name, new MemoryStream(SampleFiles.Pdf()));

    private static async Task<string> CodeOfAsync(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

    /// <summary>A fresh published recommendation of 해솔 taken by the agency to <paramref name="status"/> (Open, Planned, InProgress or Submitted).</summary>
    private async Task<Guid> PublishedInAsync(RecommendationStatus status)
    {
        var id = await _s.FreshRecommendationAsync();
        await BringAsync(id, status);
        return id;
    }

    private async Task BringAsync(Guid id, RecommendationStatus status)
    {
        if (status == RecommendationStatus.Open)
        {
            return;
        }

        await Agency.PlanAsync(id, PlanInput, await VersionAsync(id));
        if (status == RecommendationStatus.Planned)
        {
            return;
        }

        await Agency.AddProgressAsync(id, "초안 작성", await VersionAsync(id));
        if (status == RecommendationStatus.InProgress)
        {
            return;
        }

        await EvidenceAsync(id);
        _s.Tick();
        await Agency.SubmitAsync(id, "개정 규정 제출", await VersionAsync(id));
        Assert.Equal(status, (await DetailAsync(id)).Row.Status);
    }

    [Fact]
    public async Task TheWholeLoopPlanProgressEvidenceSubmitReturnResubmitVerify()
    {
        var id = await _s.FreshRecommendationAsync();
        var agency = await DetailAsync(id, Agency);
        Assert.Equal([RecommendationEventKind.Published], agency.Timeline.Select(t => t.Kind));

        _s.Tick();
        var version = await Agency.PlanAsync(id, PlanInput with { What = " 성과지표 2개 추가 " }, agency.Row.Version);
        _s.Tick();
        version = await Agency.AddProgressAsync(id, "초안 작성, 운영위원회 상정", version);
        _s.Tick();
        var first = await EvidenceAsync(id, "개정 규정(초안).pdf");
        _s.Tick();
        version = await Agency.SubmitAsync(id, "개정 규정 초안 제출", version);

        var submitted = await DetailAsync(id, Consultant);
        Assert.Equal((RecommendationStatus.Submitted, version), (submitted.Row.Status, submitted.Row.Version));
        Assert.Equal([(first.Id, false)], submitted.Evidence.Select(e => (e.File.Id, e.Removable)));

        _s.Tick();
        version = await Consultant.ReturnAsync(id, "이사회 의결본을 첨부해 주세요", version);
        Assert.Equal(RecommendationStatus.InProgress, (await DetailAsync(id, Agency)).Row.Status);
        _s.Tick();
        var second = await EvidenceAsync(id, "이사회 의결본.pdf");
        Assert.Equal([(first.Id, false), (second.Id, true)], (await DetailAsync(id, Agency)).Evidence.Select(e => (e.File.Id, e.Removable)));
        _s.Tick();
        version = await Agency.SubmitAsync(id, "의결본 첨부", version);
        _s.Tick();
        version = await Consultant.VerifyAsync(id, "확인했습니다", version);

        var done = await DetailAsync(id, Agency);
        Assert.Equal((RecommendationStatus.Verified, version, "성과지표 2개 추가", (DateOnly?)PlanInput.ByWhen, "기획팀장 김해솔"),
            (done.Row.Status, done.Row.Version, done.PlanWhat, done.PlanDueDate, done.Row.PlanOwner));
        Assert.Empty(done.Steps);
        Assert.Equal([(first.Id, false), (second.Id, false)], done.Evidence.Select(e => (e.File.Id, e.Removable)));
        const string staff = "서다온 (데모 기관 담당자)";
        const string consultant = "윤슬기 (데모 컨설턴트)";
        Assert.Equal(
            [
                (RecommendationEventKind.Published, RecommendationStatus.Open, RecommendationStatus.Open, "한가람 (데모 사업 담당자)", (string?)null),
                (RecommendationEventKind.Planned, RecommendationStatus.Open, RecommendationStatus.Planned, staff, "성과지표 2개 추가"),
                (RecommendationEventKind.Progress, RecommendationStatus.Planned, RecommendationStatus.InProgress, staff, "초안 작성, 운영위원회 상정"),
                (RecommendationEventKind.Submitted, RecommendationStatus.InProgress, RecommendationStatus.Submitted, staff, "개정 규정 초안 제출"),
                (RecommendationEventKind.Returned, RecommendationStatus.Submitted, RecommendationStatus.InProgress, consultant, "이사회 의결본을 첨부해 주세요"),
                (RecommendationEventKind.Submitted, RecommendationStatus.InProgress, RecommendationStatus.Submitted, staff, "의결본 첨부"),
                (RecommendationEventKind.Verified, RecommendationStatus.Submitted, RecommendationStatus.Verified, consultant, "확인했습니다"),
            ],
            done.Timeline.Select(t => (t.Kind, t.From, t.To, t.ByName, t.Text)));
        Assert.Equal(["1", "2"], done.Timeline.Where(t => t.Kind == RecommendationEventKind.Submitted).Select(t => t.Detail));
        Assert.Equal(done.Timeline.Select(t => t.AtUtc).Order(), done.Timeline.Select(t => t.AtUtc));
        Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime, done.Row.LastChangeUtc);
    }

    [Fact]
    public async Task StaffOfAnotherAgencyCannotReadChangeOrTouchTheEvidence()
    {
        var id = await PublishedInAsync(RecommendationStatus.InProgress);
        var file = await EvidenceAsync(id);
        var version = await VersionAsync(id);
        var other = _s.FollowUp(_s.OtherAgencyStaff);

        Assert.Null(await other.GetAsync(id));
        Assert.DoesNotContain((await other.SearchAsync(new RecommendationQuery(Take: FollowUpService.PageSizeMax))).Rows, r => r.Id == id);
        Assert.DoesNotContain(await other.ForMyAgencyAsync(), r => r.Id == id);
        Assert.Equal(0, (await other.SearchAsync(new RecommendationQuery(AgencyId: _s.HaesolId))).Total);
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.PlanAsync(id, PlanInput, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.AddProgressAsync(id, "남의 진행", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.SubmitAsync(id, "남의 제출", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.ProposeNotAdoptedAsync(id, "남의 미채택", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.VerifyAsync(id, null, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.ExtendDueAsync(id, Due.AddDays(10), "사유", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => EvidenceAsync(id, user: _s.OtherAgencyStaff));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Attachments(_s.OtherAgencyStaff).RemoveAsync(file.Id));
        Assert.Null(await _s.Attachments(_s.OtherAgencyStaff).OpenAsync(file.Id));

        await using (var download = await _s.Attachments(_s.AgencyStaff).OpenAsync(file.Id))
        {
            Assert.Equal(file.FileName, download!.File.FileName);
        }

        var detail = await DetailAsync(id);
        Assert.Equal((version, RecommendationStatus.InProgress), (detail.Row.Version, detail.Row.Status));
        Assert.Equal([file.Id], detail.Evidence.Select(e => e.File.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.PlanAsync(Guid.NewGuid(), PlanInput, version));
    }

    [Fact]
    public async Task OnlyTheEngagementsConsultantOrAnOfficialVerifiesOrReturns()
    {
        var id = await PublishedInAsync(RecommendationStatus.Submitted);
        var file = (await DetailAsync(id)).Evidence.Single().File;
        var version = await VersionAsync(id);
        var otherConsultant = _s.FollowUp(_s.OtherConsultant);

        Assert.Null(await otherConsultant.GetAsync(id));
        Assert.DoesNotContain((await otherConsultant.SearchAsync(new RecommendationQuery(Take: FollowUpService.PageSizeMax))).Rows, r => r.Id == id);
        Assert.Null(await _s.Attachments(_s.OtherConsultant).OpenAsync(file.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => otherConsultant.VerifyAsync(id, null, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => otherConsultant.ReturnAsync(id, "보완", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agency.VerifyAsync(id, null, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agency.ReturnAsync(id, "스스로 반려", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultant.ExtendDueAsync(id, Due.AddDays(10), "사유", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultant.SubmitAsync(id, "대신 제출", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.FollowUp(TestUser.Anonymous).VerifyAsync(id, null, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.FollowUp(TestUser.Anonymous).GetAsync(id));
        Assert.Equal(version, await VersionAsync(id));

        await using (var download = await _s.Attachments(_s.Consultant).OpenAsync(file.Id))
        {
            Assert.NotNull(download);
        }

        version = await Official.ExtendDueAsync(id, Due.AddDays(14), "담당자 교체", version);
        version = await Official.ReturnAsync(id, "결재본 필요", version);
        Assert.Equal((RecommendationStatus.InProgress, Due.AddDays(14), (DateOnly?)Due),
            ((await DetailAsync(id)).Row.Status, (await DetailAsync(id)).Row.DueDate, (await DetailAsync(id)).OriginalDueDate));
    }

    [Fact]
    public async Task OnlyAnOfficialDecidesOnNotAdopting()
    {
        var id = await PublishedInAsync(RecommendationStatus.Planned);
        var version = await Agency.ProposeNotAdoptedAsync(id, "예산 부족", await VersionAsync(id));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultant.AcceptNotAdoptedAsync(id, null, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultant.RejectNotAdoptedAsync(id, "필요함", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agency.AcceptNotAdoptedAsync(id, null, version));
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => Agency.PlanAsync(id, PlanInput, version)));

        version = await Official.RejectNotAdoptedAsync(id, "기관 운영에 필요함", version);
        var rejected = await DetailAsync(id, Agency);
        Assert.Equal((RecommendationStatus.Planned, (string?)null), (rejected.Row.Status, rejected.NotAdoptedReason));

        version = await Agency.ProposeNotAdoptedAsync(id, "사업 종료 예정", version);
        Assert.Equal("사업 종료 예정", (await DetailAsync(id, Agency)).NotAdoptedReason);
        version = await Official.AcceptNotAdoptedAsync(id, "수용", version);

        var accepted = await DetailAsync(id, Agency);
        Assert.Equal((RecommendationStatus.NotAdopted, "사업 종료 예정", version), (accepted.Row.Status, accepted.NotAdoptedReason, accepted.Row.Version));
        Assert.Equal(
            [RecommendationEventKind.NotAdoptionProposed, RecommendationEventKind.NotAdoptionRejected, RecommendationEventKind.NotAdoptionProposed, RecommendationEventKind.NotAdoptionAccepted],
            accepted.Timeline.Select(t => t.Kind).TakeLast(4));
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => Official.ExtendDueAsync(id, Due.AddDays(1), "사유", version)));
    }

    [Fact]
    public async Task AnUnpublishedRecommendationIsInvisibleToTheAgency()
    {
        // new visit: 해솔 조직 관리 (log submitted, not approved)
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var id = await _s.Recommendations(_s.Consultant).AddAsync(logId, LogScenario.Recommendation("미공개 권고"));
        var view = await _s.ViewAsync(logId);
        await _s.Logs(_s.Consultant).SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        var version = (await DetailAsync(id)).Row.Version;

        Assert.Null(await Agency.GetAsync(id));
        Assert.DoesNotContain(await Agency.ForMyAgencyAsync(), r => r.Id == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Agency.PlanAsync(id, PlanInput, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => EvidenceAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Official.ExtendDueAsync(id, Due.AddDays(1), "사유", version));
        Assert.Empty((await DetailAsync(id)).Steps);
        Assert.DoesNotContain((await Official.SearchAsync(new RecommendationQuery(Search: "미공개 권고"))).Rows, r => r.Id == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultant.ForMyAgencyAsync());
    }

    [Fact]
    public async Task TheSecondStepWithTheSameVersionConflictsAndLeavesNothing()
    {
        var id = await PublishedInAsync(RecommendationStatus.Submitted);
        var version = await VersionAsync(id);
        var (events, notifications, outbox) = await CountsAsync(id);

        await Consultant.VerifyAsync(id, null, version);
        var after = await CountsAsync(id);
        Assert.Equal((events + 1, notifications + 1), (after.Events, after.Notifications));
        Assert.True(after.Outbox > outbox);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Official.ReturnAsync(id, "보완", version));

        Assert.Equal(after, await CountsAsync(id));
        Assert.Equal(RecommendationStatus.Verified, (await DetailAsync(id)).Row.Status);
    }

    [Fact]
    public async Task OfTwoStepsAtOnceWithOneVersionExactlyOneIsSaved()
    {
        var id = await PublishedInAsync(RecommendationStatus.Submitted);
        var version = await VersionAsync(id);

        var results = await Task.WhenAll(
            Outcome(() => Consultant.VerifyAsync(id, null, version)),
            Outcome(() => Official.ReturnAsync(id, "보완", version)));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, r => r is not null));
        var timeline = (await DetailAsync(id)).Timeline;
        Assert.Single(timeline, t => t.Kind is RecommendationEventKind.Verified or RecommendationEventKind.Returned);

        static async Task<Exception?> Outcome(Func<Task> step)
        {
            try
            {
                await step();
                return null;
            }
            catch (ConcurrencyConflictException e)
            {
                return e;
            }
        }
    }

    /// <summary>Timeline events of the recommendation, notifications pointing to it, and outbox rows of everyone it concerns.</summary>
    private async Task<(int Events, int Notifications, int Outbox)> CountsAsync(Guid id)
    {
        await using var db = _s.CreateContext();
        return (
            await db.RecommendationEvents.CountAsync(e => e.RecommendationId == id),
            await db.Notifications.CountAsync(n => n.Link == $"/recommendations/{id}"),
            await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task TheListFiltersByProgrammeAreaAgencyStatusOverdueAndTextAndPages()
    {
        // new visits: 온새미 조직 관리 and 온새미 사업 기획·평가 (the only 온새미 recommendations of this class)
        var late = new DateOnly(2025, 6, 19);
        var organisation = await _s.PublishedAsync(
            LogScenario.Onsaemi, LogScenario.Organisation,
            LogScenario.Recommendation("온새미 규정 정비", late, RecommendationPriority.Low),
            LogScenario.Recommendation("온새미 회계 점검", late, RecommendationPriority.High),
            LogScenario.Recommendation("온새미 인사 규정", Due, RecommendationPriority.Medium));
        var planning = await _s.PublishedAsync(
            LogScenario.Onsaemi, LogScenario.Planning,
            LogScenario.Recommendation("온새미 성과지표", late, RecommendationPriority.Medium),
            LogScenario.Recommendation("온새미 평가 체계", Due.AddDays(1), RecommendationPriority.High));
        var (a, b, c, d, e) = (organisation[0], organisation[1], organisation[2], planning[0], planning[1]);
        Guid onsaemiId, organisationArea;
        await using (var db = _s.CreateContext())
        {
            onsaemiId = await db.Agencies.Where(x => x.Name == LogScenario.Onsaemi).Select(x => x.Id).SingleAsync();
            organisationArea = await db.ProgramAreas.Where(x => x.ProgramId == _s.Week.ProgramId && x.Code == LogScenario.Organisation).Select(x => x.Id).SingleAsync();
        }

        var onsaemiStaff = _s.FollowUp(await _s.AddUserAsync(Consulting.Domain.Identity.Roles.AgencyStaff, "온새미 담당자", onsaemiId));
        // Overdue, a plan must first have its due date extended; proposing not to adopt it ends the agency's debt.
        var versionA = await VersionAsync(a);
        Assert.Equal("recommendation.plan-after-due", await CodeOfAsync(() => onsaemiStaff.PlanAsync(a, PlanInput with { ByWhen = LogScenario.Today }, versionA)));
        await onsaemiStaff.ProposeNotAdoptedAsync(a, "이미 개정함", versionA);

        async Task<IReadOnlyList<Guid>> Ids(RecommendationQuery query) => [.. (await Official.SearchAsync(query)).Rows.Select(r => r.Id)];

        // Due date first, then priority (high, medium, low: not the names' order), then id.
        Assert.Equal([b, d, a, c, e], await Ids(new RecommendationQuery(AgencyId: onsaemiId)));
        Assert.Equal([b, d, a, c, e], await Ids(new RecommendationQuery(Search: "온새미")));
        Assert.Equal([b, d, a, c, e], await Ids(new RecommendationQuery(Search: "온새미 공동생활")));
        Assert.Equal([a, c], await Ids(new RecommendationQuery(AgencyId: onsaemiId, Search: " 규정 ")));
        Assert.Empty(await Ids(new RecommendationQuery(Search: "온새미%")));
        Assert.Equal([b, a, c], await Ids(new RecommendationQuery(AgencyId: onsaemiId, AreaId: organisationArea)));
        Assert.Equal([b, d, a, c, e], await Ids(new RecommendationQuery(ProgramId: _s.Week.ProgramId, AgencyId: onsaemiId)));
        Assert.Empty(await Ids(new RecommendationQuery(ProgramId: Guid.NewGuid(), AgencyId: onsaemiId)));
        Assert.Empty(await Ids(new RecommendationQuery(AgencyId: _s.HaesolId, Search: "온새미")));
        Assert.Equal([b, d, c, e], await Ids(new RecommendationQuery(AgencyId: onsaemiId, Status: RecommendationStatus.Open)));
        Assert.Equal([a], await Ids(new RecommendationQuery(AgencyId: onsaemiId, Status: RecommendationStatus.NotAdoptionProposed)));
        Assert.Empty(await Ids(new RecommendationQuery(AgencyId: onsaemiId, Status: RecommendationStatus.Planned)));
        Assert.Equal([b, d], await Ids(new RecommendationQuery(AgencyId: onsaemiId, OverdueOnly: true)));
        Assert.Equal([d], await Ids(new RecommendationQuery(AgencyId: onsaemiId, OverdueOnly: true, AreaId: planningArea())));

        var pages = new List<RecommendationPage>();
        for (var skip = 0; skip < 6; skip += 2)
        {
            pages.Add(await Official.SearchAsync(new RecommendationQuery(AgencyId: onsaemiId, Skip: skip, Take: 2)));
        }

        Assert.Equal([5, 5, 5], pages.Select(p => p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Rows.Count));
        Assert.Equal([b, d, a, c, e], pages.SelectMany(p => p.Rows).Select(r => r.Id));
        var clamped = await Official.SearchAsync(new RecommendationQuery(AgencyId: onsaemiId, Skip: -3, Take: 0));
        Assert.Equal((b, 1, 5), (clamped.Rows[0].Id, clamped.Rows.Count, clamped.Total));

        var row = (await Official.SearchAsync(new RecommendationQuery(Search: "온새미 회계"))).Rows.Single();
        Assert.Equal((onsaemiId, LogScenario.Onsaemi, organisationArea, "조직 관리", "윤슬기", true, late, RecommendationPriority.High),
            (row.AgencyId, row.AgencyName, row.AreaId, row.Area.Ko, row.ConsultantName, row.IsOverdue, row.DueDate, row.Priority));
        Assert.False((await Official.SearchAsync(new RecommendationQuery(Search: "온새미 규정 정비"))).Rows.Single().IsOverdue);
        Assert.Equal([b, d, a, c, e], (await onsaemiStaff.ForMyAgencyAsync()).Select(r => r.Id));
        Assert.Equal([b, d, a, c, e], (await Consultant.SearchAsync(new RecommendationQuery(AgencyId: onsaemiId))).Rows.Select(r => r.Id));
        Assert.Empty((await _s.FollowUp(_s.OtherConsultant).SearchAsync(new RecommendationQuery(AgencyId: onsaemiId))).Rows);

        Guid planningArea()
        {
            using var db = _s.CreateContext();
            return db.ProgramAreas.Where(x => x.ProgramId == _s.Week.ProgramId && x.Code == LogScenario.Planning).Select(x => x.Id).Single();
        }
    }

    [Fact]
    public async Task EachRoleIsOfferedTheStepsItMayTakeNow()
    {
        var id = await PublishedInAsync(RecommendationStatus.Open);

        async Task Expect(RecommendationStep[] agency, RecommendationStep[] consultant, RecommendationStep[] official)
        {
            Assert.Equal(agency, (await DetailAsync(id, Agency)).Steps);
            Assert.Equal(consultant, (await DetailAsync(id, Consultant)).Steps);
            Assert.Equal(official, (await DetailAsync(id, Official)).Steps);
            Assert.Null(await _s.FollowUp(_s.OtherConsultant).GetAsync(id));
        }

        await Expect([RecommendationStep.Plan, RecommendationStep.ProposeNotAdopted], [], [RecommendationStep.ExtendDue]);
        await BringAsync(id, RecommendationStatus.Planned);
        RecommendationStep[] working =
            [RecommendationStep.Plan, RecommendationStep.Progress, RecommendationStep.AddEvidence, RecommendationStep.Submit, RecommendationStep.ProposeNotAdopted];
        await Expect(working, [], [RecommendationStep.ExtendDue]);
        await Agency.AddProgressAsync(id, "진행", await VersionAsync(id));
        await Expect(working, [], [RecommendationStep.ExtendDue]);
        await EvidenceAsync(id);
        _s.Tick();
        await Agency.SubmitAsync(id, "제출", await VersionAsync(id));
        await Expect([], [RecommendationStep.Verify, RecommendationStep.Return], [RecommendationStep.Verify, RecommendationStep.Return, RecommendationStep.ExtendDue]);
        await Consultant.ReturnAsync(id, "보완", await VersionAsync(id));
        await Agency.ProposeNotAdoptedAsync(id, "예산 부족", await VersionAsync(id));
        await Expect([], [], [RecommendationStep.DecideNotAdopted, RecommendationStep.ExtendDue]);
        await Official.AcceptNotAdoptedAsync(id, null, await VersionAsync(id));
        await Expect([], [], []);
    }

    [Fact]
    public async Task AClosedProgrammeTakesNoStep()
    {
        var id = await PublishedInAsync(RecommendationStatus.Planned);
        var file = await EvidenceAsync(id);
        var version = await VersionAsync(id);
        string status;
        await using (var db = _s.CreateContext())
        {
            status = await db.Programs.Where(p => p.Id == _s.Week.ProgramId).Select(p => p.Status.ToString()).SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE programs SET status = 'Closed' WHERE id = {_s.Week.ProgramId}");
        }

        try
        {
            Assert.Empty((await DetailAsync(id, Agency)).Steps);
            Assert.False((await DetailAsync(id, Agency)).Evidence.Single().Removable);
            Assert.Empty((await DetailAsync(id, Official)).Steps);
            Assert.Equal("program.closed", await CodeOfAsync(() => Agency.AddProgressAsync(id, "진행", version)));
            Assert.Equal("program.closed", await CodeOfAsync(() => Agency.PlanAsync(id, PlanInput, version)));
            Assert.Equal("program.closed", await CodeOfAsync(() => Official.ExtendDueAsync(id, Due.AddDays(3), "사유", version)));
            Assert.Equal("program.closed", await CodeOfAsync(() => EvidenceAsync(id)));
            Assert.Equal("program.closed", await CodeOfAsync(() => _s.Attachments(_s.AgencyStaff).RemoveAsync(file.Id)));
        }
        finally
        {
            await using var db = _s.CreateContext();
            await db.Database.ExecuteSqlAsync($"UPDATE programs SET status = {status} WHERE id = {_s.Week.ProgramId}");
        }

        Assert.Equal((version, 1), (await VersionAsync(id), (await DetailAsync(id)).Evidence.Count));
        Assert.True((await DetailAsync(id, Agency)).Evidence.Single().Removable);
    }

    [Fact]
    public async Task EvidenceNotHandedInStaysWhileNotAdoptingIsProposed()
    {
        var id = await PublishedInAsync(RecommendationStatus.InProgress);
        var file = await EvidenceAsync(id);
        _s.Tick();
        var version = await Agency.ProposeNotAdoptedAsync(id, "예산 부족", await VersionAsync(id));

        Assert.False((await DetailAsync(id, Agency)).Evidence.Single().Removable);
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => _s.Attachments(_s.AgencyStaff).RemoveAsync(file.Id)));
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => EvidenceAsync(id)));

        await Official.RejectNotAdoptedAsync(id, "필수 과제", version);

        Assert.Equal((RecommendationStatus.InProgress, true), ((await DetailAsync(id, Agency)).Row.Status, (await DetailAsync(id, Agency)).Evidence.Single().Removable));
        await _s.Attachments(_s.AgencyStaff).RemoveAsync(file.Id);
        Assert.Empty((await DetailAsync(id)).Evidence);
    }

    [Fact]
    public async Task EvidenceIsAddedWhileWorkingAndRemovableOnlyUntilItIsSubmitted()
    {
        var id = await PublishedInAsync(RecommendationStatus.Open);
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => EvidenceAsync(id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => EvidenceAsync(id, user: _s.Consultant));
        await Assert.ThrowsAsync<AccessDeniedException>(() => EvidenceAsync(id, user: _s.Official));
        await BringAsync(id, RecommendationStatus.Planned);
        Assert.Equal("recommendation.evidence-required", await CodeOfAsync(async () => await Agency.SubmitAsync(id, "제출", await VersionAsync(id))));

        var mistake = await EvidenceAsync(id, "잘못 올린 파일.pdf");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Attachments(_s.Consultant).RemoveAsync(mistake.Id));
        await _s.Attachments(_s.AgencyStaff).RemoveAsync(mistake.Id);
        Assert.Null(await _s.Attachments(_s.AgencyStaff).OpenAsync(mistake.Id));
        Assert.Empty((await DetailAsync(id)).Evidence);

        var kept = await EvidenceAsync(id, "회의록.pdf");
        _s.Tick();
        await Agency.SubmitAsync(id, "제출", await VersionAsync(id));
        Assert.Equal("attachment.submitted", await CodeOfAsync(() => _s.Attachments(_s.AgencyStaff).RemoveAsync(kept.Id)));
        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => EvidenceAsync(id)));

        _s.Tick();
        await Consultant.ReturnAsync(id, "결재본 필요", await VersionAsync(id));
        _s.Tick();
        var added = await EvidenceAsync(id, "결재본.pdf");
        Assert.Equal([(kept.Id, false), (added.Id, true)], (await DetailAsync(id, Agency)).Evidence.Select(e => (e.File.Id, e.Removable)));
        Assert.Equal("attachment.submitted", await CodeOfAsync(() => _s.Attachments(_s.AgencyStaff).RemoveAsync(kept.Id)));
        await _s.Attachments(_s.AgencyStaff).RemoveAsync(added.Id);
        await EvidenceAsync(id, "결재본(최종).pdf");
        _s.Tick();
        await Agency.SubmitAsync(id, "재제출", await VersionAsync(id));
        await Consultant.VerifyAsync(id, null, await VersionAsync(id));

        Assert.Equal("recommendation.step-not-allowed", await CodeOfAsync(() => EvidenceAsync(id)));
        Assert.Equal("attachment.submitted", await CodeOfAsync(() => _s.Attachments(_s.AgencyStaff).RemoveAsync(kept.Id)));
        var files = (await DetailAsync(id)).Evidence;
        Assert.Equal(["회의록.pdf", "결재본(최종).pdf"], files.Select(f => f.File.FileName));
        Assert.All(files, f => Assert.False(f.Removable));
        foreach (var user in new ICurrentUser[] { _s.AgencyStaff, _s.Consultant, _s.Official })
        {
            await using var download = await _s.Attachments(user).OpenAsync(kept.Id);
            Assert.Equal(SampleFiles.Pdf().Length, download!.File.SizeBytes);
        }
    }
}
