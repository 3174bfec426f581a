using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The consultant registry in the browser: an official registers a consultant with two areas of expertise and opens their
/// sign-in account; the demo consultant corrects their phone number and declares a vacation, which the official then sees.
/// </summary>
public class ConsultantRegistryJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialRegistersAConsultantAndTheConsultantDeclaresAVacationTheOfficialSees()
    {
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await WaitForCircuitAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = "컨설턴트", Exact = true }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "컨설턴트 관리", Level = 1 })).ToBeVisibleAsync();
        await Expect(official.GetByRole(AriaRole.Row, new() { Name = "윤슬기" })).ToContainTextAsync("조직 관리, 사업 기획·평가");
        await official.GetByRole(AriaRole.Link, new() { Name = "새 컨설턴트 등록" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "컨설턴트 등록", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(official);

        // Without a name the form says what is missing, next to the field, and keeps what was typed.
        await official.GetByRole(AriaRole.Checkbox, new() { Name = "조직 관리", Exact = true }).CheckAsync();
        await official.GetByRole(AriaRole.Checkbox, new() { Name = "사례 관리", Exact = true }).CheckAsync();
        await official.GetByLabel("소속", new() { Exact = true }).FillAsync("한결사회복지연구소");
        await official.GetByLabel("이메일", new() { Exact = true }).FillAsync("hangyeol@example.kr");
        await official.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Alert)).ToContainTextAsync("컨설턴트 이름을 입력하세요");
        var name = official.GetByRole(AriaRole.Textbox, new() { Name = "이름", Exact = true });
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(official.GetByRole(AriaRole.Checkbox, new() { Name = "사례 관리", Exact = true })).ToBeCheckedAsync();

        await name.FillAsync("한결");
        await official.GetByLabel("전화번호", new() { Exact = true }).FillAsync("010-1111-2222");
        await official.GetByLabel("활동 지역", new() { Exact = true }).FillAsync("가온시");
        await official.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "컨설턴트를 등록했습니다" })).ToBeVisibleAsync();
        await Expect(official).ToHaveURLAsync(new Regex("/consultants/[0-9a-f-]{36}"));
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "컨설턴트 정보", Level = 1 })).ToBeVisibleAsync();

        // The account's e-mail starts from the consultant's; the password is shown once.
        await Expect(official.GetByLabel("로그인 계정 이메일")).ToHaveValueAsync("hangyeol@example.kr");
        await official.GetByRole(AriaRole.Button, new() { Name = "로그인 계정 만들기" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "한결 님의 로그인 계정을 만들었습니다" })).ToBeVisibleAsync();
        var oneTimePassword = await official.GetByRole(AriaRole.Textbox, new() { Name = "일회용 비밀번호" }).InputValueAsync();
        Assert.True(oneTimePassword.Length >= 14, "one-time password shown");
        await Expect(official.GetByText("로그인 계정: hangyeol@example.kr")).ToBeVisibleAsync();
        await Expect(official.GetByRole(AriaRole.Button, new() { Name = "로그인 계정 만들기" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(official, "official-consultant-registered");

        await OpenAsync(official, "/consultants");
        await Expect(official.GetByRole(AriaRole.Row, new() { Name = "한결" })).ToContainTextAsync("조직 관리, 사례 관리");

        // The demo consultant corrects their phone number and declares a vacation.
        var consultant = await app.NewPageAsync();
        await SignInAsync(consultant, DemoData.ConsultantEmail);
        await WaitForCircuitAsync(consultant);
        await consultant.GetByRole(AriaRole.Link, new() { Name = "내 정보" }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Heading, new() { Name = "내 정보", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(consultant);
        await Expect(consultant.GetByRole(AriaRole.Textbox, new() { Name = "이름", Exact = true })).ToHaveCountAsync(0);
        await consultant.GetByLabel("전화번호").FillAsync("010-2345-6789");
        await consultant.GetByRole(AriaRole.Button, new() { Name = "연락처 저장" }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Status).Filter(new() { HasText = "연락처를 저장했습니다" })).ToBeVisibleAsync();

        await consultant.GetByLabel("시작일").FillAsync("2025-09-15");
        await consultant.GetByLabel("종료일").FillAsync("2025-09-19");
        await consultant.GetByLabel("종류").SelectOptionAsync(new SelectOptionValue { Label = "휴가" });
        await consultant.GetByLabel("메모").FillAsync("가족 여행");
        await consultant.GetByRole(AriaRole.Button, new() { Name = "추가", Exact = true }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Status).Filter(new() { HasText = "날짜를 추가했습니다" })).ToBeVisibleAsync();
        await Expect(consultant.GetByRole(AriaRole.Row, new() { Name = "가족 여행" })).ToContainTextAsync("휴가");
        await BrowserApp.ScreenshotAsync(consultant, "consultant-profile");

        // The official finds the vacation and the new number on the consultant's page.
        await OpenAsync(official, "/consultants");
        await official.GetByLabel("이름, 소속, 지역 검색").PressSequentiallyAsync("윤슬기", new() { Delay = 30 });
        await official.GetByRole(AriaRole.Link, new() { Name = "윤슬기" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "컨설턴트 정보", Level = 1 })).ToBeVisibleAsync();
        var vacation = official.GetByRole(AriaRole.Row, new() { Name = "가족 여행" });
        await Expect(vacation).ToContainTextAsync("휴가");
        await Expect(vacation).ToContainTextAsync("2025. 9. 15. ~ 2025. 9. 19.");
        await Expect(official.GetByLabel("전화번호", new() { Exact = true })).ToHaveValueAsync("010-2345-6789");
    }
}
