using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Consulting.Domain.VisitLogs;

/// <summary>
/// Visit logs: the visit's consultant opens one (its sections from the area's template, its agenda from the open items
/// of earlier visits), saves drafts as they type, and submits it, which completes the visit; officials approve it
/// (publishing its recommendations to the agency) or return it with a comment; an approved log is corrected only by
/// amendments.
/// </summary>
public sealed class VisitLogService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Notifier notifier)
{
    // ---- reading ----

    /// <summary>The log of a visit, when there is one the current user may see.</summary>
    public async Task<Guid?> FindForVisitAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await db.VisibleLogsAsync(currentUser, ct)).Where(l => l.VisitId == visitId).Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
    }

    public async Task<VisitLogView?> GetAsync(Guid logId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
                from l in await db.VisibleLogsAsync(currentUser, ct)
                where l.Id == logId
                join v in db.Visits on l.VisitId equals v.Id
                join e in db.Engagements on l.EngagementId equals e.Id
                join p in db.Programs on l.ProgramId equals p.Id
                join a in db.Agencies on l.AgencyId equals a.Id
                join area in db.ProgramAreas on l.AreaId equals area.Id
                select new
                {
                    Log = l,
                    v.Number,
                    v.StartsAtUtc,
                    v.EndsAtUtc,
                    e.PlannedVisits,
                    ProgramName = p.Name,
                    AgencyName = a.Name,
                    Area = area,
                    ConsultantName = db.Consultants.Where(c => c.Id == l.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var log = row.Log;
        var official = currentUser.IsOfficial();
        var author = currentUser.IsConsultant() && await db.ConsultantIdAsync(currentUser, ct) == log.ConsultantId;
        var agency = currentUser.IsAgencyStaff();
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == log.ProgramId).OrderBy(a => a.SortOrder).AsNoTracking().ToListAsync(ct);
        var areaNames = areas.ToDictionary(a => a.Id, a => new BilingualName(a.NameKo, a.NameEn));
        var events = agency
            ? []
            : await db.VisitLogEvents.Where(x => x.LogId == logId).OrderBy(x => x.AtUtc).ThenBy(x => x.Id)
                .Select(x => new LogEventRow(x.Kind, x.ByName, x.AtUtc, x.Comment)).ToListAsync(ct);
        var sections = log.Sections.ToDictionary(s => s.Key, s => s.Title);
        var amendments = await db.VisitLogAmendments.Where(x => x.LogId == logId).OrderBy(x => x.Number).AsNoTracking().ToListAsync(ct);
        var files = await AttachmentService.RowsAsync(db, AttachmentOwner.VisitLog, logId, ct);
        var recommendations = await RecommendationService.RowsAsync(db, db.Recommendations.Where(r => r.VisitLogId == logId), areaNames, ct);
        return new VisitLogView(
            log.Id, log.VisitId, row.Number, row.PlannedVisits, log.EngagementId, log.ProgramId, row.ProgramName, log.AgencyId, row.AgencyName,
            log.AreaId, new BilingualName(row.Area.NameKo, row.Area.NameEn), row.Area.Topics, row.ConsultantName ?? "", row.StartsAtUtc, row.EndsAtUtc,
            log.Status, log.ActualStartsAtUtc, log.ActualEndsAtUtc, log.Attendees, log.Topics, log.Sections, log.NextSteps, log.Agenda,
            official || author ? log.PrivateNote : null,
            agency ? null : log.ReturnComment,
            log.SubmittedAtUtc, log.ApprovedAtUtc, log.UpdatedAtUtc, events,
            [.. amendments.Select(x => new LogAmendmentRow(
                x.Number, x.SectionKey, x.SectionKey is { } k && sections.TryGetValue(k, out var title) ? title : null, x.Text, x.Reason, x.ByName, x.AtUtc))],
            files, recommendations,
            [.. areas.Select(a => new AreaOption(a.Id, areaNames[a.Id]))],
            new LogPermissions(
                Edit: author && log.IsEditable,
                Review: official && log.Status == VisitLogStatus.Submitted,
                Amend: (author || official) && log.Status == VisitLogStatus.Approved,
                SeePrivateNote: official || author),
            log.Version);
    }

    /// <summary>
    /// Logs the current user may see: officials any (the review queue is <c>Status = Submitted</c>), a consultant
    /// theirs, agency staff their agency's approved ones. Oldest submission first for the queue, else newest visit first.
    /// </summary>
    public async Task<IReadOnlyList<LogListRow>> ListAsync(LogListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var logs = await db.VisibleLogsAsync(currentUser, ct);
        if (query.ProgramId is { } programId)
        {
            logs = logs.Where(l => l.ProgramId == programId);
        }

        if (query.Status is { } status)
        {
            logs = logs.Where(l => l.Status == status);
        }

        if (query.AgencyId is { } agencyId)
        {
            logs = logs.Where(l => l.AgencyId == agencyId);
        }

        var rows =
            from l in logs
            join v in db.Visits on l.VisitId equals v.Id
            join e in db.Engagements on l.EngagementId equals e.Id
            join p in db.Programs on l.ProgramId equals p.Id
            join a in db.Agencies on l.AgencyId equals a.Id
            join area in db.ProgramAreas on l.AreaId equals area.Id
            select new { l, v, e, p, a, area };
        rows = query.Status == VisitLogStatus.Submitted
            ? rows.OrderBy(x => x.l.SubmittedAtUtc).ThenBy(x => x.l.Id)
            : rows.OrderByDescending(x => x.v.StartsAtUtc).ThenBy(x => x.l.Id);
        return await rows
            .Take(Math.Clamp(query.Take, 1, 1000))
            .Select(x => new LogListRow(
                x.l.Id, x.l.VisitId, x.p.Name, x.a.Name, new BilingualName(x.area.NameKo, x.area.NameEn), x.v.Number, x.e.PlannedVisits,
                db.Consultants.Where(c => c.Id == x.l.ConsultantId).Select(c => c.Name).FirstOrDefault() ?? "",
                x.v.StartsAtUtc, x.l.Status, x.l.SubmittedAtUtc, x.l.ApprovedAtUtc,
                db.VisitLogEvents.Any(ev => ev.LogId == x.l.Id && ev.Kind == VisitLogEventKind.Returned),
                db.Recommendations.Count(r => r.VisitLogId == x.l.Id),
                db.Attachments.Count(f => f.OwnerKind == AttachmentOwner.VisitLog && f.OwnerId == x.l.Id)))
            .ToListAsync(ct);
    }

    /// <summary>How many logs the current user may see have <paramref name="status"/> (the officials' queue count).</summary>
    public async Task<int> CountAsync(VisitLogStatus status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await db.VisibleLogsAsync(currentUser, ct)).CountAsync(l => l.Status == status, ct);
    }

    /// <summary>The current consultant's held visits whose log is not written, still a draft, or returned.</summary>
    public async Task<IReadOnlyList<PendingLogRow>> PendingForMeAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsConsultant())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.ConsultantIdAsync(currentUser, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await (
                from v in db.Visits
                where mine != null && v.ConsultantId == mine && v.StartsAtUtc <= now && Visit.HoldingStatuses.Contains(v.Status)
                join e in db.Engagements on v.EngagementId equals e.Id
                join a in db.Agencies on v.AgencyId equals a.Id
                join area in db.ProgramAreas on v.AreaId equals area.Id
                join l in db.VisitLogs on v.Id equals l.VisitId into logs
                from l in logs.DefaultIfEmpty()
                where l == null || l.Status == VisitLogStatus.Draft || l.Status == VisitLogStatus.Returned
                orderby v.StartsAtUtc
                select new PendingLogRow(
                    v.Id, l == null ? null : l.Id, l == null ? null : l.Status, a.Name, new BilingualName(area.NameKo, area.NameEn), v.Number,
                    e.PlannedVisits, v.StartsAtUtc, l == null ? null : l.ReturnComment))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    // ---- the consultant's side ----

    /// <summary>
    /// Opens the log of a visit for its consultant: creates the draft the first time (sections from the template, the
    /// agenda from earlier visits), and on later openings adds open items that appeared since. Returns the log's id.
    /// </summary>
    public async Task<Guid> OpenAsync(Guid visitId, CancellationToken ct = default)
    {
        if (!currentUser.IsConsultant())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.ConsultantIdAsync(currentUser, ct) ?? throw new AccessDeniedException();
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || visit.ConsultantId != mine)
        {
            throw new AccessDeniedException();
        }

        var log = await db.VisitLogs.SingleOrDefaultAsync(l => l.VisitId == visitId, ct);
        var agenda = await OpenItemsAsync(db, visit.EngagementId, visit.Number, log?.Id, ct);
        if (log is not null)
        {
            if (log.ConsultantId != mine)
            {
                throw new AccessDeniedException();
            }

            if (log.MergeAgenda(agenda))
            {
                await TrySaveAsync(db, ct);
            }

            return log.Id;
        }

        if (!visit.HoldsSlot)
        {
            throw new DomainException("visitlog.visit-not-held", "A cancelled or postponed visit has no log.");
        }

        await EnsureProgramOpenAsync(db, visit.ProgramId, ct);
        var areaCode = await db.ProgramAreas.Where(a => a.Id == visit.AreaId).Select(a => a.Code).SingleAsync(ct);
        var templates = await db.LogTemplates.AsNoTracking().ToListAsync(ct);
        var template = templates.FirstOrDefault(t => t.AreaCodes.Contains(areaCode))
            ?? templates.FirstOrDefault(t => t.Code == LogTemplate.GeneralCode)
            ?? DefaultLogTemplates.All.Single(t => t.Code == LogTemplate.GeneralCode);
        log = new VisitLog(visit, mine, await db.ActorAsync(currentUser, ct), template, agenda, clock.GetUtcNow().UtcDateTime);
        db.VisitLogs.Add(log);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Opened at the same moment on another device: that draft is the log.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            return await again.VisitLogs.Where(l => l.VisitId == visitId).Select(l => l.Id).SingleAsync(ct);
        }

        return log.Id;
    }

    /// <summary>Saves what the consultant has typed; returns the log's new version for the next save.</summary>
    public async Task<uint> SaveDraftAsync(Guid logId, LogContent content, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = await LoadForAuthorAsync(db, logId, ct);
        log.SaveDraft(content, clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(log, expectedVersion, ct);
        return log.Version;
    }

    /// <summary>Saves the content and submits the log; the visit becomes completed in the same transaction.</summary>
    public async Task<uint> SubmitAsync(Guid logId, LogContent content, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var log = await LoadForAuthorAsync(db, logId, ct);
        await EnsureProgramOpenAsync(db, log.ProgramId, ct);
        var by = await db.ActorAsync(currentUser, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        log.SaveDraft(content, now);
        log.Submit(by, now);
        var visit = await db.Visits.SingleAsync(v => v.Id == log.VisitId, ct);
        if (!visit.HoldsSlot)
        {
            throw new DomainException("visitlog.visit-not-held", "A cancelled or postponed visit has no log.");
        }

        if (visit.Status != VisitStatus.Completed)
        {
            visit.Complete(by, now);
            await Engagements.EngagementFinish.NotifyIfFinishedAsync(db, notifier, visit, ct);
        }

        var args = await LogArgsAsync(db, log, visit.Number, ct);
        await notifier.NotifyAsync(db, NotificationKind.LogSubmitted, await db.OfficialsAsync(ct), $"/visit-logs/{log.Id}", [.. args, NotificationTexts.Plain(by.Name)], by.UserId, ct: ct);
        await db.SaveCheckedAsync(log, expectedVersion, ct);
        await transaction.CommitAsync(ct);
        return log.Version;
    }

    // ---- review ----

    /// <summary>Approves a submitted log: it is locked, and its recommendations reach the agency.</summary>
    public async Task ApproveAsync(Guid logId, string? comment, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var log = await LoadForReviewAsync(db, logId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = await db.ActorAsync(currentUser, ct);
        log.Approve(by, comment, now);
        var args = await LogArgsAsync(db, log, null, ct);
        await notifier.NotifyAsync(db, NotificationKind.LogApproved, await db.ConsultantUserAsync(log.ConsultantId, ct), $"/visit-logs/{log.Id}", args, by.UserId, ct: ct);
        var agencyStaff = await db.AgencyStaffAsync(log.AgencyId, ct);
        foreach (var recommendation in await db.Recommendations.Where(r => r.VisitLogId == logId).ToListAsync(ct))
        {
            recommendation.Publish(by, now);
            var area = await db.ProgramAreas.Where(a => a.Id == recommendation.AreaId).Select(a => new BilingualName(a.NameKo, a.NameEn)).SingleAsync(ct);
            await notifier.NotifyAsync(
                db, NotificationKind.RecommendationNew, agencyStaff, $"/recommendations/{recommendation.Id}",
                [NotificationTexts.Plain(recommendation.Title), area, NotificationTexts.Date(recommendation.DueDate)], by.UserId, ct: ct);
        }

        await db.SaveCheckedAsync(log, expectedVersion, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ReturnAsync(Guid logId, string comment, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = await LoadForReviewAsync(db, logId, ct);
        var by = await db.ActorAsync(currentUser, ct);
        log.Return(by, comment, clock.GetUtcNow().UtcDateTime);
        var args = await LogArgsAsync(db, log, null, ct);
        await notifier.NotifyAsync(
            db, NotificationKind.LogReturned, await db.ConsultantUserAsync(log.ConsultantId, ct), $"/visit-logs/{log.Id}/edit",
            [.. args, NotificationTexts.Plain(comment.Trim())], by.UserId, ct: ct);
        await db.SaveCheckedAsync(log, expectedVersion, ct);
    }

    /// <summary>Corrects an approved log (its consultant or an official); the original stays as it was.</summary>
    public async Task AmendAsync(Guid logId, string? sectionKey, string text, string reason, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = await db.VisitLogs.Include(l => l.Amendments).SingleOrDefaultAsync(l => l.Id == logId, ct) ?? throw new AccessDeniedException();
        if (!currentUser.IsOfficial())
        {
            await db.EnsureAuthorAsync(currentUser, log, ct);
        }

        log.Amend(string.IsNullOrWhiteSpace(sectionKey) ? null : sectionKey, text, reason, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(log, expectedVersion, ct);
    }

    // ---- helpers ----

    /// <summary>
    /// The open items of the engagement's earlier visits: next steps agreed in their logs that no later log marked
    /// done, and recommendations raised in them that are still open. Only logs handed in (not drafts) count.
    /// </summary>
    internal static async Task<IReadOnlyList<LogAgendaItem>> OpenItemsAsync(
        ConsultingDbContext db, Guid engagementId, int visitNumber, Guid? exceptLogId, CancellationToken ct)
    {
        var logs = await (
                from l in db.VisitLogs
                where l.EngagementId == engagementId && l.Status != VisitLogStatus.Draft && l.Id != exceptLogId
                join v in db.Visits on l.VisitId equals v.Id
                select new { l.Id, v.Number, l.NextSteps, l.Agenda })
            .AsNoTracking()
            .ToListAsync(ct);
        var done = logs.SelectMany(l => l.Agenda).Where(a => a.Done).Select(a => a.SourceId).ToHashSet();
        var earlier = logs.Where(l => l.Number < visitNumber).OrderBy(l => l.Number).ToList();
        var number = earlier.ToDictionary(l => l.Id, l => l.Number);
        var steps = earlier
            .SelectMany(l => l.NextSteps.Select(s => new LogAgendaItem(LogAgendaKind.NextStep, s.Id, l.Number, s.Text, false, false)))
            .Where(s => !done.Contains(s.SourceId));
        var logIds = number.Keys.ToList();
        var recommendations = await db.Recommendations
            .Where(r => logIds.Contains(r.VisitLogId) && r.Status == RecommendationStatus.Open)
            .OrderBy(r => r.CreatedAtUtc)
            .Select(r => new { r.Id, r.VisitLogId, r.Title })
            .ToListAsync(ct);
        return
        [
            .. steps,
            .. recommendations.Select(r => new LogAgendaItem(LogAgendaKind.Recommendation, r.Id, number[r.VisitLogId], r.Title, false, false)),
        ];
    }

    /// <summary>What a notification about a log names: the agency, the area, the visit's number.</summary>
    private static async Task<BilingualName[]> LogArgsAsync(ConsultingDbContext db, VisitLog log, int? visitNumber, CancellationToken ct)
    {
        var agency = await db.Agencies.Where(a => a.Id == log.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var area = await db.ProgramAreas.Where(a => a.Id == log.AreaId).Select(a => new BilingualName(a.NameKo, a.NameEn)).SingleAsync(ct);
        var number = visitNumber ?? await db.Visits.Where(v => v.Id == log.VisitId).Select(v => v.Number).SingleAsync(ct);
        return [NotificationTexts.Plain(agency), area, NotificationTexts.Number(number)];
    }

    private async Task<VisitLog> LoadForAuthorAsync(ConsultingDbContext db, Guid logId, CancellationToken ct)
    {
        var log = await db.VisitLogs.SingleOrDefaultAsync(l => l.Id == logId, ct);
        await db.EnsureAuthorAsync(currentUser, log, ct);
        return log!;
    }

    private async Task<VisitLog> LoadForReviewAsync(ConsultingDbContext db, Guid logId, CancellationToken ct)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        return await db.VisitLogs.SingleOrDefaultAsync(l => l.Id == logId, ct)
            ?? throw new DomainException("visitlog.not-found", "The visit log does not exist.");
    }

    private static async Task EnsureProgramOpenAsync(ConsultingDbContext db, Guid programId, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(p => p.Id == programId && p.Status == ProgramStatus.Closed, ct))
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }
    }

    /// <summary>An agenda refresh is a convenience: when another device saved the draft meanwhile, the next opening adds the items.</summary>
    private static async Task TrySaveAsync(ConsultingDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
        }
    }
}
