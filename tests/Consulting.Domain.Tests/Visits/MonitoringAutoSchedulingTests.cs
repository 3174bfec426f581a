using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Visits;

/// <summary>
/// The county's monitoring round goes through the same matching and scheduling: its eleven teams × four topics get the
/// peer coaches (통합사례관리사) and one visit each inside March–June.
/// </summary>
public class MonitoringAutoSchedulingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 2, 24));
    private Guid _programId;
    private TestUser _official = TestUser.Anonymous;

    public async Task InitializeAsync()
    {
        await DemoScenario.SelectSevenAndStartAsync(database);
        _official = await DemoScenario.DemoOfficialAsync(database);
        await using var db = database.CreateContext();
        _programId = await db.Programs.Where(p => p.Name == DemoData.MonitoringProgramName).Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheMonitoringRoundIsMatchedToPeerCoachesAndScheduledInsideItsHalfYear()
    {
        var (assigned, unassigned) = await new AssignmentService(database.CreateFactory(), _official, _clock).AutoAssignAsync(_programId);
        var result = await new VisitService(database.CreateFactory(), _official, _clock, new VisitInputValidator(), TestNotifier.For(_clock)).AutoScheduleAsync(_programId);

        Assert.Equal((44, 0), (assigned, unassigned));
        Assert.Equal((44, 0), (result.Scheduled, result.Unplaced));
        await using var db = database.CreateContext();
        var coaches = await db.Consultants.Where(c => c.Expertise.Contains(ConsultantExpertise.PeerCoaching)).Select(c => c.Id).ToListAsync();
        var visits = await db.Visits.Where(v => v.ProgramId == _programId).ToListAsync();
        Assert.All(visits, v => Assert.Contains(v.ConsultantId!.Value, coaches));
        Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        Assert.All(visits, v => Assert.True(KoreanHolidays.IsWorkingDay(SeoulTime.DateOf(v.StartsAtUtc))));
    }
}
