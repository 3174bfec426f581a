using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The self-assessment forms in a browser over the results year: the agency scores an open before-assessment, saves a
/// draft, is told what is missing, and submits; the consultant changes a rating; the official edits an area's
/// indicators after being told what is missing.
/// </summary>
public class AssessmentFormsJourneyTests(AssessmentFormsJourneyTests.App app) : IClassFixture<AssessmentFormsJourneyTests.App>
{
    public sealed class App : BrowserApp
    {
        public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task TheAgencyScoresAndSubmitsTheConsultantRatesTheOfficialEditsIndicators()
    {
        var s = await ResultsScenario.BuildAsync(app.Database);
        Guid open;
        string areaName;
        await using (var db = app.Database.CreateContext())
        {
            var row = await (
                    from e in db.Engagements
                    join a in db.ProgramAreas on e.AreaId equals a.Id
                    where e.ProgramId == s.ProgramId && e.AgencyId == s.HaesolId && e.Id != s.HaesolEngagementId
                    orderby a.SortOrder
                    select new { e.Id, a.NameKo })
                .FirstAsync();
            (open, areaName) = (row.Id, row.NameKo);
        }

        // ---- The agency: a draft with a gap, a refusal naming the gap, then the whole. ----
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.AgencyEmail);
        await OpenAsync(page, "/agency/assessments");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{areaName} 자가진단" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "사전 자가진단" })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        var selects = page.Locator("select[id^=before-score-]");
        var count = await selects.CountAsync();
        Assert.True(count >= 3);
        var firstLabel = await page.Locator("label[for=before-score-1]").InnerTextAsync();
        await page.GetByLabel(firstLabel, new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByLabel("지표 1 의견 (선택)").FillAsync("규정은 있으나 오래됨");
        await page.GetByRole(AriaRole.Button, new() { Name = "임시 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "임시 저장했습니다" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("모든 지표에 점수를 매긴 뒤 제출하세요.");
        for (var i = 2; i <= count; i++)
        {
            await page.Locator($"#before-score-{i}").SelectOptionAsync("3");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "사전 자가진단을 제출했습니다." })).ToBeVisibleAsync();
        await Expect(page.Locator("select[id^=before-score-]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "규정은 있으나 오래됨" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "assessment-agency-submitted.png"), FullPage = true });

        // ---- The consultant changes 해솔's after rating of the first indicator. ----
        var consultant = await app.NewPageAsync();
        await SignInAsync(consultant, DemoData.ConsultantEmail);
        await OpenAsync(consultant, $"/engagements/{s.HaesolEngagementId}/assessment");
        await WaitForCircuitAsync(consultant);
        await Expect(consultant.Locator("figure.assessment-chart svg").First).ToBeVisibleAsync();
        await consultant.Locator("#after-rating-score-1").SelectOptionAsync("5");
        await consultant.Locator("section[aria-labelledby=after-heading]").GetByRole(AriaRole.Button, new() { Name = "컨설턴트 평가 저장" }).ClickAsync();
        await Expect(consultant.GetByRole(AriaRole.Status).Filter(new() { HasText = "컨설턴트 평가를 저장했습니다." })).ToBeVisibleAsync();
        // [3,3,4,3] with the first now 5: 3.75.
        await Expect(consultant.Locator("#assessment-comparison tfoot")).ToContainTextAsync("3.75");
        await consultant.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDirectory, "assessment-consultant-rated.png"), FullPage = true });

        // ---- The official: a blank level is refused beside its field; then an added indicator is saved. ----
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await OpenAsync(official, $"/programs/{s.ProgramId}/checklists");
        await WaitForCircuitAsync(official);
        var edit = official.GetByRole(AriaRole.Button, new() { Name = "지표 수정" }).First;
        await edit.ClickAsync();
        var fieldsets = official.Locator("fieldset.checklist-indicator");
        await Expect(fieldsets.First).ToBeVisibleAsync();
        var last = await fieldsets.CountAsync() + 1;
        await official.GetByRole(AriaRole.Button, new() { Name = "지표 추가" }).ClickAsync();
        await Expect(fieldsets).ToHaveCountAsync(last);
        await official.GetByLabel($"지표 {last} 내용").FillAsync("새 지표를 점검한다");
        await official.GetByRole(AriaRole.Button, new() { Name = "지표 저장" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Alert)).ToContainTextAsync("1~5점 각 수준의 설명을 모두 입력하세요.");
        await Expect(official.Locator($"#ind-{last}-level-1")).ToHaveAttributeAsync("aria-invalid", "true");
        for (var level = 1; level <= 5; level++)
        {
            await official.GetByLabel($"지표 {last} · {level}점 수준 설명").FillAsync($"수준 {level}");
        }

        await official.GetByRole(AriaRole.Button, new() { Name = "지표 저장" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("지표를 저장했습니다.");
        await Expect(official.GetByRole(AriaRole.Cell, new() { Name = "수준 5" })).ToBeVisibleAsync();
    }
}
