using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Engagements;

/// <summary>How far an engagement has come: the count the after-assessment, the survey and the closing opinion wait for.</summary>
public static class EngagementProgress
{
    public static Task<int> CompletedVisitsAsync(this ConsultingDbContext db, Guid engagementId, CancellationToken ct) =>
        db.Visits.CountAsync(v => v.EngagementId == engagementId && v.Status == VisitStatus.Completed, ct);

    /// <summary>Whether every planned visit of the engagement is completed.</summary>
    public static bool IsFinished(this Engagement engagement, int completedVisits) => completedVisits >= engagement.PlannedVisits;
}
