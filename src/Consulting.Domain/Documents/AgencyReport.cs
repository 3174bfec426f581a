using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Documents;

/// <summary>
/// 기관별 결과보고서: what one agency's year in a programme came to, per area. The same model feeds the DOCX and the
/// print page, so both say the same; labels and number formats are the writer's, not the model's.
/// </summary>
public sealed record AgencyReport(ReportProgram Program, ReportAgency Agency, IReadOnlyList<AreaReport> Areas, DateOnly Today)
{
    /// <summary>The mean of the areas' before-scores (each area weighs the same), through <see cref="Assessments.AssessmentScores"/>.</summary>
    public decimal? BeforeMean => Assessments.AssessmentScores.Mean(Areas.Select(a => a.Scores.Before));

    public decimal? AfterMean => Assessments.AssessmentScores.Mean(Areas.Select(a => a.Scores.After));

    /// <summary>After minus before over the areas with both (an area with only one of them would skew it).</summary>
    public decimal? Change => Assessments.AssessmentScores.Change(
        Assessments.AssessmentScores.Mean(Areas.Where(a => a.Scores.Change is not null).Select(a => a.Scores.Before)),
        Assessments.AssessmentScores.Mean(Areas.Where(a => a.Scores.Change is not null).Select(a => a.Scores.After)));
}

public sealed record ReportProgram(Guid Id, string Name, int Year, DateOnly ConsultingStart, DateOnly ConsultingEnd);

public sealed record ReportAgency(Guid Id, string Name, BilingualName Type, string District, string? Address);

/// <summary>One engagement (분야) of the agency.</summary>
public sealed record AreaReport(
    Guid EngagementId,
    BilingualName Area,
    int PlannedVisits,
    int CompletedVisits,
    IReadOnlyList<ReportConsultant> Consultants,
    IReadOnlyList<ReportVisit> Visits,
    IReadOnlyList<ReportLogSummary> Logs,
    IReadOnlyList<ReportRecommendation> Recommendations,
    ReportScores Scores,
    string? ClosingOpinion,
    DateTime? ClosingOpinionAtUtc,
    string? ClosingOpinionByName,
    bool SurveyAnswered)
{
    public bool IsFinished => CompletedVisits >= PlannedVisits;

    public int VerifiedRecommendations => Recommendations.Count(r => r.Status == RecommendationStatus.Verified);
}

/// <summary>A consultant who held the engagement: the current one, or one before (from the assignment history).</summary>
public sealed record ReportConsultant(string Name, bool IsCurrent, DateTime AssignedAtUtc);

public sealed record ReportVisit(int Number, DateTime StartsAtUtc, DateTime EndsAtUtc, VisitMode Mode, string? Place, VisitStatus Status);

/// <summary>A handed-in (submitted or approved) visit log, shortened: see <see cref="AgencyReportService.Shorten"/>.</summary>
public sealed record ReportLogSummary(
    int VisitNumber, DateTime VisitStartsAtUtc, VisitLogStatus Status, string ConsultantName, IReadOnlyList<string> Topics, IReadOnlyList<ReportLogSection> Sections);

public sealed record ReportLogSection(BilingualName Title, string Text, bool Shortened);

public sealed record ReportRecommendation(
    Guid Id, string Title, RecommendationStatus Status, DateOnly DueDate, bool IsOverdue, DateOnly? VerifiedOn, IReadOnlyList<ReportEvidence> Evidence);

public sealed record ReportEvidence(string FileName, long SizeBytes, DateTime UploadedAtUtc);

/// <summary>Before/after per indicator (handed-in assessments only) and the area's means, all through AssessmentScores.</summary>
public sealed record ReportScores(IReadOnlyList<ReportIndicator> Indicators, decimal? Before, decimal? After, decimal? ConsultantRating)
{
    public decimal? Change => Assessments.AssessmentScores.Change(Before, After);

    public bool HasAny => Before is not null || After is not null;
}

/// <summary>One indicator: the agency's before and after scores and the consultant's rating of the after.</summary>
public sealed record ReportIndicator(string Code, BilingualName Text, int? Before, int? After, int? ConsultantRating)
{
    public int? Change => Before is { } b && After is { } a ? a - b : null;
}

/// <summary>The reports page's list: the programme's participating agencies and where each area stands.</summary>
public sealed record ReportParticipants(Guid ProgramId, string ProgramName, int Year, IReadOnlyList<ReportParticipant> Agencies);

public sealed record ReportParticipant(Guid AgencyId, string Name, BilingualName Type, string District, IReadOnlyList<ReportParticipantArea> Areas);

public sealed record ReportParticipantArea(
    Guid EngagementId, BilingualName Area, string? ConsultantName, int CompletedVisits, int PlannedVisits, bool HasClosingOpinion)
{
    public bool IsFinished => CompletedVisits >= PlannedVisits;
}
