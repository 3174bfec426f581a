using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Tests.Engagements;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Visits;

/// <summary>A visit's status lifecycle and its history, and the shape of a visit's time.</summary>
public class VisitTests
{
    private static readonly DateOnly June10 = new(2025, 6, 10);
    private static readonly DateTime AfterTheVisit = Unsaved.Utc(June10, 13);
    private static readonly Actor Consultant = new(Guid.NewGuid(), "강하늘");

    private static (ConsultingProgram Program, Engagement Engagement, Visit Visit) Scheduled()
    {
        var (program, engagement, _) = Unsaved.Assigned("organisation");
        return (program, engagement, engagement.Schedule(program, 1, June10));
    }

    [Fact]
    public void ANewVisitIsPlannedAndItsHistoryStartsWithWhoScheduledIt()
    {
        var (_, _, visit) = Scheduled();

        Assert.Equal(VisitStatus.Planned, visit.Status);
        Assert.Equal(1, visit.Sequence);
        var line = Assert.Single(visit.Changes);
        Assert.Equal(
            (VisitChangeKind.Scheduled, Unsaved.Official.UserId, "한가람", (DateTime?)null, Unsaved.Utc(June10, 10), Unsaved.Utc(June10, 12), VisitStatus.Planned),
            (line.Kind, line.ByUserId, line.ByName, line.OldStartsAtUtc, line.NewStartsAtUtc, line.NewEndsAtUtc, line.NewStatus));
    }

    [Fact]
    public void OnlyAPlannedVisitCanBeConfirmed()
    {
        var (_, _, visit) = Scheduled();

        visit.Confirm(Consultant, Unsaved.Now);

        Assert.Equal(VisitStatus.Confirmed, visit.Status);
        Assert.Equal((VisitChangeKind.Confirmed, VisitStatus.Planned, "강하늘"), (visit.Changes[^1].Kind, visit.Changes[^1].OldStatus, visit.Changes[^1].ByName));
        Assert.Equal("visit.confirm-planned-only", Assert.Throws<DomainException>(() => visit.Confirm(Consultant, Unsaved.Now)).Code);
    }

    [Fact]
    public void AVisitCannotBeCompletedBeforeItStarts()
    {
        var (_, _, visit) = Scheduled();

        var error = Assert.Throws<DomainException>(() => visit.Complete(Consultant, Unsaved.Utc(June10, 9)));

        Assert.Equal("visit.complete-future", error.Code);
        Assert.Equal(VisitStatus.Planned, visit.Status);
    }

    [Fact]
    public void APlannedOrConfirmedVisitIsCompletedOnceItHasStarted()
    {
        var (_, _, planned) = Scheduled();
        var (_, _, confirmed) = Scheduled();
        confirmed.Confirm(Consultant, Unsaved.Now);

        planned.Complete(Consultant, Unsaved.Utc(June10, 10));
        confirmed.Complete(Consultant, AfterTheVisit);

        Assert.Equal(VisitStatus.Completed, planned.Status);
        Assert.Equal((VisitChangeKind.Completed, VisitStatus.Confirmed), (confirmed.Changes[^1].Kind, confirmed.Changes[^1].OldStatus));
    }

