using System.Globalization;
using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;
using Consulting.Domain.Documents;
using Consulting.Domain.Tests.Dashboards;
using Consulting.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Consulting.Domain.Tests.Documents;

/// <summary>The programme workbook and summary, generated for <see cref="ResultsScenario"/> and read back with the Open XML SDK.</summary>
public class ProgramDocumentsTests(ResultsFixture fixture) : IClassFixture<ResultsFixture>
{
    private static readonly string[] SheetNames = ["요약", "기관", "방문", "권고사항", "자가진단", "만족도"];

    private ResultsScenario S => fixture.Scenario;

    private ProgramWorkbook Workbook(ICurrentUser user) => new(fixture.Database.CreateFactory(), user, fixture.Dashboard(user));

    private Task<List<object?[]>> RowsAsync(string sql) => Sql.RowsAsync(fixture.Database, sql, ("p", S.ProgramId));

    private async Task<Dictionary<string, List<List<string>>>> ReadWorkbookAsync(Stream? into = null)
    {
        var stream = into ?? new MemoryStream();
        await Workbook(S.Official).WriteAsync(S.ProgramId, stream, KoreanTexts.Results);
        var bytes = stream is MemoryStream m ? m.ToArray() : ((NonSeekable)stream).Written.ToArray();
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList());
    }

    private static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task EverySheetIsThereInKoreanWithItsHeadersAndTheDatabasesRowCounts()
    {
        var sheets = await ReadWorkbookAsync();

        Assert.Equal(SheetNames, sheets.Keys);
        Assert.Equal(["기관명", "유형", "지역", "분야", "컨설턴트", "계획 방문", "완료 방문", "권고사항", "이행률(%)", "사전 평균", "사후 평균", "만족도 응답"], sheets["기관"][0]);
        Assert.Equal(["기관명", "분야", "회차", "방문일", "상태", "컨설턴트", "방문 기록"], sheets["방문"][0]);
        Assert.Equal(["기관명", "분야", "제목", "우선순위", "이행 기한", "상태", "기한 지남", "증빙 수"], sheets["권고사항"][0]);
        Assert.Equal(["기관명", "분야", "구분", "지표", "점수", "컨설턴트 평가"], sheets["자가진단"][0]);
        Assert.Equal(["기관명", "분야", "컨설턴트", "전문성", "유용성", "소통", "일정 적합성", "전반적 만족도", "의견"], sheets["만족도"][0]);

        var counts = (await RowsAsync("""
            SELECT (SELECT count(DISTINCT agency_id) FROM engagements WHERE program_id = @p),
                   (SELECT count(*) FROM visits WHERE program_id = @p),
                   (SELECT count(*) FROM recommendations WHERE program_id = @p AND published_at_utc IS NOT NULL),
                   (SELECT coalesce(sum(jsonb_array_length(items)), 0) FROM assessments WHERE program_id = @p AND status = 'Submitted'),
                   (SELECT count(*) FROM survey_responses WHERE program_id = @p)
            """))[0].Select(Sql.Int).ToList();
        Assert.Equal(counts, [sheets["기관"].Count - 1, sheets["방문"].Count - 1, sheets["권고사항"].Count - 1, sheets["자가진단"].Count - 1, sheets["만족도"].Count - 1]);
        Assert.Equal([7, 6, 3, 16, 2], counts);
    }

    [Fact]
    public async Task TheAgencySheetsNumbersEqualSqlAndAddUpToTheDashboard()
    {
        var sheets = await ReadWorkbookAsync();
        var dashboard = await fixture.Dashboard(S.Official).GetAsync(S.ProgramId);
        var expected = (await RowsAsync("""
                WITH scores AS (
                    SELECT a.agency_id, a.phase, round(avg((i ->> 'score')::numeric), 2) AS score
                    FROM assessments a CROSS JOIN LATERAL jsonb_array_elements(a.items) i
                    WHERE a.program_id = @p AND a.status = 'Submitted' GROUP BY a.id, a.agency_id, a.phase)
                SELECT ag.name,
                       sum(e.planned_visits),
                       (SELECT count(*) FROM visits v WHERE v.program_id = @p AND v.agency_id = ag.id AND v.status = 'Completed'),
                       (SELECT count(*) FROM recommendations r WHERE r.program_id = @p AND r.agency_id = ag.id AND r.published_at_utc IS NOT NULL),
                       (SELECT round(avg(score), 2) FROM scores s WHERE s.agency_id = ag.id AND s.phase = 'Before'),
                       (SELECT round(avg(score), 2) FROM scores s WHERE s.agency_id = ag.id AND s.phase = 'After'),
                       (SELECT count(*) FROM survey_responses sr WHERE sr.program_id = @p AND sr.agency_id = ag.id)
                FROM engagements e JOIN agencies ag ON ag.id = e.agency_id
                WHERE e.program_id = @p GROUP BY ag.id, ag.name
                """))
            .ToDictionary(r => (string)r[0]!, r => string.Join("|", Sql.Int(r[1]), Sql.Int(r[2]), Sql.Int(r[3]), DashboardTable.Invariant(Sql.Dec(r[4])), DashboardTable.Invariant(Sql.Dec(r[5])), Sql.Int(r[6])));
        var rows = sheets["기관"].Skip(1).ToList();
        string Decimals(string cell) => cell == "" ? "" : DashboardTable.Invariant(Number(cell));
        var actual = rows.ToDictionary(r => r[0], r => string.Join("|", r[5], r[6], r[7], Decimals(r[9]), Decimals(r[10]), r[11]));

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal("15|3|2|2.25|3.75|1", actual[ResultsScenario.Haesol]);
        Assert.Equal("50", rows.Single(r => r[0] == ResultsScenario.Haesol)[8]);
        Assert.Equal(dashboard.Visits.Planned, rows.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Equal(dashboard.Visits.Completed, rows.Sum(r => int.Parse(r[6], CultureInfo.InvariantCulture)));
        Assert.Equal(dashboard.Recommendations.Overall.Total, rows.Sum(r => int.Parse(r[7], CultureInfo.InvariantCulture)));
        Assert.Equal(dashboard.Satisfaction.Overall.Responses, rows.Sum(r => int.Parse(r[11], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task VisitsRecommendationsAssessmentsAndSurveyRowsCarryTheDatabasesValues()
    {
        var sheets = await ReadWorkbookAsync();

        var visits = sheets["방문"].Skip(1).Where(r => r[0] == ResultsScenario.Haesol).ToList();
        Assert.Equal(["1", "2", "3"], visits.Select(r => r[2]));
        // A real date: the serial number of 10 June 2025, shown as yyyy-mm-dd by the cell's format.
        Assert.Equal(new DateTime(2025, 6, 10).ToOADate(), double.Parse(visits[0][3], CultureInfo.InvariantCulture));
        Assert.All(visits, r => Assert.Equal(("완료", "윤슬기", "승인됨"), (r[4], r[5], r[6])));

        var recommendations = sheets["권고사항"].Skip(1).ToDictionary(r => r[2]);
        Assert.Equal(("이행 확인", "아니요", "1"), (recommendations[ResultsScenario.VerifiedTitle][5], recommendations[ResultsScenario.VerifiedTitle][6], recommendations[ResultsScenario.VerifiedTitle][7]));
        Assert.Equal(("예", "0"), (recommendations[ResultsScenario.OverdueTitle][6], recommendations[ResultsScenario.OverdueTitle][7]));
        Assert.Equal(new DateTime(2025, 7, 10).ToOADate(), double.Parse(recommendations[ResultsScenario.OverdueTitle][4], CultureInfo.InvariantCulture));

        var after = sheets["자가진단"].Skip(1).Where(r => r[0] == ResultsScenario.Haesol && r[2] == "사후").ToList();
        Assert.Equal(ResultsScenario.HaesolAfter.Select(s => s.ToString(CultureInfo.InvariantCulture)), after.Select(r => r[4]));
        Assert.Equal(ResultsScenario.HaesolAfterRating.Select(s => s.ToString(CultureInfo.InvariantCulture)), after.Select(r => r[5]));
        var items = (await RowsAsync("""
                SELECT sum((i ->> 'score')::int), count((i ->> 'consultantScore'))
                FROM assessments a CROSS JOIN LATERAL jsonb_array_elements(a.items) i WHERE a.program_id = @p AND a.status = 'Submitted'
                """))[0];
        Assert.Equal(Sql.Int(items[0]), sheets["자가진단"].Skip(1).Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)));
        Assert.Equal(Sql.Int(items[1]), sheets["자가진단"].Skip(1).Count(r => r[5] != ""));

        var survey = (await RowsAsync("""
                SELECT ag.name, expertise, usefulness, communication, schedule_fit, overall, coalesce(comment, '')
                FROM survey_responses s JOIN agencies ag ON ag.id = s.agency_id WHERE s.program_id = @p
                """))
            .ToDictionary(r => (string)r[0]!, r => string.Join("|", r[1..].Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        Assert.Equal(survey.OrderBy(s => s.Key), sheets["만족도"].Skip(1).ToDictionary(r => r[0], r => string.Join("|", r.Skip(3).Concat(Enumerable.Repeat("", 9 - r.Count)))).OrderBy(s => s.Key));
    }

    [Fact]
    public async Task TheSummarySheetHoldsTheDashboardsFigures()
    {
        var sheets = await ReadWorkbookAsync();
        var dashboard = await fixture.Dashboard(S.Official).GetAsync(S.ProgramId);

        var summary = sheets["요약"];
        Assert.Equal(["항목", "값"], summary[0]);
        foreach (var (label, value) in DashboardTables.HeadlineFigures(dashboard, KoreanTexts.Results))
        {
            var row = summary.First(r => r[0] == label);
            Assert.Equal(DashboardTable.Invariant(value), row[1] == "" ? "" : value is decimal ? DashboardTable.Invariant(Number(row[1])) : row[1]);
        }

        foreach (var table in DashboardTables.All(dashboard, KoreanTexts.Results).Skip(1))
        {
            var at = summary.FindIndex(r => r.Count == 1 && r[0] == table.Title);
            Assert.True(at > 0, table.Title);
            Assert.Equal(table.Headers, summary[at + 1]);
            Assert.Equal(table.Rows.Count, summary.Skip(at + 2).TakeWhile(r => r.Count > 0).Count());
        }
    }

    [Fact]
    public async Task TheStylesheetDeclaresTheKoreanFontAndTheHeaderIsBoldAndFrozen()
    {
        using var stream = new MemoryStream();
        await Workbook(S.Official).WriteAsync(S.ProgramId, stream, KoreanTexts.Results);
        using var document = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        Assert.All(stylesheet.Fonts!.Elements<Font>(), f => Assert.Equal("Malgun Gothic", f.GetFirstChild<FontName>()!.Val!.Value));
        foreach (var part in document.WorkbookPart.WorksheetParts)
        {
            var header = part.Worksheet.Descendants<Row>().First().Elements<Cell>().First();
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value);
            Assert.NotNull(stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).GetFirstChild<Bold>());
            var pane = part.Worksheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
            Assert.NotEmpty(part.Worksheet.Descendants<Column>());
        }
    }

    [Fact]
    public async Task TheWorkbookIsWrittenInTheReadersLanguage()
    {
        using var stream = new MemoryStream();
        await Workbook(S.Official).WriteAsync(S.ProgramId, stream, EnglishTexts.Results);
        using var document = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var workbook = document.WorkbookPart!;

        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Summary", "Agencies", "Visits", "Recommendations", "Self-assessments", "Satisfaction"], sheets.Select(x => x.Name!.Value));
        var visits = ((WorksheetPart)workbook.GetPartById(sheets[2].Id!.Value!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal("Agency", Text(visits[0].Elements<Cell>().First()));
        Assert.Equal("Organisation management", Text(visits[1].Elements<Cell>().ElementAt(1)));
        Assert.Equal("en-US", document.PackageProperties.Language);
    }

    [Fact]
    public async Task TheWorkbookStreamsIntoAStreamThatCannotSeek()
    {
        var sheets = await ReadWorkbookAsync(new NonSeekable());

        Assert.Equal(SheetNames, sheets.Keys);
    }

    [Fact]
    public async Task TheSummaryDocumentHasTheDashboardsHeadingsAndFigures()
    {
        var dashboard = await fixture.Dashboard(S.Official).GetAsync(S.ProgramId);
        using var stream = new MemoryStream();
        await new ProgramSummaryDocument(S.Official, fixture.Dashboard(S.Official)).WriteAsync(S.ProgramId, stream, KoreanTexts.Results);

        stream.Position = 0;
        using var read = WordprocessingDocument.Open(stream, false);
        var body = read.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        var tables = DashboardTables.All(dashboard, KoreanTexts.Results);
        Assert.Equal(tables.Select(t => t.Title), headings);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == $"{dashboard.ProgramName} 사업 결과 요약");

        // After the facts table, one table per dataset with rows, each cell the dashboard's figure.
        var written = body.Elements<W.Table>().Skip(1).ToList();
        var withRows = tables.Where(t => t.Rows.Count > 0).ToList();
        Assert.Equal(withRows.Count, written.Count);
        for (var i = 0; i < withRows.Count; i++)
        {
            var cells = written[i].Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(withRows[i].Headers, cells[0]);
            Assert.Equal(withRows[i].Rows.Select(r => r.Select(DashboardTable.Invariant).ToList()), cells.Skip(1));
        }

        var defaults = read.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(WordDocument.KoreanFont, defaults.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public async Task OnlyOfficialsGetTheDocuments()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Workbook(S.Consultant).WriteAsync(S.ProgramId, new MemoryStream(), KoreanTexts.Results));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Workbook(S.HaesolStaff).WriteAsync(S.ProgramId, new MemoryStream(), KoreanTexts.Results));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            new ProgramSummaryDocument(S.HaesolStaff, fixture.Dashboard(S.HaesolStaff)).WriteAsync(S.ProgramId, new MemoryStream(), KoreanTexts.Results));
    }

    /// <summary>A write-only stream like a response body: no seeking, no reading back.</summary>
    private sealed class NonSeekable : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written.Position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
    }
}
