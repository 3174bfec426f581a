using Consulting.Domain.Common;
using Consulting.Domain.Identity;
using Consulting.Domain.Notifications;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// The notification centre against PostgreSQL: a user counts, lists and marks only their own notifications, and their
/// e-mail choices are stored as opt-out rows that the notifier honours. Each test makes accounts of its own.
/// </summary>
public class NotificationServiceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTime Start = new(2025, 6, 2, 1, 0, 0, DateTimeKind.Utc);

    private readonly FixedClock _clock = new(Start);

    private NotificationService Service(ICurrentUser user) => new(database.CreateFactory(), user, _clock);

    private async Task<TestUser> UserAsync(string role, string? email = "auto", string? culture = null)
    {
        var name = Guid.NewGuid().ToString("N")[..10];
        var address = email == "auto" ? $"{name}@test.consulting.kr" : email;
        var user = new ApplicationUser { UserName = name, Email = address, DisplayName = "사용자 " + name, PreferredCulture = culture };
        await using var db = database.CreateContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new TestUser(user.Id, role, null);
    }

    /// <summary>Tells <paramref name="user"/> something at <paramref name="atUtc"/>, through the real notifier.</summary>
    private async Task NotifyAsync(TestUser user, NotificationKind kind, string title, DateTime atUtc)
    {
        var clock = new FixedClock(atUtc);
        await using var db = database.CreateContext();
        await TestNotifier.For(clock).NotifyAsync(db, kind, [user.UserId!.Value], "/recommendations/" + title, [NotificationTexts.Plain(title)], template: "RecommendationVerified");
        await db.SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> OutboxOfAsync(TestUser user)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.Where(m => m.UserId == user.UserId).AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task AUserCountsAndListsOnlyTheirOwnNotificationsNewestFirstAPageAtATime()
    {
        var me = await UserAsync(Roles.AgencyStaff);
        var other = await UserAsync(Roles.AgencyStaff);
        await NotifyAsync(me, NotificationKind.RecommendationVerified, "first", Start);
        await NotifyAsync(me, NotificationKind.RecommendationVerified, "second", Start.AddMinutes(1));
        await NotifyAsync(me, NotificationKind.RecommendationVerified, "third", Start.AddMinutes(2));
        await NotifyAsync(other, NotificationKind.RecommendationVerified, "not mine", Start.AddMinutes(3));

        Assert.Equal(3, await Service(me).UnreadCountAsync());
        Assert.Equal(1, await Service(other).UnreadCountAsync());
        var first = await Service(me).ListAsync(0, 2);
        Assert.True(first.HasMore);
        Assert.Equal(["third", "second"], first.Rows.Select(r => r.Args[0].Ko));
        var row = first.Rows[0];
        Assert.Equal(
            (NotificationKind.RecommendationVerified, "RecommendationVerified", "/recommendations/third", Start.AddMinutes(2), (DateTime?)null),
            (row.Kind, row.Template, row.Link, row.CreatedAtUtc, row.ReadAtUtc));
        var rest = await Service(me).ListAsync(2, 2);
        Assert.False(rest.HasMore);
        Assert.Equal(["first"], rest.Rows.Select(r => r.Args[0].Ko));
        Assert.Equal(0, await Service(TestUser.Anonymous).UnreadCountAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUser.Anonymous).ListAsync(0, 10));
    }

    [Fact]
    public async Task MarkingReadTouchesOnlyTheUsersOwnNotifications()
    {
        var me = await UserAsync(Roles.Consultant);
        var other = await UserAsync(Roles.Consultant);
        await NotifyAsync(me, NotificationKind.RecommendationVerified, "a", Start);
        await NotifyAsync(me, NotificationKind.RecommendationVerified, "b", Start.AddMinutes(1));
        await NotifyAsync(other, NotificationKind.RecommendationVerified, "c", Start);
        var mine = (await Service(me).ListAsync(0, 10)).Rows;
        var theirs = (await Service(other).ListAsync(0, 10)).Rows.Single();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(me).MarkReadAsync(theirs.Id));
        Assert.Equal(1, await Service(other).UnreadCountAsync());

        _clock.Now = Start.AddHours(1);
        var changed = 0;
        var service = Service(me);
        service.Changed += () => changed++;
        Assert.Equal("/recommendations/a", await service.MarkReadAsync(mine.Single(r => r.Args[0].Ko == "a").Id));
        Assert.Equal(1, await Service(me).UnreadCountAsync());
        Assert.Equal(["b"], (await Service(me).ListAsync(0, 10, unreadOnly: true)).Rows.Select(r => r.Args[0].Ko));
        Assert.Equal(Start.AddHours(1), (await Service(me).ListAsync(0, 10)).Rows.Single(r => r.Args[0].Ko == "a").ReadAtUtc);
        Assert.Equal(1, changed);

        Assert.Equal(1, await service.MarkAllReadAsync());
        Assert.Equal(0, await Service(me).UnreadCountAsync());
        Assert.Equal(0, await service.MarkAllReadAsync());
        Assert.Equal(2, changed);
        Assert.Equal(1, await Service(other).UnreadCountAsync());
    }

    [Fact]
    public async Task SettingsRoundTripAsOptOutRowsForTheKindsTheRoleReceives()
    {
        var me = await UserAsync(Roles.AgencyStaff);
        var service = Service(me);

        var fresh = await service.GetSettingsAsync();
        Assert.Equal(NotificationKinds.For(Roles.AgencyStaff), fresh.Kinds.Select(k => k.Kind));
        Assert.All(fresh.Kinds, k => Assert.True(k.Email));
        Assert.Equal(("ko", false), (fresh.PreferredCulture, fresh.CultureChosen));
        Assert.EndsWith("@test.consulting.kr", fresh.EmailAddress, StringComparison.Ordinal);

        var wanted = new[] { NotificationKind.VisitScheduled, NotificationKind.RecommendationNew, NotificationKind.Overdue };
        await service.SaveSettingsAsync(wanted, "en");

        await using (var db = database.CreateContext())
        {
            var rows = await db.EmailOptOuts.Where(o => o.UserId == me.UserId).Select(o => o.Kind).ToListAsync();
            Assert.Equal(NotificationKinds.For(Roles.AgencyStaff).Except(wanted).Order(), rows.Order());
            Assert.Equal("en", await db.Users.Where(u => u.Id == me.UserId).Select(u => u.PreferredCulture).SingleAsync());
        }

        var saved = await service.GetSettingsAsync();
        Assert.Equal(wanted, saved.Kinds.Where(k => k.Email).Select(k => k.Kind));
        Assert.Equal(("en", true), (saved.PreferredCulture, saved.CultureChosen));

        await service.SaveSettingsAsync(NotificationKinds.For(Roles.AgencyStaff).ToList(), "ko");
        await using (var db = database.CreateContext())
        {
            Assert.False(await db.EmailOptOuts.AnyAsync(o => o.UserId == me.UserId));
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => service.SaveSettingsAsync([], "fr"));
        Assert.Equal("notifications.culture", error.Code);
        Assert.Equal("ko", (await service.GetSettingsAsync()).PreferredCulture);
    }

    [Fact]
    public async Task AnOptedOutKindStillNotifiesInTheAppButWritesNoEmail()
    {
        var me = await UserAsync(Roles.AgencyStaff);
        await Service(me).SaveSettingsAsync(NotificationKinds.For(Roles.AgencyStaff).Where(k => k != NotificationKind.RecommendationVerified).ToList(), "en");

        await NotifyAsync(me, NotificationKind.RecommendationVerified, "quiet", Start);
        await NotifyAsync(me, NotificationKind.RecommendationReturned, "loud", Start.AddMinutes(1));

        Assert.Equal(2, await Service(me).UnreadCountAsync());
        var mail = Assert.Single(await OutboxOfAsync(me));
        Assert.Equal(nameof(NotificationKind.RecommendationReturned), mail.Topic);
        Assert.StartsWith("[Welfare agency consulting]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("loud", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppBarLanguageBecomesTheEmailLanguageOnlyWhenNoneWasChosen()
    {
        var unset = await UserAsync(Roles.Official);
        var chosen = await UserAsync(Roles.Official, culture: "ko");

        await Service(unset).RememberCultureAsync("en-US");
        await Service(chosen).RememberCultureAsync("en-US");
        await Service(TestUser.Anonymous).RememberCultureAsync("en-US");

        Assert.Equal(("en", true), ((await Service(unset).GetSettingsAsync()).PreferredCulture, (await Service(unset).GetSettingsAsync()).CultureChosen));
        Assert.Equal("ko", (await Service(chosen).GetSettingsAsync()).PreferredCulture);
        Assert.Equal(NotificationKinds.For(Roles.Official), (await Service(chosen).GetSettingsAsync()).Kinds.Select(k => k.Kind));
    }

    [Fact]
    public async Task AnAccountWithoutAnAddressShowsNoneAndGetsNoEmail()
    {
        var me = await UserAsync(Roles.Consultant, email: null);

        await NotifyAsync(me, NotificationKind.RecommendationVerified, "x", Start);

        Assert.Null((await Service(me).GetSettingsAsync()).EmailAddress);
        Assert.Equal(1, await Service(me).UnreadCountAsync());
        Assert.Empty(await OutboxOfAsync(me));
    }
}
