using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;

namespace Consulting.Domain.Tests.Recommendations;

/// <summary>How far an agency is: verified of the recommendations it adopted, rounded half away from zero.</summary>
public class FollowUpProgressTests
{
    private static FollowUpRow Row(RecommendationStatus status, bool overdue = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "해솔 종합사회복지관", Guid.NewGuid(), new BilingualName("조직 관리", "Organisation management"),
        Guid.NewGuid(), Guid.NewGuid(), "권고", RecommendationPriority.High, new DateOnly(2025, 7, 31), status, overdue, null, null, null, 1);

    private static FollowUpProgress Of(params RecommendationStatus[] statuses) => FollowUpProgress.Of(statuses.Select(s => Row(s)));

    [Fact]
    public void NoRecommendationsIsZeroPercent()
    {
        Assert.Equal(new FollowUpProgress(0, 0, 0, 0, 0), FollowUpProgress.Of([]));
        Assert.Equal(0, FollowUpProgress.Of([]).Percent);
    }

    [Fact]
    public void OnlyNotAdoptedIsZeroPercentNotADivisionByZero()
    {
        var progress = Of(RecommendationStatus.NotAdopted, RecommendationStatus.NotAdopted);

        Assert.Equal((2, 0, 2, 0), (progress.Total, progress.Verified, progress.NotAdopted, progress.Percent));
    }

    [Fact]
    public void NotAdoptedAreLeftOutOfTheShare()
    {
        // 2 verified of 4 adopted (6 less 2 not adopted) = 50%, not 2 of 6.
        var progress = Of(
            RecommendationStatus.Verified, RecommendationStatus.Verified, RecommendationStatus.NotAdopted, RecommendationStatus.NotAdopted,
            RecommendationStatus.Submitted, RecommendationStatus.Open);

        Assert.Equal((6, 2, 2, 1, 50), (progress.Total, progress.Verified, progress.NotAdopted, progress.Submitted, progress.Percent));
    }

    [Theory]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(3, 8, 38)]
    [InlineData(1, 200, 1)]
    [InlineData(1, 201, 0)]
    [InlineData(7, 7, 100)]
    [InlineData(0, 5, 0)]
    public void ThePercentIsRoundedHalfAwayFromZero(int verified, int total, int percent)
    {
        var statuses = Enumerable.Repeat(RecommendationStatus.Verified, verified).Concat(Enumerable.Repeat(RecommendationStatus.InProgress, total - verified)).ToArray();

        Assert.Equal(percent, Of(statuses).Percent);
    }

    [Fact]
    public void OverdueCountsTheRowsMarkedOverdue()
    {
        var progress = FollowUpProgress.Of([Row(RecommendationStatus.Open, overdue: true), Row(RecommendationStatus.Planned, overdue: true), Row(RecommendationStatus.Planned)]);

        Assert.Equal((3, 2, 0), (progress.Total, progress.Overdue, progress.Percent));
    }

    [Fact]
    public void NotAdoptionProposedStillCountsAsAdopted()
    {
        // Until an official accepts the reason, the recommendation stands.
        Assert.Equal(50, Of(RecommendationStatus.Verified, RecommendationStatus.NotAdoptionProposed).Percent);
    }
}
