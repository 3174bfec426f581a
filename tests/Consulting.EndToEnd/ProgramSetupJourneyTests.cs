using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>The official sets up next year's consulting programme, adjusts an area and opens the recruitment call.</summary>
public class ProgramSetupJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ProgramName = "2026 품질관리 컨설팅 시범";

    [Fact]
    public async Task OfficialCreatesAProgrammeEditsAnAreaAndOpensRecruitment()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await Expect(page).ToHaveURLAsync(new Regex("/official$"));
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "새 사업 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "새 사업 만들기", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("새 사업 만들기"));
        await WaitForCircuitAsync(page);

        // A consulting period that ends before it starts is refused with a message, and the input stays.
        await page.GetByLabel("사업명").FillAsync(ProgramName);
        await page.GetByLabel("구분").SelectOptionAsync(new SelectOptionValue { Label = "컨설팅" });
        await page.GetByLabel("연도").FillAsync("2026");
        await page.GetByLabel("모집 시작일").FillAsync("2026-04-01");
        await page.GetByLabel("모집 종료일").FillAsync("2026-05-15");
        await page.GetByLabel("컨설팅 시작일").FillAsync("2026-06-01");
        await page.GetByLabel("컨설팅 종료일").FillAsync("2026-05-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("종료일이 시작일보다 빠릅니다");

        await page.GetByLabel("컨설팅 종료일").FillAsync("2026-11-30");
        await page.GetByLabel("목표 기관 수").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ProgramName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "사업을 만들었습니다" })).ToBeVisibleAsync();
        foreach (var area in new[] { "조직 관리", "사업 기획·평가", "사례 관리", "지역사회조직화" })
        {
            await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "합계" })).ToContainTextAsync("15회");
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "수정", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사업 수정", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        var organisation = page.GetByRole(AriaRole.Group, new() { Name = "조직 관리" });

        // A refused area says why next to its own field.
        await organisation.GetByLabel("계획 방문").FillAsync("0");
        await organisation.GetByRole(AriaRole.Button, new() { Name = "분야 저장" }).ClickAsync();
        await Expect(organisation.GetByText("계획 방문 횟수는 1회에서 20회 사이여야 합니다.")).ToBeVisibleAsync();
        await Expect(organisation.GetByLabel("계획 방문")).ToHaveAttributeAsync("aria-invalid", "true");

        await organisation.GetByLabel("계획 방문").FillAsync("4");
        await organisation.GetByRole(AriaRole.Button, new() { Name = "분야 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "분야를 저장했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "official-program-edit");

        // Removing an area asks first; cancelling keeps it.
        var community = page.GetByRole(AriaRole.Group, new() { Name = "지역사회조직화", Exact = true });
        await community.GetByRole(AriaRole.Button, new() { Name = "분야 삭제" }).ClickAsync();
        await Expect(community.GetByText("분야를 삭제할까요?")).ToBeVisibleAsync();
        await community.GetByRole(AriaRole.Button, new() { Name = "취소" }).ClickAsync();
        await Expect(community.GetByText("분야를 삭제할까요?")).ToHaveCountAsync(0);
        await community.GetByRole(AriaRole.Button, new() { Name = "분야 삭제" }).ClickAsync();
        await community.GetByRole(AriaRole.Group).GetByRole(AriaRole.Button, new() { Name = "분야 삭제" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "분야를 삭제했습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "지역사회조직화", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "사업 개요로" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ProgramName, Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "조직 관리" })).ToContainTextAsync("4회");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "합계" })).ToContainTextAsync("13회");

        // Only the next move is offered.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "선정 시작" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "모집 시작" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "모집 중" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "모집 중" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "선정 시작" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "official-program-recruiting");
    }
}
