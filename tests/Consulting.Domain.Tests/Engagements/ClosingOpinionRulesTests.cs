using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>The consultant's closing opinion: only once every planned visit is completed, in an open programme, plain text within the limit.</summary>
public class ClosingOpinionRulesTests
{
    private static readonly Actor Consultant = new(Guid.NewGuid(), "강하늘");

    [Fact]
    public void IsWrittenOnceEveryPlannedVisitIsCompletedAndMayBeRewritten()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        engagement.WriteClosingOpinion(program, 3, "  업무 분장이 정리되었습니다.  ", Consultant, Unsaved.Now);
        engagement.WriteClosingOpinion(program, 3, "업무 분장과 결재 규정이 정리되었습니다.", Consultant, Unsaved.Now.AddDays(1));

        Assert.Equal("업무 분장과 결재 규정이 정리되었습니다.", engagement.ClosingOpinion);
        Assert.Equal(Unsaved.Now.AddDays(1), engagement.ClosingOpinionAtUtc);
        Assert.Equal("강하늘", engagement.ClosingOpinionByName);
    }

    [Fact]
    public void IsRefusedBeforeTheLastVisitIsCompleted()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        var error = Assert.Throws<DomainException>(() => engagement.WriteClosingOpinion(program, 2, "의견", Consultant, Unsaved.Now));

        Assert.Equal("engagement.not-finished", error.Code);
        Assert.Equal(3, error.Args[0]);
        Assert.Null(engagement.ClosingOpinion);
    }

    [Fact]
    public void IsRefusedInAClosedProgramme()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        program.Start(1);
        program.Close();

        Assert.Equal("program.closed", Assert.Throws<DomainException>(() => engagement.WriteClosingOpinion(program, 3, "의견", Consultant, Unsaved.Now)).Code);
        Assert.Null(engagement.ClosingOpinion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void NeedsText(string text)
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        Assert.Equal("engagement.opinion-required", Assert.Throws<DomainException>(() => engagement.WriteClosingOpinion(program, 3, text, Consultant, Unsaved.Now)).Code);
    }

    [Fact]
    public void RefusesTextLongerThanTheLimit()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.WriteClosingOpinion(program, 3, new string('가', Engagement.ClosingOpinionMaxLength), Consultant, Unsaved.Now);

        var error = Assert.Throws<DomainException>(() =>
            engagement.WriteClosingOpinion(program, 3, new string('가', Engagement.ClosingOpinionMaxLength + 1), Consultant, Unsaved.Now));

        Assert.Equal("common.too-long", error.Code);
        Assert.Equal(Engagement.ClosingOpinionMaxLength, engagement.ClosingOpinion!.Length);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("좋았습니다 <b>정말</b>")]
    public void RefusesMarkup(string text)
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        Assert.Equal("common.markup", Assert.Throws<DomainException>(() => engagement.WriteClosingOpinion(program, 3, text, Consultant, Unsaved.Now)).Code);
    }

    [Fact]
    public void KeepsAngleBracketsThatAreNotMarkup()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        engagement.WriteClosingOpinion(program, 3, "<1단계> 과제는 완료, 점수 3 < 4", Consultant, Unsaved.Now);

        Assert.Equal("<1단계> 과제는 완료, 점수 3 < 4", engagement.ClosingOpinion);
    }
}
