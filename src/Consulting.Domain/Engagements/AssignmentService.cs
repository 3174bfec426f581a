using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Engagements;

/// <summary>
/// Matching consultants to engagements (agency × area) and watching the programme's progress: officials see the board,
/// the candidates with their load and clashes, assign and reassign (with the history and the future visits moving
/// along); a consultant sees their own engagements.
/// </summary>
public sealed class AssignmentService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<EngagementRow>> GetBoardAsync(Guid programId, AssignmentBoardFilter filter, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("program.not-found", "The programme does not exist.");
        var engagements = db.Engagements.Where(e => e.ProgramId == programId);
        if (filter.AreaId is { } areaId)
        {
            engagements = engagements.Where(e => e.AreaId == areaId);
        }

        if (filter.ConsultantId is { } consultantId)
        {
            engagements = engagements.Where(e => e.ConsultantId == consultantId);
        }

        if (filter.UnassignedOnly)
        {
            engagements = engagements.Where(e => e.ConsultantId == null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A visit counts as done once its log completed it; a visit just held has a grace period to be logged in.
        var loggingDue = now - LoggingGrace;
        var today = clock.Today();
        var rows = await (
                from e in engagements
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                let held = e.Visits.Where(v => Visit.HoldingStatuses.Contains(v.Status))
                orderby a.Name, area.SortOrder
                select new
                {
                    e.Id,
                    e.AgencyId,
                    AgencyName = a.Name,
                    a.District,
                    e.AreaId,
                    area.NameKo,
                    area.NameEn,
                    area.SortOrder,
                    e.ConsultantId,
                    ConsultantName = db.Consultants.Where(c => c.Id == e.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                    e.PlannedVisits,
                    Scheduled = held.Count(),
                    Completed = held.Count(v => v.Status == VisitStatus.Completed),
                    HeldSoFar = held.Count(v => v.Status == VisitStatus.Completed || (v.StartsAtUtc < now && v.StartsAtUtc >= loggingDue)),
                    Next = held.Where(v => v.StartsAtUtc >= now && v.Status != VisitStatus.Completed).Min(v => (DateTime?)v.StartsAtUtc),
                    ChangeRequests = e.Visits.Count(v => v.ChangeRequest != null),
                    e.Version,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        var board = rows.Select(r => new EngagementRow(
            r.Id, r.AgencyId, r.AgencyName, r.District, r.AreaId, new BilingualName(r.NameKo, r.NameEn), r.SortOrder, r.ConsultantId, r.ConsultantName,
            r.PlannedVisits, r.Scheduled, r.Completed, r.Next, r.HeldSoFar, ExpectedByToday(program, r.PlannedVisits, today), r.ChangeRequests, r.Version));
        return [.. filter.BehindOnly ? board.Where(r => r.Behind) : board];
    }

    /// <summary>Progress per area and per agency, and the engagements behind plan for today.</summary>
    public async Task<ProgramProgress> GetProgressAsync(Guid programId, CancellationToken ct = default)
    {
        var board = await GetBoardAsync(programId, new AssignmentBoardFilter(), ct);
        var byArea = board.GroupBy(r => r.AreaId).OrderBy(g => g.First().AreaOrder)
            .Select(g => Progress(g.Key, g.First().AreaName.Ko, g.First().AreaName, g)).ToList();
        var byAgency = board.GroupBy(r => r.AgencyId).OrderBy(g => g.First().AgencyName)
            .Select(g => Progress(g.Key, g.First().AgencyName, null, g)).ToList();
        return new ProgramProgress(
            byArea, byAgency, board.Sum(r => r.PlannedVisits), board.Sum(r => r.Scheduled), board.Sum(r => r.Completed), board.Count(r => r.Behind));
    }

    /// <summary>Active consultants whose expertise covers the engagement's area, least loaded first.</summary>
    public async Task<IReadOnlyList<Candidate>> ListCandidatesAsync(Guid engagementId, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, ct)
            ?? throw new DomainException("engagement.not-found", "The engagement does not exist.");
        var areaCode = await db.ProgramAreas.Where(a => a.Id == engagement.AreaId).Select(a => a.Code).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var future = await db.Visits
            .Where(v => v.EngagementId == engagementId && v.StartsAtUtc >= now && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Confirmed))
            .Select(v => new { v.StartsAtUtc, v.EndsAtUtc })
            .ToListAsync(ct);
        var consultants = await db.Consultants.Where(c => c.IsActive).OrderBy(c => c.Name).AsNoTracking().ToListAsync(ct);
        var eligible = consultants.Where(c => c.Covers(areaCode)).ToList();
        var ids = eligible.Select(c => c.Id).ToList();
        var load = await db.Engagements
            .Where(e => e.ProgramId == engagement.ProgramId && e.ConsultantId != null && ids.Contains(e.ConsultantId.Value))
            .GroupBy(e => e.ConsultantId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Visits = g.Sum(e => e.PlannedVisits) })
            .ToDictionaryAsync(g => g.Id, ct);
        var from = future.Count == 0 ? now : future.Min(v => v.StartsAtUtc);
        var to = future.Count == 0 ? now : future.Max(v => v.EndsAtUtc);
        var theirs = await db.Visits
            .Where(v => v.ConsultantId != null && ids.Contains(v.ConsultantId.Value) && v.EngagementId != engagementId
                        && Visit.HoldingStatuses.Contains(v.Status) && v.StartsAtUtc < to && v.EndsAtUtc > from)
            .Select(v => new { ConsultantId = v.ConsultantId!.Value, v.StartsAtUtc, v.EndsAtUtc })
            .ToListAsync(ct);
        return [.. eligible
            .Select(c => new Candidate(
                c.Id,
                c.Name,
                c.Affiliation,
                c.Region,
                load.TryGetValue(c.Id, out var l) ? l.Count : 0,
                load.TryGetValue(c.Id, out var m) ? m.Visits : 0,
                c.MaxVisitsPerWeek,
                future.Count(f => theirs.Any(t => t.ConsultantId == c.Id && t.StartsAtUtc < f.EndsAtUtc && f.StartsAtUtc < t.EndsAtUtc)),
                future.Count(f => c.UnavailableOn(SeoulTime.DateOf(f.StartsAtUtc)) is not null),
                c.Id == engagement.ConsultantId))
            .OrderBy(c => c.Clashes).ThenBy(c => c.PlannedVisits).ThenBy(c => c.Name)];
    }

    /// <summary>
    /// Assigns (or reassigns, with a reason) the consultant. The visits still to come move to them, so each of those is
    /// checked against the new consultant's calendar first; a clash names the visits on both sides.
    /// </summary>
    public async Task AssignAsync(Guid engagementId, Guid consultantId, string? reason, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var engagement = await db.LockEngagementAsync(engagementId, ct);
        var consultant = await db.Consultants.SingleOrDefaultAsync(c => c.Id == consultantId, ct)
            ?? throw new DomainException("consultant.not-found", "The consultant does not exist.");
        var area = await db.ProgramAreas.SingleAsync(a => a.Id == engagement.AreaId, ct);
        await EnsureOpenAsync(db, engagement.ProgramId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var visit in engagement.FutureVisits(now).Where(v => v.HoldsSlot))
        {
            if (await VisitService.FindClashAsync(db, visit.Id, consultantId, Guid.Empty, visit.StartsAtUtc, visit.EndsAtUtc, ct) is { } clash)
            {
                throw clash;
            }
        }

        engagement.Assign(consultant, area.Code, reason, await db.ActorAsync(currentUser, ct), now);
        db.Entry(engagement).Property(e => e.Version).OriginalValue = expectedVersion;
        db.Entry(engagement).State = EntityState.Modified;
        await db.SaveCheckedAsync(nameof(Engagement), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Gives every engagement of the programme without a consultant the eligible, active consultant with the fewest
    /// planned visits in the programme so far. Returns how many it assigned and how many found nobody.
    /// </summary>
    public async Task<(int Assigned, int Unassigned)> AutoAssignAsync(Guid programId, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await EnsureOpenAsync(db, programId, ct);
        var engagements = await db.LockProgramEngagementsAsync(programId, ct);
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == programId).ToDictionaryAsync(a => a.Id, ct);
        var consultants = await db.Consultants.Where(c => c.IsActive).OrderBy(c => c.Name).ToListAsync(ct);
        var load = consultants.ToDictionary(c => c.Id, c => engagements.Where(e => e.ConsultantId == c.Id).Sum(e => e.PlannedVisits));
        var by = await db.ActorAsync(currentUser, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (assigned, unassigned) = (0, 0);
        foreach (var engagement in engagements.Where(e => e.ConsultantId is null).OrderBy(e => areas[e.AreaId].SortOrder).ThenBy(e => e.AgencyId))
        {
            var area = areas[engagement.AreaId];
            var pick = consultants.Where(c => c.Covers(area.Code)).OrderBy(c => load[c.Id]).FirstOrDefault();
            if (pick is null)
            {
                unassigned++;
                continue;
            }

            engagement.Assign(pick, area.Code, null, by, now);
            load[pick.Id] += engagement.PlannedVisits;
            assigned++;
        }

        await db.SaveCheckedAsync(nameof(Engagement), ct);
        await transaction.CommitAsync(ct);
        return (assigned, unassigned);
    }

    /// <summary>The signed-in consultant's engagements in programmes that are not closed, with visits done and planned.</summary>
    public async Task<IReadOnlyList<MyEngagement>> ListMineAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsConsultant())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.ConsultantIdAsync(currentUser, ct);
        if (mine is null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (
                from e in db.Engagements
                where e.ConsultantId == mine
                join p in db.Programs on e.ProgramId equals p.Id
                where p.Status != ProgramStatus.Closed
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                let held = e.Visits.Where(v => Visit.HoldingStatuses.Contains(v.Status))
                orderby p.Year descending, a.Name, area.SortOrder
                select new
                {
                    e.Id,
                    e.ProgramId,
                    ProgramName = p.Name,
                    AgencyName = a.Name,
                    area.NameKo,
                    area.NameEn,
                    e.PlannedVisits,
                    Scheduled = held.Count(),
                    Completed = held.Count(v => v.Status == VisitStatus.Completed),
                    Next = held.Where(v => v.StartsAtUtc >= now && v.Status != VisitStatus.Completed).Min(v => (DateTime?)v.StartsAtUtc),
                    Last = held.Max(v => (DateTime?)v.StartsAtUtc),
                })
            .AsNoTracking()
            .ToListAsync(ct);
        return [.. rows.Select(r => new MyEngagement(
            r.Id, r.ProgramId, r.ProgramName, r.AgencyName, new BilingualName(r.NameKo, r.NameEn), r.PlannedVisits, r.Scheduled, r.Completed, r.Next, r.Last))];
    }

    /// <summary>How long after a visit its log may take before the engagement counts as behind plan.</summary>
    public static readonly TimeSpan LoggingGrace = TimeSpan.FromDays(7);

    /// <summary>How many of <paramref name="plannedVisits"/> should have taken place by <paramref name="today"/> if spread evenly.</summary>
    public static int ExpectedByToday(ConsultingProgram program, int plannedVisits, DateOnly today)
    {
        if (today < program.ConsultingStart)
        {
            return 0;
        }

        if (today > program.ConsultingEnd)
        {
            return plannedVisits;
        }

        var days = program.ConsultingEnd.DayNumber - program.ConsultingStart.DayNumber + 1;
        var gone = today.DayNumber - program.ConsultingStart.DayNumber;
        return plannedVisits * gone / days;
    }

    private static ProgressRow Progress(Guid id, string name, BilingualName? areaName, IEnumerable<EngagementRow> rows)
    {
        var list = rows.ToList();
        return new ProgressRow(
            id, name, areaName, list.Count, list.Count(r => r.ConsultantId is not null), list.Sum(r => r.PlannedVisits),
            list.Sum(r => r.Scheduled), list.Sum(r => r.Completed), list.Count(r => r.Behind));
    }

    private static async Task EnsureOpenAsync(ConsultingDbContext db, Guid programId, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(p => p.Id == programId && p.Status == ProgramStatus.Closed, ct))
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }
    }

    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }
}
