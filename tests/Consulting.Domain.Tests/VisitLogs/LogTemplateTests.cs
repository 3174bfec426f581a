using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.VisitLogs;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>What a log template must hold: a name, at least one titled section, keys unique (made up when left blank).</summary>
public class LogTemplateTests
{
    private static readonly DateTime Now = new(2025, 6, 20, 3, 0, 0, DateTimeKind.Utc);

    private static LogTemplateSection Section(string key, string title = "현황", bool required = false) =>
        new(key, title, "Findings", "무엇을 확인했는지", "What you found", required);

    private static LogTemplate Template() =>
        new(Guid.NewGuid(), "test", "시험 일지", "Test log", ["organisation"], [Section("findings", required: true)]);

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void AnUpdateReplacesNameAndSectionsAndSaysWhoAndWhen()
    {
        var template = Template();

        template.Update("  조직 일지 ", " Organisation log ", [Section("findings", required: true), Section("advice", "자문 내용")], "한가람", Now);

        Assert.Equal(new BilingualName("조직 일지", "Organisation log"), template.Name);
        Assert.Equal(["findings", "advice"], template.Sections.Select(s => s.Key));
        Assert.Equal(((DateTime?)Now, "한가람"), (template.UpdatedAtUtc, template.UpdatedByName));
    }

    [Fact]
    public void ATemplateNeedsAtLeastOneSection()
    {
        Assert.Equal("logtemplate.sections-required", CodeOf(() => _ = new LogTemplate(Guid.NewGuid(), "x", "일지", "Log", [], [])));

        var template = Template();
        Assert.Equal("logtemplate.sections-required", CodeOf(() => template.Update("일지", "Log", [], "한가람", Now)));
        Assert.Single(template.Sections);
    }

    [Fact]
    public void AtMostTwelveSections()
    {
        var template = Template();
        var thirteen = Enumerable.Range(1, LogTemplate.MaxSections + 1).Select(i => Section($"s{i}")).ToList();

        Assert.Equal("logtemplate.too-many-sections", CodeOf(() => template.Update("일지", "Log", thirteen, "한가람", Now)));
        template.Update("일지", "Log", thirteen[..LogTemplate.MaxSections], "한가람", Now);
        Assert.Equal(LogTemplate.MaxSections, template.Sections.Count);
    }

    [Fact]
    public void SectionKeysMustBeUnique()
    {
        var template = Template();

        Assert.Equal("logtemplate.duplicate-key", CodeOf(() => template.Update("일지", "Log", [Section("findings"), Section(" findings ")], "한가람", Now)));
        Assert.Equal(["findings"], template.Sections.Select(s => s.Key));
    }

    [Fact]
    public void ABlankKeyIsMadeUpAndDiffersFromEveryOther()
    {
        var template = Template();

        template.Update("일지", "Log", [Section("findings"), Section(""), Section("  ")], "한가람", Now);

        var keys = template.Sections.Select(s => s.Key).ToList();
        Assert.Equal("findings", keys[0]);
        Assert.All(keys[1..], k => Assert.Matches("^s-[0-9a-f]{8}$", k));
        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public void EverySectionNeedsATitleInBothLanguagesAndTheTemplateANameInBoth()
    {
        var template = Template();

        Assert.Equal("logtemplate.title-required", CodeOf(() => template.Update("일지", "Log", [Section("a", " ")], "한가람", Now)));
        Assert.Equal("logtemplate.title-required", CodeOf(() => template.Update("일지", "Log", [Section("a") with { TitleEn = "" }], "한가람", Now)));
        Assert.Equal("logtemplate.name-required", CodeOf(() => template.Update("", "Log", [Section("a")], "한가람", Now)));
        Assert.Equal("logtemplate.name-required", CodeOf(() => template.Update("일지", " ", [Section("a")], "한가람", Now)));
        Assert.Equal("시험 일지", template.NameKo);
    }

    [Fact]
    public void PromptsAreOptionalAndTrimmed()
    {
        var template = Template();

        template.Update("일지", "Log", [Section("a") with { PromptKo = "  ", PromptEn = " Say what you saw " }], "한가람", Now);

        Assert.Equal((null, "Say what you saw"), (template.Sections[0].PromptKo, template.Sections[0].PromptEn));
    }

    [Fact]
    public void MarkupInATitleOrPromptIsRefused()
    {
        var template = Template();

        Assert.Equal("common.markup", CodeOf(() => template.Update("일지", "Log", [Section("a", "<script>alert(1)</script>")], "한가람", Now)));
        Assert.Equal("common.markup", CodeOf(() => template.Update("일지", "Log", [Section("a") with { PromptEn = "<img src=x onerror=alert(1)>" }], "한가람", Now)));
    }

    [Fact]
    public void ATooLongKeyIsRefused()
    {
        var template = Template();

        Assert.Equal("common.too-long", CodeOf(() => template.Update("일지", "Log", [Section(new string('k', LogTemplate.CodeMaxLength + 1))], "한가람", Now)));
    }

    [Fact]
    public void TheDefaultTemplatesAreValidAndEveryAreaHasOne()
    {
        var all = DefaultLogTemplates.All;

        Assert.Equal(all.Count, all.Select(t => t.Code).Distinct().Count());
        Assert.Single(all, t => t.Code == LogTemplate.GeneralCode);
        var areaCodes = all.SelectMany(t => t.AreaCodes).ToList();
        Assert.Equal(areaCodes.Count, areaCodes.Distinct().Count());
        foreach (var code in DefaultAreas.Consulting.Concat(DefaultAreas.Monitoring).Select(a => a.Code))
        {
            Assert.Contains(code, areaCodes);
        }

        Assert.All(all, t => Assert.Contains(t.Sections, s => s.Required));
    }
}
