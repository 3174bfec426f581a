using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Monitoring;

/// <summary>
/// The county's view of one monitoring round: each township team's scores per area against its own previous half-year
/// and the county average of this round, its improvement tasks (개선과제) and the peer-coaching topics it received.
/// Officials only. Every team enrolled in the round is listed, with or without scores.
/// </summary>
public sealed class MonitoringRoundService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string PeerCoachingCode = "peer-coaching";

    /// <summary>The round comparison, or null when the programme does not exist.</summary>
    public async Task<MonitoringRoundView?> GetAsync(Guid programId, CancellationToken ct = default)
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

        if (program.Kind != ProgramKind.Monitoring)
        {
            throw new DomainException("monitoring.not-a-round", "Only a monitoring round has a round comparison.");
        }

        var previous = await db.Programs.AsNoTracking().Include(p => p.Areas)
            .Where(p => p.Kind == ProgramKind.Monitoring && p.Id != program.Id && p.ConsultingEnd < program.ConsultingStart)
            .OrderByDescending(p => p.ConsultingEnd)
            .ThenByDescending(p => p.ConsultingStart)
            .FirstOrDefaultAsync(ct);

        var teamIds = await db.Engagements.Where(e => e.ProgramId == program.Id).Select(e => e.AgencyId).Distinct().ToListAsync(ct);
        var teams = await db.Agencies.Where(a => teamIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct);

        var current = await RoundScoresAsync(db, program.Id, ct);
        var before = previous is null ? [] : await RoundScoresAsync(db, previous.Id, ct);

        var areas = program.Areas.OrderBy(a => a.SortOrder).ToList();
        var previousAreaByCode = previous?.Areas.ToDictionary(a => a.Code, a => a.Id, StringComparer.Ordinal) ?? [];

        // Per team and area: this round's and the previous round's assessment (by area code).
        Scored? Find(Dictionary<(Guid, Guid), Scored> scores, Guid agencyId, Guid? areaId) =>
            areaId is { } id && scores.TryGetValue((agencyId, id), out var s) ? s : null;

        var areaViews = new List<RoundAreaView>();
        var cells = new Dictionary<(Guid Agency, Guid Area), (Scored? Now, Scored? Before)>();
        foreach (var area in areas)
        {
            var previousAreaId = previousAreaByCode.TryGetValue(area.Code, out var pid) ? pid : (Guid?)null;
            foreach (var team in teams)
            {
                cells[(team.Id, area.Id)] = (Find(current, team.Id, area.Id), Find(before, team.Id, previousAreaId));
            }

            var county = AssessmentScores.Mean(teams.Select(t => cells[(t.Id, area.Id)].Now?.Score));
            var countyBefore = AssessmentScores.Mean(teams.Select(t => cells[(t.Id, area.Id)].Before?.Score));
            var indicatorCodes = teams.Select(t => cells[(t.Id, area.Id)].Now).OfType<Scored>()
                .SelectMany(s => s.Items).Select(i => (i.Code, i.TextKo, i.TextEn)).DistinctBy(i => i.Code).ToList();
            var indicatorAverages = indicatorCodes.Select(i => new IndicatorAverage(
                    i.Code, new BilingualName(i.TextKo, i.TextEn),
                    AssessmentScores.Mean(teams.Select(t => cells[(t.Id, area.Id)].Now?.ItemScore(i.Code)))))
                .ToList();
            areaViews.Add(new RoundAreaView(
                area.Id, area.Code, new BilingualName(area.NameKo, area.NameEn), previousAreaId, county, countyBefore,
                AssessmentScores.Change(countyBefore, county), indicatorAverages));
        }

        var overallByTeam = teams.ToDictionary(
            t => t.Id,
            t => (Now: AssessmentScores.Mean(areas.Select(a => cells[(t.Id, a.Id)].Now?.Score)),
                  Before: AssessmentScores.Mean(areas.Select(a => cells[(t.Id, a.Id)].Before?.Score))));
        var countyOverall = AssessmentScores.Mean(overallByTeam.Values.Select(v => v.Now));
        var countyOverallBefore = AssessmentScores.Mean(overallByTeam.Values.Select(v => v.Before));

        var tasks = await TasksAsync(db, program, ct);
        var coaching = await CoachingAsync(db, program, teams.Select(t => (t.Id, t.Name)).ToList(), ct);

        var teamViews = teams
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t =>
            {
                var areaScores = areaViews.Select(a =>
                {
                    var (now, then) = cells[(t.Id, a.AreaId)];
                    var indicators = a.Indicators.Select(i =>
                    {
                        var score = now?.ItemScore(i.Code);
                        var was = then?.ItemScore(i.Code);
                        return new IndicatorComparison(i.Code, i.Text, Compare(score, was, i.CountyAverage));
                    }).ToList();
                    return new TeamAreaScore(a.AreaId, Compare(now?.Score, then?.Score, a.CountyAverage), indicators);
                }).ToList();
                var overall = overallByTeam[t.Id];
                var own = tasks.Where(x => x.AgencyId == t.Id).ToList();
                return new TeamComparison(
                    t.Id, t.Name, areaScores, Compare(overall.Now, overall.Before, countyOverall), own, StatusCounts.Of(own));
            })
            .ToList();

        return new MonitoringRoundView(
            Info(program),
            previous is null ? null : Info(previous),
            areaViews,
            new CountyOverall(countyOverall, countyOverallBefore, AssessmentScores.Change(countyOverallBefore, countyOverall)),
            teamViews,
            StatusCounts.Of(tasks),
            coaching);
    }

    private static RoundInfo Info(ConsultingProgram p) => new(p.Id, p.Name, p.ConsultingStart, p.ConsultingEnd, p.Status);

    private static ScoreComparison Compare(decimal? score, decimal? previous, decimal? county) =>
        new(score, previous, AssessmentScores.Change(previous, score), county, AssessmentScores.Change(county, score));

    /// <summary>The submitted round assessments of a programme, by (agency, area).</summary>
    private static async Task<Dictionary<(Guid, Guid), Scored>> RoundScoresAsync(ConsultingDbContext db, Guid programId, CancellationToken ct)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.ProgramId == programId && a.Phase == AssessmentPhase.Round && a.Status == AssessmentStatus.Submitted)
            .ToListAsync(ct);
        return assessments.ToDictionary(a => (a.AgencyId, a.AreaId), a => new Scored(a.Score, a.Items));
    }

    private async Task<List<ImprovementTask>> TasksAsync(ConsultingDbContext db, ConsultingProgram program, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await db.Recommendations.AsNoTracking()
            .Where(r => r.ProgramId == program.Id && r.PublishedAtUtc != null)
            .Select(r => new { r.Id, r.AgencyId, r.AreaId, r.Title, r.Status, r.DueDate })
            .ToListAsync(ct);
        var areas = program.Areas.ToDictionary(a => a.Id);
        return [.. rows
            .Select(r => new ImprovementTask(
                r.Id, r.AgencyId, r.Title, r.AreaId,
                areas.TryGetValue(r.AreaId, out var area) ? new BilingualName(area.NameKo, area.NameEn) : new BilingualName("", ""),
                r.Status, r.DueDate,
                Recommendation.ActiveStatuses.Contains(r.Status) && r.DueDate < today))
            .OrderBy(t => t.DueDate)
            .ThenBy(t => t.Title, StringComparer.Ordinal)];
    }

    private static async Task<CoachingMatrix?> CoachingAsync(
        ConsultingDbContext db, ConsultingProgram program, IReadOnlyList<(Guid Id, string Name)> teams, CancellationToken ct)
    {
        var area = program.Areas.FirstOrDefault(a => a.Code == PeerCoachingCode);
        if (area is null)
        {
            return null;
        }

        var logs = await (
                from l in db.VisitLogs
                where l.ProgramId == program.Id && l.AreaId == area.Id
                      && (l.Status == VisitLogStatus.Submitted || l.Status == VisitLogStatus.Approved)
                join v in db.Visits on l.VisitId equals v.Id
                select new { l.AgencyId, l.Topics, l.ActualStartsAtUtc, v.StartsAtUtc })
            .AsNoTracking()
            .ToListAsync(ct);

        var rows = teams
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(team =>
            {
                var own = logs.Where(l => l.AgencyId == team.Id)
                    .Select(l => (Date: SeoulTime.DateOf(l.ActualStartsAtUtc ?? l.StartsAtUtc), l.Topics))
                    .OrderBy(l => l.Date)
                    .ToList();
                var cellsOfTeam = area.Topics
                    .Select(topic => new CoachingCell(topic, [.. own.Where(l => l.Topics.Contains(topic)).Select(l => l.Date).Distinct()]))
                    .ToList();
                var other = own
                    .SelectMany(l => l.Topics.Where(t => !area.Topics.Contains(t)).Select(t => new OtherTopic(t, l.Date)))
                    .ToList();
                return new CoachingRow(team.Id, team.Name, cellsOfTeam, other, [.. own.Select(l => l.Date).Distinct()]);
            })
            .ToList();
        return new CoachingMatrix(area.Id, new BilingualName(area.NameKo, area.NameEn), area.Topics, rows);
    }

    private sealed record Scored(decimal? Score, IReadOnlyList<AssessmentItem> Items)
    {
        public decimal? ItemScore(string code) => Items.FirstOrDefault(i => i.Code == code)?.Score;
    }
}

