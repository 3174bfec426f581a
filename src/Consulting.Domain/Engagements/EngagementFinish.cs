using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Engagements;

/// <summary>
/// When a visit's completion finishes its engagement (every planned visit completed), tells the agency's staff to do
/// the after self-assessment and the survey, and the consultant to write the closing opinion. The notifications are
/// added to the caller's context, so they are saved with the completion or not at all.
/// </summary>
internal static class EngagementFinish
{
    /// <summary>
    /// Call right after <paramref name="visit"/> became completed (not yet saved). Tells only on the completion that
    /// reaches the planned number, so an engagement is announced once.
    /// </summary>
    public static async Task NotifyIfFinishedAsync(ConsultingDbContext db, Notifier notifier, Visit visit, CancellationToken ct)
    {
        if (visit.Status != VisitStatus.Completed)
        {
            return;
        }

        var engagement = await db.Engagements.Where(e => e.Id == visit.EngagementId)
            .Select(e => new { e.Id, e.AgencyId, e.AreaId, e.PlannedVisits, e.ConsultantId })
            .AsNoTracking()
            .SingleAsync(ct);
        var completedBefore = await db.Visits.CountAsync(
            v => v.EngagementId == engagement.Id && v.Status == VisitStatus.Completed && v.Id != visit.Id, ct);
        if (completedBefore + 1 != engagement.PlannedVisits)
        {
            return;
        }

        var agency = await db.Agencies.Where(a => a.Id == engagement.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var area = await db.ProgramAreas.Where(a => a.Id == engagement.AreaId).Select(a => new Common.BilingualName(a.NameKo, a.NameEn)).SingleAsync(ct);
        Common.BilingualName[] args = [NotificationTexts.Plain(agency), area];
        await notifier.NotifyAsync(db, NotificationKind.EngagementFinished, await db.AgencyStaffAsync(engagement.AgencyId, ct), "/agency/assessments", args, ct: ct);
        await notifier.NotifyAsync(
            db, NotificationKind.ClosingOpinionDue, await db.ConsultantUserAsync(engagement.ConsultantId, ct), $"/engagements/{engagement.Id}", args, ct: ct);
    }
}
