using Consulting.Domain.Common;

namespace Consulting.Domain.Engagements;

/// <summary>One engagement on the programme's assignment board, with its progress and the agency's open change requests.</summary>
public sealed record EngagementRow(
    Guid Id,
    Guid AgencyId,
    string AgencyName,
    string District,
    Guid AreaId,
    BilingualName AreaName,
    int AreaOrder,
    Guid? ConsultantId,
    string? ConsultantName,
    int PlannedVisits,
    int Scheduled,
    int Completed,
    DateTime? NextVisitUtc,
    int HeldSoFar,
    int ExpectedByToday,
    int ChangeRequests,
    uint Version)
{
    /// <summary>
    /// Fewer visits are done (completed by their log, or held within the last <see cref="AssignmentService.LoggingGrace"/>)
    /// than the share of the period already gone asks for.
    /// </summary>
    public bool Behind => HeldSoFar < ExpectedByToday;
}

public sealed record AssignmentBoardFilter(Guid? AreaId = null, Guid? ConsultantId = null, bool UnassignedOnly = false, bool BehindOnly = false);

/// <summary>A consultant who could take an engagement, with what they already carry in the programme and what clashes.</summary>
public sealed record Candidate(
    Guid ConsultantId,
    string Name,
    string? Affiliation,
    string? Region,
    int Engagements,
    int PlannedVisits,
    int MaxVisitsPerWeek,
    int Clashes,
    int UnavailableOnVisitDays,
    bool IsCurrent);

/// <summary>Progress of one area or one agency across the programme.</summary>
public sealed record ProgressRow(Guid Id, string Name, BilingualName? AreaName, int Engagements, int Assigned, int PlannedVisits, int Scheduled, int Completed, int Behind);

public sealed record ProgramProgress(IReadOnlyList<ProgressRow> ByArea, IReadOnlyList<ProgressRow> ByAgency, int PlannedVisits, int Scheduled, int Completed, int Behind);

/// <summary>A consultant's own engagement, as their home page lists it.</summary>
public sealed record MyEngagement(
    Guid Id,
    Guid ProgramId,
    string ProgramName,
    string AgencyName,
    BilingualName AreaName,
    int PlannedVisits,
    int Scheduled,
    int Completed,
    DateTime? NextVisitUtc,
    DateTime? LastVisitUtc);
