using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Surveys;

namespace Consulting.Domain.Dashboards;

/// <summary>The programme's figures on <see cref="Today"/>, as <see cref="ProgramDashboardService"/> computed them.</summary>
public sealed record ProgramDashboard(
    Guid ProgramId,
    string ProgramName,
    ProgramKind Kind,
    DateOnly Today,
    IReadOnlyList<DashboardArea> Areas,
    int Agencies,
    int Engagements,
    int Assigned,
    VisitFigures Visits,
    IReadOnlyList<BehindEngagement> Behind,
    RecommendationFigures Recommendations,
    AssessmentFigures Assessments,
    SatisfactionFigures Satisfaction)
{
    public bool IsMonitoring => Kind == ProgramKind.Monitoring;

    public DashboardArea Area(Guid id) => Areas.Single(a => a.Id == id);
}

public sealed record DashboardArea(Guid Id, string Code, BilingualName Name);

/// <summary>A calendar month in Seoul.</summary>
public sealed record DashboardMonth(int Year, int Month)
{
    /// <summary>Months counted from year 0, for sorting.</summary>
    public int Index => Year * 12 + Month - 1;

    public static DashboardMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    /// <summary>"2025-06": read alike in both languages and sorted as text.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

/// <param name="Months">The programme's consulting months, and any other month a visit falls in.</param>
public sealed record VisitFigures(IReadOnlyList<DashboardMonth> Months, IReadOnlyList<AreaVisits> Areas)
{
    public int Planned => Areas.Sum(a => a.Planned);

    public int Scheduled => Areas.Sum(a => a.Scheduled);

    public int Completed => Areas.Sum(a => a.Completed);

    public int Behind => Areas.Sum(a => a.Behind);
}

/// <summary>
/// One area's visits: planned = the engagements' planned visits; scheduled = visits holding a slot (planned, confirmed
/// or completed) by the Seoul month they start in; completed by month; behind = engagements behind plan.
/// </summary>
public sealed record AreaVisits(Guid AreaId, int Engagements, int Planned, IReadOnlyList<int> ScheduledByMonth, IReadOnlyList<int> CompletedByMonth, int Behind)
{
    public int Scheduled => ScheduledByMonth.Sum();

    public int Completed => CompletedByMonth.Sum();
}

/// <summary>An engagement behind plan (<see cref="Engagements.EngagementRow.Behind"/>).</summary>
public sealed record BehindEngagement(
    Guid EngagementId, string AgencyName, Guid AreaId, BilingualName AreaName, string? ConsultantName, int PlannedVisits, int HeldSoFar, int ExpectedByToday);

/// <summary>Published recommendations only.</summary>
public sealed record RecommendationFigures(IReadOnlyList<AreaRecommendations> Areas, FollowUpProgress Overall);

public sealed record AreaRecommendations(Guid AreaId, IReadOnlyDictionary<RecommendationStatus, int> ByStatus, FollowUpProgress Progress);

/// <param name="AreaId">Null for the whole programme.</param>
/// <param name="Before">Mean of the submitted before-assessments' scores (each the mean of its items).</param>
/// <param name="Change">After − before (<see cref="Assessments.AssessmentScores.Change"/>).</param>
/// <param name="ConsultantRating">Mean of the consultants' ratings of the after-assessments.</param>
/// <param name="WithBoth">Engagements with both a submitted before- and after-assessment.</param>
public sealed record AreaAssessment(
    Guid? AreaId, decimal? Before, decimal? After, decimal? Change, decimal? ConsultantRating, int WithBoth, int BeforeCount, int AfterCount, decimal? Round, int RoundCount);

/// <param name="BeforeDistribution">How many agencies' before-scores fall in each band of <see cref="Assessments.AssessmentScores.Bands"/>.</param>
public sealed record AssessmentFigures(
    bool Monitoring,
    IReadOnlyList<AreaAssessment> Areas,
    AreaAssessment Overall,
    IReadOnlyList<int> BeforeDistribution,
    IReadOnlyList<int> AfterDistribution,
    IReadOnlyList<int> RoundDistribution);

/// <param name="Invited">Assigned engagements whose planned visits are all completed: the survey is open to them.</param>
/// <param name="RatePercent">Responses as a share of <paramref name="Invited"/>, 0–100 (0 when nobody was asked yet).</param>
public sealed record AreaSatisfaction(Guid? AreaId, int Responses, int Invited, int RatePercent, IReadOnlyDictionary<SurveyItem, decimal?> Means);

public sealed record SatisfactionFigures(IReadOnlyList<AreaSatisfaction> Areas, AreaSatisfaction Overall);
