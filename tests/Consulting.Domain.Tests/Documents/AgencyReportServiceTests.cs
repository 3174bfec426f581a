using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Documents;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Npgsql;

namespace Consulting.Domain.Tests.Documents;

/// <summary>A fresh database with <see cref="ResultsScenario"/> built once for the class.</summary>
public sealed class ResultsScenarioFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public ResultsScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Scenario = await ResultsScenario.BuildAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// The result report's model against PostgreSQL: its figures equal plain SQL over the same rows (not the service's own
/// queries), who may read it, and the reports page's list of participants.
/// </summary>
public class AgencyReportServiceTests(ResultsScenarioFixture fixture) : IClassFixture<ResultsScenarioFixture>
{
    private readonly ResultsScenario _s = fixture.Scenario;

    private AgencyReportService As(ICurrentUser user) => new(_s.Database.CreateFactory(), user, _s.Clock);

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] args)
    {
        await using var connection = new NpgsqlConnection(_s.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in args)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }

    private async Task<List<object[]>> RowsAsync(string sql, params (string Name, object Value)[] args)
    {
        await using var connection = new NpgsqlConnection(_s.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in args)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A submitted assessment's mean by SQL: round(avg(score), 2), as the domain promises to compute it.</summary>
    private Task<decimal?> SqlMeanAsync(Guid engagementId, string phase, string field = "score") => ScalarAsync<decimal?>(
        $"SELECT round(avg((i->>'{field}')::numeric), 2) FROM assessments a, jsonb_array_elements(a.items) i " +
        "WHERE a.engagement_id = @e AND a.phase = @p AND a.status = 'Submitted'",
        ("e", engagementId), ("p", phase));

    [Fact]
    public async Task TheReportsFiguresEqualTheDatabases()
    {
        var report = (await As(_s.Official).GetAsync(_s.ProgramId, _s.HaesolId))!;

        Assert.Equal(ResultsScenario.Haesol, report.Agency.Name);
        Assert.Equal(await ScalarAsync<string>("SELECT name FROM programs WHERE id = @p", ("p", _s.ProgramId)), report.Program.Name);
        Assert.Equal(
            await ScalarAsync<long>("SELECT count(*) FROM engagements WHERE program_id = @p AND agency_id = @a", ("p", _s.ProgramId), ("a", _s.HaesolId)),
            report.Areas.Count);
        var area = Assert.Single(report.Areas, a => a.EngagementId == _s.HaesolEngagementId);

        Assert.Equal(["윤슬기"], area.Consultants.Select(c => c.Name));
        Assert.True(area.Consultants[0].IsCurrent);

        var visits = await RowsAsync("SELECT number, starts_at_utc, status FROM visits WHERE engagement_id = @e ORDER BY number", ("e", _s.HaesolEngagementId));
        Assert.Equal(visits.Select(v => ((int)v[0], (DateTime)v[1], (string)v[2])), area.Visits.Select(v => (v.Number, v.StartsAtUtc, v.Status.ToString())));
        Assert.Equal((int)await ScalarAsync<long>("SELECT count(*) FROM visits WHERE engagement_id = @e AND status = 'Completed'", ("e", _s.HaesolEngagementId)), area.CompletedVisits);
        Assert.True(area.IsFinished);

        Assert.Equal(
            (int)await ScalarAsync<long>("SELECT count(*) FROM visit_logs WHERE engagement_id = @e AND status IN ('Submitted', 'Approved')", ("e", _s.HaesolEngagementId)),
            area.Logs.Count);
        Assert.Equal([1, 2, 3], area.Logs.Select(l => l.VisitNumber));
        Assert.All(area.Logs, l => Assert.Equal(VisitLogStatus.Approved, l.Status));
        Assert.Contains("1회차", area.Logs[0].Sections[0].Text, StringComparison.Ordinal);
        Assert.Equal(["조직 구조"], area.Logs[0].Topics);

        var recommendations = await RowsAsync(
            "SELECT id, title, status, due_date FROM recommendations WHERE engagement_id = @e AND published_at_utc IS NOT NULL ORDER BY title", ("e", _s.HaesolEngagementId));
        Assert.Equal(
            recommendations.Select(r => ((Guid)r[0], (string)r[1], (string)r[2], (DateOnly)r[3])),
            area.Recommendations.OrderBy(r => r.Title, StringComparer.Ordinal).Select(r => (r.Id, r.Title, r.Status.ToString(), r.DueDate)));
        var verified = Assert.Single(area.Recommendations, r => r.Id == _s.VerifiedId);
        var verifiedAt = await ScalarAsync<DateTime>(
            "SELECT max(at_utc) FROM recommendation_events WHERE recommendation_id = @r AND kind = 'Verified'", ("r", _s.VerifiedId));
        Assert.Equal(SeoulTime.DateOf(verifiedAt), verified.VerifiedOn);
        var files = await RowsAsync("SELECT file_name, size_bytes FROM attachments WHERE owner_kind = 'Recommendation' AND owner_id = @r", ("r", _s.VerifiedId));
        Assert.Equal(files.Select(f => ((string)f[0], (long)f[1])), verified.Evidence.Select(e => (e.FileName, e.SizeBytes)));
        Assert.Equal(ResultsScenario.EvidenceName, verified.Evidence[0].FileName);
        var overdue = Assert.Single(area.Recommendations, r => r.Id == _s.OverdueId);
        Assert.True(overdue.IsOverdue);
        Assert.Equal(RecommendationStatus.Open, overdue.Status);
        Assert.Null(overdue.VerifiedOn);
        Assert.Empty(overdue.Evidence);

        Assert.Equal(await SqlMeanAsync(_s.HaesolEngagementId, "Before"), area.Scores.Before);
        Assert.Equal(await SqlMeanAsync(_s.HaesolEngagementId, "After"), area.Scores.After);
        Assert.Equal(await SqlMeanAsync(_s.HaesolEngagementId, "After", "consultantScore"), area.Scores.ConsultantRating);
        Assert.Equal(area.Scores.After - area.Scores.Before, area.Scores.Change);
        Assert.Equal(ResultsScenario.HaesolBefore, area.Scores.Indicators.Select(i => i.Before!.Value));
        Assert.Equal(ResultsScenario.HaesolAfter, area.Scores.Indicators.Select(i => i.After!.Value));
        Assert.Equal(ResultsScenario.HaesolAfterRating, area.Scores.Indicators.Select(i => i.ConsultantRating!.Value));

        Assert.Equal(await ScalarAsync<string>("SELECT closing_opinion FROM engagements WHERE id = @e", ("e", _s.HaesolEngagementId)), area.ClosingOpinion);
        Assert.Equal(ResultsScenario.ClosingOpinion, area.ClosingOpinion);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM survey_responses WHERE engagement_id = @e", ("e", _s.HaesolEngagementId)));
        Assert.True(area.SurveyAnswered);

        // The areas nobody was assigned to are there, empty.
        Assert.All(report.Areas.Where(a => a.EngagementId != _s.HaesolEngagementId), a =>
        {
            Assert.Empty(a.Consultants);
            Assert.Empty(a.Visits);
            Assert.False(a.Scores.HasAny);
            Assert.Null(a.ClosingOpinion);
            Assert.False(a.SurveyAnswered);
        });
    }

    [Fact]
    public async Task TheAgencyReadsItsOwnReportWithoutAClosingOpinionWhereNoneWasWritten()
    {
        var report = (await As(_s.HaetsalStaff).GetAsync(_s.ProgramId, _s.HaetsalId))!;

        var area = Assert.Single(report.Areas, a => a.EngagementId == _s.HaetsalEngagementId);
        Assert.Null(area.ClosingOpinion);
        Assert.Equal([ResultsScenario.OpenTitle], area.Recommendations.Select(r => r.Title));
        Assert.Equal(AssessmentScores.Mean(ResultsScenario.HaetsalBefore.Select(s => (int?)s)), area.Scores.Before);
        Assert.Equal(AssessmentScores.Mean(ResultsScenario.HaetsalAfter.Select(s => (int?)s)), area.Scores.After);
        Assert.Null(area.Scores.ConsultantRating);
        Assert.True(area.SurveyAnswered);
    }

    [Fact]
    public async Task OnlyOfficialsAndTheAgencyItselfMayReadAReport()
    {
        Assert.NotNull(await As(_s.HaesolStaff).GetAsync(_s.ProgramId, _s.HaesolId));
        Assert.NotNull(await As(_s.Official).GetAsync(_s.ProgramId, _s.HaetsalId));

        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.HaetsalStaff).GetAsync(_s.ProgramId, _s.HaesolId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Consultant).GetAsync(_s.ProgramId, _s.HaesolId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.Anonymous).GetAsync(_s.ProgramId, _s.HaesolId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.HaesolStaff).ParticipantsAsync(_s.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Consultant).ParticipantsAsync(_s.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.Anonymous).ParticipantsAsync(_s.ProgramId));
    }

    [Fact]
    public async Task AnUnknownProgrammeOrAgencyOrOneNotTakingPartHasNoReport()
    {
        var outsider = await ScalarAsync<Guid>(
            "SELECT id FROM agencies a WHERE NOT EXISTS (SELECT 1 FROM engagements e WHERE e.agency_id = a.id AND e.program_id = @p) ORDER BY name LIMIT 1",
            ("p", _s.ProgramId));

        Assert.Null(await As(_s.Official).GetAsync(Guid.NewGuid(), _s.HaesolId));
        Assert.Null(await As(_s.Official).GetAsync(_s.ProgramId, Guid.NewGuid()));
        Assert.Null(await As(_s.Official).GetAsync(_s.ProgramId, outsider));
        Assert.Null(await As(_s.Official).ParticipantsAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task TheParticipantsAreTheProgrammesAgenciesWithWhereEachAreaStands()
    {
        var list = (await As(_s.Official).ParticipantsAsync(_s.ProgramId))!;

        var agencies = await RowsAsync(
            "SELECT a.name, count(*) FROM engagements e JOIN agencies a ON a.id = e.agency_id WHERE e.program_id = @p GROUP BY a.name ORDER BY a.name COLLATE \"C\"",
            ("p", _s.ProgramId));
        Assert.Equal(agencies.Select(a => ((string)a[0], (int)(long)a[1])), list.Agencies.Select(a => (a.Name, a.Areas.Count)));
        var haesol = Assert.Single(Assert.Single(list.Agencies, a => a.AgencyId == _s.HaesolId).Areas, a => a.EngagementId == _s.HaesolEngagementId);
        Assert.Equal("윤슬기", haesol.ConsultantName);
        Assert.True(haesol.IsFinished);
        Assert.True(haesol.HasClosingOpinion);
        var haetsal = Assert.Single(Assert.Single(list.Agencies, a => a.AgencyId == _s.HaetsalId).Areas, a => a.EngagementId == _s.HaetsalEngagementId);
        Assert.True(haetsal.IsFinished);
        Assert.False(haetsal.HasClosingOpinion);
        Assert.Equal(
            (int)await ScalarAsync<long>("SELECT count(*) FROM engagements WHERE program_id = @p AND consultant_id IS NULL", ("p", _s.ProgramId)),
            list.Agencies.Sum(a => a.Areas.Count(x => x.ConsultantName is null)));
    }

    [Theory]
    [InlineData("짧은 내용", "짧은 내용", false)]
    [InlineData("  여러   칸의\n\n 공백  ", "여러 칸의\n공백", false)]
    public void ShortTextIsOnlyTidied(string text, string expected, bool shortened) =>
        Assert.Equal((expected, shortened), AgencyReportService.Shorten(text));

    [Fact]
    public void LongTextIsCutAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("조직구조점검", 60));   // 6 letters and a space each: 419 characters

        var (cut, shortened) = AgencyReportService.Shorten(text);

        Assert.True(shortened);
        Assert.EndsWith("조직구조점검…", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= AgencyReportService.SectionSummaryLength + 1);
        Assert.True(cut.Length > AgencyReportService.SectionSummaryLength * 4 / 5);

        var (hard, _) = AgencyReportService.Shorten(new string('가', 500));
        Assert.Equal(new string('가', AgencyReportService.SectionSummaryLength) + "…", hard);
    }
}
