using Consulting.Domain.Common;
using Consulting.Domain.Monitoring;
using Consulting.Domain.Recommendations;
using Consulting.Testing;
using Npgsql;

namespace Consulting.Domain.Tests.Monitoring;

/// <summary>The round comparison against its own previous half-year and the county average, tasks and coaching topics.</summary>
public class MonitoringRoundServiceTests(MonitoringRoundServiceTests.Fixture fixture) : IClassFixture<MonitoringRoundServiceTests.Fixture>
{
    private readonly TestDatabase _database = fixture.Database;
    private readonly RoundScenario _s = fixture.Scenario;

    /// <summary>One database with the scenario built once for the class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();

        public RoundScenario Scenario { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            Scenario = await RoundScenario.BuildAsync(Database);
        }

        public Task DisposeAsync() => Database.DisposeAsync();
    }

    private MonitoringRoundService ServiceFor(ICurrentUser user) =>
        new(_database.CreateFactory(), user, FixedClock.At(RoundScenario.Today));

    private async Task<MonitoringRoundView> CurrentAsync() => (await ServiceFor(TestUser.Official()).GetAsync(_s.Current))!;

    [Fact]
    public async Task ThePreviousRoundIsTheLatestMonitoringRoundThatEndedBeforeThisOneStarted()
    {
        var view = await CurrentAsync();

        Assert.Equal("2025 상반기", view.Round.Name);
        Assert.Equal(_s.Previous, view.Previous!.Id);
        Assert.Equal("2024 하반기", view.Previous.Name);
        Assert.Null((await ServiceFor(TestUser.Official()).GetAsync(_s.Older))!.Previous);
        Assert.Equal(_s.Current, (await ServiceFor(TestUser.Official()).GetAsync(_s.Later))!.Previous!.Id);
    }

    [Fact]
    public async Task ScoresChangesAndCountyAveragesEqualAnIndependentQuery()
    {
        var view = await CurrentAsync();
        var expected = await ExpectedFromSqlAsync();

        var checkedCells = 0;
        foreach (var team in view.Teams)
        {
            foreach (var area in view.Areas)
            {
                var score = team.Area(area.AreaId).Score;
                var row = expected.GetValueOrDefault((team.AgencyId, area.Code));
                Assert.Equal(row.Score, score.Score);
                Assert.Equal(row.Previous, score.Previous);
                Assert.Equal(row.Score - row.Previous, score.Change);
                Assert.Equal(row.County, score.CountyAverage);
                Assert.Equal(row.Score - row.County, score.Difference);
                Assert.Equal(row.County, area.CountyAverage);
                checkedCells++;
            }
        }

        Assert.Equal(16, checkedCells);

        // The same by hand for 팀A's 복지사각지대 발굴: (3+4+4)/3 = 3.67 against (2+3+3)/3 = 2.67, county (3.67+3.67+2.33)/3.
        var a = view.Teams.Single(t => t.AgencyId == _s.TeamA).Area(view.Areas[0].AreaId).Score;
        Assert.Equal(new ScoreComparison(3.67m, 2.67m, 1.00m, 3.22m, 0.45m), a);
        var b = view.Teams.Single(t => t.AgencyId == _s.TeamB).Area(view.Areas[0].AreaId).Score;
        Assert.Equal(-0.66m, b.Change);
    }

    [Fact]
    public async Task TheOverallScoreIsTheMeanOfTheTeamsAreaScores()
    {
        var view = await CurrentAsync();
        var a = view.Teams.Single(t => t.AgencyId == _s.TeamA).Overall;
        var b = view.Teams.Single(t => t.AgencyId == _s.TeamB).Overall;
        var c = view.Teams.Single(t => t.AgencyId == _s.TeamC).Overall;

        // 팀A: (3.67+3.67+2.67+4.33)/4 = 3.585 → 3.59; before (2.67+2.67+2.00+3.33)/4 = 2.6675 → 2.67.
        Assert.Equal((3.59m, 2.67m, 0.92m), (a.Score!.Value, a.Previous!.Value, a.Change!.Value));

        // 팀B: (3.67+3.67+4.67+2.67)/4 = 3.67; 팀C: (2.33+3.00)/2 = 2.665 → 2.67; county (3.59+3.67+2.67)/3 = 3.31.
        Assert.Equal(3.67m, b.Score);
        Assert.Equal(2.67m, c.Score);
        Assert.Equal(3.31m, view.County.Average);
        Assert.Equal(3.31m, a.CountyAverage);
        Assert.Equal(0.28m, a.Difference);
    }

    [Fact]
    public async Task ATeamWithoutAPreviousRoundHasScoresButNoChange()
    {
        var c = (await CurrentAsync()).Teams.Single(t => t.AgencyId == _s.TeamC);

        // 팀C was scored in 2024 상반기, but the round before this one is 2024 하반기, where it did not take part.
        Assert.All(c.Areas, a => Assert.Null(a.Score.Previous));
        Assert.All(c.Areas, a => Assert.Null(a.Score.Change));
        Assert.Equal(2, c.Areas.Count(a => a.Score.Score is not null));
        Assert.Null(c.Overall.Change);
    }

    [Fact]
    public async Task EveryTeamIsListedEvenWithoutScoresAndADraftDoesNotCount()
    {
        var view = await CurrentAsync();

        Assert.Equal(["팀A", "팀B", "팀C", "팀D"], view.Teams.Select(t => t.Name));
        var d = view.Teams.Single(t => t.AgencyId == _s.TeamD);
        Assert.Equal(4, d.Areas.Count);
        Assert.All(d.Areas, a => Assert.Equal(new ScoreComparison(null, null, null, a.Score.CountyAverage, null), a.Score));
        Assert.Null(d.Overall.Score);
        Assert.Null(view.Teams.Single(t => t.AgencyId == _s.TeamC).Area(view.Areas.Single(a => a.Code == "closed-case-monitoring").AreaId).Score.Score);
    }

    [Fact]
    public async Task IndicatorsAreComparedByTheirCode()
    {
        var view = await CurrentAsync();
        var area = view.Areas.Single(a => a.Code == "peer-coaching");
        var a = view.Teams.Single(t => t.AgencyId == _s.TeamA).Area(area.AreaId);

        Assert.Equal(3, a.Indicators.Count);
        Assert.Equal((5m, 4m, 1m), (a.Indicators[0].Score.Score!.Value, a.Indicators[0].Score.Previous!.Value, a.Indicators[0].Score.Change!.Value));

        // County for the first indicator: (5 + 2 + 3) / 3 = 3.33.
        Assert.Equal(3.33m, area.Indicators[0].CountyAverage);
    }

    [Fact]
    public async Task TheCoachingMatrixShowsTheTopicsOfSubmittedAndApprovedLogs()
    {
        var matrix = (await CurrentAsync()).Coaching!;

        Assert.Equal(["대상자 발굴 방법", "초기상담", "절차별 상담기법", "종결자 모니터링"], matrix.Topics);
        var a = matrix.Rows.Single(r => r.AgencyId == _s.TeamA);
        Assert.Equal([true, true, false, false], a.Cells.Select(c => c.Received));
        Assert.Equal([new DateOnly(2025, 4, 7)], a.Cells[0].Dates);
        var b = matrix.Rows.Single(r => r.AgencyId == _s.TeamB);
        Assert.Equal([false, false, false, true], b.Cells.Select(c => c.Received));
        Assert.Equal([new OtherTopic("자원 연계", new DateOnly(2025, 4, 8))], b.Other);

        // 팀C's log is still a draft; 팀D had no visit: both listed, nothing received.
        Assert.All(new[] { _s.TeamC, _s.TeamD }, id => Assert.DoesNotContain(matrix.Rows.Single(r => r.AgencyId == id).Cells, c => c.Received));
        Assert.Equal(4, matrix.Rows.Count);
    }

    [Fact]
    public async Task ImprovementTasksArePublishedRecommendationsWithStatusAndOverdue()
    {
        var view = await CurrentAsync();
        var a = view.Teams.Single(t => t.AgencyId == _s.TeamA);

        Assert.Equal(
            [(_s.OverdueTaskId, RecommendationStatus.Open, true), (_s.PlannedTaskId, RecommendationStatus.Planned, false)],
            a.Tasks.Select(t => (t.Id, t.Status, t.Overdue)));
        Assert.Equal("동료멘토링(피어코칭)", a.Tasks[0].AreaName.Ko);
        Assert.Equal(1, a.TaskCounts.Single(c => c.Status == RecommendationStatus.Open).Count);
        Assert.Equal(1, a.TaskCounts.Single(c => c.Status == RecommendationStatus.Planned).Count);
        Assert.Empty(view.Teams.Single(t => t.AgencyId == _s.TeamC).Tasks);
        Assert.Equal(2, view.TaskCounts.Sum(c => c.Count));
    }

    [Fact]
    public async Task OnlyOfficialsMaySeeARound()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.Consultant()).GetAsync(_s.Current));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.StaffOf(_s.TeamA)).GetAsync(_s.Current));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.Anonymous).GetAsync(_s.Current));
    }

    [Fact]
    public async Task AConsultingProgrammeHasNoRoundComparison()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ServiceFor(TestUser.Official()).GetAsync(_s.Consulting));

        Assert.Equal("monitoring.not-a-round", error.Code);
        Assert.Null(await ServiceFor(TestUser.Official()).GetAsync(Guid.NewGuid()));
    }

    /// <summary>Per (team, area code): this round's score, the previous round's and the county average, in SQL.</summary>
    private async Task<Dictionary<(Guid, string), (decimal? Score, decimal? Previous, decimal? County)>> ExpectedFromSqlAsync()
    {
        const string sql = """
            with round_ as (select id, consulting_start from programs where id = @current),
            previous as (
                select p.id from programs p, round_ r
                where p.kind = 'Monitoring' and p.id <> r.id and p.consulting_end < r.consulting_start
                order by p.consulting_end desc limit 1),
            scores as (
                select a.program_id, a.agency_id, ar.code, round(avg((i ->> 'score')::numeric), 2) as score
                from assessments a
                join program_areas ar on ar.id = a.area_id
                cross join lateral jsonb_array_elements(a.items) i
                where a.phase = 'Round' and a.status = 'Submitted'
                group by a.id, a.program_id, a.agency_id, ar.code),
            county as (
                select code, round(avg(score), 2) as county from scores where program_id = @current group by code)
            select t.agency_id, ar.code, now_.score, before_.score, county.county
            from (select distinct agency_id from engagements where program_id = @current) t
            cross join program_areas ar
            left join scores now_ on now_.program_id = @current and now_.agency_id = t.agency_id and now_.code = ar.code
            left join scores before_ on before_.program_id = (select id from previous) and before_.agency_id = t.agency_id and before_.code = ar.code
            left join county on county.code = ar.code
            where ar.program_id = @current
            """;
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("current", _s.Current);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<(Guid, string), (decimal?, decimal?, decimal?)>();
        while (await reader.ReadAsync())
        {
            result[(reader.GetGuid(0), reader.GetString(1))] = (
                reader.IsDBNull(2) ? null : reader.GetDecimal(2),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4));
        }

        Assert.Equal(16, result.Count);
        return result;
    }
}
