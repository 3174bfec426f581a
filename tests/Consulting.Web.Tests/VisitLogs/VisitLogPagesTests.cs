using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>
/// Opening a visit's log and the consultant's editor over HTTP, as prerendered: the consultant is sent to their draft,
/// everyone else to the log they may see or told there is none; the editor labels every input.
/// </summary>
public class VisitLogPagesTests(LogWebFactory app) : IClassFixture<LogWebFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, email, DemoData.Password);
        return client;
    }

    [Fact]
    public async Task TheConsultantOpeningAVisitsLogIsSentToTheDraftWhoseEditorLabelsEveryInput()
    {
        var week = await app.WeekAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var open = await client.GetAsync($"/visits/{week.VisitIds[0]}/log");

        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var editor = open.Headers.Location!.OriginalString;
        Assert.Matches("^(http://localhost)?/visit-logs/[0-9a-f-]{36}/edit$", editor);
        var logId = Guid.Parse(editor.Split('/')[^2]);
        var log = (await (await app.LogsAsAsync(DemoScenario.DemoConsultantAsync)).GetAsync(logId))!;
        Assert.Equal(week.VisitIds[0], log.VisitId);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(editor));

        Assert.Contains($"<h1>{CalendarScenario.Agency} 사업 기획·평가 1회차 방문 기록</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>1/6회차</dd>", html, StringComparison.Ordinal);
        Assert.NotEmpty(log.Sections);
        foreach (var section in log.Sections)
        {
            Assert.Contains($"<label for=\"section-{section.Key}\">{section.TitleKo}", html, StringComparison.Ordinal);
            Assert.Contains($"<textarea id=\"section-{section.Key}\"", html, StringComparison.Ordinal);
            if (section.PromptKo is not null)
            {
                Assert.Contains($"aria-describedby=\"section-{section.Key}-help\"", html, StringComparison.Ordinal);
                Assert.Contains($"<p id=\"section-{section.Key}-help\" class=\"hint\">{section.PromptKo}</p>", html, StringComparison.Ordinal);
            }
        }

        foreach (var (id, label) in new[] { ("log-date", "방문일"), ("log-start", "시작 시각"), ("log-end", "종료 시각"), ("log-note", "담당 공무원에게 남기는 메모"), ("free-topic", "다른 주제"), ("rec-title", "권고 제목"), ("rec-description", "권고 내용과 이유"), ("rec-area", "권고 분야"), ("rec-priority", "우선순위"), ("rec-due", "완료 기한"), ("rec-evidence", "기대하는 증빙"), ("log-files", "파일 또는 사진 첨부") })
        {
            Assert.Contains($"<label for=\"{id}\">{label}</label>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        // The planned time is the first guess of the actual one, in Seoul.
        Assert.Contains("id=\"log-date\" type=\"date\" aria-required=\"true\" data-draft=\"date\" value=\"2025-06-09\"", html, StringComparison.Ordinal);
        Assert.Contains("data-draft=\"start\" value=\"10:00\"", html, StringComparison.Ordinal);
        foreach (var button in new[] { "참석자 추가", "후속 조치 추가", "주제 추가", "권고사항 추가", "임시 저장", "제출" })
        {
            Assert.Contains($">{button}</button>", html, StringComparison.Ordinal);
        }

        Assert.Contains("기관에는 보이지 않습니다.", html, StringComparison.Ordinal);
        Assert.Contains("accept=\".pdf,", html, StringComparison.Ordinal);
        Assert.Contains("multiple", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OthersAreToldThereIsNoLogUntilTheyMaySeeOne()
    {
        var week = await app.WeekAsync();
        var official = await SignedInAsync(DemoData.OfficialEmail);

        // Visit 3 never gets a log here (the cancellation test calls it off).
        var none = await official.GetAsync($"/visits/{week.VisitIds[2]}/log");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var html = WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync());
        Assert.Contains("아직 볼 수 있는 방문 기록이 없습니다.", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visits/{week.VisitIds[2]}\">방문으로 돌아가기</a>", html, StringComparison.Ordinal);

        // Drafts are their author's (the domain tests prove it); once handed in, the official is sent to the log.
        var logId = await app.SubmitLogAsync(week.VisitIds[1]);
        var opened = await official.GetAsync($"/visits/{week.VisitIds[1]}/log");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/visit-logs/{logId}", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A log the officials have not approved is not the agency's to read.
        var agency = await SignedInAsync(DemoData.AgencyEmail);
        var agencyHtml = WebUtility.HtmlDecode(await agency.GetStringAsync($"/visits/{week.VisitIds[1]}/log"));
        Assert.Contains("아직 볼 수 있는 방문 기록이 없습니다.", agencyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledVisitHasNoLogAndTheConsultantIsToldWhy()
    {
        var week = await app.WeekAsync();
        var official = await DemoScenario.DemoOfficialAsync(app.Database);
        var visits = new VisitService(app.Database.CreateFactory(), official, app.Clock, new VisitInputValidator(), TestNotifier.For(app.Clock));
        var visit = (await visits.GetAsync(week.VisitIds[2]))!;
        await visits.CancelAsync(visit.Id, "기관 사정", visit.Version);
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var response = await client.GetAsync($"/visits/{week.VisitIds[2]}/log");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("취소되거나 연기된 방문은 기록할 수 없습니다.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubmittedLogsEditorSendsTheConsultantToTheReadPage()
    {
        var week = await app.WeekAsync();
        var logId = await app.SubmitLogAsync(week.VisitIds[1]);
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var response = await client.GetAsync($"/visit-logs/{logId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/visit-logs/{logId}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.OfficialEmail)]
    [InlineData(DemoData.AgencyEmail)]
    public async Task OnlyConsultantsOpenTheEditor(string email)
    {
        var week = await app.WeekAsync();
        var logId = await (await app.LogsAsAsync(DemoScenario.DemoConsultantAsync)).OpenAsync(week.VisitIds[1]);
        var client = await SignedInAsync(email);

        var response = await client.GetAsync($"/visit-logs/{logId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheConsultantsHomeListsTheHeldVisitsWaitingForTheirLog()
    {
        var week = await app.WeekAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultant"));

        Assert.Contains("<h2 id=\"pending-logs-heading\">기록할 방문</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"visually-hidden\">기록할 방문 목록</caption>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visits/{week.VisitIds[0]}/log\">기록 작성", html, StringComparison.Ordinal);
        Assert.DoesNotContain(week.OtherVisitId.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitPageLinksTheConsultantToTheLog()
    {
        var week = await app.WeekAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/visits/{week.VisitIds[1]}"));

        Assert.Contains($"<a href=\"/visits/{week.VisitIds[1]}/log\">방문 기록 작성/보기</a>", html, StringComparison.Ordinal);
    }
}
