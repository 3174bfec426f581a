using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Surveys;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Dashboards;

/// <summary>Every figure of the programme dashboard equals a plain SQL query over the same tables.</summary>
public class ProgramDashboardServiceTests(ResultsFixture fixture) : IClassFixture<ResultsFixture>
{
    private ResultsScenario S => fixture.Scenario;

    private Task<ProgramDashboard> DashboardAsync() => fixture.Dashboard(S.Official).GetAsync(S.ProgramId);

    private Task<List<object?[]>> RowsAsync(string sql) =>
        Sql.RowsAsync(fixture.Database, sql, ("p", S.ProgramId), ("today", ResultsScenario.Today), ("now", S.Clock.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task VisitsPerAreaAndSeoulMonthEqualSql()
    {
        var d = await DashboardAsync();
        var expected = (await RowsAsync("""
                SELECT area_id,
                       to_char(starts_at_utc AT TIME ZONE 'Asia/Seoul', 'YYYY-MM'),
                       count(*),
                       count(*) FILTER (WHERE status = 'Completed')
                FROM visits
                WHERE program_id = @p AND status IN ('Planned', 'Confirmed', 'Completed')
                GROUP BY 1, 2
                """))
            .ToDictionary(r => ((Guid)r[0]!, (string)r[1]!), r => (Sql.Int(r[2]), Sql.Int(r[3])));
        var actual = new Dictionary<(Guid, string), (int, int)>();
        foreach (var area in d.Visits.Areas)
        {
            for (var i = 0; i < d.Visits.Months.Count; i++)
            {
                if (area.ScheduledByMonth[i] + area.CompletedByMonth[i] > 0)
                {
                    actual[(area.AreaId, d.Visits.Months[i].ToString())] = (area.ScheduledByMonth[i], area.CompletedByMonth[i]);
                }
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        // The programme's consulting months, June to November, are all there even when empty.
        Assert.Equal(["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"], d.Visits.Months.Select(m => m.ToString()));

        var planned = (await RowsAsync("SELECT area_id, count(*), sum(planned_visits) FROM engagements WHERE program_id = @p GROUP BY area_id"))
            .ToDictionary(r => (Guid)r[0]!, r => (Sql.Int(r[1]), Sql.Int(r[2])));
        Assert.Equal(planned.OrderBy(p => p.Key), d.Visits.Areas.Where(a => a.Engagements > 0).ToDictionary(a => a.AreaId, a => (a.Engagements, a.Planned)).OrderBy(p => p.Key));
        var totals = await RowsAsync("""
            SELECT (SELECT sum(planned_visits) FROM engagements WHERE program_id = @p),
                   (SELECT count(*) FROM visits WHERE program_id = @p AND status IN ('Planned', 'Confirmed', 'Completed')),
                   (SELECT count(*) FROM visits WHERE program_id = @p AND status = 'Completed')
            """);
        Assert.Equal((Sql.Int(totals[0][0]), Sql.Int(totals[0][1]), Sql.Int(totals[0][2])), (d.Visits.Planned, d.Visits.Scheduled, d.Visits.Completed));
        Assert.Equal(6, d.Visits.Completed);
    }

    [Fact]
    public async Task EngagementsBehindPlanEqualSqlOfTheBoardsRule()
    {
        var d = await DashboardAsync();

        // Behind: fewer visits done (completed, or held within the last 7 days) than the share of the period gone asks for.
        var expected = (await RowsAsync("""
                SELECT e.id, e.area_id
                FROM engagements e
                JOIN programs p ON p.id = e.program_id
                WHERE e.program_id = @p
                  AND (SELECT count(*) FROM visits v
                       WHERE v.engagement_id = e.id AND v.status IN ('Planned', 'Confirmed', 'Completed')
                         AND (v.status = 'Completed' OR (v.starts_at_utc < @now AND v.starts_at_utc >= @now - interval '7 days')))
                      <
                      CASE WHEN @today < p.consulting_start THEN 0
                           WHEN @today > p.consulting_end THEN e.planned_visits
                           ELSE e.planned_visits * (@today - p.consulting_start) / (p.consulting_end - p.consulting_start + 1) END
                """))
            .Select(r => ((Guid)r[0]!, (Guid)r[1]!)).OrderBy(r => r).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, d.Behind.Select(b => (b.EngagementId, b.AreaId)).OrderBy(r => r));
        Assert.Equal(
            expected.GroupBy(e => e.Item2).ToDictionary(g => g.Key, g => g.Count()).OrderBy(g => g.Key),
            d.Visits.Areas.Where(a => a.Behind > 0).ToDictionary(a => a.AreaId, a => a.Behind).OrderBy(g => g.Key));
        Assert.DoesNotContain(d.Behind, b => b.EngagementId == S.HaesolEngagementId);
    }

    [Fact]
    public async Task RecommendationsByStatusAndAreaImplementationRateAndOverdueEqualSql()
    {
        var d = await DashboardAsync();
        var byStatus = (await RowsAsync("""
                SELECT area_id, status, count(*) FROM recommendations
                WHERE program_id = @p AND published_at_utc IS NOT NULL GROUP BY 1, 2
                """))
            .ToDictionary(r => ((Guid)r[0]!, Enum.Parse<RecommendationStatus>((string)r[1]!)), r => Sql.Int(r[2]));
        var actual = d.Recommendations.Areas.SelectMany(a => a.ByStatus.Where(s => s.Value > 0).Select(s => KeyValuePair.Create((a.AreaId, s.Key), s.Value)));
        Assert.Equal(byStatus.OrderBy(s => s.Key), actual.OrderBy(s => s.Key));

        var perArea = (await RowsAsync("""
                SELECT area_id, count(*),
                       count(*) FILTER (WHERE status = 'Verified'),
                       count(*) FILTER (WHERE status = 'NotAdopted'),
                       count(*) FILTER (WHERE status IN ('Open', 'Planned', 'InProgress') AND due_date < @today),
                       round(100.0 * count(*) FILTER (WHERE status = 'Verified') / nullif(count(*) - count(*) FILTER (WHERE status = 'NotAdopted'), 0))
                FROM recommendations WHERE program_id = @p AND published_at_utc IS NOT NULL
                GROUP BY ROLLUP (area_id)
                """))
            .ToDictionary(r => (Guid?)r[0] ?? Guid.Empty, r => (Sql.Int(r[1]), Sql.Int(r[2]), Sql.Int(r[3]), Sql.Int(r[4]), Sql.Int(r[5])));
        var dashboard = d.Recommendations.Areas.Where(a => a.Progress.Total > 0).Select(a => (a.AreaId, a.Progress))
            .Append((Guid.Empty, d.Recommendations.Overall))
            .ToDictionary(a => a.Item1, a => (a.Item2.Total, a.Item2.Verified, a.Item2.NotAdopted, a.Item2.Overdue, a.Item2.Percent));
        Assert.Equal(perArea.OrderBy(p => p.Key), dashboard.OrderBy(p => p.Key));
        Assert.Equal((3, 1, 0, 1, 33), dashboard[Guid.Empty]);
    }

    [Fact]
    public async Task SelfAssessmentMeansChangeRatingAndDistributionEqualSql()
    {
        var d = await DashboardAsync();
        const string Scores = """
            WITH s AS (
                SELECT a.id, a.area_id, a.engagement_id, a.phase,
                       round(avg((i ->> 'score')::numeric), 2) AS score,
                       round(avg((i ->> 'consultantScore')::numeric), 2) AS rating
                FROM assessments a CROSS JOIN LATERAL jsonb_array_elements(a.items) i
                WHERE a.program_id = @p AND a.status = 'Submitted'
                GROUP BY a.id, a.area_id, a.engagement_id, a.phase)
            """;
        var perArea = (await RowsAsync(Scores + """
                SELECT area_id,
                       round(avg(score) FILTER (WHERE phase = 'Before'), 2),
                       round(avg(score) FILTER (WHERE phase = 'After'), 2),
                       round(avg(rating) FILTER (WHERE phase = 'After'), 2),
                       (SELECT count(*) FROM (SELECT engagement_id FROM s s2 WHERE s2.area_id = s.area_id OR s.area_id IS NULL
                                              GROUP BY engagement_id HAVING count(DISTINCT phase) FILTER (WHERE phase IN ('Before', 'After')) = 2) b)
                FROM s GROUP BY ROLLUP (area_id)
                """))
            .ToDictionary(r => (Guid?)r[0] ?? Guid.Empty, r => (Sql.Dec(r[1]), Sql.Dec(r[2]), Sql.Dec(r[3]), Sql.Int(r[4])));
        var dashboard = d.Assessments.Areas.Where(a => a.BeforeCount + a.AfterCount > 0).Append(d.Assessments.Overall)
            .ToDictionary(a => a.AreaId ?? Guid.Empty, a => (a.Before, a.After, a.ConsultantRating, a.WithBoth));
        Assert.Equal(perArea.OrderBy(p => p.Key), dashboard.OrderBy(p => p.Key));
        foreach (var area in d.Assessments.Areas.Append(d.Assessments.Overall))
        {
            Assert.Equal(area.Before is { } b && area.After is { } a ? a - b : null, area.Change);
        }

        // 해솔 2.25 → 3.75, 햇살나무 2.75 → 3.50: 조직 관리 2.50 → 3.63 (3.625 rounded away from zero).
        Assert.Equal((2.50m, 3.63m, 3.25m, 2), dashboard[Guid.Empty]);

        var bands = (await RowsAsync(Scores + "SELECT phase, floor(score)::int, count(*) FROM s GROUP BY 1, 2"))
            .ToDictionary(r => ((string)r[0]!, Sql.Int(r[1])), r => Sql.Int(r[2]));
        int Band(string phase, int band) => bands.GetValueOrDefault((phase, band));
        Assert.Equal([.. Consulting.Domain.Assessments.AssessmentScores.Bands.Select(b => Band("Before", b))], d.Assessments.BeforeDistribution);
        Assert.Equal([.. Consulting.Domain.Assessments.AssessmentScores.Bands.Select(b => Band("After", b))], d.Assessments.AfterDistribution);
        Assert.Equal([0, 2, 0, 0, 0], d.Assessments.BeforeDistribution);
        Assert.Equal([0, 0, 2, 0, 0], d.Assessments.AfterDistribution);
    }

    [Fact]
    public async Task SatisfactionCountsRateAndMeansPerItemEqualSql()
    {
        var d = await DashboardAsync();
        var responses = (await RowsAsync("""
                SELECT area_id, count(*),
                       round(avg(expertise)::numeric, 2), round(avg(usefulness)::numeric, 2), round(avg(communication)::numeric, 2),
                       round(avg(schedule_fit)::numeric, 2), round(avg(overall)::numeric, 2)
                FROM survey_responses WHERE program_id = @p GROUP BY ROLLUP (area_id)
                """))
            .ToDictionary(r => (Guid?)r[0] ?? Guid.Empty, r => (Sql.Int(r[1]), string.Join("/", r[2..].Select(v => DashboardTable.Invariant(Sql.Dec(v))))));
        var invited = (await RowsAsync("""
                SELECT e.area_id, count(*) FROM engagements e
                WHERE e.program_id = @p AND e.consultant_id IS NOT NULL
                  AND (SELECT count(*) FROM visits v WHERE v.engagement_id = e.id AND v.status = 'Completed') >= e.planned_visits
                GROUP BY ROLLUP (e.area_id)
                """))
            .ToDictionary(r => (Guid?)r[0] ?? Guid.Empty, r => Sql.Int(r[1]));
        var dashboard = d.Satisfaction.Areas.Where(a => a.Responses > 0).Append(d.Satisfaction.Overall)
            .ToDictionary(a => a.AreaId ?? Guid.Empty, a => (a.Responses, string.Join("/", Enum.GetValues<SurveyItem>().Select(i => DashboardTable.Invariant(a.Means[i])))));
        Assert.Equal(responses.OrderBy(r => r.Key), dashboard.OrderBy(r => r.Key));
        Assert.Equal(
            invited.OrderBy(r => r.Key),
            d.Satisfaction.Areas.Where(a => a.Invited > 0).Append(d.Satisfaction.Overall).ToDictionary(a => a.AreaId ?? Guid.Empty, a => a.Invited).OrderBy(r => r.Key));
        Assert.Equal(100, d.Satisfaction.Overall.RatePercent);
        Assert.Equal(4.50m, d.Satisfaction.Overall.Means[SurveyItem.Overall]);
    }

    [Fact]
    public async Task EveryDatasetIsATableWhoseTotalsAreTheDashboards()
    {
        var d = await DashboardAsync();

        var tables = DashboardTables.All(d, KoreanTexts.Results);

        Assert.Equal(DashboardTables.Names, tables.Select(t => t.Name));
        Assert.All(tables, t => Assert.All(t.Rows, r => Assert.Equal(t.Headers.Count, r.Count)));
        var totals = tables.Single(t => t.Name == DashboardTables.VisitTotals);
        Assert.Equal(["전체", d.Visits.Areas.Sum(a => a.Engagements), d.Visits.Planned, d.Visits.Scheduled, d.Visits.Completed, d.Behind.Count], totals.Rows[^1]);
        Assert.Equal("분야", totals.Headers[0]);
        var visits = tables.Single(t => t.Name == DashboardTables.Visits);
        Assert.Equal(d.Visits.Scheduled, visits.Rows.Where(r => (string)r[1]! == "일정 방문").Sum(r => (int)r[^1]!));
        Assert.Equal(d.Behind.Count, tables.Single(t => t.Name == DashboardTables.Behind).Rows.Count);
        Assert.Equal(S.Clock.GetUtcNow().UtcDateTime.Date, d.Today.ToDateTime(TimeOnly.MinValue));
    }

    [Fact]
    public async Task OnlyOfficialsSeeTheDashboard()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Dashboard(S.Consultant).GetAsync(S.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Dashboard(S.HaesolStaff).GetAsync(S.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Dashboard(TestUser.Anonymous).GetAsync(S.ProgramId));
        var missing = await Assert.ThrowsAsync<DomainException>(() => fixture.Dashboard(S.Official).GetAsync(Guid.NewGuid()));
        Assert.Equal("program.not-found", missing.Code);
    }
}

/// <summary>A programme nobody has started: every figure is zero or empty, and nothing fails.</summary>
public class EmptyProgramDashboardTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task AProgrammeWithNothingYetShowsZeros()
    {
        await DemoSeeder.SeedAsync(database);
        Guid programId;
        await using (var db = database.CreateContext())
        {
            programId = await db.Programs.Where(p => p.Name == DemoData.ConsultingProgramName).Select(p => p.Id).SingleAsync();
        }

        var official = await DemoScenario.DemoOfficialAsync(database);
        var clock = FixedClock.At(new DateOnly(2025, 5, 1));
        var service = new ProgramDashboardService(database.CreateFactory(), official, clock, new Consulting.Domain.Engagements.AssignmentService(database.CreateFactory(), official, clock));

        var d = await service.GetAsync(programId);

        Assert.NotEmpty(d.Areas);
        Assert.Equal((0, 0, 0, 0, 0), (d.Agencies, d.Engagements, d.Visits.Planned, d.Visits.Scheduled, d.Visits.Completed));
        Assert.Empty(d.Behind);
        Assert.Equal(new FollowUpProgress(0, 0, 0, 0, 0), d.Recommendations.Overall);
        Assert.Equal(0, d.Recommendations.Overall.Percent);
        Assert.Null(d.Assessments.Overall.Before);
        Assert.Null(d.Assessments.Overall.Change);
        Assert.Equal([0, 0, 0, 0, 0], d.Assessments.BeforeDistribution);
        Assert.Equal((0, 0, 0), (d.Satisfaction.Overall.Responses, d.Satisfaction.Overall.Invited, d.Satisfaction.Overall.RatePercent));
        Assert.All(Enum.GetValues<SurveyItem>(), i => Assert.Null(d.Satisfaction.Overall.Means[i]));
        Assert.All(DashboardTables.All(d, KoreanTexts.Results), t => Assert.NotEmpty(t.Headers));

        // Both documents are written too: headers and nothing else, the summary's tables as the dashboard's.
        using var xlsx = new MemoryStream();
        await new Consulting.Domain.Documents.ProgramWorkbook(database.CreateFactory(), official, service).WriteAsync(programId, xlsx, KoreanTexts.Results);
        using var read = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        Assert.All(
            read.WorkbookPart!.WorksheetParts.Skip(1),
            part => Assert.Single(part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()));
        using var docx = new MemoryStream();
        await new Consulting.Domain.Documents.ProgramSummaryDocument(official, service).WriteAsync(programId, docx, KoreanTexts.Results);
        Assert.True(docx.Length > 0);
    }
}
