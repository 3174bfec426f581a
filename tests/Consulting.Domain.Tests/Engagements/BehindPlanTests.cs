using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>Behind plan counts a visit as done once its log completed it, or while its log is still due.</summary>
public class BehindPlanTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task AHeldVisitCountsAsDoneOnceLoggedOrWhileItsLogIsStillDue()
    {
        var programId = await DemoScenario.SelectSevenAndStartAsync(database);
        var official = await DemoScenario.DemoOfficialAsync(database);
        Guid engagementId;
        uint version;
        Guid consultant;
        await using (var db = database.CreateContext())
        {
            var engagement = await (
                    from e in db.Engagements
                    where e.ProgramId == programId
                    join a in db.Agencies on e.AgencyId equals a.Id
                    join area in db.ProgramAreas on e.AreaId equals area.Id
                    where a.Name == "별마루 종합사회복지관" && area.Code == "community-organising"
                    select new { e.Id, e.Version })
                .SingleAsync();
            (engagementId, version) = (engagement.Id, engagement.Version);
            consultant = (await db.Consultants.AsNoTracking().ToListAsync()).First(c => c.Name != "윤슬기" && c.Covers("community-organising")).Id;
        }

        var clock = FixedClock.At(new DateOnly(2025, 5, 26));
        var assignments = new AssignmentService(database.CreateFactory(), official, clock);
        await assignments.AssignAsync(engagementId, consultant, null, version);
        var visits = new VisitService(database.CreateFactory(), official, clock, new VisitInputValidator());
        var outcome = await visits.ScheduleAsync(
            engagementId, 1, new VisitInput(new DateOnly(2025, 6, 4), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, null), null);
        Assert.True(outcome.Saved);

        async Task<int> HeldOn(DateOnly day)
        {
            clock.Now = FixedClock.At(day).Now;
            var board = await assignments.GetBoardAsync(programId, new AssignmentBoardFilter());
            return board.Single(r => r.Id == engagementId).HeldSoFar;
        }

        Assert.Equal(1, await HeldOn(new DateOnly(2025, 6, 6)));
        Assert.Equal(0, await HeldOn(new DateOnly(2025, 6, 20)));

        await visits.CompleteAsync(outcome.VisitId!.Value, (await visits.GetAsync(outcome.VisitId.Value))!.Version);
        Assert.Equal(1, await HeldOn(new DateOnly(2025, 6, 20)));
    }
}
