using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>What an engagement refuses on its own: numbers, the programme's period, the order of its visits, and who may take it.</summary>
public class EngagementTests
{
    private static readonly DateOnly June10 = new(2025, 6, 10);
    private static readonly DateOnly June17 = new(2025, 6, 17);
    private static readonly DateOnly June24 = new(2025, 6, 24);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void SelectionMakesAnEngagementPerAreaWithoutAConsultant()
    {
        var program = Unsaved.Programme();
        var engagements = Unsaved.Select(program);

        Assert.Equal([3, 6, 3, 3], engagements.Select(e => e.PlannedVisits));
        Assert.All(engagements, e => Assert.Null(e.ConsultantId));
    }

    [Fact]
    public void RefusesAVisitBeforeAConsultantIsAssigned()
    {
        var (program, engagement) = Unsaved.Engagement("organisation");

        Assert.Equal("visit.needs-consultant", Refused(() => engagement.Schedule(program, 1, June10)).Code);
        Assert.Empty(engagement.Visits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void RefusesANumberOutsideOneToThePlannedVisits(int number)
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        var error = Refused(() => engagement.Schedule(program, number, June10));

        Assert.Equal("visit.number-range", error.Code);
        Assert.Equal(3, error.Args[0]);
    }

    [Fact]
    public void RefusesANumberAlreadyScheduled()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 2, June17);

        var error = Refused(() => engagement.Schedule(program, 2, June24));

