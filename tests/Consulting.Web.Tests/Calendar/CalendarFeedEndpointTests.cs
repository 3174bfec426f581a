using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Calendar;

/// <summary>GET /calendar/{token}.ics: nothing without the owner's token, and only the owner's visits with it.</summary>
public class CalendarFeedEndpointTests(CalendarWebFactory app) : IClassFixture<CalendarWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private CalendarFeedService Feeds(TestUser owner) => new(app.Database.CreateFactory(), owner, app.Clock);

    private async Task<TestUser> AgencyStaffAsync()
    {
        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == DemoData.AgencyEmail);
        return new TestUser(user.Id, Roles.AgencyStaff, user.AgencyId);
    }

    private async Task<ICalendarDocument> ReadFeedAsync(string token)
    {
        var response = await Client().GetAsync($"/calendar/{token}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.NoStore);
        return StrictICalendarReader.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/calendar/not-a-token.ics")]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    public async Task WithoutAValidTokenTheFeedIsNotFound(string path)
    {
        await app.WeekAsync();

        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATokenThereIsNoFeed()
    {
        await app.WeekAsync();

        var response = await Client().GetAsync("/calendar/.ics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTokenGetsABare404()
    {
        await app.WeekAsync();

        var response = await Client().GetAsync("/calendar/not-a-token.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheConsultantsFeedHoldsTheirVisitsOnlyInKorean()
    {
        var week = await app.WeekAsync();
        var token = await Feeds(await DemoScenario.DemoConsultantAsync(app.Database)).GetTokenAsync();

        var feed = await ReadFeedAsync(token);

        Assert.Equal("윤슬기 (데모 컨설턴트) 방문 일정", feed.Calendar["X-WR-CALNAME"]);
        Assert.Equal(week.VisitIds.Select(id => $"{id:D}@consulting"), feed.Events.Select(e => e["UID"]));
        var first = feed.Events[0];
        Assert.Equal($"방문 1/6 · {CalendarScenario.Agency} · 사업 기획·평가", first["SUMMARY"]);
        Assert.Equal(CalendarScenario.Place, first["LOCATION"]);
        Assert.Contains("사업: 2025 품질관리 컨설팅", first["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Contains("컨설턴트: 윤슬기", first["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Contains("방식: 현장 방문", first["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Equal("20250609T010000Z", first["DTSTART"]);
        Assert.Equal("20250609T030000Z", first["DTEND"]);
        Assert.Equal("TENTATIVE", first["STATUS"]);
        Assert.DoesNotContain(feed.Events, e => e["UID"].StartsWith(week.OtherVisitId.ToString("D"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAgencysFeedHoldsItsOwnVisitsOnly()
    {
        var week = await app.WeekAsync();
        var token = await Feeds(await AgencyStaffAsync()).GetTokenAsync();

        var feed = await ReadFeedAsync(token);

        Assert.Equal(week.VisitIds.Select(id => $"{id:D}@consulting"), feed.Events.Select(e => e["UID"]));
        Assert.All(feed.Events, e => Assert.Contains(CalendarScenario.Agency, e["SUMMARY"], StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Events, e => e["SUMMARY"].Contains(CalendarScenario.OtherAgency, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewAddressMakesTheOldOneNotFound()
    {
        await app.WeekAsync();
        var feeds = Feeds(await AgencyStaffAsync());
        var old = await feeds.GetTokenAsync();

        var renewed = await feeds.RegenerateTokenAsync();

        Assert.NotEqual(old, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/calendar/{old}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync($"/calendar/{renewed}.ics")).StatusCode);
    }

    [Fact]
    public void VisitStatusesBecomeCalendarStatuses()
    {
        Assert.Equal(Features.Calendar.FeedEventStatus.Tentative, Features.Calendar.CalendarFeedContent.StatusOf(VisitStatus.Planned));
        Assert.Equal(Features.Calendar.FeedEventStatus.Tentative, Features.Calendar.CalendarFeedContent.StatusOf(VisitStatus.Postponed));
        Assert.Equal(Features.Calendar.FeedEventStatus.Confirmed, Features.Calendar.CalendarFeedContent.StatusOf(VisitStatus.Confirmed));
        Assert.Equal(Features.Calendar.FeedEventStatus.Confirmed, Features.Calendar.CalendarFeedContent.StatusOf(VisitStatus.Completed));
        Assert.Equal(Features.Calendar.FeedEventStatus.Cancelled, Features.Calendar.CalendarFeedContent.StatusOf(VisitStatus.Cancelled));
    }
}
