using Consulting.Domain.Common;
using Consulting.Domain.Surveys;
using Consulting.Domain.Tests.Engagements;

namespace Consulting.Domain.Tests.Surveys;

/// <summary>When the survey may be answered, what an answer needs, and the anonymity threshold for consultants.</summary>
public class SurveyRulesTests
{
    private static readonly SurveyAnswers Good = new(5, 4, 5, 3, 4, "많은 도움이 되었습니다.");

    [Fact]
    public void OpensOnlyOnceEveryPlannedVisitIsCompleted()
    {
        var (_, engagement, consultant) = Unsaved.Assigned("organisation");

        Assert.Equal("survey.not-yet", Assert.Throws<DomainException>(() => SurveyResponse.Submit(engagement, 2, false, Good, Unsaved.Official, Unsaved.Now)).Code);

        var response = SurveyResponse.Submit(engagement, 3, false, Good, Unsaved.Official, Unsaved.Now);
        Assert.Equal(consultant.Id, response.ConsultantId);
        Assert.Equal(engagement.AgencyId, response.AgencyId);
        Assert.Equal([5, 4, 5, 3, 4], Enum.GetValues<SurveyItem>().Select(i => response[i]));
    }

    [Fact]
    public void OneResponsePerEngagement()
    {
        var (_, engagement, _) = Unsaved.Assigned("organisation");

        Assert.Equal("survey.already-answered", Assert.Throws<DomainException>(() => SurveyResponse.Submit(engagement, 3, true, Good, Unsaved.Official, Unsaved.Now)).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void EveryQuestionNeedsAScoreFromOneToFive(int? score)
    {
        var (_, engagement, _) = Unsaved.Assigned("organisation");

        var error = Assert.Throws<DomainException>(() => SurveyResponse.Submit(engagement, 3, false, Good with { ScheduleFit = score }, Unsaved.Official, Unsaved.Now));

        Assert.Equal("survey.score-range", error.Code);
    }

    [Fact]
    public void AveragesEachItem()
    {
        var responses = Responses((5, 4), (4, 4), (3, 5));

        var aggregate = SurveyResults.Aggregate(responses);

        Assert.Equal(3, aggregate.Count);
        Assert.Equal(4m, aggregate.Means[SurveyItem.Expertise]);
        Assert.Equal(4.33m, aggregate.Means[SurveyItem.Overall]);
    }

    [Fact]
    public void AConsultantSeesNothingBelowThreeResponses()
    {
        Assert.Null(SurveyResults.ForConsultant(Responses((5, 5), (1, 1))));
        Assert.Null(SurveyResults.ForConsultant([]));

        var three = SurveyResults.ForConsultant(Responses((5, 5), (1, 1), (3, 3)));
        Assert.NotNull(three);
        Assert.Equal(3m, three.Means[SurveyItem.Expertise]);
        Assert.Equal(3, SurveyResults.MinimumResponses);
    }

    private static List<SurveyResponse> Responses(params (int Expertise, int Overall)[] answers) =>
        [.. answers.Select(a =>
        {
            var (_, engagement, _) = Unsaved.Assigned("organisation");
            return SurveyResponse.Submit(engagement, 3, false, new SurveyAnswers(a.Expertise, 4, 4, 4, a.Overall, null), Unsaved.Official, Unsaved.Now);
        })];
}
