using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Engagements;

/// <summary>
/// 종합 의견: the engagement's current consultant writes (and may rewrite) it once every planned visit is completed;
/// officials read it; the agency's staff read it once written.
/// </summary>
public sealed class ClosingOpinionService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The opinion and what the current user may do with it; null when the user may not see the engagement.</summary>
    public async Task<ClosingOpinionView?> GetAsync(Guid engagementId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, ct);
        if (engagement is null)
        {
            return null;
        }

        var isAuthor = false;
        if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            isAuthor = mine is not null && engagement.ConsultantId == mine;
            if (!isAuthor)
            {
                return null;
            }
        }
        else if (currentUser.IsAgencyStaff())
        {
            if (engagement.AgencyId != currentUser.AgencyId)
            {
                return null;
            }
        }
        else if (!currentUser.IsOfficial())
        {
            return null;
        }

        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        var finished = engagement.IsFinished(completed);
        var programClosed = await db.Programs.AnyAsync(p => p.Id == engagement.ProgramId && p.Status == Programs.ProgramStatus.Closed, ct);
        return new ClosingOpinionView(
            engagement.Id,
            engagement.ClosingOpinion,
            engagement.ClosingOpinionAtUtc,
            engagement.ClosingOpinionByName,
            finished,
            completed,
            engagement.PlannedVisits,
            isAuthor && finished && !programClosed,
            engagement.Version);
    }

    /// <summary>Writes or rewrites the opinion; returns the engagement's new version.</summary>
    public async Task<uint> WriteAsync(Guid engagementId, string text, uint expectedVersion, CancellationToken ct = default)
    {
        if (!currentUser.IsConsultant())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.ConsultantIdAsync(currentUser, ct);
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == engagementId, ct);
        if (engagement is null || mine is null || engagement.ConsultantId != mine)
        {
            throw new AccessDeniedException();
        }

        var program = await db.Programs.Include(p => p.Areas).SingleAsync(p => p.Id == engagement.ProgramId, ct);
        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        engagement.WriteClosingOpinion(program, completed, text, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(engagement, expectedVersion, ct);
        return engagement.Version;
    }
}

/// <summary>
/// The closing opinion as the current user sees it. <see cref="CanWrite"/>: the current consultant, once finished,
/// while the programme is open.
/// </summary>
public sealed record ClosingOpinionView(
    Guid EngagementId,
    string? Text,
    DateTime? WrittenAtUtc,
    string? WrittenByName,
    bool Finished,
    int CompletedVisits,
    int PlannedVisits,
    bool CanWrite,
    uint Version);
