using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>The board and the consultant's own list count each engagement's visits in the database.</summary>
public class AssignmentBoardTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));

    [Fact]
    public async Task BoardAndOwnListCountTheScheduledVisitsAndTheNextOne()
    {
        var programId = await DemoScenario.SelectSevenAndStartAsync(database);
        var official = await DemoScenario.DemoOfficialAsync(database);
        Guid engagementId;
        uint version;
        Guid yoon;
        await using (var db = database.CreateContext())
        {
            var engagement = await (
                    from e in db.Engagements
                    where e.ProgramId == programId
                    join a in db.Agencies on e.AgencyId equals a.Id
                    join area in db.ProgramAreas on e.AreaId equals area.Id
                    where a.Name == "해솔 종합사회복지관" && area.Code == "organisation"
                    select new { e.Id, e.Version })
                .SingleAsync();
            (engagementId, version) = (engagement.Id, engagement.Version);
            yoon = await db.Consultants.Where(c => c.Name == "윤슬기").Select(c => c.Id).SingleAsync();
        }

        var assignments = new AssignmentService(database.CreateFactory(), official, _clock);
        await assignments.AssignAsync(engagementId, yoon, null, version);
        var outcome = await new VisitService(database.CreateFactory(), official, _clock, new VisitInputValidator(), TestNotifier.For(_clock)).ScheduleAsync(
            engagementId, 1, new VisitInput(new DateOnly(2025, 6, 10), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, null), null);

        var board = await assignments.GetBoardAsync(programId, new AssignmentBoardFilter());
        var unassigned = await assignments.GetBoardAsync(programId, new AssignmentBoardFilter(UnassignedOnly: true));
        var progress = await assignments.GetProgressAsync(programId);
        var mine = await new AssignmentService(database.CreateFactory(), await DemoScenario.DemoConsultantAsync(database), _clock).ListMineAsync();

        Assert.True(outcome.Saved);
        Assert.Equal(28, board.Count);
        var row = Assert.Single(board, r => r.Id == engagementId);
        Assert.Equal((1, 0, 3, "윤슬기"), (row.Scheduled, row.Completed, row.PlannedVisits, row.ConsultantName));
        Assert.Equal(new DateTime(2025, 6, 10, 1, 0, 0, DateTimeKind.Utc), row.NextVisitUtc);
        Assert.False(row.Behind);
        Assert.Equal(27, unassigned.Count);
        Assert.Equal((105, 1), (progress.PlannedVisits, progress.Scheduled));
        var own = Assert.Single(mine);
        Assert.Equal((engagementId, 1), (own.Id, own.Scheduled));
    }
}
