using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.VisitLogs;

/// <summary>
/// Who may read and write visit logs (and what hangs off them: recommendations raised in them, their files).
/// Officials read every log handed in; a consultant the logs they wrote and the handed-in logs of the engagements they
/// are assigned to now;
/// agency staff only their own agency's approved logs. Only the consultant who held the visit writes its log.
/// </summary>
internal static class LogAccess
{
    public static async Task<IQueryable<VisitLog>> VisibleLogsAsync(this ConsultingDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var logs = db.VisitLogs.AsNoTracking();
        // A draft is its author's until it is handed in.
        if (user.IsOfficial())
        {
            return logs.Where(l => l.Status != VisitLogStatus.Draft);
        }

        if (user.IsAgencyStaff())
        {
            return logs.Where(l => l.AgencyId == user.AgencyId && l.Status == VisitLogStatus.Approved);
        }

        if (user.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(user, ct);
            return logs.Where(l => mine != null
                                   && (l.ConsultantId == mine
                                       || (l.Status != VisitLogStatus.Draft && db.Engagements.Any(e => e.Id == l.EngagementId && e.ConsultantId == mine))));
        }

        throw new AccessDeniedException();
    }

    /// <summary>
    /// The log for a change by its author, read under a share lock: a recommendation or file added now cannot slip in
    /// beside a submission or an approval happening at the same moment, and the log's version is left as it was.
    /// </summary>
    public static async Task<VisitLog> LockLogForAuthorAsync(this ConsultingDbContext db, ICurrentUser user, Guid logId, CancellationToken ct)
    {
        // xmin (the Version) is a system column, which SELECT * leaves out.
        var log = await db.VisitLogs.FromSql($"SELECT *, xmin FROM visit_logs WHERE id = {logId} FOR SHARE").AsNoTracking().SingleOrDefaultAsync(ct);
        await db.EnsureAuthorAsync(user, log, ct);
        log!.EnsureEditable();
        return log;
    }

    public static async Task EnsureAuthorAsync(this ConsultingDbContext db, ICurrentUser user, VisitLog? log, CancellationToken ct)
    {
        if (log is null || !user.IsConsultant() || await db.ConsultantIdAsync(user, ct) != log.ConsultantId)
        {
            throw new AccessDeniedException();
        }
    }
}
