using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Dashboards;

/// <summary>
/// The official's programme dashboard: visits per area and month, engagements behind plan, recommendations and their
/// implementation, self-assessment change, satisfaction. Counts and sums are grouped in the database; only the
/// per-engagement progress (shared with the assignment board) and the submitted assessments' item lists come back as
/// rows, and every score goes through <see cref="AssessmentScores"/>.
/// </summary>
public sealed class ProgramDashboardService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    AssignmentService assignments)
{
    /// <summary>Seoul's offset from UTC; Korea has kept no daylight saving time since 1988.</summary>
    private const int SeoulOffsetHours = 9;

    public async Task<ProgramDashboard> GetAsync(Guid programId, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("program.not-found", "The programme does not exist.");
        var today = clock.Today();
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == programId).OrderBy(a => a.SortOrder)
            .Select(a => new DashboardArea(a.Id, a.Code, new BilingualName(a.NameKo, a.NameEn)))
            .ToListAsync(ct);

        // The same board the assignment page shows, so "behind plan" has one meaning.
        var board = await assignments.GetBoardAsync(programId, new AssignmentBoardFilter(), ct);
        var visits = await VisitsAsync(db, program, areas, board, ct);
        var behind = board.Where(r => r.Behind)
            .Select(r => new BehindEngagement(r.Id, r.AgencyName, r.AreaId, r.AreaName, r.ConsultantName, r.PlannedVisits, r.HeldSoFar, r.ExpectedByToday))
            .ToList();
        var recommendations = await RecommendationsAsync(db, programId, areas, today, ct);
        var assessments = await AssessmentsAsync(db, program, areas, ct);
        var satisfaction = await SatisfactionAsync(db, programId, areas, board, ct);
        return new ProgramDashboard(
            program.Id, program.Name, program.Kind, today, areas,
            board.Select(r => r.AgencyId).Distinct().Count(), board.Count, board.Count(r => r.ConsultantId is not null),
            visits, behind, recommendations, assessments, satisfaction);
    }

    private static async Task<VisitFigures> VisitsAsync(
        ConsultingDbContext db, ConsultingProgram program, IReadOnlyList<DashboardArea> areas, IReadOnlyList<EngagementRow> board, CancellationToken ct)
    {
        var byMonth = await db.Visits
            .Where(v => v.ProgramId == program.Id && Visit.HoldingStatuses.Contains(v.Status))
            .Select(v => new { v.AreaId, Seoul = v.StartsAtUtc.AddHours(SeoulOffsetHours), v.Status })
            .GroupBy(v => new { v.AreaId, v.Seoul.Year, v.Seoul.Month })
            .Select(g => new { g.Key.AreaId, g.Key.Year, g.Key.Month, Scheduled = g.Count(), Completed = g.Count(v => v.Status == VisitStatus.Completed) })
            .ToListAsync(ct);

        var indexes = new SortedSet<int>(byMonth.Select(r => new DashboardMonth(r.Year, r.Month).Index));
        for (var m = new DashboardMonth(program.ConsultingStart.Year, program.ConsultingStart.Month).Index;
             m <= new DashboardMonth(program.ConsultingEnd.Year, program.ConsultingEnd.Month).Index;
             m++)
        {
            indexes.Add(m);
        }

        var months = indexes.Select(DashboardMonth.FromIndex).ToList();

        var rows = areas.Select(area =>
        {
            var own = board.Where(r => r.AreaId == area.Id).ToList();
            var counts = byMonth.Where(r => r.AreaId == area.Id).ToList();
            return new AreaVisits(
                area.Id,
                own.Count,
                own.Sum(r => r.PlannedVisits),
                [.. months.Select(m => counts.Where(c => c.Year == m.Year && c.Month == m.Month).Sum(c => c.Scheduled))],
                [.. months.Select(m => counts.Where(c => c.Year == m.Year && c.Month == m.Month).Sum(c => c.Completed))],
                own.Count(r => r.Behind));
        }).ToList();
        return new VisitFigures([.. months], rows);
    }

    private static async Task<RecommendationFigures> RecommendationsAsync(
        ConsultingDbContext db, Guid programId, IReadOnlyList<DashboardArea> areas, DateOnly today, CancellationToken ct)
    {
        var counts = await db.Recommendations
            .Where(r => r.ProgramId == programId && r.PublishedAtUtc != null)
            .GroupBy(r => new { r.AreaId, r.Status })
            .Select(g => new
            {
                g.Key.AreaId,
                g.Key.Status,
                Count = g.Count(),
                Overdue = g.Count(r => Recommendation.ActiveStatuses.Contains(r.Status) && r.DueDate < today),
            })
            .ToListAsync(ct);
        FollowUpProgress Progress(IEnumerable<Guid> areaIds)
        {
            var own = counts.Where(c => areaIds.Contains(c.AreaId)).ToList();
            int Of(RecommendationStatus status) => own.Where(c => c.Status == status).Sum(c => c.Count);
            return new FollowUpProgress(
                own.Sum(c => c.Count), Of(RecommendationStatus.Verified), Of(RecommendationStatus.NotAdopted), Of(RecommendationStatus.Submitted), own.Sum(c => c.Overdue));
        }

        var rows = areas.Select(area => new AreaRecommendations(
            area.Id,
            Enum.GetValues<RecommendationStatus>().ToDictionary(s => s, s => counts.Where(c => c.AreaId == area.Id && c.Status == s).Sum(c => c.Count)),
            Progress([area.Id]))).ToList();
        return new RecommendationFigures(rows, Progress(areas.Select(a => a.Id)));
    }

    private static async Task<AssessmentFigures> AssessmentsAsync(
        ConsultingDbContext db, ConsultingProgram program, IReadOnlyList<DashboardArea> areas, CancellationToken ct)
    {
        // One row per submitted assessment (agency × area × phase); an assessment's score is the mean of its items.
        var submitted = (await db.Assessments
                .Where(a => a.ProgramId == program.Id && a.Status == AssessmentStatus.Submitted)
                .Select(a => new { a.AreaId, a.EngagementId, a.Phase, a.Items })
                .AsNoTracking()
                .ToListAsync(ct))
            .Select(a => new
            {
                a.AreaId,
                a.EngagementId,
                a.Phase,
                Score = AssessmentScores.Mean(a.Items.Select(i => i.Score)),
                Rating = AssessmentScores.Mean(a.Items.Select(i => i.ConsultantScore)),
            })
            .ToList();

        AreaAssessment Figures(Guid? areaId)
        {
            var own = submitted.Where(a => areaId is null || a.AreaId == areaId).ToList();
            var before = AssessmentScores.Mean(own.Where(a => a.Phase == AssessmentPhase.Before).Select(a => a.Score));
            var after = AssessmentScores.Mean(own.Where(a => a.Phase == AssessmentPhase.After).Select(a => a.Score));
            var rating = AssessmentScores.Mean(own.Where(a => a.Phase == AssessmentPhase.After).Select(a => a.Rating));
            var both = own.Where(a => a.Phase is AssessmentPhase.Before or AssessmentPhase.After)
                .GroupBy(a => a.EngagementId).Count(g => g.Select(a => a.Phase).Distinct().Count() == 2);
            var rounds = own.Where(a => a.Phase == AssessmentPhase.Round).ToList();
            return new AreaAssessment(
                areaId, before, after, AssessmentScores.Change(before, after), rating, both,
                own.Count(a => a.Phase == AssessmentPhase.Before), own.Count(a => a.Phase == AssessmentPhase.After),
                AssessmentScores.Mean(rounds.Select(a => a.Score)), rounds.Count);
        }

        IReadOnlyList<int> Distribution(AssessmentPhase phase) =>
            AssessmentScores.Distribution(submitted.Where(a => a.Phase == phase && a.Score is not null).Select(a => a.Score!.Value));

        return new AssessmentFigures(
            program.Kind == ProgramKind.Monitoring,
            [.. areas.Select(a => Figures(a.Id))],
            Figures(null),
            Distribution(AssessmentPhase.Before),
            Distribution(AssessmentPhase.After),
            Distribution(AssessmentPhase.Round));
    }

    private static async Task<SatisfactionFigures> SatisfactionAsync(
        ConsultingDbContext db, Guid programId, IReadOnlyList<DashboardArea> areas, IReadOnlyList<EngagementRow> board, CancellationToken ct)
    {
        var sums = await db.SurveyResponses
            .Where(r => r.ProgramId == programId)
            .GroupBy(r => r.AreaId)
            .Select(g => new
            {
                AreaId = g.Key,
                Count = g.Count(),
                Expertise = g.Sum(r => r.Expertise),
                Usefulness = g.Sum(r => r.Usefulness),
                Communication = g.Sum(r => r.Communication),
                ScheduleFit = g.Sum(r => r.ScheduleFit),
                Overall = g.Sum(r => r.Overall),
            })
            .ToListAsync(ct);

        AreaSatisfaction Figures(Guid? areaId)
        {
            var own = sums.Where(s => areaId is null || s.AreaId == areaId).ToList();
            var count = own.Sum(s => s.Count);

            // The survey opens once an assigned engagement's planned visits are all completed (SurveyResponse.IsOpen).
            var invited = board.Count(r => (areaId is null || r.AreaId == areaId) && r.ConsultantId is not null && r.Completed >= r.PlannedVisits);
            decimal? Mean(Func<int> sum) => count == 0 ? null : AssessmentScores.Round((decimal)sum() / count);
            return new AreaSatisfaction(
                areaId,
                count,
                invited,
                invited == 0 ? 0 : (int)Math.Round(100m * count / invited, MidpointRounding.AwayFromZero),
                new Dictionary<Surveys.SurveyItem, decimal?>
                {
                    [Surveys.SurveyItem.Expertise] = Mean(() => own.Sum(s => s.Expertise)),
                    [Surveys.SurveyItem.Usefulness] = Mean(() => own.Sum(s => s.Usefulness)),
                    [Surveys.SurveyItem.Communication] = Mean(() => own.Sum(s => s.Communication)),
                    [Surveys.SurveyItem.ScheduleFit] = Mean(() => own.Sum(s => s.ScheduleFit)),
                    [Surveys.SurveyItem.Overall] = Mean(() => own.Sum(s => s.Overall)),
                });
        }

        return new SatisfactionFigures([.. areas.Select(a => Figures(a.Id))], Figures(null));
    }
}
