using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>The official keeps the agency register: finds an agency, registers a new one and finds it in the list.</summary>
public class AgencyRegistryJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialSearchesRegistersAnAgencyAndFindsItInTheList()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await Expect(page).ToHaveURLAsync(new Regex("/official$"));
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "기관 관리" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/agencies$"));
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
        await Expect(page.GetByLabel("기관명")).ToHaveAttributeAsync("aria-invalid", "true");

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

    [Fact]
    public async Task OfficialPreviewsAFileWithAnErrorAndImportsOnlyTheValidRows()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/agencies/import");
        await page.GetByLabel("이메일").FillAsync(DemoData.OfficialEmail);
        await page.GetByLabel("비밀번호").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 목록 가져오기", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);

        var csv = "기관명,기관유형,지역,주소,전화,이메일\n미리내 노인복지관,노인복지관,가온시 미리내구,,,\n유형 모름 기관,없는유형,가온시 미리내구,,,\n";
        await page.GetByLabel("가져올 파일").SetInputFilesAsync(new FilePayload
        {
            Name = "agencies.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });

        await Expect(page.GetByText("신규 1건, 수정 0건, 오류 1건")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "유형 모름 기관" })).ToContainTextAsync("목록에 없는 기관 유형입니다");
        await BrowserApp.ScreenshotAsync(page, "official-agency-import");

        await page.GetByRole(AriaRole.Button, new() { Name = "가져오기", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("아무것도 저장하지 않았습니다");

        await page.GetByRole(AriaRole.Button, new() { Name = "오류 없는 행만 가져오기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("신규 1건, 수정 0건, 제외 1건");

        await page.GotoAsync("/agencies");
        await WaitForCircuitAsync(page);
        await page.GetByLabel("기관명 또는 지역 검색").PressSequentiallyAsync("미리내", new() { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "미리내 노인복지관" })).ToBeVisibleAsync();
        await Expect(page.GetByText("기관 1곳")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OfficialAddsAnAgencyTypeUsesItAndRetiresIt()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoData.OfficialEmail);
        await Journey.OpenAsync(page, "/agencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "기관 유형 관리" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 유형 관리", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);

        await page.GetByLabel("유형 이름 (한국어)").FillAsync("노인주간보호센터");
        await page.GetByRole(AriaRole.Button, new() { Name = "유형 추가" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("한국어와 영어로 모두");
        await page.GetByLabel("유형 이름 (영어)").FillAsync("Senior day care centre");
        await page.GetByRole(AriaRole.Button, new() { Name = "유형 추가" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "노인주간보호센터" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "노인주간보호센터" });
        await Expect(row).ToContainTextAsync("활성");

        // The new type is offered on the registration form.
        await Journey.OpenAsync(page, "/agencies/new");
        await page.GetByLabel("기관 유형").SelectOptionAsync(new SelectOptionValue { Label = "노인주간보호센터" });

        await Journey.OpenAsync(page, "/agencies/types");
        await page.GetByRole(AriaRole.Row, new() { Name = "노인주간보호센터" }).GetByRole(AriaRole.Button, new() { Name = "사용 중지" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "노인주간보호센터" })).ToContainTextAsync("비활성");
        await Journey.OpenAsync(page, "/agencies/new");
        await Expect(page.GetByLabel("기관 유형").Locator("option", new() { HasText = "노인주간보호센터" })).ToHaveCountAsync(0);
    }
}
