using Consulting.Domain.Assessments;

namespace Consulting.Domain.Tests.Assessments;

/// <summary>The arithmetic every page, dashboard and document shares.</summary>
public class AssessmentScoresTests
{
    [Fact]
    public void TheMeanIgnoresUnscoredItemsAndRoundsHalfAwayFromZero()
    {
        Assert.Equal(2.67m, AssessmentScores.Mean([2, 3, 3, null]));
        Assert.Equal(3.5m, AssessmentScores.Mean([3, 4]));
        Assert.Equal(1.13m, AssessmentScores.Mean([1m, 1.25m]));  // 1.125 → 1.13, as PostgreSQL's round(numeric) does
        Assert.Null(AssessmentScores.Mean(new int?[] { null, null }));
        Assert.Null(AssessmentScores.Mean(Array.Empty<decimal?>()));
    }

    [Fact]
    public void AChangeNeedsBothSides()
    {
        Assert.Equal(1.25m, AssessmentScores.Change(2.5m, 3.75m));
        Assert.Equal(-0.5m, AssessmentScores.Change(4m, 3.5m));
        Assert.Null(AssessmentScores.Change(null, 3m));
        Assert.Null(AssessmentScores.Change(3m, null));
    }

    [Fact]
    public void TheDistributionCountsScoresPerWholePoint()
    {
        var counts = AssessmentScores.Distribution([1m, 1.99m, 2m, 3.75m, 3.5m, 4.99m, 5m]);

        Assert.Equal([2, 1, 2, 1, 1], counts);
        Assert.Equal(AssessmentScores.Bands.Count, counts.Count);
    }
}
