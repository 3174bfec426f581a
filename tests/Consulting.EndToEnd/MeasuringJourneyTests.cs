using System.Text.RegularExpressions;
using Consulting.Domain.Assessments;
using Consulting.Domain.Data;
using Consulting.Testing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Consulting.EndToEnd;

/// <summary>
/// Measuring what changed on the seed programme: 해솔's staff fills the before-assessment from the portal before the
/// first visit; the visits are held (logged and approved behind the scenes); she fills the after-assessment and answers
/// the survey; the official opens the programme's dashboard, sees the before/after change of 조직 관리, and downloads
/// 해솔's result report, the programme workbook and the summary, which say the same as the dashboard.
/// </summary>
public class MeasuringJourneyTests(MeasuringJourneyTests.App app) : IClassFixture<MeasuringJourneyTests.App>
{
    /// <summary>The app on the scenario's clock: 1 June 2025 at first, 15 July 2025 by the end.</summary>
    public sealed class App : BrowserApp
    {
        public FixedClock Clock { get; } = FixedClock.At(new DateOnly(2025, 6, 1));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static readonly int[] Before = ResultsScenario.HaesolBefore;
    private static readonly int[] After = ResultsScenario.HaesolAfter;

    [Fact]
    public async Task TheAgencyAssessesBeforeAndAfterAndAnswersTheSurveyAndTheOfficialDownloadsTheResults()
    {
        var s = await ResultsScenario.PrepareAsync(app.Database, app.Clock);
        var indicators = await IndicatorsAsync(s);

        // ---- Before the first visit: 해솔 fills the before-assessment from the portal. ----
        var agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        await WaitForCircuitAsync(agency);
        await agency.GetByRole(AriaRole.Link, new() { Name = "작성할 항목" }).ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex("/agency/assessments$"));
        await WaitForCircuitAsync(agency);
        await agency.GetByRole(AriaRole.Link, new() { Name = "조직 관리 자가진단" }).ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex($"/engagements/{s.HaesolEngagementId}/assessment$"));
        await WaitForCircuitAsync(agency);
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "사전 자가진단" })).ToBeVisibleAsync();
        await ScoreAsync(agency, indicators, Before);
        await agency.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "사전 자가진단을 제출했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(agency, "measuring-journey-before");

        // ---- June: the visits are held and logged; 햇살나무 assesses too. ----
        await s.AssessAsync(s.HaetsalEngagementId, AssessmentPhase.Before, ResultsScenario.HaetsalBefore, "햇살 담당자", null);
        await s.HoldVisitsAsync();
        app.Clock.Now = FixedClock.At(ResultsScenario.Today).Now;
        await s.AssessAsync(s.HaetsalEngagementId, AssessmentPhase.After, ResultsScenario.HaetsalAfter, "햇살 담당자", null);

        // ---- After the last visit (six weeks on: the sign-in of June has expired): the after-assessment, then the survey. ----
        agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        await OpenAsync(agency, "/agency/assessments");
        await agency.GetByRole(AriaRole.Link, new() { Name = "조직 관리 자가진단" }).ClickAsync();
        await WaitForCircuitAsync(agency);
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "사후 자가진단" })).ToBeVisibleAsync();
        await ScoreAsync(agency, indicators, After);
        await agency.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "사후 자가진단을 제출했습니다" })).ToBeVisibleAsync();
        var comparison = agency.GetByRole(AriaRole.Table, new() { Name = "사전·사후 점수와 분야 평균" });
        await Expect(comparison).ToContainTextAsync("2.25");
        await Expect(comparison).ToContainTextAsync("3.75");
        await BrowserApp.ScreenshotAsync(agency, "measuring-journey-after");

        await OpenAsync(agency, "/agency/assessments");
        await agency.GetByRole(AriaRole.Row).Filter(new() { HasText = "조직 관리 자가진단" }).GetByRole(AriaRole.Link, new() { Name = "응답하기" }).ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex($"/engagements/{s.HaesolEngagementId}/survey$"));
        await WaitForCircuitAsync(agency);
        var answers = new (string Question, int Score)[]
        {
            ("컨설턴트의 전문성에 얼마나 만족하십니까?", 5),
            ("컨설팅 내용이 기관 운영에 얼마나 유용했습니까?", 4),
            ("컨설턴트와의 소통에 얼마나 만족하십니까?", 5),
            ("방문 일정이 기관 사정에 얼마나 잘 맞았습니까?", 4),
            ("이번 컨설팅에 전반적으로 얼마나 만족하십니까?", 5),
        };
        string[] scale = ["매우 불만족", "불만족", "보통", "만족", "매우 만족"];
        foreach (var (question, score) in answers)
        {
            await agency.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel($"{score}점 {scale[score - 1]}").CheckAsync();
        }

        await agency.GetByLabel("의견").FillAsync("규정을 함께 고쳐 주셔서 큰 도움이 되었습니다.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "응답 제출" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "응답해 주셔서 감사합니다" })).ToBeVisibleAsync();
        await using (var db = app.Database.CreateContext())
        {
            var response = await db.SurveyResponses.SingleAsync(r => r.EngagementId == s.HaesolEngagementId);
            Assert.Equal([5, 4, 5, 4, 5], new[] { response.Expertise, response.Usefulness, response.Communication, response.ScheduleFit, response.Overall });
        }

        // ---- The official: the dashboard, then the documents. ----
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await OpenAsync(official, $"/programs/{s.ProgramId}");
        await official.GetByRole(AriaRole.Link, new() { Name = "사업 현황판" }).ClickAsync();
        await Expect(official).ToHaveURLAsync(new Regex($"/programs/{s.ProgramId}/dashboard$"));
        await WaitForCircuitAsync(official);
        await Expect(official.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("현황판");

        // The after-mean of 조직 관리 over both agencies (29 points over 8 items): on the page, in the workbook, in the summary.
        const string AfterMean = "3.63";
        var headline = official.GetByRole(AriaRole.Table, new() { Name = "주요 지표" });
        await Expect(headline.GetByRole(AriaRole.Row).Filter(new() { HasText = "자가진단 사후 평균" })).ToContainTextAsync(AfterMean);
        await Expect(headline.GetByRole(AriaRole.Row).Filter(new() { HasText = "자가진단 사전 평균" })).ToContainTextAsync("2.50");
        await BrowserApp.ScreenshotAsync(official, "measuring-journey-dashboard");

        await OpenAsync(official, $"/programs/{s.ProgramId}/reports");
        var report = await DownloadAsync(official, official.GetByRole(AriaRole.Row).Filter(new() { HasText = ResultsScenario.Haesol }).GetByRole(AriaRole.Link, new() { Name = "결과보고서 (DOCX)" }));
        using (var docx = WordprocessingDocument.Open(new MemoryStream(report), false))
        {
            var text = string.Join("\n", docx.MainDocumentPart!.Document.Body!.Descendants<Word.Text>().Select(t => t.Text));
            Assert.Contains(ResultsScenario.Haesol, text);
            Assert.Contains(ResultsScenario.VerifiedTitle, text);
            Assert.Contains(ResultsScenario.EvidenceName, text);
            Assert.Contains("2.25", text);
            Assert.Contains("3.75", text);
        }

        var workbook = await DownloadAsync(official, official.GetByRole(AriaRole.Link, new() { Name = "사업 결과 통합 문서 (XLSX)" }));
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(sh => sh.Name!.Value).ToList();
            Assert.Superset(new HashSet<string?> { "기관", "방문", "권고사항", "자가진단", "만족도" }, sheets.ToHashSet());
            Assert.Equal(3.63m, Math.Round(NumberBeside(xlsx, "요약", "자가진단 사후 평균"), 2));
        }

        var summary = await DownloadAsync(official, official.GetByRole(AriaRole.Link, new() { Name = "사업 결과 요약 (DOCX)" }));
        using (var docx = WordprocessingDocument.Open(new MemoryStream(summary), false))
        {
            var texts = docx.MainDocumentPart!.Document.Body!.Descendants<Word.Text>().Select(t => t.Text).ToList();
            Assert.Contains(texts, t => t.Contains(DemoData.ConsultingProgramName, StringComparison.Ordinal));
            Assert.Contains(AfterMean, texts);
        }
    }

    private static async Task ScoreAsync(IPage page, IReadOnlyList<Indicator> indicators, int[] scores)
    {
        for (var i = 0; i < indicators.Count; i++)
        {
            var option = $"{scores[i]} - {indicators[i].Levels[scores[i] - 1]}";
            await page.GetByLabel(indicators[i].TextKo, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });
        }
    }

    /// <summary>The number in the cell right of the first cell of <paramref name="sheetName"/> whose text is <paramref name="label"/>.</summary>
    private static decimal NumberBeside(SpreadsheetDocument xlsx, string sheetName, string label)
    {
        var workbookPart = xlsx.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(sh => sh.Name == sheetName);
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
        var row = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .First(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().FirstOrDefault()?.InnerText == label);
        var value = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(1).CellValue!.Text;
        return decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<Indicator>> IndicatorsAsync(ResultsScenario s)
    {
        await using var db = app.Database.CreateContext();
        var areaId = await db.Engagements.Where(e => e.Id == s.HaesolEngagementId).Select(e => e.AreaId).SingleAsync();
        return (await db.AssessmentChecklists.SingleAsync(c => c.AreaId == areaId)).Indicators;
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
