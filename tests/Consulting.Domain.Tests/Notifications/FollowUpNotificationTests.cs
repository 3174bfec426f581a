using Consulting.Domain.Common;
using Consulting.Domain.Identity;
using Consulting.Domain.Notifications;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.Attachments;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// <see cref="LogScenario"/> with more people to tell: a second 해솔 staff member who reads English and takes no e-mail
/// about returned evidence, a second official who reads English, and an inactive account of each kind.
/// </summary>
public sealed class NotificationScenarioFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private LogScenario? _scenario;

    internal LogScenario Scenario => _scenario ?? throw new InvalidOperationException("Not started.");

    internal TestUser EnglishStaff { get; private set; } = TestUser.Anonymous;

    internal TestUser InactiveStaff { get; private set; } = TestUser.Anonymous;

    internal TestUser EnglishOfficial { get; private set; } = TestUser.Anonymous;

    internal TestUser InactiveOfficial { get; private set; } = TestUser.Anonymous;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _scenario = await LogScenario.StartAsync(_database);
        EnglishStaff = await _scenario.AddUserAsync(Roles.AgencyStaff, "Dana Seo", _scenario.HaesolId, culture: "en-US");
        InactiveStaff = await _scenario.AddUserAsync(Roles.AgencyStaff, "퇴사자", _scenario.HaesolId, active: false);
        EnglishOfficial = await _scenario.AddUserAsync(Roles.Official, "Garam Han", culture: "en");
        InactiveOfficial = await _scenario.AddUserAsync(Roles.Official, "전임 담당자", active: false);
        await using var db = _scenario.CreateContext();
        db.EmailOptOuts.Add(new EmailOptOut(EnglishStaff.UserId!.Value, NotificationKind.RecommendationReturned));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// What each follow-up step and each visit-log review step tells whom: the kind, the recipients (never the one who acted,
/// never an inactive account), the link, and the e-mail in the outbox in each recipient's language unless they opted out.
/// </summary>
public class FollowUpNotificationTests(NotificationScenarioFixture fixture) : IClassFixture<NotificationScenarioFixture>
{
    private const string Ko = "[복지기관 품질관리 컨설팅] ";
    private const string En = "[Welfare agency consulting] ";

    private readonly LogScenario _s = fixture.Scenario;

    private Guid Staff => _s.AgencyStaff.UserId!.Value;

    private Guid EnglishStaff => fixture.EnglishStaff.UserId!.Value;

    private Guid ConsultantUser => _s.Consultant.UserId!.Value;

    private Guid Official => _s.Official.UserId!.Value;

    private Guid EnglishOfficial => fixture.EnglishOfficial.UserId!.Value;

    private async Task<uint> VersionAsync(Guid id) => (await _s.FollowUp(_s.Official).GetAsync(id))!.Row.Version;

    private async Task<string> TitleAsync(Guid id) => (await _s.FollowUp(_s.Official).GetAsync(id))!.Row.Title;

