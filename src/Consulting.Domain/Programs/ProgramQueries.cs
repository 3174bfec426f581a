using Consulting.Domain.Recruitment;

namespace Consulting.Domain.Programs;

public sealed record ProgramListQuery(string? Search = null, ProgramKind? Kind = null, int? Year = null)
{
    public const int SearchMaxLength = 100;
}

public sealed record ProgramSummary(
    Guid Id,
    string Name,
    ProgramKind Kind,
    int Year,
    ProgramStatus Status,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    int AreaCount,
    int SelectedCount);

public sealed record ProgramOverview(
    Guid Id,
    string Name,
    ProgramKind Kind,
    int Year,
    ProgramStatus Status,
    DateOnly? RecruitmentStart,
    DateOnly? RecruitmentEnd,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    int? TargetAgencyCount,
    string? Description,
    IReadOnlyList<AreaSummary> Areas,
    IReadOnlyList<ParticipantSummary> Participants,
    uint Version)
{
    public int PlannedVisitsPerParticipant => Areas.Sum(a => a.PlannedVisits);

    public int SelectedCount => Participants.Count(p => p.Status == ApplicationStatus.Selected);

    public int EngagementCount => Participants.Sum(p => p.Engagements);

    public int PlannedVisitCount => Participants.Sum(p => p.PlannedVisits);
}

public sealed record AreaSummary(Guid Id, string Code, string NameKo, string NameEn, int PlannedVisits, IReadOnlyList<string> Topics)
{
    public string Name(bool korean) => korean ? NameKo : NameEn;
}

public sealed record ParticipantSummary(
    Guid AgencyId,
    string AgencyName,
    string TypeNameKo,
    string TypeNameEn,
    string District,
    ApplicationStatus Status,
    int Engagements,
    int PlannedVisits)
{
    public string TypeName(bool korean) => korean ? TypeNameKo : TypeNameEn;
}

/// <summary>The fields of the programme form. Kind is chosen once, when the programme is created.</summary>
public sealed record ProgramInput
{
    public string Name { get; set; } = "";

    public ProgramKind Kind { get; set; }

    public int Year { get; set; }

    public DateOnly? RecruitmentStart { get; set; }

    public DateOnly? RecruitmentEnd { get; set; }

    public DateOnly? ConsultingStart { get; set; }

    public DateOnly? ConsultingEnd { get; set; }

    public int? TargetAgencyCount { get; set; }

    public string? Description { get; set; }
}

/// <summary>One area as the areas editor sends it.</summary>
public sealed record AreaInput
{
    public string NameKo { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int PlannedVisits { get; set; } = 1;

    public IReadOnlyList<string> Topics { get; set; } = [];
}

/// <summary>A programme as loaded for editing, with the version every change must match.</summary>
public sealed record ProgramEdit(
    Guid Id,
    string Name,
    ProgramKind Kind,
    int Year,
    ProgramStatus Status,
    DateOnly? RecruitmentStart,
    DateOnly? RecruitmentEnd,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    int? TargetAgencyCount,
    string? Description,
    IReadOnlyList<AreaSummary> Areas,
    uint Version)
{
    public bool AreasEditable => Status == ProgramStatus.Draft;

    public ProgramInput ToInput() => new()
    {
        Name = Name,
        Kind = Kind,
        Year = Year,
        RecruitmentStart = RecruitmentStart,
        RecruitmentEnd = RecruitmentEnd,
        ConsultingStart = ConsultingStart,
        ConsultingEnd = ConsultingEnd,
        TargetAgencyCount = TargetAgencyCount,
        Description = Description,
    };
}
