using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Assessments;

/// <summary>
/// 자가진단 지표: the indicators of one area of one programme, each scored 1–5 with a short description of each level.
/// Officials edit it per programme; once an assessment of the area has been handed in, the indicators are fixed, so
/// every agency of the area is scored against the same list and before and after stay comparable.
/// </summary>
public class AssessmentChecklist
{
    public const int MaxIndicators = 20;

    private AssessmentChecklist()
    {
    }

    public AssessmentChecklist(Guid programId, Guid areaId, IReadOnlyList<Indicator> indicators, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        ProgramId = programId;
        AreaId = areaId;
        Indicators = Validate(indicators);
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AreaId { get; private set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public DateTime UpdatedAtUtc { get; private set; }

    public string? UpdatedByName { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    /// <param name="assessed">Whether any assessment of this area has been handed in.</param>
    public void Replace(IReadOnlyList<Indicator> indicators, bool assessed, Actor by, DateTime nowUtc)
    {
        if (assessed)
        {
            throw new DomainException("checklist.locked", "Indicators cannot change once an assessment of the area has been handed in.");
        }

        Indicators = Validate(indicators);
        UpdatedByName = by.Name;
        UpdatedAtUtc = nowUtc;
    }

    public Indicator Find(string code) =>
        Indicators.SingleOrDefault(i => i.Code == code) ?? throw new DomainException("checklist.unknown-indicator", "The indicator does not exist.");

    private static List<Indicator> Validate(IReadOnlyList<Indicator> indicators)
    {
        if (indicators.Count is 0 or > MaxIndicators)
        {
            throw new DomainException("checklist.count", $"A checklist has between 1 and {MaxIndicators} indicators.", MaxIndicators);
        }

        var cleaned = indicators.Select(i => i.Cleaned()).ToList();
        if (cleaned.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count() != cleaned.Count)
        {
            throw new DomainException("checklist.duplicate", "Two indicators have the same code.");
        }

        return cleaned;
    }
}

/// <summary>One indicator: what is scored, and what each of the five levels (1 = lowest) looks like.</summary>
public sealed record Indicator(string Code, string TextKo, string TextEn, IReadOnlyList<string> Levels)
{
    public const int CodeMaxLength = 50;
    public const int TextMaxLength = 300;
    public const int LevelMaxLength = 300;
    public const int LevelCount = 5;

    public BilingualName Text => new(TextKo, TextEn);

    internal Indicator Cleaned()
    {
        var code = Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > CodeMaxLength)
        {
            throw new DomainException("checklist.code-required", "Every indicator needs a short code.");
        }

        var ko = FreeText.Required(TextKo, TextMaxLength, "checklist.text-required", "Every indicator needs a text.");
        var en = FreeText.Optional(TextEn, TextMaxLength) ?? ko;
        if (Levels is null || Levels.Count != LevelCount)
        {
            throw new DomainException("checklist.levels", "Describe each of the five levels.");
        }

        var levels = Levels.Select(l => FreeText.Required(l, LevelMaxLength, "checklist.levels", "Describe each of the five levels.")).ToList();
        return new Indicator(code, ko, en, levels);
    }
}
