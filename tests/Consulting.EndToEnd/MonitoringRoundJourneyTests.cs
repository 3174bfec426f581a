using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>The county official opens the half-year comparison from the round's page: the chart draws, the table holds every team.</summary>
public class MonitoringRoundJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialComparesTheHalfYearOfEveryTownshipTeam()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.MonitoringProgramName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoData.MonitoringProgramName, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "반기 비교 (읍·면 팀별)" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/monitoring$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2025 상반기 사례관리 모니터링 점검 결과 비교", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        var overall = page.GetByRole(AriaRole.Table, new() { Name = "팀별 종합 점수 (분야 점수의 평균)" });
        await Expect(overall.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 11 + 1);
        await Expect(overall.GetByRole(AriaRole.Rowheader, new() { Name = "하늬면 맞춤형복지팀" })).ToBeVisibleAsync();

        // The chart draws its bars once the circuit has measured it: two series of eleven teams.
        await Expect(page.Locator("figure.chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("figure.chart path.rz-series-item, figure.chart .rz-column-series path").First).ToBeVisibleAsync();

        var coaching = page.GetByRole(AriaRole.Table, new() { Name = "팀별로 받은 동료멘토링 주제" });
        await Expect(coaching.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 11);
        await BrowserApp.ScreenshotAsync(page, "monitoring-round");

        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.PreviousMonitoringProgramName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2024 하반기 사례관리 모니터링 점검 결과 비교", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("직전 회차 없음")).ToBeVisibleAsync();
    }
}
