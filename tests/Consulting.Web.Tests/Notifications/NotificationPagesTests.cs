using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Notifications;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Notifications;

/// <summary>
/// The notification centre and the e-mail settings over HTTP, per role: each user sees only their own notifications,
/// the bell counts them, opening one marks it read, and the settings offer the kinds the role receives.
/// </summary>
public class NotificationPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        await SignInForm.PostAsync(client, email, DemoData.Password);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>
    /// The official schedules visit 1 of 해솔 × 조직 관리 for 윤슬기 (once per class): 윤슬기 and 서다온 are told, the
    /// official is not. Returns the visit.
    /// </summary>
    private async Task<Guid> ArrangeAsync()
    {
        Client(); // the host seeds the demo year when it starts
        var programId = await DemoScenario.SelectSevenAndStartAsync(app.Database);
        await using var db = app.Database.CreateContext();
        var engagement = await (
                from e in db.Engagements
                where e.ProgramId == programId
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                where a.Name == "해솔 종합사회복지관" && area.Code == "organisation"
                select new { e.Id, e.Version })
            .SingleAsync();
        var existing = await db.Visits.Where(v => v.EngagementId == engagement.Id && v.Number == 1).Select(v => (Guid?)v.Id).SingleOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var official = await DemoScenario.DemoOfficialAsync(app.Database);
        var factory = app.Database.CreateFactory();
        var yoon = await db.Consultants.Where(c => c.Name == "윤슬기").Select(c => c.Id).SingleAsync();
        await new AssignmentService(factory, official, TimeProvider.System).AssignAsync(engagement.Id, yoon, null, engagement.Version);
        var outcome = await new VisitService(factory, official, TimeProvider.System, new VisitInputValidator(), TestNotifier.For(TimeProvider.System)).ScheduleAsync(
            engagement.Id, 1, new VisitInput(new DateOnly(2025, 6, 10), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, "3층 회의실"), null);
        return outcome.VisitId!.Value;
    }

    private async Task<Notification> NotificationOfAsync(string email, Guid visitId)
    {
        var userId = await DemoScenario.UserIdAsync(app.Database, email);
        await using var db = app.Database.CreateContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId && n.Link == $"/visits/{visitId}");
    }

    [Theory]
    [InlineData("/notifications")]
    [InlineData("/account/notifications")]
    public async Task AnonymousVisitorsGoToSignIn(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail)]
    [InlineData(DemoData.ConsultantEmail)]
    public async Task TheOnesToldSeeTheirNotificationUnreadAndTheBellCountsIt(string email)
    {
        var visitId = await ArrangeAsync();
        var notification = await NotificationOfAsync(email, visitId);
        var client = await SignedInAsync(email);

        var html = await HtmlAsync(client, "/notifications");

        Assert.Contains("<h1>알림</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/notifications/{notification.Id}/open\">방문 일정 확정: 해솔 종합사회복지관 조직 관리 1회차</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"notification-state\">읽지 않음</span>", html, StringComparison.Ordinal);
        Assert.Contains(">모두 읽음으로 표시</button>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"notification-bell\"", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"bell-count\">[1-9][0-9]*</span>", html);
    }

    [Fact]
    public async Task TheOfficialWhoScheduledItIsNotToldAndSeesNoOneElsesNotifications()
    {
        await ArrangeAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await HtmlAsync(client, "/notifications");

        Assert.Contains("받은 알림이 없습니다.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("방문 일정 확정", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"알림 (읽지 않은 알림 없음)\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bell-count", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningANotificationMarksItReadAndGoesWhereItPointsButNotAnotherUsers()
    {
        var visitId = await ArrangeAsync();
        var mine = await NotificationOfAsync(DemoData.ConsultantEmail, visitId);
        var theirs = await NotificationOfAsync(DemoData.AgencyEmail, visitId);
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var someoneElses = await client.GetAsync($"/notifications/{theirs.Id}/open");
        var opened = await client.GetAsync($"/notifications/{mine.Id}/open");

        Assert.Equal("/notifications", someoneElses.Headers.Location!.AbsolutePath);
        Assert.Null((await NotificationOfAsync(DemoData.AgencyEmail, visitId)).ReadAtUtc);
        Assert.Equal($"/visits/{visitId}", opened.Headers.Location!.AbsolutePath);
        Assert.NotNull((await NotificationOfAsync(DemoData.ConsultantEmail, visitId)).ReadAtUtc);
        Assert.Contains("<span class=\"notification-state\">읽음</span>", await HtmlAsync(client, "/notifications"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.OfficialEmail, "전자우편으로 받기: 검토할 방문 기록이 제출되었을 때", "방문 일정이 잡혔을 때")]
    [InlineData(DemoData.ConsultantEmail, "전자우편으로 받기: 방문 기록이 반려되었을 때", "새 권고사항이 전달되었을 때")]
    [InlineData(DemoData.AgencyEmail, "전자우편으로 받기: 새 권고사항이 전달되었을 때", "검토할 방문 기록이 제출되었을 때")]
    public async Task TheSettingsOfferTheKindsTheRoleReceivesTheLanguageAndTheAddress(string email, string offered, string notOffered)
    {
        var client = await SignedInAsync(email);

        var html = await HtmlAsync(client, "/account/notifications");

        Assert.Contains("<h1>알림 설정</h1>", html, StringComparison.Ordinal);
        Assert.Contains(offered, html, StringComparison.Ordinal);
        Assert.DoesNotContain(notOffered, html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" id=\"email-", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email-culture-ko\" lang=\"ko\">한국어</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email-culture-en\" lang=\"en\">English (영어)</label>", html, StringComparison.Ordinal);
        Assert.Contains($">{email}</dd>", html, StringComparison.Ordinal);
        Assert.Contains(">설정 저장</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingTheLanguageInTheAppBarSetsTheEmailLanguageOnce()
    {
        var client = await SignedInAsync(DemoData.ConsultantEmail);
        var userId = await DemoScenario.UserIdAsync(app.Database, DemoData.ConsultantEmail);

        await client.GetAsync("/culture?culture=en-US&returnUrl=/");
        await client.GetAsync("/culture?culture=ko-KR&returnUrl=/");

        await using var db = app.Database.CreateContext();
        Assert.Equal("en", await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleAsync());
    }
}
