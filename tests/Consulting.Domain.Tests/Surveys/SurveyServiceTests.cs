using Consulting.Domain.Common;
using Consulting.Domain.Surveys;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Consulting.Domain.Tests.Surveys;

/// <summary>
/// The survey through SurveyService on the results scenario: who answers (once), who reads what, and figures equal to
/// independent SQL. Each test that adds an engagement takes an agency and days of its own; only
/// <see cref="TheConsultantSeesNoFiguresBelowThreeResponsesAndTheDatabaseMeansFromThree"/> adds answers about 윤슬기.
/// </summary>
[Collection(ResultsGroup.Name)]
public class SurveyServiceTests(ResultsFixture f)
{
    private const string Byeolmaru = "별마루 종합사회복지관";
    private const string Gaon = "가온 노인인력개발센터";

    private static readonly SurveyAnswers Answers = new(3, 4, 2, 5, 3, "일정 조율이 유연했습니다.");

    private ResultsScenario S => f.S;

    [Fact]
    public async Task TheAgencyAndOfficialsReadTheAnswerAnotherAgencyAndTheConsultantDoNot()
    {
        var own = await f.Surveys(S.HaesolStaff).ForEngagementAsync(S.HaesolEngagementId);

        Assert.NotNull(own);
        Assert.True(own.IsOpen);
        Assert.False(own.CanAnswer);
        Assert.Equal(ResultsScenario.Haesol, own.AgencyName);
        Assert.Equal([5, 4, 5, 4, 5], Enum.GetValues<SurveyItem>().Select(i => own.Response!.Scores[i]));
        Assert.Equal(ResultsScenario.HaesolSurvey.Comment, own.Response!.Comment);

        var official = await f.Surveys(S.Official).ForEngagementAsync(S.HaesolEngagementId);
        Assert.Equal(5, official!.Response!.Scores[SurveyItem.Overall]);
        Assert.False(official.CanAnswer);

        Assert.Null(await f.Surveys(S.HaetsalStaff).ForEngagementAsync(S.HaesolEngagementId));
        Assert.Null(await f.Surveys(S.Consultant).ForEngagementAsync(S.HaesolEngagementId));
    }

