using System.Net;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.Calendar;

/// <summary>Each calendar page opens for its role only, prerendered with the visits of the range on screen.</summary>
public class CalendarPagesTests(CalendarWebFactory app) : IClassFixture<CalendarWebFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, email, DemoData.Password);
        return client;
    }

    [Fact]
    public async Task TheConsultantsHomeShowsTheWeekOfTheirNextVisitTheirEngagementsAndTheirFeed()
    {
        await app.WeekAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultant"));

        Assert.Contains("<h1>컨설턴트 홈</h1>", html, StringComparison.Ordinal);
        // The clock says 1 June 2025; the next visit is on 9 June, so the week view opens on 8–14 June.
        Assert.Contains("<caption>2025. 6. 8. ~ 2025. 6. 14. 방문 목록</caption>", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, $"<td>{CalendarScenario.Agency}</td>"));
        Assert.Contains("1/6회차", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CalendarScenario.OtherAgency, html, StringComparison.Ordinal);
        Assert.Contains($"{CalendarScenario.Agency} · 사업 기획·평가</a>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"feed-url\">캘린더 구독 주소</label>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"feed-url\" type=\"text\" readonly value=\"http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics\"", html);
    }

    [Fact]
    public async Task AgencyStaffSeeTheirAgencysMonthWithTheConsultant()
    {
        await app.WeekAsync();
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/agency/schedule?date=2025-06-09"));

        Assert.Contains("<h1>방문 일정</h1>", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<td>윤슬기</td>"));
        Assert.DoesNotContain(CalendarScenario.OtherAgency, html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"feed-url\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficialsSeeTheWholeProgrammeWithLabelledFilters()
    {
        var week = await app.WeekAsync();
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/programs/{week.ProgramId}/calendar?date=2025-06-09"));

        Assert.Contains("<h1>2025 품질관리 컨설팅 방문 달력</h1>", html, StringComparison.Ordinal);
        foreach (var filter in new[] { "filter-area", "filter-consultant", "filter-agency", "filter-district" })
        {
            Assert.Contains($"<label for=\"{filter}\">", html, StringComparison.Ordinal);
        }
        Assert.Contains($"<td>{CalendarScenario.OtherAgency}</td>", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, $"<td>{CalendarScenario.Agency}</td>"));
        Assert.DoesNotContain("id=\"feed-url\"", html, StringComparison.Ordinal);

        var overview = WebUtility.HtmlDecode(await client.GetStringAsync($"/programs/{week.ProgramId}"));
        Assert.Contains($"<a href=\"/programs/{week.ProgramId}/calendar\">방문 달력 보기</a>", overview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.OfficialEmail, "/consultant")]
    [InlineData(DemoData.AgencyEmail, "/consultant")]
    [InlineData(DemoData.ConsultantEmail, "/agency/schedule")]
    [InlineData(DemoData.OfficialEmail, "/agency/schedule")]
    [InlineData(DemoData.ConsultantEmail, "/programs/{program}/calendar")]
    [InlineData(DemoData.AgencyEmail, "/programs/{program}/calendar")]
    public async Task OtherRolesAreTurnedAway(string email, string path)
    {
        var week = await app.WeekAsync();
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(path.Replace("{program}", week.ProgramId.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
