using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Visits;

/// <summary>
/// The county's monitoring round goes through the same matching and scheduling: its eleven teams × four topics get the
/// peer coaches (통합사례관리사) and one visit each inside the half-year. The demo's own rounds are already run, so a
/// new round (2025 하반기, September–December) is enrolled for the test.
/// </summary>
public class MonitoringAutoSchedulingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 8, 25));
    private Guid _programId;
    private TestUser _official = TestUser.Anonymous;

    public async Task InitializeAsync()
    {
        await DemoScenario.SelectSevenAndStartAsync(database);
        _official = await DemoScenario.DemoOfficialAsync(database);
        await using var db = database.CreateContext();
        var teams = await db.Applications.Where(a => a.ProgramId == db.Programs.Single(p => p.Name == DemoData.MonitoringProgramName).Id)
            .Select(a => a.AgencyId).ToListAsync();
        var round = new ConsultingProgram(
            "2025 하반기 사례관리 모니터링", ProgramKind.Monitoring, 2025, new DateRange(new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 31)));
        DefaultAreas.AddTo(round);
        foreach (var team in teams)
        {
            var (application, engagements) = ProgramApplication.Enroll(
                round, team, new ApplicationContact("사례관리 담당자", null, null), _official.UserId!.Value, _clock.GetUtcNow().UtcDateTime);
            db.Applications.Add(application);
            db.Engagements.AddRange(engagements);
        }

        round.Start(teams.Count);
        db.Programs.Add(round);
        await db.SaveChangesAsync();
        _programId = round.Id;
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
        Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 31)));
        Assert.All(visits, v => Assert.True(KoreanHolidays.IsWorkingDay(SeoulTime.DateOf(v.StartsAtUtc))));
    }
}
