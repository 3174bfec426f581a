using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Visits;

/// <summary>Private calendar feeds: their tokens, and whose visits each feed holds.</summary>
public class CalendarFeedServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private DemoSchedule _demo = null!;
    private Guid _yoonAtHaesol;
    private Guid _kangAtHaetsal;

    public async Task InitializeAsync()
    {
        _demo = await StartAsync(database, _clock);
        await _demo.AssignAsync(Haesol, Organisation, "윤슬기");
        await _demo.AssignAsync(Haetsal, Organisation, "강하늘");
        await using var db = database.CreateContext();
        _yoonAtHaesol = await ExistingOrScheduledAsync(db, Haesol, new DateOnly(2025, 6, 10));
        _kangAtHaetsal = await ExistingOrScheduledAsync(db, Haetsal, new DateOnly(2025, 6, 10));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> ExistingOrScheduledAsync(ConsultingDbContext db, string agency, DateOnly day)
    {
        var engagement = await _demo.EngagementAsync(agency, Organisation);
        return await db.Visits.Where(v => v.EngagementId == engagement).Select(v => (Guid?)v.Id).SingleOrDefaultAsync()
               ?? await _demo.ScheduleAsync(agency, Organisation, 1, day, 10);
    }

    private CalendarFeedService As(ICurrentUser user) => new(database.CreateFactory(), user, _clock);

    [Fact]
    public async Task TheTokenIsMadeOnceAndKept()
    {
        var feeds = As(_demo.DemoConsultant);

        var first = await feeds.GetTokenAsync();
        var second = await feeds.GetTokenAsync();

        Assert.Equal(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first);
    }

    [Fact]
    public async Task RegeneratingTheTokenStopsTheOldOne()
    {
        var feeds = As(_demo.DemoConsultant);
        var old = await feeds.GetTokenAsync();

        var fresh = await feeds.RegenerateTokenAsync();

        Assert.NotEqual(old, fresh);
        Assert.Null(await feeds.GetFeedAsync(old));
        Assert.NotNull(await feeds.GetFeedAsync(fresh));
        Assert.Equal(fresh, await feeds.GetTokenAsync());
    }

    [Fact]
    public async Task AConsultantsFeedHoldsOnlyTheirVisits()
    {
        var feed = (await As(TestUser.Anonymous).GetFeedAsync(await As(_demo.DemoConsultant).GetTokenAsync()))!;

        Assert.Equal("윤슬기 (데모 컨설턴트)", feed.OwnerName);
        var visit = Assert.Single(feed.Visits, v => v.Id == _yoonAtHaesol);
        Assert.Equal((Haesol, "조직 관리", 1, 3, "윤슬기", DemoData.ConsultingProgramName), (visit.AgencyName, visit.AreaName.Ko, visit.Number, visit.PlannedVisits, visit.ConsultantName, visit.ProgramName));
        Assert.All(feed.Visits, v => Assert.Equal("윤슬기", v.ConsultantName));
        Assert.DoesNotContain(feed.Visits, v => v.Id == _kangAtHaetsal);
    }

    [Fact]
    public async Task AnAgencysFeedHoldsOnlyItsVisits()
    {
        var feed = (await As(TestUser.Anonymous).GetFeedAsync(await As(_demo.DemoAgencyStaff).GetTokenAsync()))!;

        Assert.Contains(feed.Visits, v => v.Id == _yoonAtHaesol);
        Assert.All(feed.Visits, v => Assert.Equal(Haesol, v.AgencyName));
        Assert.DoesNotContain(feed.Visits, v => v.Id == _kangAtHaetsal);
    }

    [Fact]
    public async Task AFeedPicksUpAChangeWithAHigherSequence()
    {
        var token = await As(_demo.DemoAgencyStaff).GetTokenAsync();
        var before = (await As(TestUser.Anonymous).GetFeedAsync(token))!.Visits.Single(v => v.Id == _yoonAtHaesol);

        await _demo.Visits(_demo.Official).PostponeAsync(_yoonAtHaesol, "기관 사정", await _demo.VersionAsync(_yoonAtHaesol));
        var after = (await As(TestUser.Anonymous).GetFeedAsync(token))!.Visits.Single(v => v.Id == _yoonAtHaesol);
        await _demo.Visits(_demo.Official).MoveAsync(_yoonAtHaesol, At(new DateOnly(2025, 6, 10), 10), await _demo.VersionAsync(_yoonAtHaesol), SetUpReason);

        Assert.Equal(VisitStatus.Postponed, after.Status);
        Assert.True(after.Sequence > before.Sequence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-token")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AnUnknownTokenGivesNoFeed(string token)
    {
        Assert.Null(await As(TestUser.Anonymous).GetFeedAsync(token));
    }

    [Fact]
    public async Task AnInactiveAccountGivesNoFeed()
    {
        var token = await As(_demo.DemoAgencyStaff).GetTokenAsync();
        await SetActiveAsync(_demo.DemoAgencyStaff.UserId!.Value, false);
        try
        {
            Assert.Null(await As(TestUser.Anonymous).GetFeedAsync(token));
        }
        finally
        {
            await SetActiveAsync(_demo.DemoAgencyStaff.UserId!.Value, true);
        }

        Assert.NotNull(await As(TestUser.Anonymous).GetFeedAsync(token));
    }

    [Fact]
    public async Task OfficialsHaveNoFeed()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_demo.Official).GetTokenAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_demo.Official).RegenerateTokenAsync());
    }

    private async Task SetActiveAsync(Guid userId, bool active)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.IsActive = active;
        await db.SaveChangesAsync();
    }
}
