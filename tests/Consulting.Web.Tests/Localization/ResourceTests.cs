using System.Text.RegularExpressions;
using System.Xml.Linq;
using Consulting.Testing;

namespace Consulting.Web.Tests.Localization;

/// <summary>Every text the pages ask for exists in Korean and in English.</summary>
public partial class ResourceTests
{
    private static readonly string WebRoot = Path.Combine(TestDatabaseServer.RepositoryRoot(), "src", "Consulting.Web");

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data").Select(e => (string)e.Attribute("name")!)];

    [Fact]
    public void KoreanAndEnglishHaveTheSameKeys()
    {
        var korean = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
    }

    [Fact]
    public void EveryKeyUsedInMarkupExists()
    {
        var korean = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebRoot, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !korean.Contains(u.Key)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEnumValueShownHasAText()
    {
        var korean = Keys("SharedResource.resx");
        var needed = Enum.GetNames<Domain.Programs.ProgramStatus>().Select(n => "ProgramStatus." + n)
            .Concat(Enum.GetNames<Domain.Programs.ProgramKind>().Select(n => "ProgramKind." + n))
            .Concat(Enum.GetNames<Domain.Programs.ApplicationStatus>().Select(n => "ApplicationStatus." + n));

        var missing = needed.Where(k => !korean.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryRuleTheDomainCanBreakHasAText()
    {
        // A refusal without its "Rule.{code}" text would reach Korean users as the English fallback message.
        var domainRoot = Path.Combine(TestDatabaseServer.RepositoryRoot(), "src", "Consulting.Domain");
        var korean = Keys("SharedResource.resx");
        var codes = Directory.EnumerateFiles(domainRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RuleCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .Distinct()
            .ToList();

        Assert.True(codes.Count > 50, $"only {codes.Count} rule codes found: is the pattern still right?");
        Assert.DoesNotContain(codes, c => !korean.Contains("Rule." + c));
    }

    [Fact]
    public void MarkupHasNoHangulOutsideResources()
    {
        // Korean text in markup would bypass the English resources; data values come from the database.
        var offenders = Directory.EnumerateFiles(WebRoot, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Hangul().IsMatch(LanguageNames().Replace(File.ReadAllText(f), "")))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex("""L\["([A-Za-z.]+)"[,\]]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(""""(?:new DomainException\(\s*|WithErrorCode\(|new VisitWarning\()"(?<code>[a-z][a-z0-9.-]+)"""")]
    private static partial Regex RuleCode();

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    // The language switch names each language in that language, which is the accessible convention.
    [GeneratedRegex("""lang="ko"[^>]*>한국어<""")]
    private static partial Regex LanguageNames();
}
