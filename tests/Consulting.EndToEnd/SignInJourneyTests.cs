using System.Globalization;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// Each role signs in through the real sign-in page, lands on its Korean home page, does one thing that only
/// the interactive circuit can do, and signs out. The browser asks for English (Locale en-US) on purpose:
/// the app is Korean unless the user switches.
/// </summary>
public class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialSearchesProgrammesAndOpensTheOverview()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);

        await Expect(page).ToHaveURLAsync(new Regex("/official$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사업 담당자 홈", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Expect(page).ToHaveTitleAsync(new Regex("사업 담당자 홈"));
        await WaitForCircuitAsync(page);
        await Expect(page.GetByText("3개 사업")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "official-home");

        // Typing in the search box is handled by the server over the circuit.
        await page.GetByLabel("사업명 검색").PressSequentiallyAsync("모니터링", new() { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = DemoData.ConsultingProgramName })).ToHaveCountAsync(0);
        await Expect(page.GetByText("2개 사업")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.MonitoringProgramName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoData.MonitoringProgramName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "다솜읍 맞춤형복지팀" })).ToBeVisibleAsync();

        await SignOutAsync(page);
    }

    [Fact]
    public async Task ConsultantMovesTheirCalendarToNextWeek()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.ConsultantEmail);

        await Expect(page).ToHaveURLAsync(new Regex("/consultant$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "컨설턴트 홈", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await BrowserApp.ScreenshotAsync(page, "consultant-home");

        // Nothing scheduled yet: the week view opens on this week (Sunday to Saturday in Korean) and moves a week on.
        var korean = new CultureInfo("ko-KR");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime);
        var sunday = today.AddDays(-(int)today.DayOfWeek);
        string Caption(DateOnly first) => $"{first.ToString("d", korean)} ~ {first.AddDays(6).ToString("d", korean)} 방문 목록";
        await Expect(page.GetByText($"{Caption(sunday)}: 방문이 없습니다.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "다음", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{Caption(sunday.AddDays(7))}: 방문이 없습니다.")).ToBeVisibleAsync();

        await SignOutAsync(page);
    }

    [Fact]
    public async Task AgencyStaffOpenTheAreasOfTheirProgramme()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.AgencyEmail);

        await Expect(page).ToHaveURLAsync(new Regex("/agency$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 홈", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("해솔 종합사회복지관")).ToBeVisibleAsync();
        // The agency takes part only in the consulting programme, never sees the county's round.
        await Expect(page.GetByText(DemoData.MonitoringProgramName)).ToHaveCountAsync(0);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "분야 보기" });
        await WaitForCircuitAsync(page);
        await Expect(toggle).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "agency-home");

        await toggle.ClickAsync();
        var areas = page.GetByRole(AriaRole.Table);
        await Expect(areas.GetByRole(AriaRole.Rowheader, new() { Name = "사업 기획·평가" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "분야 닫기" })).ToHaveAttributeAsync("aria-expanded", "true");

        await SignOutAsync(page);
    }

    [Fact]
    public async Task WrongPasswordShowsAnError()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("이메일").FillAsync(DemoData.OfficialEmail);
        await page.GetByLabel("비밀번호").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("이메일 또는 비밀번호가 올바르지 않습니다.");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await BrowserApp.ScreenshotAsync(page, "sign-in-error");
    }

    [Fact]
    public async Task KeyboardAloneSignsIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("이메일").FocusAsync();
        await page.Keyboard.TypeAsync(DemoData.OfficialEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사업 담당자 홈", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageSwitchShowsEnglish()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();
    }
}
