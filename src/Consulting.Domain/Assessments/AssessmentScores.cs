namespace Consulting.Domain.Assessments;

/// <summary>
/// The arithmetic of scores, kept in one place so pages, dashboards and documents agree: a score is the mean of the
/// scores given, rounded half away from zero to two decimals (as PostgreSQL's round(numeric, 2) does); a change is
/// after minus before, and exists only when both do.
/// </summary>
public static class AssessmentScores
{
    public const int Decimals = 2;

    /// <summary>The labels of <see cref="Distribution"/>'s bands: 1점대 … 4점대, and 5 exactly.</summary>
    public static readonly IReadOnlyList<int> Bands = [1, 2, 3, 4, 5];

    public static decimal? Mean(IEnumerable<int?> scores)
    {
        var given = scores.Where(s => s is not null).Select(s => (decimal)s!.Value).ToList();
        return given.Count == 0 ? null : Round(given.Sum() / given.Count);
    }

    /// <summary>The mean of several scores (of agencies, of areas); null when there are none.</summary>
    public static decimal? Mean(IEnumerable<decimal?> scores)
    {
        var given = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
        return given.Count == 0 ? null : Round(given.Sum() / given.Count);
    }

    public static decimal? Change(decimal? before, decimal? after) => before is { } b && after is { } a ? a - b : null;

    /// <summary>How many scores fall in each band of <see cref="Bands"/> (a score of 3.75 is in band 3).</summary>
    public static IReadOnlyList<int> Distribution(IEnumerable<decimal> scores)
    {
        var counts = new int[Bands.Count];
        foreach (var score in scores)
        {
            var band = (int)Math.Floor(Math.Clamp(score, Assessment.MinScore, Assessment.MaxScore));
            counts[band - Bands[0]]++;
        }

        return counts;
    }

    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
