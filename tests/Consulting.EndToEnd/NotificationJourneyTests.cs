using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Notifications;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The bell and the notification centre in the browser, as 서다온 of 해솔 종합사회복지관: the official schedules visits
/// of her agency, the bell counts them, opening one takes her to the visit and the count goes down, a new one counts
/// up after the next navigation, "mark all read" clears the bell, and she turns e-mail off for moved visits.
/// </summary>
public class NotificationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private Guid _engagementId;

    private async Task<Guid> ScheduleAsync(int number, DateOnly day)
    {
        var official = await DemoScenario.DemoOfficialAsync(app.Database);
        var factory = app.Database.CreateFactory();
        if (_engagementId == Guid.Empty)
        {
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
            var yoon = await db.Consultants.Where(c => c.Name == "윤슬기").Select(c => c.Id).SingleAsync();
            await new AssignmentService(factory, official, TimeProvider.System).AssignAsync(engagement.Id, yoon, null, engagement.Version);
            _engagementId = engagement.Id;
        }

        var outcome = await new VisitService(factory, official, TimeProvider.System, new VisitInputValidator(), TestNotifier.For(TimeProvider.System))
            .ScheduleAsync(_engagementId, number, new VisitInput(day, new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, "3층 회의실"), "시험 준비");
        return outcome.VisitId!.Value;
    }

    [Fact]
    public async Task TheBellCountsUpAndDownAsTheAgencyReadsItsNotifications()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.AgencyEmail);
        var first = await ScheduleAsync(1, new DateOnly(2025, 6, 10));
        await ScheduleAsync(2, new DateOnly(2025, 6, 17));

        await OpenAsync(page, "/agency");
        var bell = page.Locator("#notification-bell");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "알림 (읽지 않은 알림 2건)");
        await Expect(bell.Locator(".bell-count")).ToHaveTextAsync("2");

        await bell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "알림", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "방문 일정 확정: 해솔 종합사회복지관 조직 관리 1회차" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/visits/{first}$"));
        await Expect(bell.Locator(".bell-count")).ToHaveTextAsync("1");

        // A new notification shows after the next navigation.
        await ScheduleAsync(3, new DateOnly(2025, 6, 24));
        await bell.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "알림", Level = 1 })).ToBeVisibleAsync();
        await Expect(bell.Locator(".bell-count")).ToHaveTextAsync("2");
        await Expect(page.Locator(".notification.read")).ToContainTextAsync("읽음");

        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "모두 읽음으로 표시" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "모든 알림을 읽음으로 표시했습니다." })).ToBeVisibleAsync();
        await Expect(bell.Locator(".bell-count")).ToHaveCountAsync(0);
        await Expect(bell).ToHaveAttributeAsync("aria-label", "알림 (읽지 않은 알림 없음)");
        await BrowserApp.ScreenshotAsync(page, "notifications-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "알림 받는 방법 설정" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "알림 설정", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await page.GetByLabel("전자우편으로 받기: 방문 일정이 바뀌었을 때").UncheckAsync();
        await page.GetByLabel("English (영어)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "설정 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "알림 설정을 저장했습니다." })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "notification-settings");

        var staff = await DemoScenario.UserIdAsync(app.Database, DemoData.AgencyEmail);
        await using var check = app.Database.CreateContext();
        Assert.Equal([NotificationKind.VisitMoved], await check.EmailOptOuts.Where(o => o.UserId == staff).Select(o => o.Kind).ToListAsync());
        Assert.Equal("en", await check.Users.Where(u => u.Id == staff).Select(u => u.PreferredCulture).SingleAsync());
    }
}
