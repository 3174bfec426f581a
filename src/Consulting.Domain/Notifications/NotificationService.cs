using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Notifications;

/// <summary>
/// The signed-in user's notification centre and e-mail choices. Every call is about the current user only: nobody
/// reads, counts or marks another user's notifications, and a notification that is not theirs looks like one that
/// does not exist.
/// </summary>
public sealed class NotificationService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The most rows one page asks for.</summary>
    public const int MaxTake = 100;

    /// <summary>
    /// Raised after this user's notifications were marked read through this instance (one per circuit), so the bell in
    /// the same page can count again at once.
    /// </summary>
    public event Action? Changed;

    /// <summary>The languages e-mail is written in: Korean and English.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["ko", "en"];

    /// <summary>How many of the user's notifications are unread (the bell's number); 0 for nobody signed in.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAtUtc == null, ct);
    }

    /// <summary>The user's notifications, newest first.</summary>
    public async Task<NotificationPage> ListAsync(int skip, int take, bool unreadOnly = false, CancellationToken ct = default)
    {
        var me = Me();
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.Where(n => n.UserId == me);
        if (unreadOnly)
        {
            mine = mine.Where(n => n.ReadAtUtc == null);
        }

        // One more than asked, to know whether there is more.
        var rows = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip(skip)
            .Take(take + 1)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Template, n.Args, n.Link, n.CreatedAtUtc, n.ReadAtUtc))
            .AsNoTracking()
            .ToListAsync(ct);
        return new NotificationPage([.. rows.Take(take)], rows.Count > take);
    }

    /// <summary>Marks one of the user's notifications read (again is fine); returns where it points.</summary>
    public async Task<string> MarkReadAsync(Guid notificationId, CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == me, ct)
            ?? throw new AccessDeniedException();
        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            Changed?.Invoke();
        }

        return notification.Link;
    }

    /// <summary>Marks all the user's unread notifications read; returns how many there were.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = Me();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var marked = await db.Notifications.Where(n => n.UserId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        if (marked > 0)
        {
            Changed?.Invoke();
        }

        return marked;
    }

    /// <summary>The user's e-mail choice for each kind their role receives, their e-mail language and address.</summary>
    public async Task<NotificationSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        var me = Me();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.Where(u => u.Id == me).Select(u => new { u.Email, u.PreferredCulture }).SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException();
        var off = await db.EmailOptOuts.Where(o => o.UserId == me).Select(o => o.Kind).ToListAsync(ct);
        return new NotificationSettings(
            [.. NotificationKinds.For(currentUser.Role).Select(k => new EmailChoice(k, !off.Contains(k)))],
            NotificationTexts.CultureOf(user.PreferredCulture).TwoLetterISOLanguageName,
            user.PreferredCulture is not null,
            user.Email);
    }

    /// <summary>
    /// Saves the user's choices: e-mail for the kinds in <paramref name="emailKinds"/>, none for the other kinds their
    /// role receives (kinds of other roles keep what they were), and e-mail in <paramref name="preferredCulture"/> ("ko" or "en").
    /// </summary>
    public async Task SaveSettingsAsync(IReadOnlyCollection<NotificationKind> emailKinds, string preferredCulture, CancellationToken ct = default)
    {
        var me = Me();
        if (!Cultures.Contains(preferredCulture))
        {
            throw new DomainException("notifications.culture", "Choose Korean or English for e-mail.", preferredCulture);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me, ct) ?? throw new AccessDeniedException();
        user.PreferredCulture = preferredCulture;
        var offered = NotificationKinds.For(currentUser.Role);
        var existing = await db.EmailOptOuts.Where(o => o.UserId == me).ToListAsync(ct);
        foreach (var kind in offered)
        {
            var row = existing.FirstOrDefault(o => o.Kind == kind);
            var wantsEmail = emailKinds.Contains(kind);
            if (wantsEmail && row is not null)
            {
                db.EmailOptOuts.Remove(row);
            }
            else if (!wantsEmail && row is null)
            {
                db.EmailOptOuts.Add(new EmailOptOut(me, kind));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Keeps the language the user picked in the app bar as their e-mail language, unless they have chosen one already
    /// (here or on the settings page). Does nothing for nobody signed in.
    /// </summary>
    public async Task RememberCultureAsync(string culture, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } me)
        {
            return;
        }

        var language = NotificationTexts.CultureOf(culture).TwoLetterISOLanguageName;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == me && u.PreferredCulture == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, language), ct);
    }

    private Guid Me() => currentUser.UserId ?? throw new AccessDeniedException();
}

/// <summary>Which kinds of notification each role receives (what the settings page offers).</summary>
public static class NotificationKinds
{
    private static readonly NotificationKind[] Official =
    [
        NotificationKind.LogSubmitted, NotificationKind.EvidenceSubmitted, NotificationKind.NotAdoptionProposed, NotificationKind.WeeklyDigest,
    ];

    private static readonly NotificationKind[] Consultant =
    [
        NotificationKind.VisitScheduled, NotificationKind.VisitMoved, NotificationKind.VisitCancelled, NotificationKind.LogReturned,
        NotificationKind.LogApproved, NotificationKind.EvidenceSubmitted, NotificationKind.DueDateExtended, NotificationKind.Overdue,
    ];

    private static readonly NotificationKind[] AgencyStaff =
    [
        NotificationKind.VisitScheduled, NotificationKind.VisitMoved, NotificationKind.VisitCancelled, NotificationKind.RecommendationNew,
        NotificationKind.RecommendationReturned, NotificationKind.RecommendationVerified, NotificationKind.NotAdoptionDecided,
        NotificationKind.DueDateExtended, NotificationKind.DueSoon, NotificationKind.Overdue,
    ];

    public static IReadOnlyList<NotificationKind> For(string? role) => role switch
    {
        Roles.Official => Official,
        Roles.Consultant => Consultant,
        Roles.AgencyStaff => AgencyStaff,
        _ => [],
    };
}

public sealed record NotificationRow(
    Guid Id, NotificationKind Kind, string Template, IReadOnlyList<BilingualName> Args, string Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;
}

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, bool HasMore);

public sealed record EmailChoice(NotificationKind Kind, bool Email);

/// <param name="Kinds">The kinds the user's role receives, with whether each comes by e-mail too.</param>
/// <param name="PreferredCulture">"ko" or "en": the language e-mail is written in (Korean until chosen).</param>
/// <param name="CultureChosen">Whether the user has chosen a language (or the app bar chose one for them).</param>
/// <param name="EmailAddress">Where e-mail goes (the account's address), if any.</param>
public sealed record NotificationSettings(IReadOnlyList<EmailChoice> Kinds, string PreferredCulture, bool CultureChosen, string? EmailAddress);
