using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// Notifications and their e-mails are written in the change's own transaction: a change that fails leaves no row
/// of either, so nothing is ever sent about something that did not happen; a change that succeeds leaves both.
/// </summary>
public class OutboxTransactionTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private async Task<(int Notifications, int Outbox)> CountsAsync()
    {
        await using var db = _s.CreateContext();
        return (await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    private async Task<List<OutboxMessage>> OutboxOfAsync(string topic)
    {
        await using var db = _s.CreateContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Topic == topic).ToListAsync();
    }

    /// <summary>A submitted log of a new visit with one recommendation in it; returns the log and the version it was submitted at.</summary>
    /// <remarks>An engagement takes three visits: the tests spread theirs over 해솔's two areas.</remarks>
    private async Task<(Guid LogId, uint StaleVersion)> SubmittedWithRecommendationAsync(string area)
    {
        var visitId = await _s.NewVisitAsync(LogScenario.Haesol, area);
        var logs = _s.Logs(_s.Consultant);
        var logId = await logs.OpenAsync(visitId);
        await _s.Recommendations(_s.Consultant).AddAsync(
            logId, new RecommendationInput("위임전결 규정 정비", "결재 단계를 줄일 것", null, RecommendationPriority.High, new DateOnly(2025, 7, 31), "개정 규정"));
        var view = await _s.ViewAsync(logId);
        await logs.SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        return (logId, view.Version);
    }

    [Fact]
    public async Task AnApprovalRefusedForAStaleVersionLeavesNoNotificationAndNoEmail()
    {
        var (logId, stale) = await SubmittedWithRecommendationAsync(LogScenario.Planning);
        var before = await CountsAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.Logs(_s.Official).ApproveAsync(logId, null, stale));

        Assert.Equal(before, await CountsAsync());
        var view = await _s.ViewAsync(logId);
        Assert.Equal(VisitLogStatus.Submitted, view.Status);
        Assert.All(view.Recommendations, r => Assert.Null(r.PublishedAtUtc));
    }

    [Fact]
    public async Task AnApprovalThatSucceedsLeavesTheNotificationsAndTheirEmails()
    {
        var (logId, _) = await SubmittedWithRecommendationAsync(LogScenario.Organisation);
        var before = await CountsAsync();
        var approvedBefore = (await OutboxOfAsync(nameof(NotificationKind.LogApproved))).Count;
        var newBefore = (await OutboxOfAsync(nameof(NotificationKind.RecommendationNew))).Count;

        await _s.Logs(_s.Official).ApproveAsync(logId, null, await _s.VersionAsync(logId));

        // The consultant is told of the approval, the agency's staff of the new recommendation: a bell row and an e-mail each.
        var after = await CountsAsync();
        Assert.Equal((before.Notifications + 2, before.Outbox + 2), after);
        var approved = await OutboxOfAsync(nameof(NotificationKind.LogApproved));
        Assert.Equal(approvedBefore + 1, approved.Count);
        Assert.Contains(approved, m => m.UserId == _s.Consultant.UserId && m.ToAddress == DemoData.ConsultantEmail && m.SentAtUtc == null);
        var recommendation = await OutboxOfAsync(nameof(NotificationKind.RecommendationNew));
        Assert.Equal(newBefore + 1, recommendation.Count);
        Assert.Contains(recommendation, m => m.UserId == _s.AgencyStaff.UserId && m.Subject.Contains("위임전결 규정 정비", StringComparison.Ordinal));
    }

    /// <summary>A published recommendation of a new visit's approved log.</summary>
    private async Task<(Guid Id, uint Version)> PublishedAsync(string area)
    {
        var (logId, _) = await SubmittedWithRecommendationAsync(area);
        await _s.Logs(_s.Official).ApproveAsync(logId, null, await _s.VersionAsync(logId));
        await using var db = _s.CreateContext();
        var recommendation = await db.Recommendations.AsNoTracking().SingleAsync(r => r.VisitLogId == logId);
        return (recommendation.Id, recommendation.Version);
    }

    private FollowUpService FollowUp(ICurrentUser user, IDbContextFactory<ConsultingDbContext>? factory = null) =>
        new(factory ?? _s.Factory, user, _s.Clock, TestNotifier.For(_s.Clock));

    [Fact]
    public async Task AFollowUpStepRefusedForAStaleVersionLeavesNoNotificationAndNoEmail()
    {
        var (id, version) = await PublishedAsync(LogScenario.Planning);
        await FollowUp(_s.AgencyStaff).PlanAsync(id, new ActionPlanInput("위임전결 규정 개정안 작성", "기획팀장", new DateOnly(2025, 7, 15)), version);
        var before = await CountsAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => FollowUp(_s.AgencyStaff).ProposeNotAdoptedAsync(id, "예산 부족", version));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AFollowUpStepWhoseSaveFailsAfterWritingLeavesNothingAndOneThatSucceedsLeavesBoth()
    {
        var (id, version) = await PublishedAsync(LogScenario.Organisation);
        var before = await CountsAsync();

        // The rows reach the database, then the step fails before its transaction commits.
        var failing = new InterceptedFactory(_s, new FailAfterSave());
        await Assert.ThrowsAsync<InvalidOperationException>(() => FollowUp(_s.AgencyStaff, failing).ProposeNotAdoptedAsync(id, "예산 부족", version));

        Assert.Equal(before, await CountsAsync());
        await using (var db = _s.CreateContext())
        {
            Assert.Equal(RecommendationStatus.Open, (await db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id)).Status);
        }

        await FollowUp(_s.AgencyStaff).ProposeNotAdoptedAsync(id, "예산 부족", version);

        // The officials are told (the demo official): one bell row and one e-mail.
        var after = await CountsAsync();
        Assert.Equal((before.Notifications + 1, before.Outbox + 1), after);
        var mail = Assert.Single(await OutboxOfAsync(nameof(NotificationKind.NotAdoptionProposed)), m => m.Subject.Contains("위임전결 규정 정비", StringComparison.Ordinal) && m.CreatedAtUtc == _s.Clock.GetUtcNow().UtcDateTime && m.UserId == _s.Official.UserId);
        Assert.Equal(DemoData.OfficialEmail, mail.ToAddress);
    }

    private sealed class FailAfterSave : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The connection was lost after the rows were written (test).");
    }

    private sealed class InterceptedFactory(LogScenario scenario, IInterceptor interceptor) : IDbContextFactory<ConsultingDbContext>
    {
        public ConsultingDbContext CreateDbContext()
        {
            using var plain = scenario.CreateContext();
            var connectionString = plain.Database.GetConnectionString()!;
            return new ConsultingDbContext(new DbContextOptionsBuilder<ConsultingDbContext>().UseConsultingDatabase(connectionString).AddInterceptors(interceptor).Options);
        }
    }
}
