using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The official's scheduling in the browser: from the programme to the assignment board, assigns 윤슬기 to
/// 해솔 종합사회복지관 × 조직 관리 and schedules its three visits; a clash with another engagement of hers is refused
/// with a message that names 해솔 종합사회복지관; a weekend is saved only with a reason; the consultant then finds the three
/// visits in her week view.
/// </summary>
public class SchedulingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialAssignsAConsultantSchedulesThreeVisitsIsRefusedAClashAndOverridesAWeekend()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        var programId = await DemoScenario.SelectSevenAndStartAsync(app.Database);

        await OpenAsync(page, $"/programs/{programId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "분야별 배정과 방문 일정 보기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2025 품질관리 컨설팅 분야별 배정", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "분야별 진행 현황" })).ToContainTextAsync("105");

        await AssignYoonAsync(page, "해솔 종합사회복지관 조직 관리");
        await ScheduleAsync(page, 1, "2025-06-10", "10:00", "12:00");
        await ScheduleAsync(page, 2, "2025-06-17", "10:00", "12:00");
        await ScheduleAsync(page, 3, "2025-06-24", "14:00", "16:00");
        var visits = page.GetByRole(AriaRole.Table, new() { Name = "방문 회차" });
        await Expect(visits.GetByRole(AriaRole.Row, new() { Name = "1회차" })).ToContainTextAsync("2025. 6. 10. (화) 10:00–12:00");
        await Expect(visits.GetByRole(AriaRole.Row, new() { Name = "3회차" })).ToContainTextAsync("2025. 6. 24. (화) 14:00–16:00");
        await BrowserApp.ScreenshotAsync(page, "official-engagement");

        // Another engagement of hers at the time of visit 1: refused, naming the visit it clashes with.
        await page.GetByRole(AriaRole.Link, new() { Name = "분야별 배정 목록으로" }).ClickAsync();
        await AssignYoonAsync(page, "별마루 종합사회복지관 조직 관리");
        await page.GetByRole(AriaRole.Button, new() { Name = "1회차 일정 잡기" }).ClickAsync();
        await FillTimeAsync(page, "2025-06-10", "11:00", "13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "일정 저장" }).ClickAsync();
        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "해솔 종합사회복지관" });
        await Expect(refusal).ToContainTextAsync("윤슬기 컨설턴트는 그 시간에 이미 해솔 종합사회복지관 조직 관리 1회차 방문");

        // A Saturday: a warning first, nothing saved; saved anyway with a reason.
        await page.GetByLabel("방문 날짜").FillAsync("2025-06-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "일정 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "주말" })).ToContainTextAsync("2025. 6. 14.은(는) 주말입니다.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "방문 회차" }).GetByRole(AriaRole.Row, new() { Name = "1회차" })).ToContainTextAsync("일정 없음");
        await page.GetByRole(AriaRole.Button, new() { Name = "그래도 저장" }).ClickAsync();
        await Expect(page.GetByText("경고를 무시하고 저장하려면 사유를 입력하세요.")).ToBeVisibleAsync();
        await page.GetByLabel("경고를 무시하는 사유").FillAsync("기관 요청으로 토요 주민 행사와 함께 진행");
        await page.GetByRole(AriaRole.Button, new() { Name = "그래도 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "경고를 확인하고 1회차 일정을 저장했습니다." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "1회차 열기" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "변경 이력" });
        await Expect(history).ToContainTextAsync("기관 요청으로 토요 주민 행사와 함께 진행");
        await Expect(history).ToContainTextAsync("주말");

        // The consultant sees the three visits at 해솔 in her week view (the week of 8–14 June holds visit 1).
        var consultant = await app.NewPageAsync();
        await SignInAsync(consultant, DemoData.ConsultantEmail);
        await OpenAsync(consultant, "/consultant?date=2025-06-10");
        await Expect(consultant.GetByRole(AriaRole.Button, new() { Name = "해솔 종합사회복지관 · 조직 관리 · 1/3 (예정)" })).ToBeVisibleAsync();
        await consultant.GetByRole(AriaRole.Button, new() { Name = "다음", Exact = true }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Button, new() { Name = "해솔 종합사회복지관 · 조직 관리 · 2/3 (예정)" })).ToBeVisibleAsync();
        await consultant.GetByRole(AriaRole.Button, new() { Name = "다음", Exact = true }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Button, new() { Name = "해솔 종합사회복지관 · 조직 관리 · 3/3 (예정)" })).ToBeVisibleAsync();
    }

    private static async Task AssignYoonAsync(IPage page, string engagement)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = engagement }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(engagement.Replace(" 조직 관리", " · 조직 관리", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "윤슬기 배정" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "윤슬기 컨설턴트를 배정했습니다." })).ToBeVisibleAsync();
    }

    private static async Task ScheduleAsync(IPage page, int number, string date, string start, string end)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"{number}회차 일정 잡기" }).ClickAsync();
        await FillTimeAsync(page, date, start, end);
        await page.GetByRole(AriaRole.Button, new() { Name = "일정 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{number}회차 일정을 저장했습니다." })).ToBeVisibleAsync();
    }

    private static async Task FillTimeAsync(IPage page, string date, string start, string end)
    {
        await page.GetByLabel("방문 날짜").FillAsync(date);
        await page.GetByLabel("시작 시각").FillAsync(start);
        await page.GetByLabel("종료 시각").FillAsync(end);
        await page.GetByLabel("방문 방식").SelectOptionAsync(new SelectOptionValue { Label = "현장 방문" });
        await page.GetByLabel("장소", new() { Exact = true }).FillAsync("기관 회의실");
    }
}
