using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Notifications;

/// <summary>
/// The daily reminders: recommendations due within a week, recommendations overdue, and on Mondays a digest for the
/// officials of what is overdue per agency. Running it again, on the same day or from a second app instance, sends
/// nothing twice: each reminder first claims its row in reminder_deliveries (INSERT … ON CONFLICT DO NOTHING) and only
/// the rows this run actually inserted are notified, in the same transaction; a transaction-scoped advisory lock lets
/// one instance do the work while another that asks at the same moment skips.
/// <list type="bullet">
/// <item>Due soon: a published recommendation in an active status with 0–7 days left is reminded once per due date
/// (key = the due date), to the agency's staff; an extended due date is reminded again.</item>
/// <item>Overdue: active and past its due date, reminded to the agency's staff and the engagement's consultant once per
/// item per 7 days, counted from the first overdue day (key = the first day of that 7-day period): day 1, 8, 15, …
/// after the due date. That is at most once a week per item, never twice on a day.</item>
/// <item>Weekly digest: on Mondays (Seoul) each active official gets one (key = that Monday), listing the overdue
/// recommendations per agency; none when nothing is overdue.</item>
/// </list>
/// Submitted, verified, not-adopted (or proposed) and unpublished recommendations get no reminders.
/// </summary>
public sealed class ReminderService(IDbContextFactory<ConsultingDbContext> dbFactory, Notifier notifier)
{
    /// <summary>How many days ahead a due date counts as "due soon".</summary>
    public const int DueSoonDays = 7;

    /// <summary>Days between overdue reminders of one item.</summary>
    public const int OverduePeriodDays = 7;

    /// <summary>The advisory lock only this job takes (any fixed number no other code uses).</summary>
    private const long LockKey = 0x436F6E7352656D31; // "ConsRem1"

    public async Task<ReminderRun> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var nowUtc = now.UtcDateTime;
        var today = SeoulTime.DateOf(nowUtc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
        if (!locked)
        {
            return new ReminderRun(true, 0, 0, 0);
        }

        var active = await (
                from r in db.Recommendations
                where r.PublishedAtUtc != null && Recommendation.ActiveStatuses.Contains(r.Status) && r.DueDate <= today.AddDays(DueSoonDays)
                join e in db.Engagements on r.EngagementId equals e.Id
                join a in db.Agencies on r.AgencyId equals a.Id
                select new Item(r.Id, r.Title, r.DueDate, r.AgencyId, a.Name, e.ConsultantId))
            .AsNoTracking()
            .ToListAsync(ct);

        var dueSoon = active.Where(r => r.DueDate >= today).ToList();
        var overdue = active.Where(r => r.DueDate < today).ToList();

        var dueSoonSent = await ClaimAsync(db, NotificationKind.DueSoon, [.. dueSoon.Select(r => (r.Id, r.DueDate))], nowUtc, ct);
        var staff = new Dictionary<Guid, List<Guid>>();
        foreach (var item in dueSoon.Where(r => dueSoonSent.Contains(r.Id)))
        {
            await notifier.NotifyAsync(
                db, NotificationKind.DueSoon, await StaffAsync(db, staff, item.AgencyId, ct), Link(item),
                [NotificationTexts.Plain(item.Title), NotificationTexts.Date(item.DueDate), NotificationTexts.Number(item.DueDate.DayNumber - today.DayNumber)],
                ct: ct);
        }

        var overdueSent = await ClaimAsync(db, NotificationKind.Overdue, [.. overdue.Select(r => (r.Id, OverdueKey(r.DueDate, today)))], nowUtc, ct);
        foreach (var item in overdue.Where(r => overdueSent.Contains(r.Id)))
        {
            var recipients = (await StaffAsync(db, staff, item.AgencyId, ct)).Concat(await db.ConsultantUserAsync(item.ConsultantId, ct));
            await notifier.NotifyAsync(
                db, NotificationKind.Overdue, recipients, Link(item),
                [NotificationTexts.Plain(item.Title), NotificationTexts.Date(item.DueDate), NotificationTexts.Plain(item.AgencyName)],
                ct: ct);
        }

        var digests = 0;
        if (today.DayOfWeek == DayOfWeek.Monday && overdue.Count > 0)
        {
            var officials = await db.OfficialsAsync(ct);
            var digestSent = await ClaimAsync(db, NotificationKind.WeeklyDigest, [.. officials.Select(o => (o, today))], nowUtc, ct);
            var perAgency = overdue.GroupBy(r => r.AgencyName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            var lines = new BilingualName(
                string.Join("\n", perAgency.Select(g => $"- {g.Key}: {g.Count().ToString(NotificationTexts.Korean)}건")),
                string.Join("\n", perAgency.Select(g => $"- {g.Key}: {g.Count().ToString(NotificationTexts.English)}")));
            await notifier.NotifyAsync(
                db, NotificationKind.WeeklyDigest, digestSent, "/recommendations?overdue=true",
                [NotificationTexts.Number(overdue.Count), NotificationTexts.Number(perAgency.Count), lines],
                ct: ct);
            digests = digestSent.Count;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReminderRun(false, dueSoonSent.Count, overdueSent.Count, digests);
    }

    /// <summary>The first day of the 7-day overdue period <paramref name="today"/> falls in: due date + 1, + 8, + 15, …</summary>
    public static DateOnly OverdueKey(DateOnly dueDate, DateOnly today)
    {
        var daysOverdue = today.DayNumber - dueDate.DayNumber; // 1 on the first overdue day
        return dueDate.AddDays(1 + ((daysOverdue - 1) / OverduePeriodDays * OverduePeriodDays));
    }

    /// <summary>Inserts the delivery rows that are not there yet; returns the subjects this call inserted.</summary>
    private static async Task<List<Guid>> ClaimAsync(
        ConsultingDbContext db, NotificationKind kind, IReadOnlyList<(Guid Subject, DateOnly Key)> rows, DateTime nowUtc, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var subjects = rows.Select(r => r.Subject).ToArray();
        var keys = rows.Select(r => r.Key).ToArray();
        var name = kind.ToString();
        return await db.Database.SqlQuery<Guid>(
                $"""
                 INSERT INTO reminder_deliveries (subject_id, kind, key, sent_at_utc)
                 SELECT s, {name}, k, {nowUtc} FROM unnest({subjects}, {keys}) AS t(s, k)
                 ON CONFLICT DO NOTHING
                 RETURNING subject_id AS "Value"
                 """)
            .ToListAsync(ct);
    }

    private static async Task<List<Guid>> StaffAsync(ConsultingDbContext db, Dictionary<Guid, List<Guid>> cache, Guid agencyId, CancellationToken ct)
    {
        if (!cache.TryGetValue(agencyId, out var staff))
        {
            cache[agencyId] = staff = await db.AgencyStaffAsync(agencyId, ct);
        }

        return staff;
    }

    private static string Link(Item item) => $"/recommendations/{item.Id}";

    private sealed record Item(Guid Id, string Title, DateOnly DueDate, Guid AgencyId, string AgencyName, Guid? ConsultantId);
}

/// <param name="Skipped">Another instance was running the job at that moment.</param>
public sealed record ReminderRun(bool Skipped, int DueSoon, int Overdue, int Digests);
