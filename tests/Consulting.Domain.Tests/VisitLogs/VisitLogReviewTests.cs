using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>
/// The officials' review against PostgreSQL: approving (which publishes the log's recommendations to the agency),
/// returning with a comment, and what agency staff see once a log is approved. Each test takes visits of its own.
/// </summary>
public class VisitLogReviewTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private VisitLogService AsOfficial => _s.Logs(_s.Official);

    private VisitLogService AsConsultant => _s.Logs(_s.Consultant);

    private static RecommendationInput Recommendation(string title) =>
        new(title, "사업계획의 지표와 결과보고서 항목을 맞출 것", null, RecommendationPriority.Medium, new DateOnly(2025, 8, 29), null);

    [Fact]
    public async Task OnlyOfficialsApproveOrReturn()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.SubmittedAsync(await _s.NewVisitAsync());
        var version = await _s.VersionAsync(logId);

        foreach (var user in new[] { _s.Consultant, _s.OtherConsultant, _s.AgencyStaff, TestUser.Anonymous })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(user).ApproveAsync(logId, null, version));
            await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(user).ReturnAsync(logId, "보완 필요", version));
        }

        var log = await _s.ViewAsync(logId, _s.Official);
        Assert.Equal((VisitLogStatus.Submitted, version, true), (log.Status, log.Version, log.Can.Review));
        Assert.False((await _s.ViewAsync(logId)).Can.Review);
    }

    [Fact]
    public async Task ADraftIsNotReviewed()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await AsConsultant.OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var version = await _s.VersionAsync(logId);

        Assert.Equal("visitlog.review-submitted-only", (await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ApproveAsync(logId, null, version))).Code);
        Assert.Equal("visitlog.review-submitted-only", (await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ReturnAsync(logId, "보완", version))).Code);
        Assert.Equal(VisitLogStatus.Draft, (await _s.ViewAsync(logId)).Status);
    }

    [Fact]
    public async Task AReturnNeedsACommentWhichTheConsultantSeesUntilTheLogIsResubmitted()
    {
        // new visit: 햇살나무 조직 관리
        var visitId = await _s.NewVisitAsync(LogScenario.Haetsal);
        var logId = await _s.SubmittedAsync(visitId);
        var version = await _s.VersionAsync(logId);

        Assert.Equal("visitlog.comment-required", (await Assert.ThrowsAsync<DomainException>(() => AsOfficial.ReturnAsync(logId, "  ", version))).Code);
        await AsOfficial.ReturnAsync(logId, "자문 내용을 구체적으로 적어 주세요", version);

        var returned = await _s.ViewAsync(logId);
        Assert.Equal((VisitLogStatus.Returned, "자문 내용을 구체적으로 적어 주세요", true), (returned.Status, returned.ReturnComment, returned.Can.Edit));
        var pending = Assert.Single(await AsConsultant.PendingForMeAsync(), p => p.VisitId == visitId);
        Assert.Equal(((VisitLogStatus?)VisitLogStatus.Returned, "자문 내용을 구체적으로 적어 주세요"), (pending.Status, pending.ReturnComment));

        var content = LogScenario.Complete(returned);
        await AsConsultant.SubmitAsync(logId, content with { Sections = new Dictionary<string, string?>(content.Sections) { ["advice"] = "결재 단계를 3단계로 줄이는 안과 위임전결 규정 예시" } }, returned.Version);

        var resubmitted = await _s.ViewAsync(logId, _s.Official);
        Assert.Equal(VisitLogStatus.Submitted, resubmitted.Status);
        Assert.Equal(
            [VisitLogEventKind.Created, VisitLogEventKind.Submitted, VisitLogEventKind.Returned, VisitLogEventKind.Resubmitted],
            resubmitted.Events.Select(e => e.Kind));
        Assert.Equal("자문 내용을 구체적으로 적어 주세요", resubmitted.Events[2].Comment);
        var row = Assert.Single(await AsOfficial.ListAsync(new LogListQuery(Status: VisitLogStatus.Submitted)), r => r.Id == logId);
        Assert.True(row.Resubmitted);
        Assert.DoesNotContain(await AsConsultant.PendingForMeAsync(), p => p.VisitId == visitId);
    }

    [Fact]
    public async Task ApprovingPublishesTheLogsRecommendationsToTheAgency()
    {
        // new visit: 해솔 조직 관리
        var visitId = await _s.NewVisitAsync();
        var logId = await AsConsultant.OpenAsync(visitId);
        var first = await _s.Recommendations(_s.Consultant).AddAsync(logId, Recommendation("위임전결 규정 정비"));
        var second = await _s.Recommendations(_s.Consultant).AddAsync(logId, Recommendation("직무기술서 개정"));
        var view = await _s.ViewAsync(logId);
        await AsConsultant.SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        Assert.All((await _s.ViewAsync(logId, _s.Official)).Recommendations, r => Assert.Null(r.PublishedAtUtc));
        Assert.DoesNotContain(await _s.Recommendations(_s.AgencyStaff).ListAsync(), r => r.VisitLogId == logId);

        await AsOfficial.ApproveAsync(logId, "확인했습니다", await _s.VersionAsync(logId));

        var now = _s.Clock.GetUtcNow().UtcDateTime;
        var log = await _s.ViewAsync(logId, _s.Official);
        Assert.Equal((VisitLogStatus.Approved, (DateTime?)now), (log.Status, log.ApprovedAtUtc));
        Assert.Equal(("확인했습니다", "한가람 (데모 사업 담당자)"), (log.Events[^1].Comment, log.Events[^1].ByName));
        Assert.Equal(new[] { first, second }.Order(), log.Recommendations.Select(r => r.Id).Order());
        Assert.All(log.Recommendations, r => Assert.Equal(now, r.PublishedAtUtc));
        var seen = (await _s.Recommendations(_s.AgencyStaff).ListAsync()).Where(r => r.VisitLogId == logId).Select(r => r.Id).Order();
        Assert.Equal(new[] { first, second }.Order(), seen);
    }

    [Fact]
    public async Task ApprovingFromAStaleVersionPublishesNothing()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await AsConsultant.OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        await _s.Recommendations(_s.Consultant).AddAsync(logId, Recommendation("회의록 양식 정비"));
        var draft = await _s.ViewAsync(logId);
        await AsConsultant.SubmitAsync(logId, LogScenario.Complete(draft), draft.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsOfficial.ApproveAsync(logId, null, draft.Version));

        var log = await _s.ViewAsync(logId, _s.Official);
        Assert.Equal(VisitLogStatus.Submitted, log.Status);
        Assert.Null(Assert.Single(log.Recommendations).PublishedAtUtc);
    }

    [Fact]
    public async Task AgencyStaffSeeTheirApprovedLogWithoutThePrivateNoteOrTheHistory()
    {
        // new visit: 해솔 조직 관리
        var visitId = await _s.NewVisitAsync();
        var logId = await _s.SubmittedAsync(visitId);
        var asStaff = _s.Logs(_s.AgencyStaff);
        var asOtherStaff = _s.Logs(_s.OtherAgencyStaff);
        Assert.Null(await asStaff.GetAsync(logId));
        Assert.Null(await asStaff.FindForVisitAsync(visitId));

        await AsOfficial.ApproveAsync(logId, "확인", await _s.VersionAsync(logId));

        var seen = (await asStaff.GetAsync(logId))!;
        Assert.Equal(logId, await asStaff.FindForVisitAsync(visitId));
        Assert.Equal((VisitLogStatus.Approved, (string?)null, (string?)null), (seen.Status, seen.PrivateNote, seen.ReturnComment));
        Assert.Empty(seen.Events);
        Assert.Equal(new LogPermissions(false, false, false, false), seen.Can);
        Assert.Equal("성과지표가 산출 중심으로만 설정되어 있음", seen.Sections.Single(s => s.Key == "findings").Text);
        Assert.Equal(["김해솔"], seen.Attendees.Select(a => a.Name));

        var official = await _s.ViewAsync(logId, _s.Official);
        Assert.Equal(("기관장 교체 예정", true), (official.PrivateNote, official.Can.SeePrivateNote));
        Assert.Equal(3, official.Events.Count);
        Assert.Equal("기관장 교체 예정", (await _s.ViewAsync(logId)).PrivateNote);

        Assert.Null(await asOtherStaff.GetAsync(logId));
        Assert.Null(await asOtherStaff.FindForVisitAsync(visitId));
        Assert.Empty(await asOtherStaff.ListAsync(new LogListQuery()));
        Assert.Null(await _s.Logs(_s.OtherConsultant).GetAsync(logId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Logs(TestUser.Anonymous).GetAsync(logId));
    }
}
