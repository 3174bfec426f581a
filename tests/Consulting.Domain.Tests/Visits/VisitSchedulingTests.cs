using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Visits;

public class VisitSchedulingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
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

    private VisitService Visits(ICurrentUser user) => new(database.CreateFactory(), user, _clock, new VisitInputValidator());

    private AssignmentService Assignments(ICurrentUser user) => new(database.CreateFactory(), user, _clock);

    [Fact]
    public async Task AutoAssignAndAutoScheduleFillTheWholeProgrammeWithoutClashes()
    {
        var (assigned, unassigned) = await Assignments(_official).AutoAssignAsync(_programId);
        var result = await Visits(_official).AutoScheduleAsync(_programId);

        Assert.Equal(28, assigned);
        Assert.Equal(0, unassigned);
        Assert.Equal(105, result.Scheduled);
        Assert.Equal(0, result.Unplaced);
        await using var db = database.CreateContext();
        var visits = await db.Visits.Where(v => v.ProgramId == _programId).ToListAsync();
        Assert.Equal(105, visits.Count);
        Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)));
        Assert.All(visits, v => Assert.True(KoreanHolidays.IsWorkingDay(SeoulTime.DateOf(v.StartsAtUtc))));
        foreach (var v in visits)
        {
            Assert.DoesNotContain(visits, o => o.Id != v.Id && (o.ConsultantId == v.ConsultantId || o.AgencyId == v.AgencyId)
                                                && o.StartsAtUtc < v.EndsAtUtc && v.StartsAtUtc < o.EndsAtUtc);
        }
    }
}
