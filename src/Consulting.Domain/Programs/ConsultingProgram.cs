using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.Programs;

/// <summary>사업: one year's consulting programme or one half-year's monitoring round.</summary>
public class ConsultingProgram
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private readonly List<ProgramArea> _areas = [];

    private ConsultingProgram()
    {
    }

    public ConsultingProgram(string name, ProgramKind kind, int year, DateRange consultingPeriod, DateRange? recruitmentWindow = null)
    {
        Id = IdGenerator.New();
        Kind = kind;
        Status = ProgramStatus.Draft;
        Rename(name);
        Reschedule(year, consultingPeriod, recruitmentWindow);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public ProgramKind Kind { get; private set; }

    public int Year { get; private set; }

    public DateOnly? RecruitmentStart { get; private set; }

    public DateOnly? RecruitmentEnd { get; private set; }

    public DateOnly ConsultingStart { get; private set; }

    public DateOnly ConsultingEnd { get; private set; }

    public int? TargetAgencyCount { get; private set; }

    public string? Description { get; private set; }

    public ProgramStatus Status { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<ProgramArea> Areas => _areas;

    public DateRange ConsultingPeriod => new(ConsultingStart, ConsultingEnd);

    public DateRange? RecruitmentWindow =>
        RecruitmentStart is { } start && RecruitmentEnd is { } end ? new DateRange(start, end) : null;

    /// <summary>Total planned visits at one participant: the sum over the areas.</summary>
    public int PlannedVisitsPerParticipant => _areas.Sum(a => a.PlannedVisits);

    public void Rename(string name)
    {
        EnsureNotClosed();
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("program.name-required", "A programme needs a name.");
        }

        Name = trimmed.Length <= NameMaxLength
            ? trimmed
            : throw new DomainException("common.too-long", $"At most {NameMaxLength} characters.");
    }

    public void Describe(string? description, int? targetAgencyCount)
    {
        EnsureNotClosed();
        if (description?.Length > DescriptionMaxLength)
        {
            throw new DomainException("common.too-long", $"At most {DescriptionMaxLength} characters.");
        }

        if (targetAgencyCount is < 1)
        {
            throw new DomainException("program.target-positive", "The target number of agencies must be at least 1.");
        }

        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        TargetAgencyCount = targetAgencyCount;
    }

    public void Reschedule(int year, DateRange consultingPeriod, DateRange? recruitmentWindow)
    {
        EnsureNotClosed();
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException("program.year-range", $"The year must lie between {MinYear} and {MaxYear}.");
        }

        if (recruitmentWindow is { } window && window.End > consultingPeriod.Start)
        {
            throw new DomainException("program.recruitment-after-start", "Recruitment must end before the consulting period starts.");
        }

        Year = year;
        ConsultingStart = consultingPeriod.Start;
        ConsultingEnd = consultingPeriod.End;
        RecruitmentStart = recruitmentWindow?.Start;
        RecruitmentEnd = recruitmentWindow?.End;
    }

    public ProgramArea AddArea(string code, string nameKo, string nameEn, int plannedVisits, IEnumerable<string> topics)
    {
        EnsureDraft();
        if (_areas.Any(a => a.Code == code || a.NameKo == nameKo.Trim()))
        {
            throw new DomainException("area.duplicate", "The programme already has an area of that name.");
        }

        var area = new ProgramArea(Id, code, nameKo, nameEn, plannedVisits, topics, _areas.Count + 1);
        _areas.Add(area);
        return area;
    }

    public void UpdateArea(Guid areaId, string nameKo, string nameEn, int plannedVisits, IEnumerable<string> topics)
    {
        EnsureDraft();
        FindArea(areaId).Update(nameKo, nameEn, plannedVisits, topics);
    }

    public void RemoveArea(Guid areaId)
    {
        EnsureDraft();
        _areas.Remove(FindArea(areaId));
    }

    /// <summary>Whether agencies may apply, edit or withdraw on <paramref name="today"/> (Seoul date).</summary>
    public bool IsTakingApplications(DateOnly today) =>
        Status == ProgramStatus.Recruiting && RecruitmentWindow is { } window && window.Contains(today);

    public bool IsClosed => Status == ProgramStatus.Closed;

    public ProgramArea FindArea(Guid areaId) =>
        _areas.SingleOrDefault(a => a.Id == areaId)
        ?? throw new DomainException("area.not-found", "The area does not exist.");

    /// <summary>A draft for next year: same kind and areas, dates a year later, name with the next year.</summary>
    public ConsultingProgram CopyToNextYear()
    {
        var year = Year + 1;
        var name = Name.Contains(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? Name.Replace(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : $"{year} {Name}";
        if (name.Length > NameMaxLength)
        {
            name = name[..NameMaxLength];
        }

        var copy = new ConsultingProgram(
            name,
            Kind,
            Math.Min(year, MaxYear),
            new DateRange(ConsultingStart.AddYears(1), ConsultingEnd.AddYears(1)),
            RecruitmentWindow is { } w ? new DateRange(w.Start.AddYears(1), w.End.AddYears(1)) : null);
        copy.Describe(Description, TargetAgencyCount);
        foreach (var area in _areas.OrderBy(a => a.SortOrder))
        {
            copy.AddArea(area.Code, area.NameKo, area.NameEn, area.PlannedVisits, area.Topics);
        }

        return copy;
    }

    public void OpenRecruitment()
    {
        MoveFrom(ProgramStatus.Draft, ProgramStatus.Recruiting);
        if (_areas.Count == 0)
        {
            throw new DomainException("program.needs-area", "A programme needs at least one area before recruiting.");
        }

        if (RecruitmentWindow is null)
        {
            throw new DomainException("program.needs-window", "A programme needs a recruitment window before recruiting.");
        }

        Status = ProgramStatus.Recruiting;
    }

    public void StartSelection()
    {
        MoveFrom(ProgramStatus.Recruiting, ProgramStatus.Selecting);
        Status = ProgramStatus.Selecting;
    }

    /// <param name="selectedAgencies">How many agencies are selected (or enrolled); at least one is needed.</param>
    public void Start(int selectedAgencies)
    {
        // A monitoring round enrols its teams while still a draft, so it may start from there.
        var from = Kind == ProgramKind.Monitoring && Status == ProgramStatus.Draft ? ProgramStatus.Draft : ProgramStatus.Selecting;
        MoveFrom(from, ProgramStatus.InProgress);
        if (_areas.Count == 0)
        {
            throw new DomainException("program.needs-area", "A programme needs at least one area.");
        }

        if (selectedAgencies < 1)
        {
            throw new DomainException("program.needs-selection", "Select at least one agency before starting.");
        }

        Status = ProgramStatus.InProgress;
    }

    public void Close()
    {
        MoveFrom(ProgramStatus.InProgress, ProgramStatus.Closed);
        Status = ProgramStatus.Closed;
    }

    private void MoveFrom(ProgramStatus expected, ProgramStatus target)
    {
        if (Status != expected)
        {
            throw new DomainException("program.bad-transition", $"A programme cannot move from {Status} to {target}.");
        }
    }

    private void EnsureNotClosed()
    {
        if (Status == ProgramStatus.Closed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }
    }

    private void EnsureDraft()
    {
        if (Status != ProgramStatus.Draft)
        {
            throw new DomainException("program.areas-locked", "Areas can be changed only while the programme is a draft.");
        }
    }
}
