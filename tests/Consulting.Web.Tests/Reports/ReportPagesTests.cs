using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Assessments;
using Consulting.Domain.Data;
using Consulting.Domain.Documents;
using Consulting.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Reports;

/// <summary>The reports list, the agency's print page and the DOCX download, for each role, over <see cref="ResultsScenario"/>.</summary>
public class ReportPagesTests(ReportsWebFactory app) : IClassFixture<ReportsWebFactory>
{
    private static readonly string[] Sections = ["1. 기관 개요", "2. 분야별 컨설팅", "3. 종합"];

    private static readonly string[] AreaSections = ["컨설턴트", "방문 일정", "방문 기록 요약", "권고사항과 이행 결과", "자가진단 사전·사후", "컨설턴트 종합 의견"];

    private static string Mean(int[] scores) =>
        AssessmentScores.Mean(scores.Select(s => (int?)s))!.Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Page(Guid programId, Guid agencyId) => $"/programs/{programId}/agencies/{agencyId}/report";

    private async Task<int> ParticipantCountAsync(Guid programId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Engagements.Where(e => e.ProgramId == programId).Select(e => e.AgencyId).Distinct().CountAsync();
    }

    [Fact]
    public async Task TheOfficialListsTheParticipantsWithTheirReportsAndTheProgrammesDocuments()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, $"/programs/{s.ProgramId}/reports");

        Assert.Matches("<h1>[^<]*결과보고서</h1>", html);
        Assert.Contains($"<a href=\"/programs/{s.ProgramId}/results.xlsx\" download data-enhance-nav=\"false\">사업 결과 통합 문서 (XLSX)</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/programs/{s.ProgramId}/results-summary.docx\" download data-enhance-nav=\"false\">사업 결과 요약 (DOCX)</a>", html, StringComparison.Ordinal);
        var participants = await ParticipantCountAsync(s.ProgramId);
        Assert.Contains($"<caption>참여 기관 {participants}곳</caption>", html, StringComparison.Ordinal);
        Assert.Equal(participants, Regex.Count(html, ">결과보고서 \\(DOCX\\)</a>"));
        Assert.Equal(participants, Regex.Count(html, ">인쇄용 보기</a>"));
        Assert.Contains($"<th scope=\"row\" id=\"report-agency-{s.HaesolId}\">{ResultsScenario.Haesol}</th>", html, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"{Page(s.ProgramId, s.HaesolId)}.docx\" download data-enhance-nav=\"false\" aria-describedby=\"report-agency-{s.HaesolId}\">결과보고서 \\(DOCX\\)</a>", html);
        Assert.Contains($"<a href=\"{Page(s.ProgramId, s.HaesolId)}\" aria-describedby=\"report-agency-{s.HaesolId}\">인쇄용 보기</a>", html, StringComparison.Ordinal);
        Assert.Matches("조직 관리 · 윤슬기\\s*· 방문 3/3회\\s*· 종료\\s*· 종합 의견 작성됨", html);
    }

    [Theory]
    [InlineData(DemoData.AgencyEmail)]
    [InlineData(DemoData.ConsultantEmail)]
    public async Task OnlyOfficialsOpenTheReportsList(string email)
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync($"/programs/{s.ProgramId}/reports");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheDownloadedReportIsAKoreanDocxNamedAfterTheAgency()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var response = await client.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AgencyReportDocument.ContentType, response.Content.Headers.ContentType!.MediaType);
        var year = await YearAsync(s.ProgramId);
        Assert.Equal($"{ResultsScenario.Haesol} 결과보고서 {year}.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString($"{ResultsScenario.Haesol} 결과보고서 {year}.docx"), response.Content.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);

        var (headings, texts) = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Sections, headings.Where(h => Sections.Contains(h)));
        Assert.All(AreaSections, h => Assert.Contains(h, headings));
        Assert.Contains($"{ResultsScenario.Haesol} 기관별 결과보고서", texts);
        Assert.Contains(ResultsScenario.VerifiedTitle, texts);
        Assert.Contains(ResultsScenario.ClosingOpinion, texts);
        Assert.Contains(texts, t => t.StartsWith(ResultsScenario.EvidenceName, StringComparison.Ordinal));
        Assert.Contains(Mean(ResultsScenario.HaesolBefore), texts);
        Assert.Contains(Mean(ResultsScenario.HaesolAfter), texts);
    }

    [Fact]
    public async Task AReaderOfTheEnglishUiDownloadsEnglishHeadings()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var response = await client.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(ResultsScenario.Haesol + " result report", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var (headings, texts) = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("1. The agency", headings);
        Assert.Contains(ResultsScenario.ClosingOpinion, texts);
    }

    [Fact]
    public async Task TheAgencyDownloadsItsOwnReportButNotAnothers()
    {
        var s = await app.ScenarioAsync();
        var haesol = await app.SignedInClientAsync(DemoData.AgencyEmail);
        var haetsal = await app.SignedInClientAsync(ReportsWebFactory.HaetsalEmail, ReportsWebFactory.HaetsalPassword);

        var own = await haesol.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");
        var ownToo = await haetsal.GetAsync(Page(s.ProgramId, s.HaetsalId) + ".docx");
        var other = await haetsal.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownToo.StatusCode);
        Assert.Contains(ResultsScenario.OpenTitle, Read(await ownToo.Content.ReadAsByteArrayAsync()).Texts);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Empty(await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheConsultantAndStrangersGetNoReport()
    {
        var s = await app.ScenarioAsync();
        var consultant = await app.SignedInClientAsync(DemoData.ConsultantEmail);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var file = await consultant.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");
        var page = await consultant.GetAsync(Page(s.ProgramId, s.HaesolId));
        var anonymousFile = await anonymous.GetAsync(Page(s.ProgramId, s.HaesolId) + ".docx");

        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.Equal("/account/access-denied", file.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, anonymousFile.StatusCode);
        Assert.Equal("/account/login", anonymousFile.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ThePrintPageShowsEverySectionAndTheKoreanValues()
    {
        var s = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await ConsultingWebFactory.PageAsync(client, Page(s.ProgramId, s.HaesolId));

        Assert.Contains($"<h1>{ResultsScenario.Haesol} 기관별 결과보고서</h1>", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<h1"));
        foreach (var section in Sections)
        {
            Assert.Matches($"<h2 id=\"[^\"]+\">{Regex.Escape(section)}</h2>", html);
        }

        Assert.Matches("<h3 id=\"report-area-\\d+\">2\\.\\d+\\. 조직 관리</h3>", html);
        foreach (var section in AreaSections)
        {
            Assert.Contains($"<h4>{section}</h4>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<th scope=\"row\">{ResultsScenario.VerifiedTitle}</th>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{ResultsScenario.OverdueTitle}</th>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>기한 지남</strong>", html, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.EvidenceName + " (", html, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.ClosingOpinion, html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Mean(ResultsScenario.HaesolBefore)}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Mean(ResultsScenario.HaesolAfter)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("1회차 방문 (2025. 6. 10.) · 윤슬기 · 승인됨", html, StringComparison.Ordinal);
        Assert.Contains("<caption>분야별 결과 종합</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"button-primary\">인쇄</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Page(s.ProgramId, s.HaesolId)}.docx\" download data-enhance-nav=\"false\">결과보고서 (DOCX)</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgencyOpensItsOwnPrintPageButAnothersLooksMissing()
    {
        var s = await app.ScenarioAsync();
        var haetsal = await app.SignedInClientAsync(ReportsWebFactory.HaetsalEmail, ReportsWebFactory.HaetsalPassword);

        var own = await ConsultingWebFactory.PageAsync(haetsal, Page(s.ProgramId, s.HaetsalId));
        var other = await ConsultingWebFactory.PageAsync(haetsal, Page(s.ProgramId, s.HaesolId));

        Assert.Contains($"<h1>{ResultsScenario.Haetsal} 기관별 결과보고서</h1>", own, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.OpenTitle, own, StringComparison.Ordinal);
        Assert.Contains("<p>작성되지 않음</p>", own, StringComparison.Ordinal);
        Assert.Contains("결과보고서가 없거나 볼 권한이 없습니다.", other, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsScenario.Haesol, other, StringComparison.Ordinal);
    }

    private async Task<int> YearAsync(Guid programId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Programs.Where(p => p.Id == programId).Select(p => p.Year).SingleAsync();
    }

    private static (List<string> Headings, List<string> Texts) Read(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText)
            .ToList();
        return (headings, [.. body.Descendants<Text>().Select(t => t.Text)]);
    }
}