    [Fact]
    public async Task ASecondAnswerIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => f.Surveys(S.HaetsalStaff).SubmitAsync(S.HaetsalEngagementId, Answers));

        Assert.Equal("survey.already-answered", error.Code);
        await using var db = f.Database.CreateContext();
        var stored = await db.SurveyResponses.SingleAsync(r => r.EngagementId == S.HaetsalEngagementId);
        Assert.Equal(ResultsScenario.HaetsalSurvey.Overall, stored.Overall);
    }

    [Fact]
    public async Task OnlyTheAgencysStaffAnswer()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.HaesolStaff).SubmitAsync(S.HaetsalEngagementId, Answers));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.Consultant).SubmitAsync(S.HaetsalEngagementId, Answers));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.Official).SubmitAsync(S.HaetsalEngagementId, Answers));
    }

    [Fact]
    public async Task TwoAnswersSentAtOnceLeaveExactlyOneRow()
    {
        var extra = await f.EngagementAsync(Gaon, new DateOnly(2025, 7, 1), complete: 3, consultant: "강하늘");
        var first = f.Surveys(extra.Staff);
        var second = f.Surveys(extra.Staff);

        var outcomes = await Task.WhenAll(Attempt(first), Attempt(second));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal("survey.already-answered", Assert.Single(outcomes, o => o is not null));
        await using var db = f.Database.CreateContext();
        Assert.Equal(1, await db.SurveyResponses.CountAsync(r => r.EngagementId == extra.EngagementId));

        async Task<string?> Attempt(SurveyService service)
        {
            try
            {
                await service.SubmitAsync(extra.EngagementId, Answers);
                return null;
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }
    }

    [Fact]
    public async Task TheConsultantSeesNoFiguresBelowThreeResponsesAndTheDatabaseMeansFromThree()
    {
        var extra = await f.EngagementAsync(Byeolmaru, new DateOnly(2025, 7, 1), complete: 2);
        var asStaff = f.Surveys(extra.Staff);

        var before = await asStaff.ForEngagementAsync(extra.EngagementId);
        Assert.False(before!.IsOpen);
        Assert.False(before.CanAnswer);
        Assert.Equal((2, 3), (before.CompletedVisits, before.PlannedVisits));
        Assert.Equal("survey.not-yet", (await Assert.ThrowsAsync<DomainException>(() => asStaff.SubmitAsync(extra.EngagementId, Answers))).Code);

        var two = await f.Surveys(S.Consultant).MyResultsAsync();
        Assert.Equal(2, two.Responses);
        Assert.Null(two.Overall);
        Assert.All(two.Programs, p => Assert.Null(p.Result));

        await f.CompleteAsync(extra.VisitIds[2]);
        Assert.True((await asStaff.ForEngagementAsync(extra.EngagementId))!.CanAnswer);
        await asStaff.SubmitAsync(extra.EngagementId, Answers);

        var three = await f.Surveys(S.Consultant).MyResultsAsync();
        Assert.Equal(3, three.Responses);
        Assert.NotNull(three.Overall);
        var expected = await MeansAsync("consultant_id = @id", S.ConsultantId);
        Assert.Equal(expected, Enum.GetValues<SurveyItem>().Select(i => three.Overall.Means[i]));
        Assert.Equal(3, three.Overall.Count);
        // All three are in one programme, which therefore shows the same figures.
        var program = Assert.Single(three.Programs);
        Assert.Equal(3, program.Responses);
        Assert.Equal(three.Overall.Means, program.Result!.Means);
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.HaesolStaff).MyResultsAsync());
    }

    [Fact]
    public async Task OfficialsSeeMeansPerAreaAndConsultantEqualToTheDatabaseAndTheComments()
    {
        var results = await f.Surveys(S.Official).ProgramResultsAsync(S.ProgramId);

        await using var db = f.Database.CreateContext();
        var responses = await db.SurveyResponses.CountAsync(r => r.ProgramId == S.ProgramId);
        Assert.Equal(responses, results.Responses);
        Assert.Equal(await MeansAsync("program_id = @id", S.ProgramId), Enum.GetValues<SurveyItem>().Select(i => results.Overall.Means[i]));
        foreach (var area in results.PerArea)
        {
            var areaId = await db.ProgramAreas.Where(a => a.ProgramId == S.ProgramId && a.NameKo == area.Area.Ko).Select(a => a.Id).SingleAsync();
            Assert.Equal(await MeansAsync("program_id = @p and area_id = @id", areaId), Enum.GetValues<SurveyItem>().Select(i => area.Result.Means[i]));
        }

        Assert.Contains(results.PerConsultant, c => c.ConsultantName == "윤슬기");
        foreach (var consultant in results.PerConsultant)
        {
            var consultantId = await db.Consultants.Where(c => c.Name == consultant.ConsultantName).Select(c => c.Id).SingleAsync();
            Assert.Equal(await MeansAsync("program_id = @p and consultant_id = @id", consultantId), Enum.GetValues<SurveyItem>().Select(i => consultant.Result.Means[i]));
            Assert.Equal(await db.SurveyResponses.CountAsync(r => r.ProgramId == S.ProgramId && r.ConsultantId == consultantId), consultant.Result.Count);
        }

        var finished = await ScalarAsync(
            """
            select count(*)::int from engagements e
            where e.program_id = @p and e.consultant_id is not null
              and (select count(*) from visits v where v.engagement_id = e.id and v.status = 'Completed') >= e.planned_visits
            """);
        Assert.Equal(finished, results.FinishedEngagements);
        Assert.Equal(Math.Round(100m * responses / finished, 1, MidpointRounding.AwayFromZero), results.ResponseRatePercent);
        var comment = Assert.Single(results.Comments, c => c.Text == ResultsScenario.HaesolSurvey.Comment);
        Assert.Equal((ResultsScenario.Haesol, "조직 관리"), (comment.AgencyName, comment.Area.Ko));

        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.Consultant).ProgramResultsAsync(S.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Surveys(S.HaesolStaff).ProgramResultsAsync(S.ProgramId));
    }

    /// <summary>round(avg(item)::numeric, 2) per item, in <see cref="SurveyItem"/> order, over the rows <paramref name="where"/> picks.</summary>
    private async Task<decimal?[]> MeansAsync(string where, Guid id)
    {
        await using var connection = new NpgsqlConnection(f.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            select round(avg(expertise)::numeric, 2), round(avg(usefulness)::numeric, 2), round(avg(communication)::numeric, 2),
                   round(avg(schedule_fit)::numeric, 2), round(avg(overall)::numeric, 2)
            from survey_responses where {where}
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("p", S.ProgramId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [.. Enumerable.Range(0, 5).Select(i => reader.IsDBNull(i) ? null : (decimal?)reader.GetDecimal(i))];
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(f.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", S.ProgramId);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
