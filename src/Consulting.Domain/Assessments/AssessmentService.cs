using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Surveys;
using Consulting.Domain.Visits;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Consulting.Domain.Assessments;

/// <summary>
/// 자가진단: officials keep each area's indicators per programme; the agency fills the before- and after-assessment of its
/// engagements (the monitor scores a monitoring round), the engagement's consultant rates what the agency handed in, and
/// the engagement's people see before against after. Every change is checked against the version the user loaded; a
/// closed programme is read-only.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private static readonly ChecklistInputValidator ChecklistValidator = new();

    // ---- checklists (officials) ----

    /// <summary>Every area's indicators of a programme (the defaults are added the first time); null when there is no such programme.</summary>
    public async Task<ChecklistsView?> ChecklistsAsync(Guid programId, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return null;
        }

        await ChecklistDefaults.EnsureAsync(dbFactory, programId, clock.GetUtcNow().UtcDateTime, ct);
        var checklists = await db.AssessmentChecklists.AsNoTracking().Where(c => c.ProgramId == programId).ToListAsync(ct);
        var locked = await db.Assessments
            .Where(a => a.ProgramId == programId && a.Status == AssessmentStatus.Submitted)
            .Select(a => a.AreaId).Distinct().ToListAsync(ct);
        var areas = program.Areas.OrderBy(a => a.SortOrder)
            .Select(area => (area, checklist: checklists.SingleOrDefault(c => c.AreaId == area.Id)))
            .Where(x => x.checklist is not null)
            .Select(x => new ChecklistArea(
                x.area.Id, x.area.Code, new BilingualName(x.area.NameKo, x.area.NameEn), x.checklist!.Indicators, x.checklist.Version,
                locked.Contains(x.area.Id), x.checklist.UpdatedAtUtc, x.checklist.UpdatedByName))
            .ToList();
        return new ChecklistsView(program.Id, program.Name, program.Kind, program.IsClosed, areas);
    }

    /// <summary>Replaces an area's indicators; refused once an assessment of the area is handed in, or from a stale page.</summary>
    public async Task<uint> SaveChecklistAsync(Guid programId, Guid areaId, IReadOnlyList<Indicator> indicators, uint expectedVersion, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await ChecklistValidator.ValidateAndThrowAsync(new ChecklistInput(indicators), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct) ?? throw new AccessDeniedException();
        if (program.IsClosed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        var checklist = await db.AssessmentChecklists.SingleOrDefaultAsync(c => c.ProgramId == programId && c.AreaId == areaId, ct)
                        ?? throw new AccessDeniedException();
        var assessed = await db.Assessments.AnyAsync(a => a.ProgramId == programId && a.AreaId == areaId && a.Status == AssessmentStatus.Submitted, ct);
        checklist.Replace(indicators, assessed, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(checklist, expectedVersion, ct);
        return checklist.Version;
    }

    // ---- one engagement ----

    /// <summary>
    /// The engagement's assessments, what the current user may do with each, and before against after; null when the
    /// engagement does not exist or the user may not see it.
    /// </summary>
    public async Task<EngagementAssessments?> ForEngagementAsync(Guid engagementId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await LoadAsync(db, engagementId, ct);
        if (context is null)
        {
            return null;
        }

        var (engagement, program, role) = context.Value;
        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        var monitoring = program.Kind == ProgramKind.Monitoring;
        var area = program.Areas.Single(a => a.Id == engagement.AreaId);
        var agencyName = await db.Agencies.Where(a => a.Id == engagement.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var consultantName = engagement.ConsultantId is { } cid
            ? await db.Consultants.Where(c => c.Id == cid).Select(c => c.Name).SingleOrDefaultAsync(ct)
            : null;
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.EngagementId == engagementId).ToListAsync(ct);
        var checklist = await db.AssessmentChecklists.AsNoTracking().SingleOrDefaultAsync(c => c.ProgramId == program.Id && c.AreaId == area.Id, ct);
        if (checklist is null)
        {
            await ChecklistDefaults.EnsureAsync(dbFactory, program.Id, clock.GetUtcNow().UtcDateTime, ct);
            checklist = await db.AssessmentChecklists.AsNoTracking().SingleAsync(c => c.ProgramId == program.Id && c.AreaId == area.Id, ct);
        }

        var phases = PhasesOf(program.Kind).Select(phase =>
        {
            var assessment = assessments.SingleOrDefault(a => a.Phase == phase);
            var open = Assessment.IsOpen(phase, monitoring, completed, engagement.PlannedVisits);
            var submitted = assessment?.IsSubmitted == true;
            var canFill = !program.IsClosed && open && !submitted && Fills(role, phase);
            var canRate = !program.IsClosed && submitted && phase != AssessmentPhase.Round && Rates(role);
            return new PhaseView(phase, assessment is null ? null : View(assessment), open, canFill, canRate);
        }).ToList();

        return new EngagementAssessments(
            engagement.Id, program.Id, program.Name, program.Kind, program.IsClosed, engagement.AgencyId, agencyName, area.Id,
            new BilingualName(area.NameKo, area.NameEn), consultantName, engagement.PlannedVisits, completed, checklist.Indicators, phases,
            monitoring ? null : Compare(assessments));
    }

    /// <summary>Keeps the scores typed so far; the first save starts the assessment from the area's checklist. Returns the new version.</summary>
    public Task<uint> SaveDraftAsync(Guid engagementId, AssessmentPhase phase, IReadOnlyList<ItemScore> scores, uint? expectedVersion, CancellationToken ct = default) =>
        FillAsync(engagementId, phase, scores, expectedVersion, submit: false, ct);

    /// <summary>Hands the assessment in (starting it when it was never saved): every indicator needs a score.</summary>
    public Task<uint> SubmitAsync(Guid engagementId, AssessmentPhase phase, IReadOnlyList<ItemScore> scores, uint? expectedVersion, CancellationToken ct = default) =>
        FillAsync(engagementId, phase, scores, expectedVersion, submit: true, ct);

    /// <summary>The consultant's own rating per indicator of a handed-in assessment.</summary>
    public async Task<uint> RateAsync(Guid engagementId, AssessmentPhase phase, IReadOnlyList<ItemScore> ratings, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, program, role) = await LoadAsync(db, engagementId, ct) ?? throw new AccessDeniedException();
        if (!Rates(role))
        {
            throw new AccessDeniedException();
        }

        EnsureOpen(program);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.EngagementId == engagementId && a.Phase == phase, ct)
                         ?? throw new DomainException("assessment.rate-after-submit", "The consultant rates once the agency has handed the assessment in.");
        assessment.Rate(ratings, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(assessment, expectedVersion, ct);
        return assessment.Version;
    }

    // ---- the agency's list ----

    /// <summary>Every engagement of the current agency user's agency in running or closed programmes, with its assessments' and survey's state.</summary>
    public async Task<IReadOnlyList<AgencyAssessmentRow>> MyAgencyAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAgencyStaff())
        {
            throw new AccessDeniedException();
        }

        var agencyId = currentUser.AgencyId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
                from e in db.Engagements.AsNoTracking()
                join p in db.Programs on e.ProgramId equals p.Id
                join a in db.ProgramAreas on e.AreaId equals a.Id
                where e.AgencyId == agencyId && (p.Status == ProgramStatus.InProgress || p.Status == ProgramStatus.Closed)
                orderby p.Year descending, p.Name, a.SortOrder
                select new
                {
                    Engagement = e,
                    ProgramName = p.Name,
                    p.Kind,
                    p.Status,
                    Area = new BilingualName(a.NameKo, a.NameEn),
                    ConsultantName = db.Consultants.Where(c => c.Id == e.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Engagement.Id).ToList();
        var completed = await db.Visits
            .Where(v => ids.Contains(v.EngagementId) && v.Status == VisitStatus.Completed)
            .GroupBy(v => v.EngagementId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var assessments = await db.Assessments
            .Where(a => ids.Contains(a.EngagementId))
            .Select(a => new { a.EngagementId, a.Phase, a.Status })
            .ToListAsync(ct);
        var answered = await db.SurveyResponses.Where(r => ids.Contains(r.EngagementId)).Select(r => r.EngagementId).ToListAsync(ct);

        return [.. rows.Select(r =>
        {
            var e = r.Engagement;
            var done = completed.GetValueOrDefault(e.Id);
            var monitoring = r.Kind == ProgramKind.Monitoring;
            PhaseState? StateOf(AssessmentPhase phase)
            {
                if (monitoring)
                {
                    return null;
                }

                var status = assessments.SingleOrDefault(a => a.EngagementId == e.Id && a.Phase == phase)?.Status;
                var open = r.Status != ProgramStatus.Closed && Assessment.IsOpen(phase, false, done, e.PlannedVisits);
                return status switch
                {
                    AssessmentStatus.Submitted => PhaseState.Submitted,
                    AssessmentStatus.Draft => open ? PhaseState.Draft : PhaseState.Missed,
                    _ when open => PhaseState.Open,
                    _ when phase == AssessmentPhase.Before && (done > 0 || r.Status == ProgramStatus.Closed) => PhaseState.Missed,
                    _ when phase == AssessmentPhase.After && r.Status == ProgramStatus.Closed => PhaseState.Missed,
                    _ => PhaseState.NotOpen,
                };
            }

            var survey = answered.Contains(e.Id)
                ? SurveyState.Answered
                : r.Status != ProgramStatus.Closed && SurveyResponse.IsOpen(e, done) ? SurveyState.Open : SurveyState.NotOpen;
            return new AgencyAssessmentRow(
                e.Id, e.ProgramId, r.ProgramName, r.Kind, r.Status == ProgramStatus.Closed, r.Area, r.ConsultantName, e.PlannedVisits, done,
                StateOf(AssessmentPhase.Before), StateOf(AssessmentPhase.After), survey);
        })];
    }

    // ---- helpers ----

    private async Task<uint> FillAsync(
        Guid engagementId, AssessmentPhase phase, IReadOnlyList<ItemScore> scores, uint? expectedVersion, bool submit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (engagement, program, role) = await LoadAsync(db, engagementId, ct) ?? throw new AccessDeniedException();
        if (!PhasesOf(program.Kind).Contains(phase))
        {
            throw new DomainException("assessment.wrong-phase", "This kind of programme has no such assessment.");
        }

        if (!Fills(role, phase))
        {
            throw new AccessDeniedException();
        }

        EnsureOpen(program);
        var monitoring = program.Kind == ProgramKind.Monitoring;
        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.EngagementId == engagementId && a.Phase == phase, ct);
        if (assessment is null && expectedVersion is not null)
        {
            // The page had one that is gone (the engagement was reset): as stale as a newer version.
            throw new ConcurrencyConflictException(nameof(Assessment));
        }

        if (assessment is not null && expectedVersion is null)
        {
            // Someone else started it since this page was loaded.
            throw new ConcurrencyConflictException(nameof(Assessment));
        }

        var starting = assessment is null;
        if (assessment is null)
        {
            await ChecklistDefaults.EnsureAsync(dbFactory, program.Id, now, ct);
            var checklist = await db.AssessmentChecklists.AsNoTracking().SingleAsync(c => c.ProgramId == program.Id && c.AreaId == engagement.AreaId, ct);
            assessment = Assessment.Start(engagement, checklist, phase, monitoring, completed, now);
            db.Assessments.Add(assessment);
        }

        assessment.SaveDraft(scores, now);
        if (submit)
        {
            assessment.Submit(monitoring, completed, engagement.PlannedVisits, await db.ActorAsync(currentUser, ct), now);
        }

        try
        {
            if (starting)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await db.SaveCheckedAsync(assessment, expectedVersion!.Value, ct);
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two people started the same assessment at once: the second sees it as a conflict and reloads.
            throw new ConcurrencyConflictException(nameof(Assessment), ex);
        }

        return assessment.Version;
    }

    /// <summary>The engagement, its programme (with areas) and how the current user stands to it; null when not visible.</summary>
    private async Task<(Engagement Engagement, ConsultingProgram Program, Standing Role)?> LoadAsync(ConsultingDbContext db, Guid engagementId, CancellationToken ct)
    {
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, ct);
        if (engagement is null)
        {
            return null;
        }

        Standing role;
        if (currentUser.IsOfficial())
        {
            role = Standing.Official;
        }
        else if (currentUser.IsConsultant())
        {
            var mine = await db.ConsultantIdAsync(currentUser, ct);
            if (mine is null || engagement.ConsultantId != mine)
            {
                return null;
            }

            role = Standing.Consultant;
        }
        else if (currentUser.IsAgencyStaff() && engagement.AgencyId == currentUser.AgencyId)
        {
            role = Standing.Agency;
        }
        else
        {
            return null;
        }

        var program = await db.Programs.AsNoTracking().Include(p => p.Areas).SingleAsync(p => p.Id == engagement.ProgramId, ct);
        return (engagement, program, role);
    }

    private static bool Fills(Standing role, AssessmentPhase phase) =>
        phase == AssessmentPhase.Round ? role is Standing.Consultant or Standing.Official : role == Standing.Agency;

    private static bool Rates(Standing role) => role is Standing.Consultant or Standing.Official;

    private static void EnsureOpen(ConsultingProgram program)
    {
        if (program.IsClosed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }
    }

    private static AssessmentPhase[] PhasesOf(ProgramKind kind) =>
        kind == ProgramKind.Monitoring ? [AssessmentPhase.Round] : [AssessmentPhase.Before, AssessmentPhase.After];

    private static AssessmentView View(Assessment a) => new(
        a.Id, a.Phase, a.Status, a.Items, a.Score, a.ConsultantScore, a.UpdatedAtUtc, a.SubmittedAtUtc, a.SubmittedByName, a.RatedAtUtc, a.RatedByName, a.Version);

    /// <summary>Before against after, from handed-in assessments only (a draft is not yet the agency's answer).</summary>
    internal static AssessmentComparison? Compare(IReadOnlyList<Assessment> assessments)
    {
        var before = assessments.SingleOrDefault(a => a.Phase == AssessmentPhase.Before && a.IsSubmitted);
        var after = assessments.SingleOrDefault(a => a.Phase == AssessmentPhase.After && a.IsSubmitted);
        if (before is null && after is null)
        {
            return null;
        }

        // The after-assessment's order leads (it is the newer list); indicators only one side has come last.
        var items = (after?.Items ?? []).Concat((before?.Items ?? []).Where(b => after?.Items.All(i => i.Code != b.Code) ?? true)).ToList();
        var rows = items.Select(item =>
        {
            var b = before?.Items.SingleOrDefault(i => i.Code == item.Code);
            var a = after?.Items.SingleOrDefault(i => i.Code == item.Code);
            return new ComparisonRow(
                item.Code, item.Text, b?.Score, a?.Score, AssessmentScores.Change(b?.Score, a?.Score), b?.ConsultantScore, a?.ConsultantScore);
        }).ToList();
        return new AssessmentComparison(
            rows, before?.Score, after?.Score, AssessmentScores.Change(before?.Score, after?.Score), before?.ConsultantScore, after?.ConsultantScore,
            AssessmentScores.Change(before?.ConsultantScore, after?.ConsultantScore));
    }

    private enum Standing
    {
        Official,
        Consultant,
        Agency,
    }
}

