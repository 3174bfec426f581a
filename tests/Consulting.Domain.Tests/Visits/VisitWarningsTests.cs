using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Tests.Engagements;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Visits;

/// <summary>What the official is told before saving a time, and may override with a reason.</summary>
public class VisitWarningsTests
{
    private static readonly DateOnly PlainTuesday = new(2025, 6, 10);

    private static IReadOnlyList<VisitWarning> WarningsFor(DateOnly day, int otherVisitsThatWeek = 0, Consultant? consultant = null)
    {
        var (_, engagement, assigned) = Unsaved.Assigned("organisation", consultant);
        return VisitWarnings.For(engagement, 1, null, Unsaved.Plan(day), assigned, otherVisitsThatWeek);
    }

    [Fact]
    public void APlainWorkingDayRaisesNone()
    {
        Assert.Empty(WarningsFor(PlainTuesday, otherVisitsThatWeek: 3));
    }

    [Theory]
    [InlineData(2025, 6, 14)]
    [InlineData(2025, 6, 15)]
    public void AWeekendDayIsAWarning(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        var warning = Assert.Single(WarningsFor(date));

        Assert.Equal("visit.warning.weekend", warning.Code);
        Assert.Equal(date, warning.Args[0]);
    }

    [Fact]
    public void AHolidayIsAWarningThatNamesIt()
    {
        var warning = Assert.Single(WarningsFor(new DateOnly(2025, 6, 6)));

        Assert.Equal("visit.warning.holiday", warning.Code);
        Assert.Equal(new DateOnly(2025, 6, 6), warning.Args[0]);
        Assert.Equal(new BilingualName("현충일", "Memorial Day"), warning.Args[1]);
    }

    [Fact]
    public void AHolidayOnASaturdayIsNamedOnce()
    {
        var warning = Assert.Single(WarningsFor(new DateOnly(2025, 3, 1)));

        Assert.Equal("visit.warning.holiday", warning.Code);
    }

    [Fact]
    public void ADayTheConsultantDeclaredIsAWarningThatSaysWhenTheyAreAway()
    {
        var consultant = Unsaved.Consultant("윤슬기", "organisation");
        consultant.DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, "여름 휴가");

        var warning = Assert.Single(WarningsFor(new DateOnly(2025, 8, 6), consultant: consultant));

        Assert.Equal("visit.warning.unavailable", warning.Code);
        Assert.Equal(["윤슬기", new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8)], warning.Args);
        Assert.Empty(WarningsFor(new DateOnly(2025, 8, 11), consultant: consultant));
    }

    [Fact]
    public void OneVisitMoreThanTheConsultantsWeeklyMaximumIsAWarning()
    {
        var warning = Assert.Single(WarningsFor(PlainTuesday, otherVisitsThatWeek: Consultant.DefaultMaxVisitsPerWeek));

        Assert.Equal("visit.warning.weekly-max", warning.Code);
        Assert.Equal(["강하늘", 5, 4], warning.Args);
    }

    [Fact]
    public void LessThanAWeekAfterThePreviousVisitIsAWarning()
    {
        var (program, engagement, consultant) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 1, PlainTuesday);

        var tooSoon = VisitWarnings.For(engagement, 2, null, Unsaved.Plan(new DateOnly(2025, 6, 16)), consultant, 0);
        var aWeekLater = VisitWarnings.For(engagement, 2, null, Unsaved.Plan(new DateOnly(2025, 6, 17)), consultant, 0);

        var warning = Assert.Single(tooSoon);
        Assert.Equal("visit.warning.too-soon", warning.Code);
        Assert.Equal([1, 6, VisitWarnings.MinDaysBetweenVisits], warning.Args);
        Assert.Empty(aWeekLater);
    }

    [Fact]
    public void MovingAVisitIsNotTooSoonAfterItself()
    {
        var (program, engagement, consultant) = Unsaved.Assigned("organisation");
        var first = engagement.Schedule(program, 1, PlainTuesday);

        Assert.Empty(VisitWarnings.For(engagement, 1, first, Unsaved.Plan(new DateOnly(2025, 6, 11)), consultant, 0));
    }

    [Fact]
    public void SeveralWarningsComeTogether()
    {
        var consultant = Unsaved.Consultant("윤슬기", "organisation");
        consultant.DeclareUnavailable(new DateOnly(2025, 6, 14), new DateOnly(2025, 6, 14), UnavailabilityKind.OtherCommitment, null);

        var codes = WarningsFor(new DateOnly(2025, 6, 14), otherVisitsThatWeek: 9, consultant: consultant).Select(w => w.Code);

        Assert.Equal(["visit.warning.weekend", "visit.warning.unavailable", "visit.warning.weekly-max"], codes);
    }
}
