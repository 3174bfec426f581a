using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Recommendations;

/// <summary>
/// Recommendations raised in a visit log against PostgreSQL: changed only with the log while its consultant may edit
/// it, published to the agency when the log is approved. Each test takes visits of its own (noted at its top).
/// </summary>
public class RecommendationServiceTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private static readonly DateOnly DueDate = new(2025, 7, 31);

    private readonly LogScenario _s = fixture.Scenario;

    private RecommendationService AsConsultant => _s.Recommendations(_s.Consultant);

    private static RecommendationInput Input(string title = "위임전결 규정 정비", Guid? areaId = null, DateOnly? due = null) =>
        new(title, "결재 단계를 줄이고 팀장 전결 범위를 넓힐 것", areaId, RecommendationPriority.High, due ?? DueDate, "개정 규정");

    private async Task<RecommendationRow> RowAsync(Guid id) =>
        (await _s.Recommendations(_s.Consultant).ListAsync()).Single(r => r.Id == id);

    private async Task<Guid> AreaAsync(string code, bool ofThisProgramme = true)
    {
        await using var db = _s.CreateContext();
        return await db.ProgramAreas
            .Where(a => (a.ProgramId == _s.Week.ProgramId) == ofThisProgramme && (!ofThisProgramme || a.Code == code))
            .Select(a => a.Id)
            .FirstAsync();
    }

    private static async Task<string> CodeOfAsync(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

    [Fact]
    public async Task TheConsultantAddsChangesAndRemovesRecommendationsWhileTheLogIsADraft()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var organisation = await AreaAsync(LogScenario.Organisation);
        var planning = await AreaAsync(LogScenario.Planning);

        var id = await AsConsultant.AddAsync(logId, Input(" 위임전결 규정 정비 "));

        var added = await RowAsync(id);
        Assert.Equal(
            (logId, organisation, "위임전결 규정 정비", "결재 단계를 줄이고 팀장 전결 범위를 넓힐 것", RecommendationPriority.High, DueDate, "개정 규정", RecommendationStatus.Open, (DateTime?)null, "윤슬기 (데모 컨설턴트)"),
            (added.VisitLogId, added.AreaId, added.Title, added.Description, added.Priority, added.DueDate, added.EvidenceExpected, added.Status, added.PublishedAtUtc, added.CreatedByName));
        Assert.Equal(new BilingualName("조직 관리", "Organisation management"), added.Area);

        await AsConsultant.UpdateAsync(id, Input("성과지표 정비", planning, DueDate.AddDays(30)) with { Priority = RecommendationPriority.Low, EvidenceExpected = " " }, added.Version);

        var updated = await RowAsync(id);
        Assert.Equal((planning, "성과지표 정비", RecommendationPriority.Low, DueDate.AddDays(30), (string?)null),
            (updated.AreaId, updated.Title, updated.Priority, updated.DueDate, updated.EvidenceExpected));
        Assert.Equal([id], (await _s.ViewAsync(logId)).Recommendations.Select(r => r.Id));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsConsultant.RemoveAsync(id, added.Version));
        await AsConsultant.RemoveAsync(id, updated.Version);

        Assert.Empty((await _s.ViewAsync(logId)).Recommendations);
    }

    [Fact]
    public async Task AStaleUpdateChangesNothing()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var id = await AsConsultant.AddAsync(logId, Input());
        var stale = (await RowAsync(id)).Version;
        await AsConsultant.UpdateAsync(id, Input("첫 수정"), stale);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsConsultant.UpdateAsync(id, Input("다른 기기의 수정"), stale));

        Assert.Equal("첫 수정", (await RowAsync(id)).Title);
    }

    [Fact]
    public async Task NoChangeOnceTheLogIsSubmittedNorAfterItIsApproved()
    {
        // new visit: 해솔 조직 관리
        var visitId = await _s.NewVisitAsync();
        var logId = await _s.Logs(_s.Consultant).OpenAsync(visitId);
        var id = await AsConsultant.AddAsync(logId, Input());
        var view = await _s.ViewAsync(logId);
        await _s.Logs(_s.Consultant).SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        var version = (await RowAsync(id)).Version;

        Assert.Equal("visitlog.under-review", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input("추가"))));
        Assert.Equal("visitlog.under-review", await CodeOfAsync(() => AsConsultant.UpdateAsync(id, Input("수정"), version)));
        Assert.Equal("visitlog.under-review", await CodeOfAsync(() => AsConsultant.RemoveAsync(id, version)));

        await _s.Logs(_s.Official).ApproveAsync(logId, null, await _s.VersionAsync(logId));
        version = (await RowAsync(id)).Version;

        Assert.Equal("visitlog.locked", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input("추가"))));
        Assert.Equal("visitlog.locked", await CodeOfAsync(() => AsConsultant.UpdateAsync(id, Input("수정"), version)));
        Assert.Equal("visitlog.locked", await CodeOfAsync(() => AsConsultant.RemoveAsync(id, version)));
        var row = Assert.Single((await _s.ViewAsync(logId)).Recommendations);
        Assert.Equal(("위임전결 규정 정비", version), (row.Title, row.Version));
        Assert.NotNull(row.PublishedAtUtc);
    }

    [Fact]
    public async Task AReturnedLogTakesRecommendationsAgain()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await _s.SubmittedAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        await _s.Logs(_s.Official).ReturnAsync(logId, "권고사항을 추가해 주세요", await _s.VersionAsync(logId));

        var id = await AsConsultant.AddAsync(logId, Input());

        Assert.Equal([id], (await _s.ViewAsync(logId)).Recommendations.Select(r => r.Id));
    }

    [Fact]
    public async Task TheDueDateIsOnOrAfterTheVisitDayAndWithinThreeYears()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var visitDay = SeoulTime.DateOf((await _s.ViewAsync(logId)).VisitStartsAtUtc);

        var error = await Assert.ThrowsAsync<DomainException>(() => AsConsultant.AddAsync(logId, Input(due: visitDay.AddDays(-1))));
        Assert.Equal(("recommendation.due-past", (object)visitDay), (error.Code, error.Args.Single()));
        Assert.Equal("recommendation.due-too-far", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input(due: visitDay.AddYears(3).AddDays(1)))));
        Assert.Empty((await _s.ViewAsync(logId)).Recommendations);

        await AsConsultant.AddAsync(logId, Input("당일 조치", due: visitDay));
        await AsConsultant.AddAsync(logId, Input("3년 뒤", due: visitDay.AddYears(3)));
        Assert.Equal(2, (await _s.ViewAsync(logId)).Recommendations.Count);
    }

    [Fact]
    public async Task TheAreaMustBeOneOfTheProgrammes()
    {
        // new visit: 햇살나무 사업 기획·평가
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal, LogScenario.Planning));
        var monitoringArea = await AreaAsync("", ofThisProgramme: false);

        Assert.Equal("recommendation.area", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input(areaId: monitoringArea))));
        Assert.Equal("recommendation.area", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input(areaId: Guid.NewGuid()))));
        Assert.Empty((await _s.ViewAsync(logId)).Recommendations);
    }

    [Fact]
    public async Task TextIsRequiredAndMarkupRefused()
    {
        // new visit: 햇살나무 사업 기획·평가
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal, LogScenario.Planning));

        Assert.Equal("recommendation.title-required", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input(" "))));
        Assert.Equal("recommendation.description-required", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input() with { Description = "" })));
        Assert.Equal("common.markup", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input("<script>alert(1)</script>"))));
        Assert.Equal("recommendation.priority", await CodeOfAsync(() => AsConsultant.AddAsync(logId, Input() with { Priority = (RecommendationPriority)9 })));
        Assert.Empty((await _s.ViewAsync(logId)).Recommendations);
    }

    [Fact]
    public async Task OnlyTheLogsConsultantAddsChangesOrRemoves()
    {
        // new visit: 온새미 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Onsaemi));
        var id = await AsConsultant.AddAsync(logId, Input());
        var version = (await RowAsync(id)).Version;

        foreach (var user in new[] { _s.OtherConsultant, _s.Official, _s.AgencyStaff, TestUser.Anonymous })
        {
            var recommendations = _s.Recommendations(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => recommendations.AddAsync(logId, Input("남의 권고")));
            await Assert.ThrowsAsync<AccessDeniedException>(() => recommendations.UpdateAsync(id, Input("남의 수정"), version));
            await Assert.ThrowsAsync<AccessDeniedException>(() => recommendations.RemoveAsync(id, version));
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsConsultant.AddAsync(Guid.NewGuid(), Input()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsConsultant.RemoveAsync(Guid.NewGuid(), version));
        Assert.Equal(("위임전결 규정 정비", version), ((await RowAsync(id)).Title, (await RowAsync(id)).Version));
    }

    [Fact]
    public async Task AtMostTwentyALog()
    {
        // new visit: 온새미 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Onsaemi));
        for (var i = 1; i <= Recommendation.MaxPerLog; i++)
        {
            await AsConsultant.AddAsync(logId, Input($"권고 {i}"));
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => AsConsultant.AddAsync(logId, Input("하나 더")));

        Assert.Equal(("recommendation.too-many", (object)Recommendation.MaxPerLog), (error.Code, error.Args.Single()));
        Assert.Equal(Recommendation.MaxPerLog, (await _s.ViewAsync(logId)).Recommendations.Count);
    }

    [Fact]
    public async Task AgencyStaffSeeOnlyTheirAgencysPublishedRecommendations()
    {
        // new visits: 해솔 사업 기획·평가 4 (approved) and 5 (a draft), 온새미 사업 기획·평가 1 (approved)
        var approved = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haesol, LogScenario.Planning));
        var draft = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haesol, LogScenario.Planning));
        var elsewhere = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Onsaemi, LogScenario.Planning));
        var published = await AsConsultant.AddAsync(approved, Input("해솔 공개"));
        var unpublished = await AsConsultant.AddAsync(draft, Input("해솔 미공개"));
        var otherAgencys = await AsConsultant.AddAsync(elsewhere, Input("온새미 공개"));
        foreach (var logId in new[] { approved, elsewhere })
        {
            var view = await _s.ViewAsync(logId);
            await _s.Logs(_s.Consultant).SubmitAsync(logId, LogScenario.Complete(view), view.Version);
            await _s.Logs(_s.Official).ApproveAsync(logId, null, await _s.VersionAsync(logId));
        }

        var haesol = await _s.Recommendations(_s.AgencyStaff).ListAsync();
        Assert.Contains(haesol, r => r.Id == published);
        Assert.DoesNotContain(haesol, r => r.Id == unpublished || r.Id == otherAgencys);
        Assert.All(haesol, r => Assert.NotNull(r.PublishedAtUtc));

        Guid onsaemiId;
        await using (var db = _s.CreateContext())
        {
            onsaemiId = await db.Agencies.Where(a => a.Name == LogScenario.Onsaemi).Select(a => a.Id).SingleAsync();
        }

        Assert.Equal([otherAgencys], (await _s.Recommendations(TestUser.StaffOf(onsaemiId)).ListAsync()).Select(r => r.Id));
        Assert.Empty(await _s.Recommendations(_s.OtherAgencyStaff).ListAsync());
        Assert.Empty(await _s.Recommendations(_s.AgencyStaff).ListAsync(Guid.NewGuid()));

        var mine = (await AsConsultant.ListAsync(_s.Week.ProgramId)).Select(r => r.Id).ToList();
        Assert.Contains(unpublished, mine);
        Assert.Contains(otherAgencys, mine);
        Assert.DoesNotContain(await _s.Recommendations(_s.OtherConsultant).ListAsync(), r => r.Id == published || r.Id == unpublished);
        // The unpublished one was raised in a draft: officials see it once the log is handed in.
        Assert.DoesNotContain(await _s.Recommendations(_s.Official).ListAsync(), r => r.Id == unpublished);
        Assert.Contains(await _s.Recommendations(_s.Official).ListAsync(), r => r.Id == published);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Recommendations(TestUser.Anonymous).ListAsync());
    }
}
