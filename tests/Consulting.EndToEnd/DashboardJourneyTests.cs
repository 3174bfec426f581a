using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>The official opens the programme dashboard: charts drawn, the numbers behind one opens, the documents download.</summary>
public class DashboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficialReadsTheDashboardAndDownloadsTheWorkbook()
    {
        var s = await ResultsScenario.BuildAsync(app.Database);
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await OpenAsync(page, $"/programs/{s.ProgramId}/dashboard");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{DemoData.ConsultingProgramName} 현황판", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".dashboard-chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        var assessment = page.GetByRole(AriaRole.Region, new() { Name = "자가진단 사전·사후 (분야별)" });
        await assessment.GetByText("숫자로 보기").ClickAsync();
        var row = assessment.GetByRole(AriaRole.Row, new() { Name = "조직 관리" });
        await Expect(row).ToContainTextAsync("2.50");
        await Expect(row).ToContainTextAsync("3.63");
        await BrowserApp.ScreenshotAsync(page, "official-dashboard");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "사업 결과 통합 문서 (XLSX)" }).ClickAsync());
        Assert.Matches(new Regex("\\.xlsx$"), download.SuggestedFilename);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
