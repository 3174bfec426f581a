using Consulting.Domain.Common;

namespace Consulting.Domain.Programs;

/// <summary>분야: one area of a programme, visited a planned number of times at each participant.</summary>
public class ProgramArea
{
    public const int NameMaxLength = 100;
    public const int TopicMaxLength = 200;
    public const int MaxTopics = 20;
    public const int MaxPlannedVisits = 20;

    private List<string> _topics = [];

    private ProgramArea()
    {
    }

    internal ProgramArea(Guid programId, string code, string nameKo, string nameEn, int plannedVisits, IEnumerable<string> topics, int sortOrder)
    {
        Id = IdGenerator.New();
        ProgramId = programId;
        Code = code;
        SortOrder = sortOrder;
        Update(nameKo, nameEn, plannedVisits, topics);
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    /// <summary>A stable key (e.g. "organisation"), so later years and templates can recognise the area.</summary>
    public string Code { get; private set; } = "";

    public string NameKo { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int PlannedVisits { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyList<string> Topics => _topics;

    public string Name(bool korean) => korean ? NameKo : NameEn;

    internal void Update(string nameKo, string nameEn, int plannedVisits, IEnumerable<string> topics)
    {
        NameKo = RequiredName(nameKo);
        NameEn = RequiredName(nameEn);
        if (plannedVisits is < 1 or > MaxPlannedVisits)
        {
            throw new DomainException("area.planned-visits-range", $"An area has between 1 and {MaxPlannedVisits} planned visits.");
        }

        PlannedVisits = plannedVisits;
        var cleaned = topics.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (cleaned.Count > MaxTopics || cleaned.Any(t => t.Length > TopicMaxLength))
        {
            throw new DomainException("area.topics-too-many", $"At most {MaxTopics} topics of {TopicMaxLength} characters.");
        }

        _topics = cleaned;
    }

    private static string RequiredName(string name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("area.name-required", "An area needs a name.");
        }

        return trimmed.Length <= NameMaxLength
            ? trimmed
            : throw new DomainException("common.too-long", $"At most {NameMaxLength} characters.");
    }
}