/// <summary>A round's comparison with the round before it.</summary>
public sealed record MonitoringRoundView(
    RoundInfo Round,
    RoundInfo? Previous,
    IReadOnlyList<RoundAreaView> Areas,
    CountyOverall County,
    IReadOnlyList<TeamComparison> Teams,
    IReadOnlyList<StatusCount> TaskCounts,
    CoachingMatrix? Coaching);

public sealed record RoundInfo(Guid Id, string Name, DateOnly Start, DateOnly End, ProgramStatus Status);

/// <summary>One area of the round: the county average this round and the round before (matched by the area's code).</summary>
public sealed record RoundAreaView(
    Guid AreaId,
    string Code,
    BilingualName Name,
    Guid? PreviousAreaId,
    decimal? CountyAverage,
    decimal? PreviousCountyAverage,
    decimal? CountyChange,
    IReadOnlyList<IndicatorAverage> Indicators);

public sealed record IndicatorAverage(string Code, BilingualName Text, decimal? CountyAverage);

public sealed record CountyOverall(decimal? Average, decimal? PreviousAverage, decimal? Change);

/// <summary>
/// A score beside the team's own previous one and this round's county average: the change is score − previous, the
/// difference score − county average; each is null when either side is missing.
/// </summary>
public sealed record ScoreComparison(decimal? Score, decimal? Previous, decimal? Change, decimal? CountyAverage, decimal? Difference);

