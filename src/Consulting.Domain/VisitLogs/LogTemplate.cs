using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.VisitLogs;

/// <summary>
/// 일지 양식: the sections a visit log of some areas is written in, with a prompt for each. Officials edit templates;
/// a log copies its template's sections when it is opened, so a later edit never changes a log already written.
/// </summary>
public class LogTemplate
{
    public const int CodeMaxLength = 60;
    public const int NameMaxLength = 100;
    public const int TitleMaxLength = 100;
    public const int PromptMaxLength = 500;
    public const int MaxSections = 12;

    /// <summary>The template for an area whose code no other template lists.</summary>
    public const string GeneralCode = "general";

    private LogTemplate()
    {
    }

    internal LogTemplate(Guid id, string code, string nameKo, string nameEn, IReadOnlyList<string> areaCodes, IReadOnlyList<LogTemplateSection> sections)
    {
        Id = id;
        Code = code;
        AreaCodes = areaCodes;
        (NameKo, NameEn, Sections) = Checked(nameKo, nameEn, sections);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string NameKo { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>The area codes (<see cref="Programs.ProgramArea.Code"/>) whose logs use this template.</summary>
    public IReadOnlyList<string> AreaCodes { get; private set; } = [];

    public IReadOnlyList<LogTemplateSection> Sections { get; private set; } = [];

    public DateTime? UpdatedAtUtc { get; private set; }

    public string? UpdatedByName { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public BilingualName Name => new(NameKo, NameEn);

    public void Update(string nameKo, string nameEn, IReadOnlyList<LogTemplateSection> sections, string byName, DateTime nowUtc)
    {
        (NameKo, NameEn, Sections) = Checked(nameKo, nameEn, sections);
        UpdatedAtUtc = nowUtc;
        UpdatedByName = byName;
    }

    /// <summary>The names and sections as they are kept; checked whole, so a refused update changes nothing.</summary>
    private static (string NameKo, string NameEn, List<LogTemplateSection> Sections) Checked(
        string nameKo, string nameEn, IReadOnlyList<LogTemplateSection> sections) =>
        (FreeText.Required(nameKo, NameMaxLength, "logtemplate.name-required", "A template needs a name."),
         FreeText.Required(nameEn, NameMaxLength, "logtemplate.name-required", "A template needs a name."),
         Checked(sections));

    private static List<LogTemplateSection> Checked(IReadOnlyList<LogTemplateSection> sections)
    {
        if (sections.Count == 0)
        {
            throw new DomainException("logtemplate.sections-required", "A template needs at least one section.");
        }

        if (sections.Count > MaxSections)
        {
            throw new DomainException("logtemplate.too-many-sections", $"At most {MaxSections} sections.", MaxSections);
        }

        var cleaned = sections.Select(s => new LogTemplateSection(
                string.IsNullOrWhiteSpace(s.Key) ? "s-" + IdGenerator.New().ToString("N")[^8..] : s.Key.Trim(),
                FreeText.Required(s.TitleKo, TitleMaxLength, "logtemplate.title-required", "Every section needs a title."),
                FreeText.Required(s.TitleEn, TitleMaxLength, "logtemplate.title-required", "Every section needs a title."),
                FreeText.Optional(s.PromptKo, PromptMaxLength),
                FreeText.Optional(s.PromptEn, PromptMaxLength),
                s.Required))
            .ToList();
        if (cleaned.Select(s => s.Key).Distinct().Count() != cleaned.Count)
        {
            throw new DomainException("logtemplate.duplicate-key", "Two sections have the same key.");
        }

        if (cleaned.Any(s => s.Key.Length > CodeMaxLength))
        {
            throw new DomainException("common.too-long", $"At most {CodeMaxLength} characters.", CodeMaxLength);
        }

        return cleaned;
    }
}

/// <summary>A section of a log template: its title and the prompt shown to the consultant under it.</summary>
public sealed record LogTemplateSection(string Key, string TitleKo, string TitleEn, string? PromptKo, string? PromptEn, bool Required);
