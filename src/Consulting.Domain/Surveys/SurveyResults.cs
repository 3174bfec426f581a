using Consulting.Domain.Assessments;

namespace Consulting.Domain.Surveys;

/// <summary>Averages of survey responses, and the rule that keeps a consultant from seeing any one agency's answer.</summary>
public static class SurveyResults
{
    /// <summary>A consultant sees their own results only when at least this many agencies have answered.</summary>
    public const int MinimumResponses = 3;

    public static SurveyAggregate Aggregate(IReadOnlyCollection<SurveyResponse> responses) =>
        new(
            responses.Count,
            Enum.GetValues<SurveyItem>().ToDictionary(item => item, item => AssessmentScores.Mean(responses.Select(r => (int?)r[item]))));

    /// <summary>A consultant's own aggregate, or null while fewer than <see cref="MinimumResponses"/> agencies have answered.</summary>
    public static SurveyAggregate? ForConsultant(IReadOnlyCollection<SurveyResponse> ownResponses) =>
        ownResponses.Count >= MinimumResponses ? Aggregate(ownResponses) : null;
}

/// <summary>How many answered and the mean per item (null when nobody did).</summary>
public sealed record SurveyAggregate(int Count, IReadOnlyDictionary<SurveyItem, decimal?> Means);