    /// <summary>
    /// Asserts who was told <paramref name="kind"/> about the page at <paramref name="link"/> (this many times each), and
    /// the subjects of the e-mails in the outbox by recipient.
    /// </summary>
    private async Task ToldAsync(
        string link, NotificationKind kind, string template, IReadOnlyList<Guid> recipients, IReadOnlyDictionary<Guid, string> mail, int times = 1)
    {
        await using var db = _s.CreateContext();
        var notifications = await db.Notifications.Where(n => n.Link == link && n.Kind == kind).AsNoTracking().ToListAsync();
        Assert.Equal(recipients.SelectMany(r => Enumerable.Repeat(r, times)).Order(), notifications.Select(n => n.UserId).Order());
        Assert.All(notifications, n => Assert.Equal(template, n.Template));
        Assert.All(notifications, n => Assert.False(n.IsRead));

        var url = new MailOptions().PublicBaseUrl + link;
        var outbox = (await db.OutboxMessages.Where(m => m.Topic == kind.ToString()).AsNoTracking().ToListAsync())
            .Where(m => m.TextBody.Contains(url + "\n", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(mail.Keys.SelectMany(r => Enumerable.Repeat(r, times)).Order(), outbox.Select(m => m.UserId!.Value).Order());
        foreach (var message in outbox)
        {
            Assert.Equal(mail[message.UserId!.Value], message.Subject);
            Assert.Null(message.SentAtUtc);
            Assert.Equal(await db.Users.Where(u => u.Id == message.UserId).Select(u => u.Email).SingleAsync(), message.ToAddress);
        }
    }

    private static string Link(Guid id) => $"/recommendations/{id}";

    [Fact]
    public async Task TheAgencysStepsTellTheConsultantAndTheReviewersStepsTellTheAgency()
    {
        var id = await _s.FreshRecommendationAsync();
        var title = await TitleAsync(id);
        var agency = _s.FollowUp(_s.AgencyStaff);
        var english = _s.FollowUp(fixture.EnglishStaff);

        var version = await agency.PlanAsync(id, new ActionPlanInput("규정 개정", "기획팀장", new DateOnly(2025, 7, 15)), await VersionAsync(id));
        version = await agency.AddProgressAsync(id, "초안 작성", version);
        await _s.Attachments(_s.AgencyStaff).AddEvidenceAsync(id, "개정안.pdf", new MemoryStream(SampleFiles.Pdf()));
        _s.Tick();
        await using (var db = _s.CreateContext())
        {
            // Planning and progress tell nobody.
            Assert.False(await db.Notifications.AnyAsync(n => n.Link == Link(id) && n.Kind != NotificationKind.RecommendationNew));
        }

        version = await agency.SubmitAsync(id, "개정안 제출", version);
        await ToldAsync(Link(id), NotificationKind.EvidenceSubmitted, "EvidenceSubmitted", [ConsultantUser],
            new Dictionary<Guid, string> { [ConsultantUser] = $"{Ko}이행 증빙 제출: {LogScenario.Haesol} - {title}" });

        _s.Tick();
        version = await _s.FollowUp(_s.Consultant).ReturnAsync(id, "결재본을 첨부해 주세요", version);
        // Dana opted out of e-mail about returned evidence: she is told in the app only.
        await ToldAsync(Link(id), NotificationKind.RecommendationReturned, "RecommendationReturned", [Staff, EnglishStaff],
            new Dictionary<Guid, string> { [Staff] = $"{Ko}증빙 보완 요청: {title}" });
        await using (var db = _s.CreateContext())
        {
            var returned = await db.OutboxMessages.SingleAsync(m => m.UserId == Staff && m.Topic == "RecommendationReturned" && m.TextBody.Contains(id.ToString()));
            Assert.Contains($"권고사항 \"{title}\"의 증빙이 보완 요청되었습니다. 의견: 결재본을 첨부해 주세요", returned.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("서다온 (데모 기관 담당자)님, 안녕하세요.", returned.TextBody, StringComparison.Ordinal);
            var notification = await db.Notifications.SingleAsync(n => n.UserId == EnglishStaff && n.Link == Link(id) && n.Kind == NotificationKind.RecommendationReturned);
            Assert.Equal([new BilingualName(title, title), new BilingualName("결재본을 첨부해 주세요", "결재본을 첨부해 주세요")], notification.Args);
        }

        await _s.Attachments(fixture.EnglishStaff).AddEvidenceAsync(id, "결재본.pdf", new MemoryStream(SampleFiles.Pdf()));
        _s.Tick();
        version = await english.SubmitAsync(id, "Signed copy attached", version);
        await ToldAsync(Link(id), NotificationKind.EvidenceSubmitted, "EvidenceSubmitted", [ConsultantUser],
            new Dictionary<Guid, string> { [ConsultantUser] = $"{Ko}이행 증빙 제출: {LogScenario.Haesol} - {title}" }, times: 2);

        _s.Tick();
        await _s.FollowUp(fixture.EnglishOfficial).VerifyAsync(id, null, version);
        await ToldAsync(Link(id), NotificationKind.RecommendationVerified, "RecommendationVerified", [Staff, EnglishStaff],
            new Dictionary<Guid, string> { [Staff] = $"{Ko}이행 확인: {title}", [EnglishStaff] = $"{En}Recommendation verified: {title}" });
        await using (var db = _s.CreateContext())
        {
            Assert.False(await db.Notifications.AnyAsync(n => n.Link == Link(id) && (n.UserId == fixture.InactiveStaff.UserId || n.UserId == EnglishOfficial || n.UserId == Official)));
        }
    }

    [Fact]
    public async Task NotAdoptingTellsTheOfficialsAndTheirDecisionTellsTheAgency()
    {
        var id = await _s.FreshRecommendationAsync();
        var title = await TitleAsync(id);
        var officials = new Dictionary<Guid, string>
        {
            [Official] = $"{Ko}미채택 요청: {LogScenario.Haesol} - {title}",
            [EnglishOfficial] = $"{En}Not-adoption proposed: {LogScenario.Haesol} - {title}",
        };

        var version = await _s.FollowUp(fixture.EnglishStaff).ProposeNotAdoptedAsync(id, "예산 부족", await VersionAsync(id));
        await ToldAsync(Link(id), NotificationKind.NotAdoptionProposed, "NotAdoptionProposed", [Official, EnglishOfficial], officials);

        version = await _s.FollowUp(fixture.EnglishOfficial).RejectNotAdoptedAsync(id, "필수 과제입니다", version);
        // Dana opted out of returned evidence only: a decision still comes by e-mail.
        await ToldAsync(Link(id), NotificationKind.NotAdoptionDecided, "NotAdoptionRejected", [Staff, EnglishStaff],
            new Dictionary<Guid, string> { [Staff] = $"{Ko}미채택 반려: {title}", [EnglishStaff] = $"{En}Not adopting rejected: {title}" });
        await using (var db = _s.CreateContext())
        {
            var english = await db.OutboxMessages.SingleAsync(m => m.UserId == EnglishStaff && m.Topic == "NotAdoptionDecided" && m.TextBody.Contains(id.ToString()));
            Assert.Contains($"Your request not to adopt the recommendation \"{title}\" was rejected. Comment: 필수 과제입니다", english.TextBody, StringComparison.Ordinal);
            Assert.Contains("Hello Dana Seo,", english.TextBody, StringComparison.Ordinal);
        }

        version = await _s.FollowUp(_s.AgencyStaff).ProposeNotAdoptedAsync(id, "사업 종료", version);
        await ToldAsync(Link(id), NotificationKind.NotAdoptionProposed, "NotAdoptionProposed", [Official, EnglishOfficial], officials, times: 2);

        await _s.FollowUp(_s.Official).AcceptNotAdoptedAsync(id, null, version);
        await using (var db = _s.CreateContext())
        {
            var accepted = await db.Notifications.Where(n => n.Link == Link(id) && n.Template == "NotAdoptionAccepted").Select(n => n.UserId).ToListAsync();
            Assert.Equal(new[] { Staff, EnglishStaff }.Order(), accepted.Order());
            Assert.Equal(
                new[] { $"{Ko}미채택 승인: {title}", $"{En}Not adopting accepted: {title}" }.Order(),
                (await db.OutboxMessages.Where(m => m.Topic == "NotAdoptionDecided" && m.TextBody.Contains(id.ToString())).Select(m => m.Subject).ToListAsync())
                    .Where(s => s.Contains("승인") || s.Contains("accepted")).Order());
        }
    }

    [Fact]
    public async Task AnExtensionTellsTheAgencyAndTheConsultantWithTheNewDate()
    {
        var id = await _s.FreshRecommendationAsync();
        var title = await TitleAsync(id);

        await _s.FollowUp(_s.Official).ExtendDueAsync(id, new DateOnly(2025, 8, 15), "담당자 교체", await VersionAsync(id));

        await ToldAsync(Link(id), NotificationKind.DueDateExtended, "DueDateExtended", [Staff, EnglishStaff, ConsultantUser],
            new Dictionary<Guid, string>
            {
                [Staff] = $"{Ko}기한 연장: {title}", [EnglishStaff] = $"{En}Due date extended: {title}", [ConsultantUser] = $"{Ko}기한 연장: {title}",
            });
        await using var db = _s.CreateContext();
        var bodies = await db.OutboxMessages.Where(m => m.Topic == "DueDateExtended" && m.TextBody.Contains(id.ToString())).ToDictionaryAsync(m => m.UserId!.Value, m => m.TextBody);
        Assert.Contains($"권고사항 \"{title}\"의 기한이 2025년 8월 15일 (금)로 연장되었습니다. 사유: 담당자 교체", bodies[Staff], StringComparison.Ordinal);
        Assert.Contains($"The recommendation \"{title}\" is now due Fri, Aug 15, 2025. Reason: 담당자 교체", bodies[EnglishStaff], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedStepTellsNobody()
    {
        var id = await _s.FreshRecommendationAsync();
        var agency = _s.FollowUp(_s.AgencyStaff);
        var stale = await VersionAsync(id);
        await agency.ProposeNotAdoptedAsync(id, "예산 부족", stale);
        await using var before = _s.CreateContext();
        var (notifications, outbox) = (await before.Notifications.CountAsync(), await before.OutboxMessages.CountAsync());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => agency.ProposeNotAdoptedAsync(id, "다시", stale));
        await Assert.ThrowsAsync<DomainException>(async () => await _s.FollowUp(_s.Official).RejectNotAdoptedAsync(id, " ", await VersionAsync(id)));

        await using var after = _s.CreateContext();
        Assert.Equal((notifications, outbox), (await after.Notifications.CountAsync(), await after.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task TheNotifierSkipsTheActorInactiveAccountsAndOptedOutEmail()
    {
        var link = $"/test/{Guid.NewGuid()}";
        // (an account of no group the steps tell, so the other tests' recipients stay as they are)
        var noEmail = await _s.AddUserAsync(Roles.Consultant, "메일 없음");
        await using (var setup = _s.CreateContext())
        {
            var user = await setup.Users.SingleAsync(u => u.Id == noEmail.UserId);
            user.Email = null;
            await setup.SaveChangesAsync();
        }

        await using (var db = _s.CreateContext())
        {
            await TestNotifier.For(_s.Clock).NotifyAsync(
                db, NotificationKind.RecommendationReturned,
                [Staff, EnglishStaff, EnglishStaff, fixture.InactiveStaff.UserId!.Value, ConsultantUser, noEmail.UserId!.Value, Guid.NewGuid()],
                link, [NotificationTexts.Plain("제목"), NotificationTexts.Plain("의견")], except: ConsultantUser);
            // Nothing is saved until the caller saves.
            await using (var other = _s.CreateContext())
            {
                Assert.Equal(0, await other.Notifications.CountAsync(n => n.Link == link));
            }

            await db.SaveChangesAsync();
        }

        await ToldAsync(link, NotificationKind.RecommendationReturned, "RecommendationReturned", [Staff, EnglishStaff, noEmail.UserId!.Value],
            new Dictionary<Guid, string> { [Staff] = $"{Ko}증빙 보완 요청: 제목" });
    }

    [Fact]
    public async Task TheVisitLogsReviewTellsTheOfficialsTheConsultantAndTheAgency()
    {
        // new visit: 해솔 조직 관리
        var logs = _s.Logs(_s.Consultant);
        var logId = await logs.OpenAsync(await _s.NewVisitAsync());
        var view = await _s.ViewAsync(logId);
        await logs.SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        var visit = $"{LogScenario.Haesol} 조직 관리 {view.VisitNumber}회차";
        var visitEn = $"{LogScenario.Haesol}, Organisation management, visit {view.VisitNumber}";

        await ToldAsync($"/visit-logs/{logId}", NotificationKind.LogSubmitted, "LogSubmitted", [Official, EnglishOfficial],
            new Dictionary<Guid, string> { [Official] = $"{Ko}검토할 방문 기록: {visit}", [EnglishOfficial] = $"{En}Visit log to review: {visitEn}" });

        await _s.Logs(_s.Official).ReturnAsync(logId, "권고사항을 추가해 주세요", await _s.VersionAsync(logId));
        await ToldAsync($"/visit-logs/{logId}/edit", NotificationKind.LogReturned, "LogReturned", [ConsultantUser],
            new Dictionary<Guid, string> { [ConsultantUser] = $"{Ko}방문 기록 반려: {visit}" });

        var first = await _s.Recommendations(_s.Consultant).AddAsync(logId, LogScenario.Recommendation("운영규정 개정"));
        var second = await _s.Recommendations(_s.Consultant).AddAsync(logId, LogScenario.Recommendation("회계 점검", new DateOnly(2025, 9, 30)));
        view = await _s.ViewAsync(logId);
        await logs.SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        await ToldAsync($"/visit-logs/{logId}", NotificationKind.LogSubmitted, "LogSubmitted", [Official, EnglishOfficial],
            new Dictionary<Guid, string> { [Official] = $"{Ko}검토할 방문 기록: {visit}", [EnglishOfficial] = $"{En}Visit log to review: {visitEn}" }, times: 2);

        await _s.Logs(fixture.EnglishOfficial).ApproveAsync(logId, null, await _s.VersionAsync(logId));

        await ToldAsync($"/visit-logs/{logId}", NotificationKind.LogApproved, "LogApproved", [ConsultantUser],
            new Dictionary<Guid, string> { [ConsultantUser] = $"{Ko}방문 기록 승인: {visit}" });
        foreach (var (id, title) in new[] { (first, "운영규정 개정"), (second, "회계 점검") })
        {
            await ToldAsync(Link(id), NotificationKind.RecommendationNew, "RecommendationNew", [Staff, EnglishStaff],
                new Dictionary<Guid, string> { [Staff] = $"{Ko}새 권고사항: {title}", [EnglishStaff] = $"{En}New recommendation: {title}" });
        }

        await using var db = _s.CreateContext();
        var english = await db.OutboxMessages.SingleAsync(m => m.UserId == EnglishStaff && m.Topic == "RecommendationNew" && m.TextBody.Contains(second.ToString()));
        Assert.Contains("A recommendation in Organisation management, \"회계 점검\", has been addressed to your agency. Due Tue, Sep 30, 2025.", english.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Open: http://localhost:5080/recommendations/{second}", english.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultantIsToldOnlyThroughAnActiveAccount()
    {
        var inactive = await _s.AddUserAsync(Roles.Consultant, "휴면 컨설턴트", active: false);
        await using var db = _s.CreateContext();
        var consultants = await db.Consultants.Where(c => c.UserId == null).OrderBy(c => c.Id).Take(2).ToListAsync();
        consultants[0].LinkAccount(inactive.UserId!.Value);
        await db.SaveChangesAsync();
        var holder = await db.Consultants.Where(c => c.UserId == ConsultantUser).Select(c => c.Id).SingleAsync();

        // Without an active account the list is empty, so a submission falls back to telling the officials.
        Assert.Empty(await db.ConsultantUserAsync(consultants[0].Id, CancellationToken.None));
        Assert.Empty(await db.ConsultantUserAsync(consultants[1].Id, CancellationToken.None));
        Assert.Empty(await db.ConsultantUserAsync(null, CancellationToken.None));
        Assert.Equal([ConsultantUser], await db.ConsultantUserAsync(holder, CancellationToken.None));
        Assert.Equal(new[] { Official, EnglishOfficial }.Order(), (await db.OfficialsAsync(CancellationToken.None)).Order());
        Assert.Equal(new[] { Staff, EnglishStaff }.Order(), (await db.AgencyStaffAsync(_s.HaesolId, CancellationToken.None)).Order());
    }

    [Fact]
    public async Task EvidenceGoesToTheOfficialsWhenTheConsultantHasNoActiveAccount()
    {
        var id = await _s.FreshRecommendationAsync();
        var title = await TitleAsync(id);
        var agency = _s.FollowUp(_s.AgencyStaff);
        var version = await agency.PlanAsync(id, new ActionPlanInput("규정 개정", "기획팀장", new DateOnly(2025, 7, 15)), await VersionAsync(id));
        await _s.Attachments(_s.AgencyStaff).AddEvidenceAsync(id, "개정안.pdf", new MemoryStream(SampleFiles.Pdf()));
        _s.Tick();
        await SetActiveAsync(ConsultantUser, false);
        try
        {
            await agency.SubmitAsync(id, "개정안 제출", version);
        }
        finally
        {
            await SetActiveAsync(ConsultantUser, true);
        }

        await ToldAsync(Link(id), NotificationKind.EvidenceSubmitted, "EvidenceSubmitted", [Official, EnglishOfficial],
            new Dictionary<Guid, string>
            {
                [Official] = $"{Ko}이행 증빙 제출: {LogScenario.Haesol} - {title}",
                [EnglishOfficial] = $"{En}Evidence submitted: {LogScenario.Haesol} - {title}",
            });

        async Task SetActiveAsync(Guid userId, bool active)
        {
            await using var db = _s.CreateContext();
            (await db.Users.SingleAsync(u => u.Id == userId)).IsActive = active;
            await db.SaveChangesAsync();
        }
    }
}