    [Fact]
    public void ACancelledVisitCannotBeCompleted()
    {
        var (_, _, visit) = Scheduled();
        visit.Cancel("기관 사정", Consultant, Unsaved.Now);

        Assert.Equal("visit.complete-open-only", Assert.Throws<DomainException>(() => visit.Complete(Consultant, AfterTheVisit)).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CancellingOrPostponingNeedsAReason(string? reason)
    {
        var (_, _, visit) = Scheduled();

        Assert.Equal("visit.reason-required", Assert.Throws<DomainException>(() => visit.Cancel(reason!, Consultant, Unsaved.Now)).Code);
        Assert.Equal("visit.reason-required", Assert.Throws<DomainException>(() => visit.Postpone(reason!, Consultant, Unsaved.Now)).Code);
        Assert.Equal(VisitStatus.Planned, visit.Status);
        Assert.Single(visit.Changes);
    }

    [Fact]
    public void CancellingKeepsTheReasonAndFreesTheSlot()
    {
        var (_, _, visit) = Scheduled();

        visit.Cancel("  기관 내부 감사  ", Consultant, Unsaved.Now);

        Assert.Equal((VisitStatus.Cancelled, "기관 내부 감사", false), (visit.Status, visit.StatusReason, visit.HoldsSlot));
        Assert.Equal((VisitChangeKind.Cancelled, "기관 내부 감사"), (visit.Changes[^1].Kind, visit.Changes[^1].Reason));
    }

    [Fact]
    public void PostponingKeepsTheReasonAndFreesTheSlot()
    {
        var (_, _, visit) = Scheduled();
        visit.Confirm(Consultant, Unsaved.Now);

        visit.Postpone("컨설턴트 병가", Consultant, Unsaved.Now);

        Assert.Equal((VisitStatus.Postponed, "컨설턴트 병가", false), (visit.Status, visit.StatusReason, visit.HoldsSlot));
        Assert.Equal(VisitStatus.Confirmed, visit.Changes[^1].OldStatus);
    }

    [Fact]
    public void ACompletedVisitCannotBeCalledOff()
    {
        var (_, _, visit) = Scheduled();
        visit.Complete(Consultant, AfterTheVisit);

        Assert.Equal("visit.call-off-open-only", Assert.Throws<DomainException>(() => visit.Cancel("늦은 취소", Consultant, AfterTheVisit)).Code);
        Assert.Equal("visit.call-off-open-only", Assert.Throws<DomainException>(() => visit.Postpone("늦은 연기", Consultant, AfterTheVisit)).Code);
    }

    [Theory]
    [InlineData(VisitStatus.Postponed)]
    [InlineData(VisitStatus.Cancelled)]
    [InlineData(VisitStatus.Confirmed)]
    public void MovingAVisitPutsItBackToPlanned(VisitStatus before)
    {
        var (program, engagement, visit) = Scheduled();
        switch (before)
        {
            case VisitStatus.Postponed: visit.Postpone("연기", Consultant, Unsaved.Now); break;
            case VisitStatus.Cancelled: visit.Cancel("취소", Consultant, Unsaved.Now); break;
            default: visit.Confirm(Consultant, Unsaved.Now); break;
        }

        engagement.Move(program, visit.Id, Unsaved.Plan(new DateOnly(2025, 6, 17)), Unsaved.Official, null, [], Unsaved.Now);

        Assert.Equal((VisitStatus.Planned, (string?)null, true), (visit.Status, visit.StatusReason, visit.HoldsSlot));
        Assert.Equal((VisitChangeKind.Moved, before, VisitStatus.Planned), (visit.Changes[^1].Kind, visit.Changes[^1].OldStatus, visit.Changes[^1].NewStatus));
    }

    [Fact]
    public void MovingRecordsTheOldAndNewTimesWhoAndWhy()
    {
        var (program, engagement, visit) = Scheduled();
        var by = new Actor(Guid.NewGuid(), "서다온");
        var at = Unsaved.Now.AddHours(3);

        engagement.Move(program, visit.Id, Unsaved.Plan(new DateOnly(2025, 6, 12), hour: 14, hours: 3), by, "기관 요청",
            [new VisitWarning("visit.warning.too-soon", 1, 2, 7), new VisitWarning("visit.warning.weekly-max", "강하늘", 5, 4)], at);

        var line = visit.Changes[^1];
        Assert.Equal(
            (Unsaved.Utc(June10, 10), Unsaved.Utc(June10, 12), Unsaved.Utc(new DateOnly(2025, 6, 12), 14), Unsaved.Utc(new DateOnly(2025, 6, 12), 17)),
            (line.OldStartsAtUtc!.Value, line.OldEndsAtUtc!.Value, line.NewStartsAtUtc, line.NewEndsAtUtc));
        Assert.Equal((by.UserId, "서다온", "기관 요청", at), (line.ByUserId, line.ByName, line.Reason, line.AtUtc));
        Assert.Equal("visit.warning.too-soon,visit.warning.weekly-max", line.OverriddenWarnings);
        Assert.Equal(at, visit.UpdatedAtUtc);
    }

    [Fact]
    public void SequenceGoesUpWithEveryChange()
    {
        var (program, engagement, visit) = Scheduled();
        var sequences = new List<int> { visit.Sequence };

        visit.Confirm(Consultant, Unsaved.Now);
        sequences.Add(visit.Sequence);
        visit.RequestChange("행사와 겹칩니다", new Actor(Guid.NewGuid(), "서다온"), Unsaved.Now);
        sequences.Add(visit.Sequence);
        engagement.Move(program, visit.Id, Unsaved.Plan(new DateOnly(2025, 6, 11)), Unsaved.Official, null, [], Unsaved.Now);
        sequences.Add(visit.Sequence);
        visit.Postpone("연기", Consultant, Unsaved.Now);
        sequences.Add(visit.Sequence);
        engagement.Move(program, visit.Id, Unsaved.Plan(new DateOnly(2025, 6, 12)), Unsaved.Official, null, [], Unsaved.Now);
        sequences.Add(visit.Sequence);
        visit.Complete(Consultant, Unsaved.Utc(new DateOnly(2025, 6, 12), 12));
        sequences.Add(visit.Sequence);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], sequences);
        Assert.Equal(7, visit.Changes.Count);
    }

