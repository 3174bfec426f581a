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
    private readonly List<ProgramParticipant> _participants = [];

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

    public IReadOnlyList<ProgramParticipant> Participants => _participants;

    public DateRange ConsultingPeriod => new(ConsultingStart, ConsultingEnd);

    public DateRange? RecruitmentWindow =>
        RecruitmentStart is { } start && RecruitmentEnd is { } end ? new DateRange(start, end) : null;

    /// <summary>Total planned visits at one participant: the sum over the areas.</summary>
    public int PlannedVisitsPerParticipant => _areas.Sum(a => a.PlannedVisits);

    public void Rename(string name)
    {
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

    /// <summary>An agency answers the recruitment call (참여 신청).</summary>
    public void Apply(Guid agencyId, DateTime nowUtc)
    {
        if (Status != ProgramStatus.Recruiting)
        {
            throw new DomainException("program.not-recruiting", "The programme is not taking applications.");
        }

        AddParticipant(agencyId, ParticipationStatus.Applied, nowUtc);
    }

    /// <summary>A monitoring round enrols its teams directly; there is no call.</summary>
    public void Enroll(Guid agencyId, DateTime nowUtc)
    {
        if (Kind != ProgramKind.Monitoring)
        {
            throw new DomainException("program.enroll-monitoring-only", "Only monitoring rounds enrol teams directly.");
        }

        if (Status is ProgramStatus.Closed)
        {
            throw new DomainException("program.closed", "The programme is closed.");
        }

        AddParticipant(agencyId, ParticipationStatus.Selected, nowUtc);
    }

    public void Decide(Guid agencyId, bool selected, DateTime nowUtc)
    {
        if (Status != ProgramStatus.Selecting)
        {
            throw new DomainException("program.not-selecting", "Agencies are selected only while the programme is selecting.");
        }

        var participant = _participants.SingleOrDefault(p => p.AgencyId == agencyId)
            ?? throw new DomainException("program.not-applied", "The agency has not applied.");
        participant.Decide(selected, nowUtc);
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

    public void Start()
    {
        // A monitoring round enrols its teams while still a draft, so it may start from there.
        var from = Kind == ProgramKind.Monitoring && Status == ProgramStatus.Draft ? ProgramStatus.Draft : ProgramStatus.Selecting;
        MoveFrom(from, ProgramStatus.InProgress);
        if (_areas.Count == 0)
        {
            throw new DomainException("program.needs-area", "A programme needs at least one area.");
        }

        if (!_participants.Any(p => p.Status == ParticipationStatus.Selected))
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

    private void AddParticipant(Guid agencyId, ParticipationStatus status, DateTime nowUtc)
    {
        if (_participants.Any(p => p.AgencyId == agencyId))
        {
            throw new DomainException("program.already-participant", "The agency already takes part in this programme.");
        }

        _participants.Add(new ProgramParticipant(Id, agencyId, status, nowUtc));
    }

    private void MoveFrom(ProgramStatus expected, ProgramStatus target)
    {
        if (Status != expected)
        {
            throw new DomainException("program.bad-transition", $"A programme cannot move from {Status} to {target}.");
        }
    }

    private void EnsureDraft()
    {
        if (Status != ProgramStatus.Draft)
        {
            throw new DomainException("program.areas-locked", "Areas can be changed only while the programme is a draft.");
        }
    }

    private ProgramArea FindArea(Guid areaId) =>
        _areas.SingleOrDefault(a => a.Id == areaId)
        ?? throw new DomainException("area.not-found", "The area does not exist.");
}