public sealed record ChecklistsView(Guid ProgramId, string ProgramName, ProgramKind Kind, bool ProgramClosed, IReadOnlyList<ChecklistArea> Areas);

/// <param name="Locked">An assessment of the area has been handed in: the indicators stay as they are.</param>
public sealed record ChecklistArea(
    Guid AreaId, string AreaCode, BilingualName AreaName, IReadOnlyList<Indicator> Indicators, uint Version, bool Locked, DateTime UpdatedAtUtc, string? UpdatedByName);

/// <param name="Indicators">The area's checklist now, with each level's description (a started assessment keeps its own copy of the texts).</param>
/// <param name="Comparison">Before against after for a consulting programme once either is handed in; null otherwise.</param>
public sealed record EngagementAssessments(
    Guid EngagementId,
    Guid ProgramId,
    string ProgramName,
    ProgramKind Kind,
    bool ProgramClosed,
    Guid AgencyId,
    string AgencyName,
    Guid AreaId,
    BilingualName AreaName,
    string? ConsultantName,
    int PlannedVisits,
    int CompletedVisits,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<PhaseView> Phases,
    AssessmentComparison? Comparison)
{
    public PhaseView? Phase(AssessmentPhase phase) => Phases.SingleOrDefault(p => p.Phase == phase);
}

