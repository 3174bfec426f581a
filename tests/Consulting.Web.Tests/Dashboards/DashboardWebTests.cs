using System.Net;
using System.Text;
using Consulting.Domain.Data;
using Consulting.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Consulting.Web.Tests.Dashboards;

/// <summary>The dashboard page, its CSV files and the two results documents, for officials only.</summary>
public class DashboardWebTests(ResultsWebFactory app) : IClassFixture<ResultsWebFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task TheOfficialSeesTheChartsWithTheirNumbersAndDownloads()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{s.ProgramId}/dashboard");

        Assert.Contains($"<h1>{DemoData.ConsultingProgramName} 현황판</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>숫자로 보기</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>분야별 방문 합계</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">완료 방문</th>", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>권고사항 상태 (분야별) 차트. 같은 숫자는 아래 표에 있습니다.</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/programs/{s.ProgramId}/dashboard/visit-totals.csv\"", html, StringComparison.Ordinal);
        Assert.Contains(">CSV 내려받기</a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/programs/{s.ProgramId}/results.xlsx\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/programs/{s.ProgramId}/results-summary.docx\"", html, StringComparison.Ordinal);
        // 해솔 and 햇살나무 both rated 조직 관리 before 2.50 on average, after 3.63.
        Assert.Matches("<th scope=\"row\">조직 관리</th>\\s*<td class=\"number\">2.50</td>\\s*<td class=\"number\">3.63</td>", html);
    }

    [Fact]
    public async Task ACsvFileIsUtf8WithAByteOrderMarkAndTheTablesNumbers()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var response = await client.GetAsync($"/programs/{s.ProgramId}/dashboard/visit-totals.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("분야,과제 수,계획 방문,일정 방문,완료 방문,계획보다 늦은 과제", lines[0]);
        Assert.StartsWith("전체,28,105,6,6,", lines[^1], StringComparison.Ordinal);

        var unknown = await client.GetAsync($"/programs/{s.ProgramId}/dashboard/nothing.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheOfficialGetsTheWorkbookNamedAfterTheProgramme()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var response = await client.GetAsync($"/programs/{s.ProgramId}/results.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{DemoData.ConsultingProgramName} 사업 결과.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["요약", "기관", "방문", "권고사항", "자가진단", "만족도"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(x => x.Name!.Value));
    }

    [Fact]
    public async Task TheOfficialGetsTheSummaryDocument()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var response = await client.GetAsync($"/programs/{s.ProgramId}/results-summary.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{DemoData.ConsultingProgramName} 사업 결과 요약.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("주요 지표", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail, "dashboard")]
    [InlineData(DemoData.ConsultantEmail, "dashboard")]
    [InlineData(DemoData.AgencyEmail, "dashboard/headline.csv")]
    [InlineData(DemoData.ConsultantEmail, "dashboard/satisfaction.csv")]
    [InlineData(DemoData.AgencyEmail, "results.xlsx")]
    [InlineData(DemoData.ConsultantEmail, "results.xlsx")]
    [InlineData(DemoData.AgencyEmail, "results-summary.docx")]
    [InlineData(DemoData.ConsultantEmail, "results-summary.docx")]
    public async Task AgencyStaffAndConsultantsAreRefused(string email, string path)
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync($"/programs/{s.ProgramId}/{path}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AnUnknownProgrammeIsNotFound()
    {
        await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{Guid.NewGuid()}/dashboard");
        var file = await client.GetAsync($"/programs/{Guid.NewGuid()}/results.xlsx");

        Assert.Contains("사업을 찾을 수 없습니다.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }
}
