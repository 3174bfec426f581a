using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Visits;

/// <summary>Auto-assign and auto-schedule on a programme nobody has touched yet (a database of its own).</summary>
public class AutoSchedulingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private Guid _programId;
    private TestUser _official = TestUser.Anonymous;

    public async Task InitializeAsync()
    {
        _programId = await DemoScenario.SelectSevenAndStartAsync(database);
        _official = await DemoScenario.DemoOfficialAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private VisitService Visits(ICurrentUser user) => new(database.CreateFactory(), user, _clock, new VisitInputValidator(), TestNotifier.For(_clock));

    private AssignmentService Assignments(ICurrentUser user) => new(database.CreateFactory(), user, _clock);

    [Fact]
    public async Task AutoAssignAndAutoScheduleFillTheWholeProgrammeWithinEveryRule()
    {
        var (assigned, unassigned) = await Assignments(_official).AutoAssignAsync(_programId);
        var result = await Visits(_official).AutoScheduleAsync(_programId);

        Assert.Equal(28, assigned);
        Assert.Equal(0, unassigned);
        Assert.Equal(105, result.Scheduled);
        Assert.Equal(0, result.Unplaced);
        await using var db = database.CreateContext();
        var engagements = await db.Engagements.Where(e => e.ProgramId == _programId).ToListAsync();
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == _programId).ToDictionaryAsync(a => a.Id, a => a.Code);
        var consultants = await db.Consultants.ToDictionaryAsync(c => c.Id);
        Assert.All(engagements, e => Assert.True(consultants[e.ConsultantId!.Value].Covers(areas[e.AreaId])));

        var visits = await db.Visits.Where(v => v.ProgramId == _programId).ToListAsync();
        Assert.Equal(105, visits.Count);
        Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)));
        Assert.All(visits, v => Assert.True(KoreanHolidays.IsWorkingDay(SeoulTime.DateOf(v.StartsAtUtc))));
        Assert.All(visits, v => Assert.Null(consultants[v.ConsultantId!.Value].UnavailableOn(SeoulTime.DateOf(v.StartsAtUtc))));
        foreach (var v in visits)
        {
            Assert.DoesNotContain(visits, o => o.Id != v.Id && (o.ConsultantId == v.ConsultantId || o.AgencyId == v.AgencyId)
                                                && o.StartsAtUtc < v.EndsAtUtc && v.StartsAtUtc < o.EndsAtUtc);
        }

        foreach (var week in visits.GroupBy(v => (v.ConsultantId, SeoulTime.WeekStart(SeoulTime.DateOf(v.StartsAtUtc)))))
        {
            Assert.InRange(week.Count(), 1, consultants[week.Key.ConsultantId!.Value].MaxVisitsPerWeek);
        }

        foreach (var engagement in visits.GroupBy(v => v.EngagementId))
        {
            var days = engagement.OrderBy(v => v.Number).Select(v => SeoulTime.DateOf(v.StartsAtUtc).DayNumber).ToList();
            Assert.All(days.Zip(days.Skip(1)), pair => Assert.True(pair.Second - pair.First >= VisitWarnings.MinDaysBetweenVisits));
        }
    }

    [Fact]
    public async Task OnlyAnOfficialRunsTheAutomaticSteps()
    {
        var consultant = await DemoScenario.DemoConsultantAsync(database);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignments(consultant).AutoAssignAsync(_programId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Visits(consultant).AutoScheduleAsync(_programId));
    }
}
