using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Tests.Engagements;

namespace Consulting.Domain.Tests.Assessments;

/// <summary>When an assessment may be filled, what handing it in needs, and what the consultant may add.</summary>
public class AssessmentRulesTests
{
    private static readonly DateTime Now = Unsaved.Now;

    private static (Domain.Engagements.Engagement Engagement, AssessmentChecklist Checklist) Organisation()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        var area = program.Areas.Single(a => a.Code == "organisation");
        return (engagement, new AssessmentChecklist(program.Id, area.Id, DefaultIndicators.For("organisation"), Now));
    }

    private static ItemScore[] All(AssessmentChecklist checklist, int score) =>
        [.. checklist.Indicators.Select(i => new ItemScore(i.Code, score))];

    [Theory]
    [InlineData(AssessmentPhase.Before, false, 0, 3, true)]
    [InlineData(AssessmentPhase.Before, false, 1, 3, false)]
    [InlineData(AssessmentPhase.After, false, 2, 3, false)]
    [InlineData(AssessmentPhase.After, false, 3, 3, true)]
    [InlineData(AssessmentPhase.Round, false, 0, 3, false)]
    [InlineData(AssessmentPhase.Round, true, 0, 1, true)]
    [InlineData(AssessmentPhase.Before, true, 0, 1, false)]
    [InlineData(AssessmentPhase.After, true, 1, 1, false)]
    public void OpensBeforeTheFirstVisitAfterTheLastAndInARound(AssessmentPhase phase, bool monitoring, int completed, int planned, bool open) =>
        Assert.Equal(open, Assessment.IsOpen(phase, monitoring, completed, planned));

    [Fact]
    public void CopiesTheChecklistsIndicatorsUnscored()
    {
        var (engagement, checklist) = Organisation();

        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);

        Assert.Equal(checklist.Indicators.Select(i => i.Code), assessment.Items.Select(i => i.Code));
        Assert.All(assessment.Items, i => Assert.Null(i.Score));
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Null(assessment.Score);
    }

    [Fact]
    public void RefusesTheBeforeAssessmentOnceAVisitIsCompleted()
    {
        var (engagement, checklist) = Organisation();

        var error = Assert.Throws<DomainException>(() => Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 1, Now));

        Assert.Equal("assessment.before-closed", error.Code);
    }

    [Fact]
    public void RefusesTheAfterAssessmentUntilEveryPlannedVisitIsCompleted()
    {
        var (engagement, checklist) = Organisation();

        var error = Assert.Throws<DomainException>(() => Assessment.Start(engagement, checklist, AssessmentPhase.After, false, 2, Now));

        Assert.Equal("assessment.after-not-yet", error.Code);
        Assert.Equal(3, error.Args[0]);
    }

    [Fact]
    public void HandingInNeedsEveryIndicatorScored()
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);
        assessment.SaveDraft([.. All(checklist, 3).Skip(1)], Now);

        var error = Assert.Throws<DomainException>(() => assessment.Submit(false, 0, 3, Unsaved.Official, Now));

        Assert.Equal("assessment.unscored", error.Code);
        Assert.Equal(checklist.Indicators[0].TextKo, error.Args[0]);
        Assert.False(assessment.IsSubmitted);
    }

    [Fact]
    public void RefusesHandingInWhenTheWindowClosedWhileDrafting()
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);
        assessment.SaveDraft(All(checklist, 4), Now);

        Assert.Equal("assessment.before-closed", Assert.Throws<DomainException>(() => assessment.Submit(false, 1, 3, Unsaved.Official, Now)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void RefusesScoresOutsideOneToFive(int score)
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);

        var error = Assert.Throws<DomainException>(() => assessment.SaveDraft([new ItemScore(checklist.Indicators[0].Code, score)], Now));

        Assert.Equal("assessment.score-range", error.Code);
        Assert.Null(assessment.Items[0].Score);
    }

    [Fact]
    public void RefusesAnIndicatorNotOnTheList()
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);

        Assert.Equal("checklist.unknown-indicator", Assert.Throws<DomainException>(() => assessment.SaveDraft([new ItemScore("nope", 3)], Now)).Code);
    }

    [Fact]
    public void IsFinalOnceHandedIn()
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);
        assessment.SaveDraft(All(checklist, 2), Now);
        assessment.Submit(false, 0, 3, Unsaved.Official, Now);

        Assert.Equal("assessment.submitted", Assert.Throws<DomainException>(() => assessment.SaveDraft(All(checklist, 5), Now)).Code);
        Assert.Equal(2m, assessment.Score);
    }

    [Fact]
    public void TheConsultantRatesOnlyAHandedInAssessmentAndKeepsTheAgencysScores()
    {
        var (engagement, checklist) = Organisation();
        var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Before, false, 0, Now);
        assessment.SaveDraft(All(checklist, 2), Now);

        Assert.Equal("assessment.rate-after-submit", Assert.Throws<DomainException>(() => assessment.Rate(All(checklist, 1), Unsaved.Official, Now)).Code);

        assessment.Submit(false, 0, 3, Unsaved.Official, Now);
        assessment.Rate([new ItemScore(checklist.Indicators[0].Code, 1), new ItemScore(checklist.Indicators[1].Code, 2)], Unsaved.Official, Now);

        Assert.Equal(2m, assessment.Score);
        Assert.Equal(1.5m, assessment.ConsultantScore);
        Assert.Equal([1, 2, null, null], assessment.Items.Select(i => i.ConsultantScore));
    }

    [Fact]
    public void TheChecklistIsFixedOnceAnAssessmentIsHandedIn()
    {
        var (_, checklist) = Organisation();
        var shorter = checklist.Indicators.Take(2).ToList();

        checklist.Replace(shorter, assessed: false, Unsaved.Official, Now);
        Assert.Equal(2, checklist.Indicators.Count);

        Assert.Equal("checklist.locked", Assert.Throws<DomainException>(() => checklist.Replace(DefaultIndicators.For("organisation"), true, Unsaved.Official, Now)).Code);
        Assert.Equal(2, checklist.Indicators.Count);
    }

    [Fact]
    public void AChecklistNeedsFiveDescribedLevelsAndDistinctCodes()
    {
        var (_, checklist) = Organisation();
        var first = checklist.Indicators[0];

        Assert.Equal("checklist.levels", Assert.Throws<DomainException>(() =>
            checklist.Replace([first with { Levels = ["1", "2", "3", "4"] }], false, Unsaved.Official, Now)).Code);
        Assert.Equal("checklist.levels", Assert.Throws<DomainException>(() =>
            checklist.Replace([first with { Levels = ["1", "2", " ", "4", "5"] }], false, Unsaved.Official, Now)).Code);
        Assert.Equal("checklist.duplicate", Assert.Throws<DomainException>(() =>
            checklist.Replace([first, first with { TextKo = "다른 지표" }], false, Unsaved.Official, Now)).Code);
        Assert.Equal("checklist.count", Assert.Throws<DomainException>(() => checklist.Replace([], false, Unsaved.Official, Now)).Code);
        Assert.Equal("checklist.text-required", Assert.Throws<DomainException>(() =>
            checklist.Replace([first with { TextKo = "  " }], false, Unsaved.Official, Now)).Code);
    }

    [Fact]
    public void EveryDefaultAreaHasIndicatorsWithFiveLevels()
    {
        foreach (var area in Domain.Programs.DefaultAreas.Consulting.Concat(Domain.Programs.DefaultAreas.Monitoring))
        {
            var indicators = DefaultIndicators.For(area.Code);
            Assert.NotEmpty(indicators);
            Assert.All(indicators, i => Assert.Equal(5, i.Levels.Count));
            Assert.Equal(indicators.Count, indicators.Select(i => i.Code).Distinct().Count());
            Assert.NotSame(DefaultIndicators.For("no-such-area"), indicators);
        }
    }

    [Fact]
    public void AMonitoringRoundIsNotRatedAgain()
    {
        var (engagement, checklist) = Organisation();
        var round = Assessment.Start(engagement, checklist, AssessmentPhase.Round, true, 0, Now);
        round.SaveDraft(All(checklist, 3), Now);
        round.Submit(true, 0, 3, Unsaved.Official, Now);

        Assert.Equal("assessment.round-not-rated", Assert.Throws<DomainException>(() => round.Rate(All(checklist, 1), Unsaved.Official, Now)).Code);
    }
}
