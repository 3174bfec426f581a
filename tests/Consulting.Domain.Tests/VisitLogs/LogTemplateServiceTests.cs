using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>Officials edit the log templates (seeded with the schema); a log keeps the sections it was opened with.</summary>
public class LogTemplateServiceTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    [Fact]
    public async Task OnlyOfficialsReadOrEditTemplates()
    {
        var template = (await _s.Templates(_s.Official).ListAsync())[0];

        foreach (var user in new[] { _s.Consultant, _s.AgencyStaff, TestUser.Anonymous })
        {
            var templates = _s.Templates(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => templates.ListAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => templates.GetAsync(template.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => templates.UpdateAsync(template.Id, "바꾼 이름", "Renamed", template.Sections, template.Version));
        }

        var again = (await _s.Templates(_s.Official).GetAsync(template.Id))!;
        Assert.Equal((template.Code, template.NameKo, template.Version), (again.Code, again.NameKo, again.Version));
    }

    [Fact]
    public async Task TheSchemaShipsTheDefaultTemplatesWithTheGeneralOneLast()
    {
        var templates = await _s.Templates(_s.Official).ListAsync();

        Assert.Equal(DefaultLogTemplates.All.Select(t => t.Code).Order(), templates.Select(t => t.Code).Order());
        Assert.Equal(LogTemplate.GeneralCode, templates[^1].Code);
        Assert.Null(await _s.Templates(_s.Official).GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task AnUpdateChangesTheTemplateButNotALogOpenedBefore()
    {
        // the week's visits 1 (opened before the update) and 2 (after); 해솔 사업 기획·평가
        var official = _s.Templates(_s.Official);
        var template = (await official.ListAsync()).Single(t => t.Code == "planning-evaluation");
        var before = await _s.Logs(_s.Consultant).OpenAsync(_s.Week.VisitIds[0]);
        var sectionsBefore = (await _s.ViewAsync(before)).Sections;

        var version = await official.UpdateAsync(
            template.Id, "사업 기획·평가 일지 (개정)", "Planning log (revised)",
            [
                new LogTemplateSection("findings", "현황", "Findings", null, null, true),
                new LogTemplateSection("", "평가 도구", "Evaluation tools", "사용 중인 평가 도구", null, true),
            ],
            template.Version);

        var updated = (await official.GetAsync(template.Id))!;
        Assert.Equal((version, "사업 기획·평가 일지 (개정)", "한가람 (데모 사업 담당자)", (DateTime?)_s.Clock.GetUtcNow().UtcDateTime),
            (updated.Version, updated.NameKo, updated.UpdatedByName, updated.UpdatedAtUtc));
        Assert.Equal("findings", updated.Sections[0].Key);
        Assert.StartsWith("s-", updated.Sections[1].Key, StringComparison.Ordinal);
        Assert.Equal(sectionsBefore, (await _s.ViewAsync(before)).Sections);
        Assert.Equal(sectionsBefore, (await _s.ViewAsync(await _s.Logs(_s.Consultant).OpenAsync(_s.Week.VisitIds[0]))).Sections);

        var after = await _s.ViewAsync(await _s.Logs(_s.Consultant).OpenAsync(_s.Week.VisitIds[1]));
        Assert.Equal(["findings", updated.Sections[1].Key], after.Sections.Select(s => s.Key));
        Assert.Equal(new BilingualName("평가 도구", "Evaluation tools"), after.Sections[1].Title);
    }

    [Fact]
    public async Task AStaleOrInvalidUpdateChangesNothing()
    {
        var official = _s.Templates(_s.Official);
        var template = (await official.ListAsync()).Single(t => t.Code == "monitoring");
        var current = await official.UpdateAsync(template.Id, template.NameKo, template.NameEn, [.. template.Sections.Take(2)], template.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => official.UpdateAsync(template.Id, "옛 버전에서", "From the old version", template.Sections, template.Version));
        Assert.Equal("logtemplate.sections-required", (await Assert.ThrowsAsync<DomainException>(() => official.UpdateAsync(template.Id, "빈 양식", "Empty", [], current))).Code);
        Assert.Equal("logtemplate.not-found", (await Assert.ThrowsAsync<DomainException>(() => official.UpdateAsync(Guid.NewGuid(), "없음", "None", template.Sections, current))).Code);

        var after = (await official.GetAsync(template.Id))!;
        Assert.Equal((current, template.NameKo), (after.Version, after.NameKo));
        Assert.Equal(template.Sections.Take(2), after.Sections);
    }
}
