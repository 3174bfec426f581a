using System.Security.Cryptography;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Visits;

/// <summary>
/// Private calendar feeds: a consultant's or an agency's visits for a phone calendar to subscribe to. The URL carries a
/// secret token that its owner can regenerate; without a valid token the feed shows nothing.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>
    /// How far back a feed reaches for closed programmes; older visits are history, not a calendar. A programme still
    /// running keeps all its visits in the feed, however old.
    /// </summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(400);

    /// <summary>The current user's token, made on first use.</summary>
    public async Task<string> GetTokenAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await LoadOwnerAsync(db, ct);
        if (user.CalendarToken is null)
        {
            user.CalendarToken = NewToken();
            await db.SaveChangesAsync(ct);
        }

        return user.CalendarToken;
    }

    /// <summary>A new token: the old URL stops working at once.</summary>
    public async Task<string> RegenerateTokenAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await LoadOwnerAsync(db, ct);
        user.CalendarToken = NewToken();
        await db.SaveChangesAsync(ct);
        return user.CalendarToken;
    }

    /// <summary>The feed's owner name and visits for a token, or null when the token is unknown (or its account inactive).</summary>
    public async Task<CalendarFeed?> GetFeedAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Users
            .Where(u => u.CalendarToken == token && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.AgencyId,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }

        var visits = db.Visits.AsNoTracking();
        if (owner.Role == Roles.Consultant)
        {
            var consultantId = await db.Consultants.Where(c => c.UserId == owner.Id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            visits = visits.Where(v => consultantId != null && v.ConsultantId == consultantId);
        }
        else if (owner.Role == Roles.AgencyStaff && owner.AgencyId is { } agencyId)
        {
            visits = visits.Where(v => v.AgencyId == agencyId);
        }
        else
        {
            return null;
        }

        var since = clock.GetUtcNow().UtcDateTime - History;
        var rows = await (
                from v in visits
                join p in db.Programs on v.ProgramId equals p.Id
                where v.EndsAtUtc >= since || p.Status != ProgramStatus.Closed
                join a in db.Agencies on v.AgencyId equals a.Id
                join area in db.ProgramAreas on v.AreaId equals area.Id
                join e in db.Engagements on v.EngagementId equals e.Id
                orderby v.StartsAtUtc
                select new FeedVisit(
                    v.Id, v.Sequence, v.StartsAtUtc, v.EndsAtUtc, v.Status, v.Mode, v.Place, v.Number, e.PlannedVisits,
                    a.Name, a.Address, new BilingualName(area.NameKo, area.NameEn), p.Name,
                    db.Consultants.Where(c => c.Id == v.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                    v.UpdatedAtUtc))
            .ToListAsync(ct);
        return new CalendarFeed(owner.DisplayName, rows);
    }

    private async Task<ApplicationUser> LoadOwnerAsync(ConsultingDbContext db, CancellationToken ct)
    {
        if (!(currentUser.IsConsultant() || currentUser.IsAgencyStaff()) || currentUser.UserId is not { } userId)
        {
            throw new AccessDeniedException();
        }

        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new AccessDeniedException();
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record CalendarFeed(string OwnerName, IReadOnlyList<FeedVisit> Visits);

public sealed record FeedVisit(
    Guid Id,
    int Sequence,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    VisitStatus Status,
    VisitMode Mode,
    string? Place,
    int Number,
    int PlannedVisits,
    string AgencyName,
    string? AgencyAddress,
    BilingualName AreaName,
    string ProgramName,
    string? ConsultantName,
    DateTime UpdatedAtUtc);
