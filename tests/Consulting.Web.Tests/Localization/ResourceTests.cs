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

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    // The language switch names each language in that language, which is the accessible convention.
    [GeneratedRegex("""lang="ko"[^>]*>한국어<""")]
    private static partial Regex LanguageNames();
}