    [Fact]
    public void AnAgencysChangeRequestStaysUntilTheVisitIsMoved()
    {
        var (program, engagement, visit) = Scheduled();

        visit.RequestChange("  오후로 옮겨 주세요 ", new Actor(Guid.NewGuid(), "서다온"), Unsaved.Now);
        Assert.Equal(("오후로 옮겨 주세요", (DateTime?)Unsaved.Now), (visit.ChangeRequest, visit.ChangeRequestedAtUtc));

        engagement.Move(program, visit.Id, Unsaved.Plan(June10, hour: 14), Unsaved.Official, null, [], Unsaved.Now);
        Assert.Equal((null, null), (visit.ChangeRequest, visit.ChangeRequestedAtUtc));
    }

    [Fact]
    public void AChangeCanBeAskedForOnlyForAnOpenVisitAndWithAReason()
    {
        var (_, _, visit) = Scheduled();
        var staff = new Actor(Guid.NewGuid(), "서다온");

        Assert.Equal("visit.reason-required", Assert.Throws<DomainException>(() => visit.RequestChange(" ", staff, Unsaved.Now)).Code);
        visit.Cancel("취소", Consultant, Unsaved.Now);
        Assert.Equal("visit.request-open-only", Assert.Throws<DomainException>(() => visit.RequestChange("다른 날로", staff, Unsaved.Now)).Code);
    }

    // ---- the time itself ----

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void APlanMustEndAfterItStarts(int minutes)
    {
        var start = Unsaved.Utc(June10, 10);
        var plan = new VisitPlan(start, start.AddMinutes(minutes), VisitMode.OnSite, null);

        Assert.Equal("visit.end-before-start", Assert.Throws<DomainException>(plan.Validate).Code);
    }

    [Fact]
    public void APlanLastsAtMostTenHours()
    {
        var start = Unsaved.Utc(June10, 8);

        new VisitPlan(start, start + Visit.MaxDuration, VisitMode.OnSite, null).Validate();
        var error = Assert.Throws<DomainException>(new VisitPlan(start, start + Visit.MaxDuration + TimeSpan.FromMinutes(1), VisitMode.OnSite, null).Validate);

        Assert.Equal("visit.too-long", error.Code);
        Assert.Equal(10d, error.Args[0]);
    }

    [Fact]
    public void APlanStaysOnOneSeoulDay()
    {
        var lateEvening = Unsaved.Utc(June10, 22);

        new VisitPlan(lateEvening, lateEvening.AddHours(2), VisitMode.Online, null).Validate();
        Assert.Equal("visit.one-day", Assert.Throws<DomainException>(new VisitPlan(lateEvening, lateEvening.AddHours(3), VisitMode.Online, null).Validate).Code);
    }

    [Fact]
    public void APlanInLocalTimeIsAProgrammingError()
    {
        var local = new DateTime(2025, 6, 10, 10, 0, 0, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(new VisitPlan(local, local.AddHours(2), VisitMode.OnSite, null).Validate);
    }

    [Fact]
    public void AnInputInSeoulTimeBecomesUtc()
    {
        var plan = new VisitInput(June10, new TimeOnly(10, 0), new TimeOnly(12, 30), VisitMode.Phone, "전화").ToPlan();
        var untilMidnight = new VisitInput(June10, new TimeOnly(22, 0), TimeOnly.MinValue, VisitMode.Online, null).ToPlan();

        Assert.Equal(new DateTime(2025, 6, 10, 1, 0, 0, DateTimeKind.Utc), plan.StartsAtUtc);
        Assert.Equal(new DateTime(2025, 6, 10, 3, 30, 0, DateTimeKind.Utc), plan.EndsAtUtc);
        Assert.Equal(June10, plan.SeoulDate);
        Assert.Equal(new DateTime(2025, 6, 10, 15, 0, 0, DateTimeKind.Utc), untilMidnight.EndsAtUtc);
        untilMidnight.Validate();
        Assert.Equal(new VisitInput(June10, new TimeOnly(10, 0), new TimeOnly(12, 30), VisitMode.Phone, "전화"), VisitInput.From(plan));
    }
}
