using System.Globalization;
using Consulting.Domain.Assessments;
using Consulting.Domain.Documents;
using Consulting.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Npgsql;

namespace Consulting.Domain.Tests.Documents;

/// <summary>The result report written as DOCX for <see cref="ResultsScenario"/>'s agencies and read back with the Open XML SDK.</summary>
public class AgencyReportDocumentTests(ResultsScenarioFixture fixture) : IClassFixture<ResultsScenarioFixture>
{
    private static readonly string[] Sections = ["1. 기관 개요", "2. 분야별 컨설팅", "3. 종합"];

    private static readonly string[] AreaSections = ["컨설턴트", "방문 일정", "방문 기록 요약", "권고사항과 이행 결과", "자가진단 사전·사후", "컨설턴트 종합 의견"];

    private readonly ResultsScenario _s = fixture.Scenario;

    private sealed record ReadBack(List<string> Headings, List<string> Texts, string All, Styles Styles, int Tables, string? Footer);

    private async Task<AgencyReport> ReportAsync(Guid agencyId) =>
        (await new AgencyReportService(_s.Database.CreateFactory(), _s.Official, _s.Clock).GetAsync(_s.ProgramId, agencyId))!;

    private static ReadBack Write(AgencyReport report, bool english = false)
    {
        using var stream = new MemoryStream();
        AgencyReportDocument.Write(stream, report, english ? ReportTexts.En : ReportTexts.Ko, english ? ReportTexts.English : ReportTexts.Korean);
        stream.Position = 0;
        using var read = WordprocessingDocument.Open(stream, false);
        var body = read.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText)
            .ToList();
        // A cell's or paragraph's lines are runs of Text split by Break: the texts one by one, and all of it in one string.
        var texts = body.Descendants<Text>().Select(t => t.Text).ToList();
        var footer = read.MainDocumentPart.FooterParts.SingleOrDefault()?.Footer?.InnerText;
        Assert.NotNull(body.Elements<SectionProperties>().Single().GetFirstChild<FooterReference>());
        return new ReadBack(headings, texts, string.Join("\n", texts), read.MainDocumentPart.StyleDefinitionsPart!.Styles!, body.Elements<Table>().Count(), footer);
    }

    [Fact]
    public async Task TheReportHasEverySectionTheKoreanTextAndTheDatabasesScores()
    {
        var doc = Write(await ReportAsync(_s.HaesolId));

        Assert.Equal(Sections, doc.Headings.Where(h => Sections.Contains(h)));
        Assert.Contains(doc.Headings, h => h.StartsWith("2.", StringComparison.Ordinal) && h.EndsWith(". 조직 관리", StringComparison.Ordinal));
        foreach (var section in AreaSections)
        {
            Assert.Contains(section, doc.Headings);
        }

        Assert.Contains($"{ResultsScenario.Haesol} 기관별 결과보고서", doc.Texts);
        Assert.Contains(ResultsScenario.Haesol, doc.Texts);
        Assert.Contains(ResultsScenario.VerifiedTitle, doc.Texts);
        Assert.Contains(ResultsScenario.OverdueTitle, doc.Texts);
        Assert.Contains(ResultsScenario.ClosingOpinion, doc.Texts);
        Assert.Contains(doc.Texts, t => t.StartsWith(ResultsScenario.EvidenceName + " (", StringComparison.Ordinal));
        Assert.Contains("미착수 · 기한 지남", doc.Texts);
        Assert.Contains("이행 확인", doc.Texts);
        Assert.Contains("1회차 방문 (2025. 6. 10.) · 윤슬기 · 승인됨", doc.Texts);
        Assert.Contains("응답함", doc.Texts);
        Assert.Contains("작성되지 않음", doc.Texts);   // the areas nobody held

        var before = Mean(ResultsScenario.HaesolBefore);
        var after = Mean(ResultsScenario.HaesolAfter);
        Assert.Equal(2.25m, before);
        Assert.Contains(Score(before), doc.Texts);
        Assert.Contains(Score(after), doc.Texts);
        Assert.Contains((after - before).ToString("+0.00", CultureInfo.InvariantCulture), doc.Texts);
        Assert.Contains(Score(Mean(ResultsScenario.HaesolAfterRating)), doc.Texts);

        var fonts = doc.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(WordDocument.KoreanFont, fonts.EastAsia!.Value);
        Assert.Equal(WordDocument.KoreanFont, fonts.Ascii!.Value);
        Assert.Equal("ko-KR", doc.Styles.DocDefaults.RunPropertiesDefault.RunPropertiesBaseStyle.Languages!.EastAsia!.Value);
        Assert.Contains(ResultsScenario.Haesol, doc.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSummaryTableHoldsTheMeansOfTheDatabase()
    {
        var report = await ReportAsync(_s.HaetsalId);
        await using var connection = new NpgsqlConnection(_s.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT round(avg((i->>'score')::numeric), 2) FROM assessments a, jsonb_array_elements(a.items) i " +
            "WHERE a.engagement_id = @e AND a.status = 'Submitted' GROUP BY a.phase ORDER BY a.phase DESC", connection);   // Before, After
        command.Parameters.AddWithValue("e", _s.HaetsalEngagementId);
        var means = new List<decimal>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                means.Add(reader.GetDecimal(0));
            }
        }

        var doc = Write(report);

        Assert.Equal([Mean(ResultsScenario.HaetsalBefore), Mean(ResultsScenario.HaetsalAfter)], means);
        Assert.Contains(Score(means[0]), doc.Texts);
        Assert.Contains(Score(means[1]), doc.Texts);
        Assert.Contains(ResultsScenario.OpenTitle, doc.Texts);
        Assert.Contains(ResultsScenario.Haetsal, doc.Texts);
        Assert.DoesNotContain(ResultsScenario.ClosingOpinion, doc.All, StringComparison.Ordinal);
        Assert.Contains("작성되지 않음", doc.Texts);
    }

    [Fact]
    public async Task AnAgencyWithNothingDoneYetStillGetsACompleteDocument()
    {
        await using var connection = new NpgsqlConnection(_s.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT agency_id FROM engagements WHERE program_id = @p GROUP BY agency_id HAVING bool_and(consultant_id IS NULL) LIMIT 1", connection);
        command.Parameters.AddWithValue("p", _s.ProgramId);
        var idle = (Guid)(await command.ExecuteScalarAsync())!;

        var doc = Write(await ReportAsync(idle));

        Assert.Equal(Sections, doc.Headings.Where(h => Sections.Contains(h)));
        foreach (var section in AreaSections)
        {
            Assert.Contains(section, doc.Headings);
        }

        Assert.Contains("배정되지 않음", doc.Texts);
        Assert.Contains("잡힌 방문 일정이 없습니다.", doc.Texts);
        Assert.Contains("제출된 방문 기록이 없습니다.", doc.Texts);
        Assert.Contains("권고사항이 없습니다.", doc.Texts);
        Assert.Contains("제출된 자가진단이 없습니다.", doc.Texts);
        Assert.Contains("작성되지 않음", doc.Texts);
        Assert.Contains("응답하지 않음", doc.Texts);
    }

    [Fact]
    public async Task AReaderOfTheEnglishUiGetsEnglishHeadingsAroundTheKoreanData()
    {
        var doc = Write(await ReportAsync(_s.HaesolId), english: true);

        Assert.Contains("1. The agency", doc.Headings);
        Assert.Contains(doc.Headings, h => h.EndsWith(". Organisation management", StringComparison.Ordinal));
        Assert.Contains("3. Summary", doc.Headings);
        Assert.Contains(ResultsScenario.VerifiedTitle, doc.Texts);
        Assert.Contains(ResultsScenario.ClosingOpinion, doc.Texts);
        Assert.Contains("Verified", doc.Texts);
    }

    private static decimal Mean(int[] scores) => AssessmentScores.Mean(scores.Select(s => (int?)s))!.Value;

    private static string Score(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
