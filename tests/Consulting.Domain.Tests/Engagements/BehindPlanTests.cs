using Consulting.Domain.Engagements;
using Consulting.Testing;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>Behind plan counts a visit as done once its log completed it, or while its log is still due.</summary>
public class BehindPlanTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task AHeldVisitCountsAsDoneOnceLoggedOrWhileItsLogIsStillDue()
    {
        var clock = FixedClock.At(new DateOnly(2025, 5, 26));
        var demo = await StartAsync(database, clock);
        var engagementId = await demo.AssignAsync(Byeolmaru, Community, "오누리");
        var visitId = await demo.ScheduleAsync(Byeolmaru, Community, 1, new DateOnly(2025, 6, 4), 10);
        var assignments = demo.Assignments(demo.Official);

        async Task<int> HeldOn(DateOnly day)
        {
            clock.Now = FixedClock.At(day).Now;
            var board = await assignments.GetBoardAsync(demo.ProgramId, new AssignmentBoardFilter());
            return board.Single(r => r.Id == engagementId).HeldSoFar;
        }

        Assert.Equal(1, await HeldOn(new DateOnly(2025, 6, 6)));
        Assert.Equal(0, await HeldOn(new DateOnly(2025, 6, 20)));

        await demo.Visits(demo.Official).CompleteAsync(visitId, await demo.VersionAsync(visitId));
        Assert.Equal(1, await HeldOn(new DateOnly(2025, 6, 20)));
    }
}
