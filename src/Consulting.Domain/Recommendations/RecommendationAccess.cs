using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.VisitLogs;

namespace Consulting.Domain.Recommendations;

internal static class RecommendationAccess
{
    /// <summary>
    /// The recommendations a user may see: agency staff their agency's published ones, a consultant those they raised
    /// and those of the engagements they hold now, officials every one whose log has been handed in.
    /// </summary>
    public static async Task<IQueryable<Recommendation>> VisibleRecommendationsAsync(this ConsultingDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var recommendations = db.Recommendations.AsQueryable();
        if (user.IsAgencyStaff())
        {
            return recommendations.Where(r => r.AgencyId == user.AgencyId && r.PublishedAtUtc != null);
        }

        if (user.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(user, ct);
            return recommendations.Where(r => mine != null
                && (db.VisitLogs.Any(l => l.Id == r.VisitLogId && l.ConsultantId == mine)
                    || db.Engagements.Any(e => e.Id == r.EngagementId && e.ConsultantId == mine)));
        }

        if (user.IsOfficial())
        {
            return recommendations.Where(r => db.VisitLogs.Any(l => l.Id == r.VisitLogId && l.Status != VisitLogStatus.Draft));
        }

        throw new AccessDeniedException();
    }
}