/// <param name="Assessment">Null while nobody has started it.</param>
/// <param name="Open">Whether its window is open now (<see cref="Assessment.IsOpen"/>).</param>
/// <param name="CanFill">Whether the current user may save or hand it in now.</param>
/// <param name="CanRate">Whether the current user may add the consultant's rating now.</param>
public sealed record PhaseView(AssessmentPhase Phase, AssessmentView? Assessment, bool Open, bool CanFill, bool CanRate)
{
    public bool IsSubmitted => Assessment?.Status == AssessmentStatus.Submitted;
}

public sealed record AssessmentView(
    Guid Id,
    AssessmentPhase Phase,
    AssessmentStatus Status,
    IReadOnlyList<AssessmentItem> Items,
    decimal? Score,
    decimal? ConsultantScore,
    DateTime UpdatedAtUtc,
    DateTime? SubmittedAtUtc,
    string? SubmittedByName,
    DateTime? RatedAtUtc,
    string? RatedByName,
    uint Version);

/// <summary>Before against after for one engagement: per indicator, and the area's means (AssessmentScores).</summary>
public sealed record AssessmentComparison(
    IReadOnlyList<ComparisonRow> Rows,
    decimal? BeforeMean,
    decimal? AfterMean,
    decimal? Change,
    decimal? BeforeRatingMean,
    decimal? AfterRatingMean,
    decimal? RatingChange);

public sealed record ComparisonRow(string Code, BilingualName Text, int? Before, int? After, decimal? Change, int? BeforeRating, int? AfterRating);

/// <summary>Where an agency stands with one assessment: not open yet, open (not started), a draft, handed in, or missed (its window passed).</summary>
public enum PhaseState
{
    NotOpen,
    Open,
    Draft,
    Submitted,
    Missed,
}

public enum SurveyState
{
    NotOpen,
    Open,
    Answered,
}

/// <param name="Before">Null for a monitoring programme (the agency fills no before/after there).</param>
public sealed record AgencyAssessmentRow(
    Guid EngagementId,
    Guid ProgramId,
    string ProgramName,
    ProgramKind Kind,
    bool ProgramClosed,
    BilingualName AreaName,
    string? ConsultantName,
    int PlannedVisits,
    int CompletedVisits,
    PhaseState? Before,
    PhaseState? After,
    SurveyState Survey)
{
    /// <summary>How many things here wait for the agency: an open or drafted assessment, an open survey.</summary>
    public int Waiting =>
        (Before is PhaseState.Open or PhaseState.Draft ? 1 : 0) + (After is PhaseState.Open or PhaseState.Draft ? 1 : 0) + (Survey == SurveyState.Open ? 1 : 0);
}
