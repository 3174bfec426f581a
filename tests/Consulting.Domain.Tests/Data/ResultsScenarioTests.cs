using Consulting.Domain.Assessments;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Data;

/// <summary>The shared year-that-has-run scenario holds what the results tests rely on.</summary>
public class ResultsScenarioTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task HoldsTwoFinishedEngagementsWithLogsRecommendationsAssessmentsAndSurveys()
    {
        var s = await ResultsScenario.BuildAsync(_database);

        await using var db = _database.CreateContext();
        Assert.Equal(6, await db.Visits.CountAsync(v => v.ProgramId == s.ProgramId && v.Status == VisitStatus.Completed));
        Assert.Equal(6, await db.VisitLogs.CountAsync(l => l.ProgramId == s.ProgramId && l.Status == global::Consulting.Domain.VisitLogs.VisitLogStatus.Approved));
        var statuses = await db.Recommendations.Where(r => r.ProgramId == s.ProgramId).ToDictionaryAsync(r => r.Title, r => r.Status);
        Assert.Equal(RecommendationStatus.Verified, statuses[ResultsScenario.VerifiedTitle]);
        Assert.Equal(RecommendationStatus.Open, statuses[ResultsScenario.OverdueTitle]);
        Assert.Equal(RecommendationStatus.Open, statuses[ResultsScenario.OpenTitle]);
        var assessments = await db.Assessments.Where(a => a.ProgramId == s.ProgramId).ToListAsync();
        Assert.Equal(4, assessments.Count);
        Assert.All(assessments, a => Assert.Equal(AssessmentStatus.Submitted, a.Status));
        Assert.Equal(2.25m, assessments.Single(a => a.AgencyId == s.HaesolId && a.Phase == AssessmentPhase.Before).Score);
        Assert.Equal(3.75m, assessments.Single(a => a.AgencyId == s.HaesolId && a.Phase == AssessmentPhase.After).Score);
        Assert.Equal(3.25m, assessments.Single(a => a.AgencyId == s.HaesolId && a.Phase == AssessmentPhase.After).ConsultantScore);
        Assert.Equal(2, await db.SurveyResponses.CountAsync(r => r.ProgramId == s.ProgramId));
        Assert.Equal(ResultsScenario.ClosingOpinion, await db.Engagements.Where(e => e.Id == s.HaesolEngagementId).Select(e => e.ClosingOpinion).SingleAsync());
        Assert.Equal(4, await db.AssessmentChecklists.CountAsync(c => c.ProgramId == s.ProgramId));
    }
}
