using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>The official keeps the agency register: finds an agency, registers a new one and finds it in the list.</summary>
public class AgencyRegistryJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task WaitForCircuitAsync(IPage page) =>
        Expect(page.Locator("main[data-interactive]")).ToHaveCountAsync(1);

    [Fact]
    public async Task OfficialSearchesRegistersAnAgencyAndFindsItInTheList()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("이메일").FillAsync(DemoData.OfficialEmail);
        await page.GetByLabel("비밀번호").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/official$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "기관 관리" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 관리", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("기관 관리"));
        await WaitForCircuitAsync(page);

        await page.GetByLabel("기관명 또는 지역 검색").PressSequentiallyAsync("해솔", new() { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "해솔 종합사회복지관" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "다솜읍 맞춤형복지팀" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "official-agencies");

        await page.GetByRole(AriaRole.Link, new() { Name = "기관 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 등록", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);

        // Saving without the required fields names what is missing and keeps the page.
        await page.GetByLabel("기관명").FillAsync("  ");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("기관명을 입력하세요");

        await page.GetByLabel("기관명").FillAsync("은하수 지역아동센터");
        await page.GetByLabel("기관 유형").SelectOptionAsync(new SelectOptionValue { Label = "지역아동센터" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "지역", Exact = true }).FillAsync("가온시 은하수구");
        await page.GetByLabel("이메일").FillAsync("eunhasu@example.kr");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "기관을 등록했습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 정보 수정", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "기관 목록으로" }).ClickAsync();
        await WaitForCircuitAsync(page);
        await page.GetByLabel("기관명 또는 지역 검색").PressSequentiallyAsync("은하수", new() { Delay = 30 });
        var row = page.GetByRole(AriaRole.Row, new() { Name = "은하수 지역아동센터" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("가온시 은하수구");
        await Expect(page.GetByText("기관 1곳")).ToBeVisibleAsync();
    }
}
