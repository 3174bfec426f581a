using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The official's programme calendar in the browser: a visit dragged to another day moves (the same rules as the form),
/// and dragged to a Saturday it moves only after the weekend warning is overridden with a reason.
/// </summary>
public class ProgramCalendarJourneyTests(CalendarJourneyTests.OnFirstOfJune app) : IClassFixture<CalendarJourneyTests.OnFirstOfJune>
{
    [Fact]
    public async Task TheOfficialDragsAVisitToAnotherDayAndOverridesAWeekendWithAReason()
    {
        var week = await CalendarScenario.PlanAsync(app.Database);
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await OpenAsync(page, $"/programs/{week.ProgramId}/calendar?date=2025-06-13");
        var visit3 = page.GetByRole(AriaRole.Button, new() { Name = $"{CalendarScenario.Agency} · 사업 기획·평가 · 3/6", Exact = false });
        await Expect(visit3).ToBeVisibleAsync();

        // Radzen's month view offers no accessible name for a day cell: the drop target is found by its day number.
        await DragAsync(page, visit3, DayCell(page, 20));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "옮겼습니다" })).ToBeVisibleAsync();

        // A Saturday: the warning comes in a dialog and the move needs a reason.
        await DragAsync(page, visit3, DayCell(page, 21));
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("주말입니다");
        await dialog.GetByLabel("그래도 옮기는 사유").FillAsync("기관 행사 일정에 맞춤");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "그래도 옮기기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "옮겼습니다" })).ToBeVisibleAsync();

        await using var db = app.Database.CreateContext();
        var moved = await db.Visits.Include(v => v.Changes).SingleAsync(v => v.Id == week.VisitIds[2]);
        Assert.Equal(new DateOnly(2025, 6, 21), SeoulTime.DateOf(moved.StartsAtUtc));
        Assert.Contains(moved.Changes, c => c.Reason == "기관 행사 일정에 맞춤" && c.OverriddenWarnings.Contains("visit.warning.weekend"));
    }

    /// <summary>
    /// HTML5 drag and drop as the browser fires it (dragstart on the visit, dragover and drop on the day); Playwright's
    /// mouse-driven DragToAsync does not reach Radzen's Blazor handlers in headless Chromium.
    /// </summary>
    private static async Task DragAsync(IPage page, ILocator source, ILocator target)
    {
        var transfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await source.DispatchEventAsync("dragstart", new { dataTransfer = transfer });
        await target.DispatchEventAsync("dragenter", new { dataTransfer = transfer });
        await target.DispatchEventAsync("dragover", new { dataTransfer = transfer });
        await target.DispatchEventAsync("drop", new { dataTransfer = transfer });
        await source.DispatchEventAsync("dragend", new { dataTransfer = transfer });
    }

    private static ILocator DayCell(IPage page, int day) =>
        page.Locator(".rz-slot").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = $"{day}", Exact = true }) }).First;
}
