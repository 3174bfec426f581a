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
    IReadOnlyList<ParticipantSummary> Participants)
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
