using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Notifications;
using Consulting.Domain.Programs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Consulting.Domain.Visits;

/// <summary>
/// Visits: officials schedule and move any visit, consultants their own, agencies read theirs and ask for a change.
/// Every write locks the engagement row (so visit k and k−1 are never placed at once by two people), checks the
/// engagement's rules, then clashes, then the warnings, and saves; the exclusion constraints stop the race the checks
/// cannot see (two engagements of one consultant saved at the same moment). A visit scheduled, moved, cancelled or
/// postponed tells the engagement's consultant and the agency's staff (not whoever made the change), in the same save.
/// </summary>
public sealed class VisitService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IValidator<VisitInput> inputValidator,
    Notifier notifier)
{
    public const string ConsultantOverlapConstraint = "ex_visits_consultant_overlap";
    public const string AgencyOverlapConstraint = "ex_visits_agency_overlap";

    // ---- reading ----

    public async Task<IReadOnlyList<CalendarVisit>> ListAsync(CalendarQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visits = (await VisibleAsync(db, ct)).Where(v => v.StartsAtUtc < query.ToUtc && v.EndsAtUtc > query.FromUtc);
        if (!query.IncludeCancelled)
        {
            visits = visits.Where(v => v.Status != VisitStatus.Cancelled);
        }

        if (query.ProgramId is { } programId)
        {
            visits = visits.Where(v => v.ProgramId == programId);
        }

        if (query.AreaId is { } areaId)
        {
            visits = visits.Where(v => v.AreaId == areaId);
        }

        if (query.ConsultantId is { } consultantId)
        {
            visits = visits.Where(v => v.ConsultantId == consultantId);
        }

        if (query.AgencyId is { } agencyId)
        {
            visits = visits.Where(v => v.AgencyId == agencyId);
        }

        if (!string.IsNullOrEmpty(query.District))
        {
            visits = visits.Where(v => db.Agencies.Any(a => a.Id == v.AgencyId && a.District == query.District));
        }

        return await Project(db, visits.OrderBy(v => v.StartsAtUtc)).ToListAsync(ct);
    }

    public async Task<VisitDetail?> GetAsync(Guid visitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
                from v in await VisibleAsync(db, ct)
                where v.Id == visitId
                join e in db.Engagements on v.EngagementId equals e.Id
                join p in db.Programs on v.ProgramId equals p.Id
                join a in db.Agencies on v.AgencyId equals a.Id
                join area in db.ProgramAreas on v.AreaId equals area.Id
                select new
                {
                    Visit = v,
                    e.PlannedVisits,
                    ProgramName = p.Name,
                    p.ConsultingStart,
                    p.ConsultingEnd,
                    AgencyName = a.Name,
                    area.NameKo,
                    area.NameEn,
                    ConsultantName = db.Consultants.Where(c => c.Id == v.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var visit = row.Visit;
        var history = await db.VisitChanges.Where(c => c.VisitId == visitId).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).AsNoTracking().ToListAsync(ct);
        return new VisitDetail(
            visit.Id, visit.EngagementId, visit.ProgramId, row.ProgramName, row.ConsultingStart, row.ConsultingEnd, visit.Number, row.PlannedVisits,
            visit.StartsAtUtc, visit.EndsAtUtc, visit.Mode, visit.Place, visit.Status, visit.StatusReason, visit.ChangeRequest, visit.ChangeRequestedAtUtc,
            row.AgencyName, new BilingualName(row.NameKo, row.NameEn), row.ConsultantName,
            [.. history.Select(c => new VisitChangeRow(
                c.AtUtc, c.Kind, c.ByName, c.OldStartsAtUtc, c.OldEndsAtUtc, c.NewStartsAtUtc, c.NewEndsAtUtc, c.OldStatus, c.NewStatus, c.Reason,
                c.OverriddenWarnings.Length == 0 ? [] : c.OverriddenWarnings.Split(',')))],
            visit.Version);
    }

    /// <summary>An engagement with its visits 1..n: officials see any, a consultant their own, agency staff their agency's.</summary>
    public async Task<EngagementDetail?> GetEngagementAsync(Guid engagementId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var engagements = db.Engagements.Where(e => e.Id == engagementId);
        if (currentUser.IsAgencyStaff())
        {
            engagements = engagements.Where(e => e.AgencyId == currentUser.AgencyId);
        }
        else if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            engagements = engagements.Where(e => e.ConsultantId == mine);
        }
        else if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        var row = await (
                from e in engagements
                join p in db.Programs on e.ProgramId equals p.Id
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                select new
                {
                    Engagement = e,
                    ProgramName = p.Name,
                    p.ConsultingStart,
                    p.ConsultingEnd,
                    p.Status,
                    AgencyName = a.Name,
                    a.Address,
                    area.NameKo,
                    area.NameEn,
                    area.Code,
                    ConsultantName = db.Consultants.Where(c => c.Id == e.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var engagement = row.Engagement;
        var visits = await Project(db, db.Visits.Where(v => v.EngagementId == engagementId)).ToDictionaryAsync(v => v.Number, ct);
        var names = await db.Consultants.Where(c => db.EngagementAssignments.Any(x => x.EngagementId == engagementId && (x.ConsultantId == c.Id || x.PreviousConsultantId == c.Id)))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var assignments = await db.EngagementAssignments.Where(x => x.EngagementId == engagementId).OrderBy(x => x.AtUtc).AsNoTracking().ToListAsync(ct);
        return new EngagementDetail(
            engagement.Id, engagement.ProgramId, row.ProgramName, row.ConsultingStart, row.ConsultingEnd, row.Status == ProgramStatus.Closed,
            engagement.AgencyId, row.AgencyName, row.Address, new BilingualName(row.NameKo, row.NameEn), row.Code, engagement.ConsultantId,
            row.ConsultantName, engagement.PlannedVisits,
            [.. Enumerable.Range(1, engagement.PlannedVisits).Select(n => new VisitSlotRow(n, visits.GetValueOrDefault(n)))],
            [.. assignments.Select(x => new AssignmentRow(
                x.AtUtc, names.GetValueOrDefault(x.ConsultantId, "?"), x.PreviousConsultantId is { } p ? names.GetValueOrDefault(p, "?") : null, x.ByName, x.Reason))],
            engagement.Version);
    }

    // ---- scheduling ----

    /// <summary>Gives visit <paramref name="number"/> of the engagement its time (officials, or the engagement's consultant proposing).</summary>
    public Task<ScheduleOutcome> ScheduleAsync(Guid engagementId, int number, VisitInput input, string? reason, CancellationToken ct = default) =>
        PlaceAsync(engagementId, null, number, input, null, reason, ct);

    /// <summary>Moves a visit (or puts a postponed or cancelled one back on the calendar); a moved visit needs confirming again.</summary>
    public async Task<ScheduleOutcome> MoveAsync(Guid visitId, VisitInput input, uint expectedVersion, string? reason, CancellationToken ct = default)
    {
        Guid engagementId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            engagementId = await db.Visits.Where(v => v.Id == visitId).Select(v => v.EngagementId).SingleOrDefaultAsync(ct);
        }

        if (engagementId == Guid.Empty)
        {
            throw new DomainException("visit.not-found", "The visit does not exist.");
        }

        return await PlaceAsync(engagementId, visitId, null, input, expectedVersion, reason, ct);
    }

    public Task ConfirmAsync(Guid visitId, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(visitId, expectedVersion, (v, by, now) => v.Confirm(by, now), ct);

    public Task CompleteAsync(Guid visitId, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(visitId, expectedVersion, (v, by, now) => v.Complete(by, now), ct);

    public Task CancelAsync(Guid visitId, string reason, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(visitId, expectedVersion, (v, by, now) => v.Cancel(reason, by, now), ct);

    public Task PostponeAsync(Guid visitId, string reason, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(visitId, expectedVersion, (v, by, now) => v.Postpone(reason, by, now), ct);

    /// <summary>Agency staff ask for another time for one of their agency's visits, with a reason.</summary>
    public async Task RequestChangeAsync(Guid visitId, string reason, uint expectedVersion, CancellationToken ct = default)
    {
        if (!currentUser.IsAgencyStaff())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId && v.AgencyId == currentUser.AgencyId, ct)
            ?? throw new AccessDeniedException();
        visit.RequestChange(reason, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(visit, expectedVersion, ct);
    }

    /// <summary>
    /// Gives every unscheduled visit of the programme's assigned engagements a time: working days only, spread over the
    /// consulting period, at least a week apart, inside each consultant's weekly maximum and declared dates, with no
    /// clash. Returns how many visits it scheduled and how many it could not place.
    /// </summary>
    public async Task<AutoScheduleResult> AutoScheduleAsync(Guid programId, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var program = await db.Programs.Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("program.not-found", "The programme does not exist.");
        var engagements = (await db.LockProgramEngagementsAsync(programId, ct)).Where(e => e.ConsultantId != null).ToList();
        var consultantIds = engagements.Select(e => e.ConsultantId!.Value).Distinct().ToList();
        var agencyIds = engagements.Select(e => e.AgencyId).Distinct().ToList();
        var consultants = await db.Consultants.Where(c => consultantIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var from = SeoulTime.ToUtc(program.ConsultingStart.AddDays(-7).ToDateTime(TimeOnly.MinValue));
        var to = SeoulTime.ToUtc(program.ConsultingEnd.AddDays(8).ToDateTime(TimeOnly.MinValue));
        var busy = await db.Visits
            .Where(v => Visit.HoldingStatuses.Contains(v.Status) && v.StartsAtUtc < to && v.EndsAtUtc > from
                        && ((v.ConsultantId != null && consultantIds.Contains(v.ConsultantId.Value)) || agencyIds.Contains(v.AgencyId)))
            .Select(v => new VisitPlanner.Booking(v.ConsultantId, v.AgencyId, v.StartsAtUtc, v.EndsAtUtc))
            .ToListAsync(ct);

        var by = await db.ActorAsync(currentUser, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var planner = new VisitPlanner(program, consultants, busy);
        var order = program.Areas.ToDictionary(a => a.Id, a => a.SortOrder);
        var placed = 0;
        var unplaced = 0;
        var placedPer = new Dictionary<Engagement, int>();
        foreach (var engagement in engagements.OrderBy(e => order.GetValueOrDefault(e.AreaId)).ThenBy(e => e.AgencyId))
        {
            while (engagement.NextUnscheduledNumber() is { } number)
            {
                if (planner.Propose(engagement, number) is not { } plan)
                {
                    unplaced += engagement.PlannedVisits - engagement.Visits.Count;
                    break;
                }

                engagement.Schedule(program, number, plan, by, null, [], now);
                planner.Book(engagement, plan);
                placed++;
                placedPer[engagement] = placedPer.GetValueOrDefault(engagement) + 1;
            }
        }

        await NotifyScheduledAsync(db, program, placedPer, by, ct);
        await SaveTranslatingClashesAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new AutoScheduleResult(placed, unplaced);
    }

    // ---- the write path ----

    private async Task<ScheduleOutcome> PlaceAsync(
        Guid engagementId, Guid? visitId, int? number, VisitInput input, uint? expectedVersion, string? reason, CancellationToken ct)
    {
        await inputValidator.ValidateAndThrowAsync(input, ct);
        var plan = input.ToPlan();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var engagement = await db.LockEngagementAsync(engagementId, ct);
        var visit = visitId is { } id ? engagement.FindVisit(id) : null;
        await AuthorizeWriteAsync(db, engagement.ConsultantId, visit?.ConsultantId, ct);
        if (visit is not null && expectedVersion is { } version)
        {
            if (visit.Version != version)
            {
                throw new ConcurrencyConflictException(nameof(Visit));
            }

            db.Entry(visit).Property(v => v.Version).OriginalValue = version;
        }

        var program = await db.Programs.Include(p => p.Areas).SingleAsync(p => p.Id == engagement.ProgramId, ct);

        // The engagement's own rules first (number, period, order), then clashes, then what may be overridden.
        var k = visit?.Number ?? number!.Value;
        engagement.EnsureCanPlace(program, k, plan, visit);
        var consultantId = visit?.ConsultantId ?? engagement.ConsultantId!.Value;
        if (await FindClashAsync(db, visit?.Id ?? Guid.Empty, consultantId, engagement.AgencyId, plan.StartsAtUtc, plan.EndsAtUtc, ct) is { } clash)
        {
            throw clash;
        }

        var consultant = await db.Consultants.SingleAsync(c => c.Id == consultantId, ct);
        var weekCount = await WeekCountAsync(db, consultantId, plan, visit?.Id ?? Guid.Empty, ct);
        var warnings = VisitWarnings.For(engagement, k, visit, plan, consultant, weekCount);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (warnings.Count > 0 && why is null)
        {
            return ScheduleOutcome.Held(warnings);
        }

        var by = await db.ActorAsync(currentUser, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var kind = visit is null ? NotificationKind.VisitScheduled : NotificationKind.VisitMoved;
        if (visit is null)
        {
            visit = engagement.Schedule(program, k, plan, by, why, warnings, now);
        }
        else
        {
            engagement.Move(program, visit.Id, plan, by, why, warnings, now);
        }

        await NotifyAsync(db, kind, visit, engagement.ConsultantId, by, ct);
        await SaveTranslatingClashesAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new ScheduleOutcome(true, visit.Id, warnings);
    }

    private async Task ChangeStatusAsync(Guid visitId, uint expectedVersion, Action<Visit, Actor, DateTime> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new DomainException("visit.not-found", "The visit does not exist.");
        var engagementConsultant = await db.Engagements.Where(e => e.Id == visit.EngagementId).Select(e => e.ConsultantId).SingleAsync(ct);
        await AuthorizeWriteAsync(db, engagementConsultant, visit.ConsultantId, ct);
        if (await db.Programs.AnyAsync(p => p.Id == visit.ProgramId && p.Status == ProgramStatus.Closed, ct))
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        var before = visit.Status;
        var by = await db.ActorAsync(currentUser, ct);
        change(visit, by, clock.GetUtcNow().UtcDateTime);
        if (visit.Status != before && visit.Status is VisitStatus.Cancelled or VisitStatus.Postponed)
        {
            await NotifyAsync(db, NotificationKind.VisitCancelled, visit, engagementConsultant, by, ct);
        }

        if (visit.Status != before)
        {
            await Engagements.EngagementFinish.NotifyIfFinishedAsync(db, notifier, visit, ct);
        }

        await db.SaveCheckedAsync(visit, expectedVersion, ct);
    }

    // ---- telling people ----

    /// <summary>Tells the engagement's consultant and the agency's staff about one visit (added to the caller's save).</summary>
    private async Task NotifyAsync(ConsultingDbContext db, NotificationKind kind, Visit visit, Guid? engagementConsultantId, Actor by, CancellationToken ct)
    {
        var agency = await db.Agencies.Where(a => a.Id == visit.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var area = await db.ProgramAreas.Where(a => a.Id == visit.AreaId).Select(a => new BilingualName(a.NameKo, a.NameEn)).SingleAsync(ct);
        var last = kind == NotificationKind.VisitCancelled
            ? NotificationTexts.Plain(visit.StatusReason ?? "")
            : visit.Place is { Length: > 0 } place ? NotificationTexts.Plain(place) : ModeText(visit.Mode);
        var recipients = (await db.ConsultantUserAsync(engagementConsultantId ?? visit.ConsultantId, ct))
            .Concat(await db.ConsultantUserAsync(visit.ConsultantId, ct))
            .Concat(await db.AgencyStaffAsync(visit.AgencyId, ct));
        await notifier.NotifyAsync(
            db, kind, recipients, $"/visits/{visit.Id}",
            [NotificationTexts.Plain(agency), area, NotificationTexts.Number(visit.Number), NotificationTexts.DateTime(visit.StartsAtUtc), last],
            by.UserId, ct: ct);
    }

    /// <summary>After auto-scheduling: one summary to each consultant and agency staff member, counting the visits that concern them.</summary>
    private async Task NotifyScheduledAsync(ConsultingDbContext db, ConsultingProgram program, Dictionary<Engagement, int> placedPer, Actor by, CancellationToken ct)
    {
        var counts = new Dictionary<(Guid User, string Link), int>();
        foreach (var (engagement, count) in placedPer)
        {
            foreach (var user in await db.ConsultantUserAsync(engagement.ConsultantId, ct))
            {
                counts[(user, "/consultant")] = counts.GetValueOrDefault((user, "/consultant")) + count;
            }

            foreach (var user in await db.AgencyStaffAsync(engagement.AgencyId, ct))
            {
                counts[(user, "/agency/schedule")] = counts.GetValueOrDefault((user, "/agency/schedule")) + count;
            }
        }

        foreach (var ((user, link), count) in counts)
        {
            await notifier.NotifyAsync(
                db, NotificationKind.VisitScheduled, [user], link, [NotificationTexts.Number(count), NotificationTexts.Plain(program.Name)], by.UserId, "VisitsScheduled", ct);
        }
    }

    private static BilingualName ModeText(VisitMode mode) =>
        new(NotificationTexts.Text($"VisitMode.{mode}", NotificationTexts.Korean), NotificationTexts.Text($"VisitMode.{mode}", NotificationTexts.English));

    /// <summary>Officials change any visit; a consultant those of their own engagements (and visits they hold).</summary>
    private async Task AuthorizeWriteAsync(ConsultingDbContext db, Guid? engagementConsultantId, Guid? visitConsultantId, CancellationToken ct)
    {
        if (currentUser.IsOfficial())
        {
            return;
        }

        if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            if (mine is not null && (engagementConsultantId == mine || visitConsultantId == mine))
            {
                return;
            }
        }

        throw new AccessDeniedException();
    }

    /// <summary>The first visit that holds the consultant or the agency at that time, described for the user.</summary>
    internal static async Task<DomainException?> FindClashAsync(
        ConsultingDbContext db, Guid visitId, Guid? consultantId, Guid agencyId, DateTime startsAtUtc, DateTime endsAtUtc, CancellationToken ct)
    {
        var other = await (
                from v in db.Visits
                where v.Id != visitId && Visit.HoldingStatuses.Contains(v.Status)
                      && v.StartsAtUtc < endsAtUtc && startsAtUtc < v.EndsAtUtc
                      && ((consultantId != null && v.ConsultantId == consultantId) || v.AgencyId == agencyId)
                join a in db.Agencies on v.AgencyId equals a.Id
                join area in db.ProgramAreas on v.AreaId equals area.Id
                orderby v.ConsultantId == consultantId descending, v.StartsAtUtc
                select new
                {
                    v.ConsultantId,
                    v.Number,
                    v.StartsAtUtc,
                    v.EndsAtUtc,
                    AgencyName = a.Name,
                    area.NameKo,
                    area.NameEn,
                    ConsultantName = db.Consultants.Where(c => c.Id == v.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .AsNoTracking()
            .FirstOrDefaultAsync(ct);
        if (other is null)
        {
            return null;
        }

        var areaName = new BilingualName(other.NameKo, other.NameEn);
        var (start, end) = (SeoulTime.ToSeoul(other.StartsAtUtc), SeoulTime.ToSeoul(other.EndsAtUtc));
        return consultantId is not null && other.ConsultantId == consultantId
            ? new DomainException(
                "visit.consultant-clash",
                $"{other.ConsultantName} already has visit {other.Number} of {areaName.En} at {other.AgencyName} at that time.",
                other.ConsultantName ?? "", other.AgencyName, areaName, other.Number, start, end)
            : new DomainException(
                "visit.agency-clash",
                $"{other.AgencyName} already hosts visit {other.Number} of {areaName.En} at that time.",
                other.AgencyName, areaName, other.Number, start, end, other.ConsultantName ?? "");
    }

    /// <summary>
    /// Saves; when an exclusion constraint refuses the save (someone else took the slot after this user's check), the
    /// user reads what the slot clashes with now.
    /// </summary>
    private static async Task SaveTranslatingClashesAsync(ConsultingDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveCheckedAsync(nameof(Visit), ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } pg)
        {
            throw new DomainException(
                pg.ConstraintName == AgencyOverlapConstraint ? "visit.agency-clash-saved" : "visit.consultant-clash-saved",
                "Someone else has just scheduled a visit at that time. Look at the calendar and choose another time.");
        }
    }

    private static Task<int> WeekCountAsync(ConsultingDbContext db, Guid consultantId, VisitPlan plan, Guid exceptVisitId, CancellationToken ct)
    {
        var monday = SeoulTime.WeekStart(plan.SeoulDate);
        var from = SeoulTime.ToUtc(monday.ToDateTime(TimeOnly.MinValue));
        var to = SeoulTime.ToUtc(monday.AddDays(7).ToDateTime(TimeOnly.MinValue));
        return db.Visits.CountAsync(
            v => v.ConsultantId == consultantId && v.Id != exceptVisitId && Visit.HoldingStatuses.Contains(v.Status)
                 && v.StartsAtUtc >= from && v.StartsAtUtc < to,
            ct);
    }

    /// <summary>The visits the current user may see.</summary>
    private async Task<IQueryable<Visit>> VisibleAsync(ConsultingDbContext db, CancellationToken ct)
    {
        var visits = db.Visits.AsNoTracking();
        if (currentUser.IsOfficial())
        {
            return visits;
        }

        if (currentUser.IsAgencyStaff())
        {
            return visits.Where(v => v.AgencyId == currentUser.AgencyId);
        }

        if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            return visits.Where(v => mine != null && v.ConsultantId == mine);
        }

        throw new AccessDeniedException();
    }

    private static IQueryable<CalendarVisit> Project(ConsultingDbContext db, IQueryable<Visit> visits) =>
        from v in visits
        join e in db.Engagements on v.EngagementId equals e.Id
        join a in db.Agencies on v.AgencyId equals a.Id
        join area in db.ProgramAreas on v.AreaId equals area.Id
        select new CalendarVisit(
            v.Id,
            v.EngagementId,
            v.Number,
            e.PlannedVisits,
            v.StartsAtUtc,
            v.EndsAtUtc,
            v.Status,
            v.Mode,
            v.Place,
            v.AgencyId,
            a.Name,
            a.District,
            v.AreaId,
            new BilingualName(area.NameKo, area.NameEn),
            v.ConsultantId,
            db.Consultants.Where(c => c.Id == v.ConsultantId).Select(c => c.Name).FirstOrDefault(),
            v.ChangeRequest != null,
            v.Sequence,
            v.UpdatedAtUtc,
            v.Version);
}

public sealed record AutoScheduleResult(int Scheduled, int Unplaced);
