using Consulting.Domain.Data;
using Consulting.Domain.Monitoring;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Monitoring;

/// <summary>The demo's county: 2025 상반기 compared with 2024 하반기 for its eleven township teams.</summary>
public class DemoRoundComparisonTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoSeeder.SeedAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<MonitoringRoundView> RoundAsync(string name)
    {
        await using var db = database.CreateContext();
        var id = await db.Programs.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
        return (await new MonitoringRoundService(database.CreateFactory(), TestUser.Official(), FixedClock.At(new DateOnly(2025, 7, 15))).GetAsync(id))!;
    }

    [Fact]
    public async Task TheFirstHalfOf2025ListsAllElevenTeamsAgainstTheSecondHalfOf2024()
    {
        var view = await RoundAsync(DemoData.MonitoringProgramName);

        Assert.Equal(DemoData.PreviousMonitoringProgramName, view.Previous!.Name);
        Assert.Equal(ProgramStatus.Closed, view.Previous.Status);
        Assert.Equal(11, view.Teams.Count);
        Assert.All(view.Teams, t => Assert.EndsWith("맞춤형복지팀", t.Name, StringComparison.Ordinal));

        // Every team took part in 2024 하반기, so every area it was scored in has a previous score and a change.
        Assert.All(view.Teams, t => Assert.All(t.Areas, a => Assert.NotNull(a.Score.Previous)));
        Assert.All(view.Teams.SelectMany(t => t.Areas).Where(a => a.Score.Score is not null), a => Assert.NotNull(a.Score.Change));

        // One team has one area not yet scored: listed as no data.
        var missing = Assert.Single(view.Teams.SelectMany(t => t.Areas), a => a.Score.Score is null);
        Assert.Null(missing.Score.Change);

        // Most teams improved, a couple slipped back.
        var improved = view.Teams.Count(t => t.Overall.Change > 0);
        var worse = view.Teams.Count(t => t.Overall.Change < 0);
        Assert.InRange(improved, 7, 10);
        Assert.InRange(worse, 1, 3);
        Assert.All(view.Areas, a => Assert.NotNull(a.CountyAverage));
    }

    [Fact]
    public async Task TheRoundsHoldVariedTasksAndCoachingTopics()
    {
        var now = await RoundAsync(DemoData.MonitoringProgramName);
        var before = await RoundAsync(DemoData.PreviousMonitoringProgramName);

        Assert.Null(before.Previous);
        Assert.All(before.Teams, t => Assert.All(t.Tasks, x => Assert.Contains(x.Status, Recommendation.FinalStatuses)));
        Assert.Equal(2, before.TaskCounts.Single(c => c.Status == RecommendationStatus.NotAdopted).Count);
        Assert.All(
            [RecommendationStatus.Open, RecommendationStatus.Planned, RecommendationStatus.InProgress, RecommendationStatus.Submitted, RecommendationStatus.Verified],
            s => Assert.True(now.TaskCounts.Single(c => c.Status == s).Count > 0, s.ToString()));
        Assert.All(now.Teams, t => Assert.NotEmpty(t.Tasks));

        var matrix = now.Coaching!;
        Assert.Equal(11, matrix.Rows.Count);
        Assert.All(matrix.Rows, r => Assert.Contains(r.Cells, c => c.Received));
        Assert.Contains(matrix.Rows, r => r.Cells.Any(c => !c.Received));
        Assert.Contains(matrix.Rows, r => r.Other.Count > 0);
    }

    [Fact]
    public async Task TheSeedWritesNoNotifications()
    {
        await using var db = database.CreateContext();

        Assert.Equal(0, await db.Notifications.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }
}
