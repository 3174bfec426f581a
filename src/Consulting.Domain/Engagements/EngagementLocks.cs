using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Engagements;

/// <summary>
/// Loads engagements with their visits under a row lock for the caller's transaction: a second writer of the same
/// engagement waits, then sees this one's visits, so the engagement's own rules (visit k after k−1) hold under concurrency.
/// </summary>
internal static class EngagementLocks
{
    public static async Task<Engagement> LockEngagementAsync(this ConsultingDbContext db, Guid engagementId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM engagements WHERE id = {engagementId} FOR UPDATE", ct);
        return await db.Engagements.Include(e => e.Visits).SingleOrDefaultAsync(e => e.Id == engagementId, ct)
            ?? throw new DomainException("engagement.not-found", "The engagement does not exist.");
    }

    /// <summary>Every engagement of the programme, for the whole-programme actions (assign or schedule automatically).</summary>
    public static async Task<List<Engagement>> LockProgramEngagementsAsync(this ConsultingDbContext db, Guid programId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM engagements WHERE program_id = {programId} FOR UPDATE", ct);
        return await db.Engagements.Include(e => e.Visits).Where(e => e.ProgramId == programId).ToListAsync(ct);
    }
}
