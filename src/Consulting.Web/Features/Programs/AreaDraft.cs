using Consulting.Domain.Programs;

namespace Consulting.Web.Features.Programs;

/// <summary>One area as the areas editor holds it while the user types: topics as one line each.</summary>
public sealed class AreaDraft
{
    public Guid? Id { get; init; }

    /// <summary>The name as saved, so the fieldset keeps its caption while the name is being retyped.</summary>
    public string Legend { get; init; } = "";

    public string NameKo { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int PlannedVisits { get; set; } = 1;

    public string TopicsText { get; set; } = "";

    public static AreaDraft From(AreaSummary area, bool korean) => new()
    {
        Id = area.Id,
        Legend = area.Name(korean),
        NameKo = area.NameKo,
        NameEn = area.NameEn,
        PlannedVisits = area.PlannedVisits,
        TopicsText = string.Join('\n', area.Topics),
    };

    public AreaInput ToInput() => new()
    {
        NameKo = NameKo,
        NameEn = NameEn,
        PlannedVisits = PlannedVisits,
        Topics = [.. TopicsText.Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0)],
    };
}
