using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// An official opens an account for an agency's staff member and reads its one-time password; the new user
/// signs in with it, is held on the change-password page until choosing their own, then reaches the agency home.
/// </summary>
public class UserAccountJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("비밀번호").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
    }

    [Fact]
    public async Task OfficialOpensAnAgencyStaffAccountAndTheNewUserChoosesAPassword()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await SignInAsync(page, DemoData.OfficialEmail, DemoData.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/official$"));
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "사용자 관리" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사용자 관리", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("사용자 관리"));
        await page.GetByRole(AriaRole.Link, new() { Name = "사용자 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사용자 등록", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);

        // Without a name the form says what is missing.
        await page.GetByLabel("이메일").FillAsync("haesol.staff@example.kr");
        await page.GetByLabel("역할").SelectOptionAsync(new SelectOptionValue { Label = "기관 담당자" });
        await page.GetByRole(AriaRole.Button, new() { Name = "계정 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("이름을 입력하세요");

        await page.GetByLabel(new Regex("^이름")).FillAsync("바다솔 (해솔 담당자)");
        await page.GetByLabel("소속 기관").SelectOptionAsync(new SelectOptionValue { Label = "해솔 종합사회복지관" });
        await page.GetByRole(AriaRole.Button, new() { Name = "계정 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "계정을 만들었습니다" })).ToBeVisibleAsync();
        var oneTimePassword = await page.GetByRole(AriaRole.Textbox, new() { Name = "일회용 비밀번호" }).InputValueAsync();
        Assert.True(oneTimePassword.Length >= 14, "one-time password shown");
        await BrowserApp.ScreenshotAsync(page, "official-user-created");

        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("로그아웃되었습니다");

        await SignInAsync(page, "haesol.staff@example.kr", oneTimePassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "비밀번호 변경", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("새 비밀번호를 정하세요");

        // Any other page sends the user back here.
        await page.GotoAsync("/agency");
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));

        await page.GetByLabel("현재 비밀번호").FillAsync(oneTimePassword);
        await page.GetByLabel("새 비밀번호", new() { Exact = true }).FillAsync("Haesol!2025");
        await page.GetByLabel("새 비밀번호 확인").FillAsync("Haesol!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "비밀번호 변경" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("새 비밀번호와 확인이 일치하지 않습니다");

        await page.GetByLabel("현재 비밀번호").FillAsync(oneTimePassword);
        await page.GetByLabel("새 비밀번호", new() { Exact = true }).FillAsync("Haesol!2025");
        await page.GetByLabel("새 비밀번호 확인").FillAsync("Haesol!2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "비밀번호 변경" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/agency$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기관 홈", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("해솔 종합사회복지관").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "agency-after-password-change");

        // From an interactive page the link still reaches the server-rendered form, now without the first-sign-in notice.
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "비밀번호 변경" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "비밀번호 변경", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("현재 비밀번호")).ToBeVisibleAsync();
        await Expect(page.GetByText("새 비밀번호를 정하세요")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OfficialCorrectsANameThenDeactivatesAnAccountWhichCanNoLongerSignIn()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoData.OfficialEmail);
        await Journey.OpenAsync(page, "/users");
        await page.GetByLabel("이름 또는 이메일 검색").PressSequentiallyAsync("서다온", new() { Delay = 30 });
        await page.GetByRole(AriaRole.Link, new() { Name = "서다온 (데모 기관 담당자)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사용자 정보", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "이름", Exact = true }).FillAsync("서다온 (해솔 담당자)");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "사용자 정보를 저장했습니다" })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.details")).ToContainTextAsync("서다온 (해솔 담당자)");

        // Deactivating asks first; cancelling changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "사용 중지" }).ClickAsync();
        await Expect(page.GetByText("계정을 사용 중지할까요?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "취소" }).ClickAsync();
        await Expect(page.Locator("dl.details")).ToContainTextAsync("사용 중");
        await Expect(page.GetByText("계정을 사용 중지할까요?")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "사용 중지" }).ClickAsync();
        await page.GetByRole(AriaRole.Group).GetByRole(AriaRole.Button, new() { Name = "사용 중지" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "더 이상 로그인할 수 없습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "다시 사용" })).ToBeVisibleAsync();

        var agency = await app.NewPageAsync();
        await agency.GotoAsync("/");
        await agency.GetByLabel("이메일").FillAsync(DemoData.AgencyEmail);
        await agency.GetByLabel("비밀번호").FillAsync(DemoData.Password);
        await agency.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(agency).ToHaveURLAsync(new Regex("/account/login"));
    }
}