        Assert.Equal("visit.number-taken", error.Code);
        Assert.Equal(2, error.Args[0]);
        Assert.Single(engagement.Visits);
    }

    [Theory]
    [InlineData(2025, 5, 31)]
    [InlineData(2025, 12, 1)]
    public void RefusesADayOutsideTheConsultingPeriod(int year, int month, int day)
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        var error = Refused(() => engagement.Schedule(program, 1, new DateOnly(year, month, day)));

        Assert.Equal("visit.outside-period", error.Code);
        Assert.Equal([program.ConsultingStart, program.ConsultingEnd], error.Args);
    }

    [Fact]
    public void AcceptsTheFirstAndLastDayOfThePeriod()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");

        engagement.Schedule(program, 1, new DateOnly(2025, 6, 1));
        engagement.Schedule(program, 3, new DateOnly(2025, 11, 30));

        Assert.Equal([1, 3], engagement.Visits.Select(v => v.Number));
    }

    [Fact]
    public void RefusesAVisitBeforeThePreviousOne()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 1, June17);

        var error = Refused(() => engagement.Schedule(program, 2, June10));

        Assert.Equal("visit.before-previous", error.Code);
        Assert.Equal(2, error.Args[0]);
        Assert.Equal(1, error.Args[1]);
    }

    [Fact]
    public void RefusesAVisitThatOverlapsTheEndOfThePreviousOne()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 1, June17, hour: 10);

        Assert.Equal("visit.before-previous", Refused(() => engagement.Schedule(program, 2, June17, hour: 11)).Code);
        engagement.Schedule(program, 2, June17, hour: 12);
    }

    [Fact]
    public void RefusesAVisitAfterTheNextOne()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 3, June17);

        var error = Refused(() => engagement.Schedule(program, 2, June24));

        Assert.Equal("visit.after-next", error.Code);
        Assert.Equal(2, error.Args[0]);
        Assert.Equal(3, error.Args[1]);
    }

    [Fact]
    public void MovingAVisitKeepsItBetweenItsNeighbours()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        engagement.Schedule(program, 1, June10);
        var second = engagement.Schedule(program, 2, June17);
        engagement.Schedule(program, 3, June24);

        Assert.Equal("visit.before-previous", Refused(() => Move(engagement, program, second, new DateOnly(2025, 6, 9))).Code);
        Assert.Equal("visit.after-next", Refused(() => Move(engagement, program, second, new DateOnly(2025, 6, 25))).Code);
        Move(engagement, program, second, new DateOnly(2025, 6, 20));

        Assert.Equal(Unsaved.Utc(new DateOnly(2025, 6, 20), 10), second.StartsAtUtc);
    }

    [Fact]
    public void MovingTheFirstVisitIsNotCheckedAgainstItself()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        var first = engagement.Schedule(program, 1, June10);

        Move(engagement, program, first, June10, hour: 11);

        Assert.Equal(Unsaved.Utc(June10, 11), first.StartsAtUtc);
    }

    [Fact]
    public void ACancelledVisitNoLongerFixesTheOrder()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        var first = engagement.Schedule(program, 1, June24);
        first.Cancel("기관 사정", Unsaved.Official, Unsaved.Now);

        engagement.Schedule(program, 2, June10);

        Assert.Equal(2, engagement.Visits.Count);
    }

    [Fact]
    public void RefusesMovingACompletedVisit()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        var first = engagement.Schedule(program, 1, June10);
        first.Complete(Unsaved.Official, Unsaved.Utc(June10, 13));

        Assert.Equal("visit.completed-locked", Refused(() => Move(engagement, program, first, June17)).Code);
        Assert.Equal(Unsaved.Utc(June10, 10), first.StartsAtUtc);
    }

    [Fact]
    public void RefusesSchedulingInAClosedProgramme()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        program.Start(1);
        program.Close();

        Assert.Equal("program.closed", Refused(() => engagement.Schedule(program, 1, June10)).Code);
    }

    [Fact]
    public void NextUnscheduledNumberIsTheFirstGap()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        Assert.Equal(1, engagement.NextUnscheduledNumber());

        engagement.Schedule(program, 1, June10);
        engagement.Schedule(program, 3, June24);
        Assert.Equal(2, engagement.NextUnscheduledNumber());

        engagement.Schedule(program, 2, June17);
        Assert.Null(engagement.NextUnscheduledNumber());
    }

    // ---- assigning ----

    [Fact]
    public void TheFirstAssignmentNeedsNoReasonAndIsRecorded()
    {
        var (_, engagement) = Unsaved.Engagement("case-management");
        var consultant = Unsaved.Consultant("문바다", "case-management");

        engagement.Assign(consultant, "case-management", null, Unsaved.Official, Unsaved.Now);

        Assert.Equal(consultant.Id, engagement.ConsultantId);
        var line = Assert.Single(engagement.Assignments);
        Assert.Equal((consultant.Id, (Guid?)null, "한가람"), (line.ConsultantId, line.PreviousConsultantId, line.ByName));
    }

    [Fact]
    public void RefusesAnInactiveConsultant()
    {
        var (_, engagement) = Unsaved.Engagement("organisation");
        var consultant = Unsaved.Consultant("강하늘", "organisation");
        consultant.Deactivate();

        var error = Refused(() => engagement.Assign(consultant, "organisation", null, Unsaved.Official, Unsaved.Now));

        Assert.Equal("assignment.consultant-inactive", error.Code);
        Assert.Equal("강하늘", error.Args[0]);
        Assert.Null(engagement.ConsultantId);
    }

    [Fact]
    public void RefusesAConsultantWhoseExpertiseDoesNotCoverTheArea()
    {
        var (_, engagement) = Unsaved.Engagement("community-organising");
        var consultant = Unsaved.Consultant("문바다", "case-management", "peer-coaching");

        var error = Refused(() => engagement.Assign(consultant, "community-organising", null, Unsaved.Official, Unsaved.Now));

        Assert.Equal("assignment.expertise", error.Code);
        Assert.Empty(engagement.Assignments);
    }

    [Fact]
    public void RefusesAssigningTheSameConsultantAgain()
    {
        var (_, engagement, consultant) = Unsaved.Assigned("organisation");

        Assert.Equal("assignment.same", Refused(() => engagement.Assign(consultant, "organisation", "다시", Unsaved.Official, Unsaved.Now)).Code);
        Assert.Single(engagement.Assignments);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ReassigningNeedsAReason(string? reason)
    {
        var (_, engagement, first) = Unsaved.Assigned("organisation");
        var other = Unsaved.Consultant("오누리", "organisation");

        var error = Refused(() => engagement.Assign(other, "organisation", reason, Unsaved.Official, Unsaved.Now));

        Assert.Equal("assignment.reason-required", error.Code);
        Assert.Equal(first.Id, engagement.ConsultantId);
    }

    [Fact]
    public void ReassigningMovesOnlyTheOpenVisitsStillToComeAndKeepsTheHistory()
    {
        var (program, engagement, first) = Unsaved.Assigned("planning-evaluation");
        var held = engagement.Schedule(program, 1, June10);
        held.Complete(Unsaved.Official, Unsaved.Utc(June10, 13));
        var pastButOpen = engagement.Schedule(program, 2, June17);
        var planned = engagement.Schedule(program, 3, June24);
        var postponed = engagement.Schedule(program, 4, new DateOnly(2025, 7, 1));
        postponed.Postpone("담당자 교육", Unsaved.Official, Unsaved.Now);
        var confirmed = engagement.Schedule(program, 5, new DateOnly(2025, 7, 8));
        confirmed.Confirm(Unsaved.Official, Unsaved.Now);
        var cancelled = engagement.Schedule(program, 6, new DateOnly(2025, 7, 15));
        cancelled.Cancel("기관 행사", Unsaved.Official, Unsaved.Now);
        var second = Unsaved.Consultant("임채원", "planning-evaluation");
        var by = new Actor(Guid.NewGuid(), "두번째 담당자");

        engagement.Assign(second, "planning-evaluation", "  개인 사정으로 교체  ", by, Unsaved.Utc(new DateOnly(2025, 6, 20), 9));

        Assert.Equal(second.Id, engagement.ConsultantId);
        Assert.All([held, pastButOpen, cancelled], v => Assert.Equal(first.Id, v.ConsultantId));
        Assert.All([held, pastButOpen, cancelled], v => Assert.NotEqual(VisitChangeKind.Reassigned, v.Changes[^1].Kind));
        Assert.All([planned, postponed, confirmed], v => Assert.Equal(second.Id, v.ConsultantId));
        Assert.All([planned, postponed, confirmed], v => Assert.Equal(
            (VisitChangeKind.Reassigned, "두번째 담당자", "개인 사정으로 교체"), (v.Changes[^1].Kind, v.Changes[^1].ByName, v.Changes[^1].Reason)));
        Assert.Equal([(first.Id, (Guid?)null, (string?)null), (second.Id, first.Id, "개인 사정으로 교체")],
            engagement.Assignments.Select(a => (a.ConsultantId, a.PreviousConsultantId, a.Reason)));
    }

    [Fact]
    public void AVisitTakesTheEngagementsConsultantAgencyAndArea()
    {
        var (program, engagement, consultant) = Unsaved.Assigned("organisation");

        var visit = engagement.Schedule(program, 1, June10);

        Assert.Equal((consultant.Id, engagement.AgencyId, engagement.AreaId, engagement.ProgramId),
            (visit.ConsultantId, visit.AgencyId, visit.AreaId, visit.ProgramId));
    }

    // ---- progress ----

    [Theory]
    [InlineData(2025, 5, 31, 0)]
    [InlineData(2025, 6, 1, 0)]
    [InlineData(2025, 8, 31, 2)]
    [InlineData(2025, 11, 30, 5)]
    [InlineData(2025, 12, 1, 6)]
    public void ExpectedVisitsGrowEvenlyOverThePeriod(int year, int month, int day, int expected)
    {
        var program = Unsaved.Programme();

        Assert.Equal(expected, AssignmentService.ExpectedByToday(program, 6, new DateOnly(year, month, day)));
    }

    private static void Move(Engagement engagement, ConsultingProgram program, Visit visit, DateOnly day, int hour = 10) =>
        engagement.Move(program, visit.Id, Unsaved.Plan(day, hour), Unsaved.Official, null, [], Unsaved.Now);
}
