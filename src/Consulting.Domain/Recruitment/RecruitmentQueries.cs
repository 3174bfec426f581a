using Consulting.Domain.Programs;

namespace Consulting.Domain.Recruitment;

/// <summary>What an agency fills in: the areas it wants with its needs and hopes, and a contact person.</summary>
public sealed record ApplicationInput(
    string ContactName,
    string? ContactPhone,
    string? ContactEmail,
    IReadOnlyList<AreaRequestInput> Areas);

public sealed record AreaRequestInput(Guid AreaId, string? Needs, string? HopedChange);

/// <summary>A programme an agency can apply to now, or has applied to.</summary>
public sealed record OpenCall(
    Guid ProgramId,
    string ProgramName,
    ProgramKind Kind,
    DateOnly? RecruitmentEnd,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    bool IsOpen,
    Guid? ApplicationId,
    ApplicationStatus? Status,
    string? DecisionReason);

public sealed record ApplicationForm(
    Guid ProgramId,
    string ProgramName,
    DateOnly? RecruitmentStart,
    DateOnly? RecruitmentEnd,
    bool IsOpen,
    IReadOnlyList<AreaSummary> Areas,
    ApplicationDetail? Existing);

public sealed record ApplicationDetail(
    Guid Id,
    Guid ProgramId,
    string ProgramName,
    Guid AgencyId,
    string AgencyName,
    string AgencyTypeNameKo,
    string AgencyTypeNameEn,
    string District,
    ApplicationStatus Status,
    string ContactName,
    string? ContactPhone,
    string? ContactEmail,
    DateTime SubmittedAtUtc,
    string? DecisionReason,
    DateTime? DecidedAtUtc,
    IReadOnlyList<RequestedArea> Areas,
    uint Version);

public sealed record RequestedArea(Guid AreaId, string NameKo, string NameEn, int PlannedVisits, string? Needs, string? HopedChange)
{
    public string Name(bool korean) => korean ? NameKo : NameEn;
}

public sealed record ApplicationFilter(Guid? AreaId = null, string? TypeCode = null, string? District = null, ApplicationStatus? Status = null);

public sealed record ApplicationRow(
    Guid Id,
    Guid AgencyId,
    string AgencyName,
    string TypeCode,
    string TypeNameKo,
    string TypeNameEn,
    string District,
    ApplicationStatus Status,
    DateTime SubmittedAtUtc,
    IReadOnlyList<Guid> AreaIds,
    uint Version)
{
    public string TypeName(bool korean) => korean ? TypeNameKo : TypeNameEn;
}

/// <summary>The running mix the official watches while selecting.</summary>
public sealed record SelectionSummary(
    Guid ProgramId,
    string ProgramName,
    ProgramStatus ProgramStatus,
    int? TargetAgencyCount,
    int Submitted,
    int Selected,
    int Declined,
    int Engagements,
    int PlannedVisits,
    IReadOnlyList<TypeMix> ByType,
    IReadOnlyList<AreaSummary> Areas);

public sealed record TypeMix(string TypeCode, string NameKo, string NameEn, int Applied, int Selected)
{
    public string Name(bool korean) => korean ? NameKo : NameEn;
}
