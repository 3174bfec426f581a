using Consulting.Domain.Common;
using Consulting.Testing;

namespace Consulting.Domain.Tests.Surveys;

/// <summary>
/// The closing opinion through ClosingOpinionService: the engagement's current consultant writes it once the last visit
/// is completed; officials and the agency read it; a stale page is refused.
/// </summary>
[Collection(ResultsGroup.Name)]
public class ClosingOpinionServiceTests(ResultsFixture f)
{
    private const string Mujigae = "무지개다리 이주여성쉼터";

    private ResultsScenario S => f.S;

    [Fact]
    public async Task TheConsultantWritesItAndTheAgencyAndOfficialsReadItBack()
    {
        var asConsultant = f.Opinions(S.Consultant);
        var before = await asConsultant.GetAsync(S.HaetsalEngagementId);
        Assert.NotNull(before);
        Assert.True(before.CanWrite);
        Assert.Null(before.Text);

        await asConsultant.WriteAsync(S.HaetsalEngagementId, "  생활 지원 기록 체계가 자리 잡았습니다.  ", before.Version);

        var agency = await f.Opinions(S.HaetsalStaff).GetAsync(S.HaetsalEngagementId);
        Assert.Equal("생활 지원 기록 체계가 자리 잡았습니다.", agency!.Text);
        Assert.False(agency.CanWrite);
        Assert.NotNull(agency.WrittenByName);
        var official = await f.Opinions(S.Official).GetAsync(S.HaetsalEngagementId);
        Assert.Equal(agency.Text, official!.Text);
        Assert.False(official.CanWrite);
        Assert.Null(await f.Opinions(S.HaesolStaff).GetAsync(S.HaetsalEngagementId));
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndKeepsTheNewerText()
    {
        var asConsultant = f.Opinions(S.Consultant);
        var loaded = (await asConsultant.GetAsync(S.HaesolEngagementId))!;
        Assert.Equal(ResultsScenario.ClosingOpinion, loaded.Text);
        await asConsultant.WriteAsync(S.HaesolEngagementId, "첫 번째 수정", loaded.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => asConsultant.WriteAsync(S.HaesolEngagementId, "오래된 화면의 수정", loaded.Version));

        Assert.Equal("첫 번째 수정", (await asConsultant.GetAsync(S.HaesolEngagementId))!.Text);
    }

    [Fact]
    public async Task IsRefusedBeforeTheLastVisitAndToAnyoneButTheCurrentConsultant()
    {
        var extra = await f.EngagementAsync(Mujigae, new DateOnly(2025, 6, 23), complete: 2);
        var asConsultant = f.Opinions(S.Consultant);
        var view = (await asConsultant.GetAsync(extra.EngagementId))!;
        Assert.False(view.Finished);
        Assert.False(view.CanWrite);

        var error = await Assert.ThrowsAsync<DomainException>(() => asConsultant.WriteAsync(extra.EngagementId, "아직 이른 의견", view.Version));
        Assert.Equal("engagement.not-finished", error.Code);

        var other = await f.ConsultantAccountAsync("강하늘");
        var finished = (await asConsultant.GetAsync(S.HaetsalEngagementId))!;
        Assert.Null(await f.Opinions(other).GetAsync(S.HaetsalEngagementId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Opinions(other).WriteAsync(S.HaetsalEngagementId, "다른 컨설턴트", finished.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Opinions(S.Official).WriteAsync(S.HaetsalEngagementId, "담당자", finished.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Opinions(S.HaetsalStaff).WriteAsync(S.HaetsalEngagementId, "기관", finished.Version));
    }
}
