using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>
/// The agenda a log starts from: next steps agreed at earlier visits of the engagement until a later log marks them
/// done, and recommendations raised in earlier logs while they are open. Visits 1–3 of 해솔 사업 기획·평가, in order.
/// </summary>
public class VisitLogAgendaTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private VisitLogService AsConsultant => _s.Logs(_s.Consultant);

    [Fact]
    public async Task NextStepsAndOpenRecommendationsCarryOnToLaterVisitsUntilMarkedDone()
    {
        var (visit1, visit2, visit3) = (_s.Week.VisitIds[0], _s.Week.VisitIds[1], _s.Week.VisitIds[2]);

        // Visit 1: two next steps agreed and a recommendation raised; while the log is a draft none of it is on visit 2's agenda.
        var log1 = await AsConsultant.OpenAsync(visit1);
        var view1 = await _s.ViewAsync(log1);
        Assert.Empty(view1.Agenda);
        var shareDraft = new LogNextStep(Guid.NewGuid(), "성과지표 초안 공유");
        var reviewPlan = new LogNextStep(Guid.NewGuid(), "평가 계획 보완");
        var version = await AsConsultant.SaveDraftAsync(log1, LogScenario.Complete(view1, [shareDraft, reviewPlan]), view1.Version);
        var recommendationId = await _s.Recommendations(_s.Consultant).AddAsync(
            log1, new RecommendationInput("결과보고서 서식 정비", "사업계획의 지표와 결과보고서 항목을 맞출 것", null, RecommendationPriority.High, new DateOnly(2025, 7, 31), "개정 서식"));
        var log2 = await AsConsultant.OpenAsync(visit2);
        Assert.Empty((await _s.ViewAsync(log2)).Agenda);

        // Submitted, visit 1's items reach the draft of visit 2 when it is opened again.
        await AsConsultant.SubmitAsync(log1, LogScenario.Complete(view1, [shareDraft, reviewPlan]), version);
        Assert.Equal(log2, await AsConsultant.OpenAsync(visit2));
        var view2 = await _s.ViewAsync(log2);
        Assert.Equal(
            [
                new LogAgendaItem(LogAgendaKind.NextStep, shareDraft.Id, 1, "성과지표 초안 공유", false, false),
                new LogAgendaItem(LogAgendaKind.NextStep, reviewPlan.Id, 1, "평가 계획 보완", false, false),
                new LogAgendaItem(LogAgendaKind.Recommendation, recommendationId, 1, "결과보고서 서식 정비", false, false),
            ],
            view2.Agenda);

        // Visit 2: the draft shared (done), the plan only discussed, the recommendation discussed.
        await AsConsultant.SubmitAsync(log2, LogScenario.Complete(view2, agenda:
            [
                new AgendaMark(shareDraft.Id, true, true),
                new AgendaMark(reviewPlan.Id, true, false),
                new AgendaMark(recommendationId, true, false),
            ]), view2.Version);
        var submitted2 = await _s.ViewAsync(log2);
        Assert.Equal([(true, true), (true, false), (true, false)], submitted2.Agenda.Select(a => (a.Discussed, a.Done)));

        // Visit 3 no longer carries the step done at visit 2; the one only discussed and the open recommendation remain.
        var view3 = await _s.ViewAsync(await AsConsultant.OpenAsync(visit3));
        Assert.Equal(
            [(LogAgendaKind.NextStep, reviewPlan.Id, 1), (LogAgendaKind.Recommendation, recommendationId, 1)],
            view3.Agenda.Select(a => (a.Kind, a.SourceId, a.FromVisitNumber)));
        Assert.All(view3.Agenda, a => Assert.False(a.Discussed));
    }
}
