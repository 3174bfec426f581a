using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Recommendations;

/// <summary>
/// The follow-up of published recommendations: the agency plans, reports progress, attaches evidence and submits it,
/// or proposes not adopting; the engagement's consultant or an official verifies or returns; an official decides on
/// not adopting and extends due dates. Each step is checked against the recommendation's version (xmin), recorded on
/// its timeline, and tells the people it concerns in the same transaction.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Notifier notifier)
{
    public const int PageSizeMax = 200;

    // ---- reading ----

    /// <summary>One page of the recommendations the current user may see, filtered and ordered by due date.</summary>
    public async Task<RecommendationPage> SearchAsync(RecommendationQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var items = (await db.VisibleRecommendationsAsync(currentUser, ct)).Where(r => r.PublishedAtUtc != null);
        if (query.ProgramId is { } programId)
        {
            items = items.Where(r => r.ProgramId == programId);
        }

        if (query.AreaId is { } areaId)
        {
            items = items.Where(r => r.AreaId == areaId);
        }

        if (query.AgencyId is { } agencyId)
        {
            items = items.Where(r => r.AgencyId == agencyId);
        }

        if (query.Status is { } status)
        {
            items = items.Where(r => r.Status == status);
        }

        if (query.OverdueOnly)
        {
            items = items.Where(r => Recommendation.ActiveStatuses.Contains(r.Status) && r.DueDate < today);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            items = items.Where(r => EF.Functions.ILike(r.Title, pattern, LikePattern.Escape)
                                     || db.Agencies.Any(a => a.Id == r.AgencyId && EF.Functions.ILike(a.Name, pattern, LikePattern.Escape)));
        }

        var total = await items.CountAsync(ct);
        // Priority is stored as its name: ordered by the name, Low would come before Medium.
        var take = Math.Clamp(query.Take, 1, PageSizeMax);
        var rows = await Project(db, items.OrderBy(r => r.DueDate).ThenBy(r => r.Priority == RecommendationPriority.High ? 0 : r.Priority == RecommendationPriority.Medium ? 1 : 2).ThenBy(r => r.Id).Skip(Math.Max(0, query.Skip)).Take(take))
            .ToListAsync(ct);
        return new RecommendationPage([.. rows.Select(r => r.ToRow(today))], total);
    }

    /// <summary>The agency's follow-up: every published recommendation of the current agency user's agency.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> ForMyAgencyAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAgencyStaff())
        {
            throw new AccessDeniedException();
        }

        // Every one, not the first page: the portal's progress per area counts them all.
        var rows = new List<FollowUpRow>();
        RecommendationPage page;
        do
        {
            page = await SearchAsync(new RecommendationQuery(Skip: rows.Count, Take: PageSizeMax), ct);
            rows.AddRange(page.Rows);
        }
        while (page.Rows.Count > 0 && rows.Count < page.Total);

        return rows;
    }

    /// <summary>A recommendation with its timeline, evidence and the steps the current user may take; null when not visible.</summary>
    public async Task<RecommendationDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await db.VisibleRecommendationsAsync(currentUser, ct);
        var row = await Project(db, visible.Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var recommendation = await db.Recommendations.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id, ct);
        var timeline = recommendation.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.Kind, e.FromStatus, e.ToStatus, e.ByName, e.Text, e.Detail, e.Date, e.PreviousDate, e.AtUtc))
            .ToList();
        var lastSubmission = recommendation.Events.Where(e => e.Kind == RecommendationEventKind.Submitted).Select(e => (DateTime?)e.AtUtc).Max();
        var programClosed = await db.Programs.AnyAsync(p => p.Id == recommendation.ProgramId && p.Status == ProgramStatus.Closed, ct);
        // Removable as RemoveAsync allows it: not handed in yet, while the agency may still change its evidence.
        var gathering = !programClosed && Recommendation.CanStep(recommendation.Status, RecommendationStep.AddEvidence);
        var evidence = (await AttachmentService.RowsAsync(db, AttachmentOwner.Recommendation, id, ct))
            .Select(a => new EvidenceFile(a, gathering && (lastSubmission is null || a.UploadedAtUtc > lastSubmission)))
            .ToList();
        var roles = await RolesAsync(db, recommendation, ct);
        var steps = programClosed || !recommendation.IsPublished
            ? []
            : Enum.GetValues<RecommendationStep>().Where(s => Recommendation.CanStep(recommendation.Status, s) && roles.Contains(WhoTakes(s))).ToList();
        return new RecommendationDetail(
            row.ToRow(clock.Today()), recommendation.Description, recommendation.EvidenceExpected, recommendation.PlanWhat, recommendation.PlanDueDate,
            recommendation.OriginalDueDate, recommendation.NotAdoptedReason, row.VisitNumber, row.ProgramName, timeline, evidence, steps);
    }

    // ---- the agency's steps ----

    public Task<uint> PlanAsync(Guid id, ActionPlanInput input, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Agency, (r, by, now, _) =>
        {
            r.Plan(input.What, input.Owner, input.ByWhen, SeoulTime.DateOf(now), by, now);
            return Task.CompletedTask;
        }, ct);

    public Task<uint> AddProgressAsync(Guid id, string note, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Agency, (r, by, now, _) =>
        {
            r.AddProgress(note, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Hands in the evidence attached so far; the consultant (or, without one, the officials) is told.</summary>
    public Task<uint> SubmitAsync(Guid id, string note, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Agency, async (r, by, now, db) =>
        {
            var files = await db.Attachments.CountAsync(a => a.OwnerKind == AttachmentOwner.Recommendation && a.OwnerId == r.Id, ct);
            r.Submit(note, files, by, now);
            var consultantId = await db.Engagements.Where(e => e.Id == r.EngagementId).Select(e => e.ConsultantId).SingleAsync(ct);
            var recipients = await db.ConsultantUserAsync(consultantId, ct);
            if (recipients.Count == 0)
            {
                recipients = await db.OfficialsAsync(ct);
            }

            await notifier.NotifyAsync(
                db, NotificationKind.EvidenceSubmitted, recipients, Link(r), [NotificationTexts.Plain(await AgencyNameAsync(db, r, ct)), NotificationTexts.Plain(r.Title)],
                by.UserId, ct: ct);
        }, ct);

    public Task<uint> ProposeNotAdoptedAsync(Guid id, string reason, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Agency, async (r, by, now, db) =>
        {
            r.ProposeNotAdopted(reason, by, now);
            await notifier.NotifyAsync(
                db, NotificationKind.NotAdoptionProposed, await db.OfficialsAsync(ct), Link(r),
                [NotificationTexts.Plain(await AgencyNameAsync(db, r, ct)), NotificationTexts.Plain(r.Title), NotificationTexts.Plain(r.NotAdoptedReason!)],
                by.UserId, ct: ct);
        }, ct);

    // ---- verification ----

    public Task<uint> VerifyAsync(Guid id, string? comment, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Reviewer, async (r, by, now, db) =>
        {
            r.Verify(comment, by, now);
            await notifier.NotifyAsync(
                db, NotificationKind.RecommendationVerified, await db.AgencyStaffAsync(r.AgencyId, ct), Link(r), [NotificationTexts.Plain(r.Title)], by.UserId, ct: ct);
        }, ct);

    public Task<uint> ReturnAsync(Guid id, string comment, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Reviewer, async (r, by, now, db) =>
        {
            r.Return(comment, by, now);
            await notifier.NotifyAsync(
                db, NotificationKind.RecommendationReturned, await db.AgencyStaffAsync(r.AgencyId, ct), Link(r),
                [NotificationTexts.Plain(r.Title), NotificationTexts.Plain(r.Events[^1].Text!)], by.UserId, ct: ct);
        }, ct);

    // ---- the official's decisions ----

    public Task<uint> AcceptNotAdoptedAsync(Guid id, string? comment, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Official, async (r, by, now, db) =>
        {
            r.AcceptNotAdopted(comment, by, now);
            await notifier.NotifyAsync(
                db, NotificationKind.NotAdoptionDecided, await db.AgencyStaffAsync(r.AgencyId, ct), Link(r),
                [NotificationTexts.Plain(r.Title), NotificationTexts.Plain(comment?.Trim() ?? "")], by.UserId, "NotAdoptionAccepted", ct);
        }, ct);

    public Task<uint> RejectNotAdoptedAsync(Guid id, string comment, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Official, async (r, by, now, db) =>
        {
            r.RejectNotAdopted(comment, by, now);
            await notifier.NotifyAsync(
                db, NotificationKind.NotAdoptionDecided, await db.AgencyStaffAsync(r.AgencyId, ct), Link(r),
                [NotificationTexts.Plain(r.Title), NotificationTexts.Plain(r.Events[^1].Text!)], by.UserId, "NotAdoptionRejected", ct);
        }, ct);

    public Task<uint> ExtendDueAsync(Guid id, DateOnly newDueDate, string reason, uint expectedVersion, CancellationToken ct = default) =>
        StepAsync(id, expectedVersion, Taker.Official, async (r, by, now, db) =>
        {
            r.ExtendDue(newDueDate, reason, by, now);
            var consultantId = await db.Engagements.Where(e => e.Id == r.EngagementId).Select(e => e.ConsultantId).SingleAsync(ct);
            var recipients = (await db.AgencyStaffAsync(r.AgencyId, ct)).Concat(await db.ConsultantUserAsync(consultantId, ct));
            await notifier.NotifyAsync(
                db, NotificationKind.DueDateExtended, recipients, Link(r),
                [NotificationTexts.Plain(r.Title), NotificationTexts.Date(newDueDate), NotificationTexts.Plain(r.Events[^1].Text!)], by.UserId, ct: ct);
        }, ct);

    // ---- the write path ----

    internal static string Link(Recommendation r) => $"/recommendations/{r.Id}";

    /// <summary>Who takes a step: the agency, a reviewer (the engagement's consultant or an official), or an official.</summary>
    internal static Taker WhoTakes(RecommendationStep step) => step switch
    {
        RecommendationStep.Plan or RecommendationStep.Progress or RecommendationStep.AddEvidence or RecommendationStep.Submit
            or RecommendationStep.ProposeNotAdopted => Taker.Agency,
        RecommendationStep.Verify or RecommendationStep.Return => Taker.Reviewer,
        _ => Taker.Official,
    };

    private async Task<uint> StepAsync(
        Guid id, uint expectedVersion, Taker taker, Func<Recommendation, Actor, DateTime, ConsultingDbContext, Task> step, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked for the step: a file added or a second step at the same moment waits, then sees this one.
        var recommendation = await db.Recommendations.FromSql($"SELECT *, xmin FROM recommendations WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException();
        if (!(await RolesAsync(db, recommendation, ct)).Contains(taker))
        {
            throw new AccessDeniedException();
        }

        if (await db.Programs.AnyAsync(p => p.Id == recommendation.ProgramId && p.Status == ProgramStatus.Closed, ct))
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        if (recommendation.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(nameof(Recommendation));
        }

        await step(recommendation, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime, db);
        await db.SaveCheckedAsync(recommendation, expectedVersion, ct);
        await transaction.CommitAsync(ct);
        return recommendation.Version;
    }

    /// <summary>What the current user is to this recommendation (an official is also a reviewer).</summary>
    internal async Task<IReadOnlyList<Taker>> RolesAsync(ConsultingDbContext db, Recommendation recommendation, CancellationToken ct)
    {
        if (!recommendation.IsPublished)
        {
            return [];
        }

        if (currentUser.IsOfficial())
        {
            return [Taker.Official, Taker.Reviewer];
        }

        if (currentUser.IsAgencyStaff())
        {
            return recommendation.AgencyId == currentUser.AgencyId ? [Taker.Agency] : [];
        }

        if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            var holds = mine is not null && await db.Engagements.AnyAsync(e => e.Id == recommendation.EngagementId && e.ConsultantId == mine, ct);
            return holds ? [Taker.Reviewer] : [];
        }

        return [];
    }

    private static Task<string> AgencyNameAsync(ConsultingDbContext db, Recommendation r, CancellationToken ct) =>
        db.Agencies.Where(a => a.Id == r.AgencyId).Select(a => a.Name).SingleAsync(ct);

    private static IQueryable<FollowUpProjection> Project(ConsultingDbContext db, IQueryable<Recommendation> items) =>
        from r in items
        join area in db.ProgramAreas on r.AreaId equals area.Id
        join agency in db.Agencies on r.AgencyId equals agency.Id
        join program in db.Programs on r.ProgramId equals program.Id
        join log in db.VisitLogs on r.VisitLogId equals log.Id
        join visit in db.Visits on log.VisitId equals visit.Id
        select new FollowUpProjection(
            r.Id, r.ProgramId, program.Name, r.AgencyId, agency.Name, r.AreaId, area.NameKo, area.NameEn, r.EngagementId, r.VisitLogId, visit.Number,
            r.Title, r.Priority, r.DueDate, r.Status, r.PlanOwner, r.PublishedAtUtc, r.StatusChangedAtUtc, r.Version,
            db.Consultants.Where(c => c.Id == log.ConsultantId).Select(c => c.Name).FirstOrDefault());

    internal sealed record FollowUpProjection(
        Guid Id, Guid ProgramId, string ProgramName, Guid AgencyId, string AgencyName, Guid AreaId, string AreaKo, string AreaEn, Guid EngagementId,
        Guid VisitLogId, int VisitNumber, string Title, RecommendationPriority Priority, DateOnly DueDate, RecommendationStatus Status, string? PlanOwner,
        DateTime? PublishedAtUtc, DateTime? StatusChangedAtUtc, uint Version, string? ConsultantName)
    {
        public FollowUpRow ToRow(DateOnly today) => new(
            Id, ProgramId, AgencyId, AgencyName, AreaId, new BilingualName(AreaKo, AreaEn), EngagementId, VisitLogId, Title, Priority, DueDate, Status,
            Recommendation.ActiveStatuses.Contains(Status) && DueDate < today, PlanOwner, ConsultantName, StatusChangedAtUtc ?? PublishedAtUtc, Version);
    }
}

/// <summary>Who may take a step on a recommendation.</summary>
public enum Taker
{
    Agency,
    Reviewer,
    Official,
}

public sealed record RecommendationQuery(
    Guid? ProgramId = null,
    Guid? AreaId = null,
    Guid? AgencyId = null,
    RecommendationStatus? Status = null,
    bool OverdueOnly = false,
    string? Search = null,
    int Skip = 0,
    int Take = 50);

public sealed record RecommendationPage(IReadOnlyList<FollowUpRow> Rows, int Total);

/// <summary>A published recommendation in a follow-up list.</summary>
public sealed record FollowUpRow(
    Guid Id,
    Guid ProgramId,
    Guid AgencyId,
    string AgencyName,
    Guid AreaId,
    BilingualName Area,
    Guid EngagementId,
    Guid VisitLogId,
    string Title,
    RecommendationPriority Priority,
    DateOnly DueDate,
    RecommendationStatus Status,
    bool IsOverdue,
    string? PlanOwner,
    string? ConsultantName,
    DateTime? LastChangeUtc,
    uint Version);

public sealed record TimelineEntry(
    RecommendationEventKind Kind,
    RecommendationStatus From,
    RecommendationStatus To,
    string ByName,
    string? Text,
    string? Detail,
    DateOnly? Date,
    DateOnly? PreviousDate,
    DateTime AtUtc);

/// <summary>
/// An evidence file; <see cref="Removable"/> until it has been part of a submission, while the agency gathers evidence
/// (planned or in progress) in a programme not closed. Only the agency's staff may remove it.
/// </summary>
public sealed record EvidenceFile(AttachmentRow File, bool Removable);

public sealed record RecommendationDetail(
    FollowUpRow Row,
    string Description,
    string? EvidenceExpected,
    string? PlanWhat,
    DateOnly? PlanDueDate,
    DateOnly? OriginalDueDate,
    string? NotAdoptedReason,
    int VisitNumber,
    string ProgramName,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<EvidenceFile> Evidence,
    IReadOnlyList<RecommendationStep> Steps);

public sealed record ActionPlanInput(string What, string Owner, DateOnly ByWhen);

/// <summary>How far an agency (or one area) is: verified of those it adopted, and how many are overdue.</summary>
public sealed record FollowUpProgress(int Total, int Verified, int NotAdopted, int Submitted, int Overdue)
{
    /// <summary>Verified as a share of the recommendations not set aside (0–100); 0 when there are none.</summary>
    public int Percent => Total - NotAdopted == 0 ? 0 : (int)Math.Round(100.0 * Verified / (Total - NotAdopted), MidpointRounding.AwayFromZero);

    public static FollowUpProgress Of(IEnumerable<FollowUpRow> rows)
    {
        var list = rows.ToList();
        return new FollowUpProgress(
            list.Count,
            list.Count(r => r.Status == RecommendationStatus.Verified),
            list.Count(r => r.Status == RecommendationStatus.NotAdopted),
            list.Count(r => r.Status == RecommendationStatus.Submitted),
            list.Count(r => r.IsOverdue));
    }
}
