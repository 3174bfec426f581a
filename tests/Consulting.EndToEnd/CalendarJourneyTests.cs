using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;
using Consulting.Web.Tests.Calendar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The consultant's calendar in the browser: three visits planned in the week of 9 June 2025 show in the week view of
/// their home page (opened on the week of their next visit) and in the list below it; one opens its visit page; the
/// feed address they copy serves the three visits to a calendar app, and a new address retires the old one.
/// </summary>
public class CalendarJourneyTests(CalendarJourneyTests.OnFirstOfJune app) : IClassFixture<CalendarJourneyTests.OnFirstOfJune>
{
    /// <summary>The app on 1 June 2025, so the week is still ahead and inside the feed's reach.</summary>
    public sealed class OnFirstOfJune : BrowserApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(CalendarScenario.Clock()));
        }
    }

    [Fact]
    public async Task TheConsultantSeesTheWeekOpensAVisitAndSubscribesToTheFeed()
    {
        var week = await CalendarScenario.PlanAsync(app.Database);

        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await SignInAsync(page, DemoData.ConsultantEmail);
        await Expect(page).ToHaveURLAsync(new Regex("/consultant$"));
        await WaitForCircuitAsync(page);

        // The week view and its list both show the three visits.
        var list = page.GetByRole(AriaRole.Table, new() { Name = "2025. 6. 8. ~ 2025. 6. 14. 방문 목록" });
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = CalendarScenario.Agency })).ToHaveCountAsync(3);
        for (var k = 1; k <= 3; k++)
        {
            await Expect(page.GetByText($"{CalendarScenario.Agency} · 사업 기획·평가 · {k}/6 (예정)", new() { Exact = true })).ToBeVisibleAsync();
        }
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = $"열기 {CalendarScenario.Agency} 사업 기획·평가 2/6회차" }))
            .ToHaveAttributeAsync("href", $"/visits/{week.VisitIds[1]}");
        await BrowserApp.ScreenshotAsync(page, "consultant-calendar");

        // Clicking a visit in the scheduler opens it.
        await page.GetByText($"{CalendarScenario.Agency} · 사업 기획·평가 · 1/6 (예정)", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/visits/{week.VisitIds[0]}$"));

        // The feed address is copied and serves the three visits.
        await OpenAsync(page, "/consultant");
        var address = page.GetByLabel("캘린더 구독 주소");
        var url = await address.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "주소 복사" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "주소를 복사했습니다" })).ToBeVisibleAsync();
        Assert.Equal(url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        using var http = new HttpClient();
        var feed = StrictICalendarReader.Read(await http.GetByteArrayAsync(url));
        Assert.Equal(week.VisitIds.Select(id => $"{id:D}@consulting"), feed.Events.Select(e => e["UID"]));
        Assert.Equal($"방문 3/6 · {CalendarScenario.Agency} · 사업 기획·평가", feed.Events[2]["SUMMARY"]);

        // A new address: asked first, then the old one stops working.
        await page.GetByRole(AriaRole.Button, new() { Name = "새 주소 만들기" }).ClickAsync();
        await Expect(page.GetByText("지금 주소는 바로 작동하지 않습니다", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "새 주소로 바꾸기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "새 주소를 만들었습니다" })).ToBeVisibleAsync();
        await Expect(address).Not.ToHaveValueAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(await address.InputValueAsync())).StatusCode);
    }
}