public sealed record TeamComparison(
    Guid AgencyId,
    string Name,
    IReadOnlyList<TeamAreaScore> Areas,
    ScoreComparison Overall,
    IReadOnlyList<ImprovementTask> Tasks,
    IReadOnlyList<StatusCount> TaskCounts)
{
    public TeamAreaScore Area(Guid areaId) => Areas.Single(a => a.AreaId == areaId);
}

public sealed record TeamAreaScore(Guid AreaId, ScoreComparison Score, IReadOnlyList<IndicatorComparison> Indicators);

public sealed record IndicatorComparison(string Code, BilingualName Text, ScoreComparison Score);

/// <summary>개선과제: a published recommendation of the round for the team.</summary>
public sealed record ImprovementTask(
    Guid Id, Guid AgencyId, string Title, Guid AreaId, BilingualName AreaName, RecommendationStatus Status, DateOnly DueDate, bool Overdue);

public sealed record StatusCount(RecommendationStatus Status, int Count);

internal static class StatusCounts
{
    /// <summary>How many tasks are in each status, every status listed (zeros too) in the lifecycle's order.</summary>
    public static IReadOnlyList<StatusCount> Of(IEnumerable<ImprovementTask> tasks)
    {
        var list = tasks.ToList();
        return [.. Enum.GetValues<RecommendationStatus>().Select(s => new StatusCount(s, list.Count(t => t.Status == s)))];
    }
}

/// <summary>Which of the peer-coaching area's topics each team received, from the topics of its visit logs.</summary>
public sealed record CoachingMatrix(Guid AreaId, BilingualName AreaName, IReadOnlyList<string> Topics, IReadOnlyList<CoachingRow> Rows);

public sealed record CoachingRow(Guid AgencyId, string TeamName, IReadOnlyList<CoachingCell> Cells, IReadOnlyList<OtherTopic> Other, IReadOnlyList<DateOnly> VisitDates);

public sealed record CoachingCell(string Topic, IReadOnlyList<DateOnly> Dates)
{
    public bool Received => Dates.Count > 0;
}

public sealed record OtherTopic(string Topic, DateOnly Date);
