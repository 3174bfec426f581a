using Consulting.Domain.Common;

namespace Consulting.Domain.Visits;

/// <summary>A time as the user enters it: a Seoul date and wall-clock start and end.</summary>
public sealed record VisitInput(DateOnly Date, TimeOnly Start, TimeOnly End, VisitMode Mode, string? Place)
{
    public VisitPlan ToPlan() => new(
        SeoulTime.ToUtc(Date.ToDateTime(Start)),
        SeoulTime.ToUtc(End == TimeOnly.MinValue ? Date.AddDays(1).ToDateTime(End) : Date.ToDateTime(End)),
        Mode,
        Place);

    public static VisitInput From(VisitPlan plan)
    {
        var start = SeoulTime.ToSeoul(plan.StartsAtUtc);
        var end = SeoulTime.ToSeoul(plan.EndsAtUtc);
        return new VisitInput(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), plan.Mode, plan.Place);
    }
}

/// <summary>
/// What happened to a schedule or move: saved, or held back because of warnings the user has not overridden yet
/// (they see them and may save again with a reason).
/// </summary>
public sealed record ScheduleOutcome(bool Saved, Guid? VisitId, IReadOnlyList<VisitWarning> Warnings)
{
    public static ScheduleOutcome Held(IReadOnlyList<VisitWarning> warnings) => new(false, null, warnings);
}

/// <summary>A visit as calendars show it.</summary>
public sealed record CalendarVisit(
    Guid Id,
    Guid EngagementId,
    int Number,
    int PlannedVisits,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    VisitStatus Status,
    VisitMode Mode,
    string? Place,
    Guid AgencyId,
    string AgencyName,
    string District,
    Guid AreaId,
    BilingualName AreaName,
    Guid? ConsultantId,
    string? ConsultantName,
    bool ChangeRequested,
    int Sequence,
    DateTime UpdatedAtUtc,
    uint Version);

/// <summary>Which visits a calendar shows; each role sees only what it may (officials may filter by anything).</summary>
public sealed record CalendarQuery(
    DateTime FromUtc,
    DateTime ToUtc,
    Guid? ProgramId = null,
    Guid? AreaId = null,
    Guid? ConsultantId = null,
    Guid? AgencyId = null,
    string? District = null,
    bool IncludeCancelled = false);

public sealed record VisitDetail(
    Guid Id,
    Guid EngagementId,
    Guid ProgramId,
    string ProgramName,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    int Number,
    int PlannedVisits,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    VisitMode Mode,
    string? Place,
    VisitStatus Status,
    string? StatusReason,
    string? ChangeRequest,
    DateTime? ChangeRequestedAtUtc,
    string AgencyName,
    BilingualName AreaName,
    string? ConsultantName,
    IReadOnlyList<VisitChangeRow> History,
    uint Version);

public sealed record VisitChangeRow(
    DateTime AtUtc,
    VisitChangeKind Kind,
    string ByName,
    DateTime? OldStartsAtUtc,
    DateTime? OldEndsAtUtc,
    DateTime NewStartsAtUtc,
    DateTime NewEndsAtUtc,
    VisitStatus? OldStatus,
    VisitStatus NewStatus,
    string? Reason,
    IReadOnlyList<string> OverriddenWarnings);

/// <summary>One engagement with its visits 1..n (scheduled or not) and its assignment history.</summary>
public sealed record EngagementDetail(
    Guid Id,
    Guid ProgramId,
    string ProgramName,
    DateOnly ConsultingStart,
    DateOnly ConsultingEnd,
    bool ProgramClosed,
    Guid AgencyId,
    string AgencyName,
    string? AgencyAddress,
    BilingualName AreaName,
    string AreaCode,
    Guid? ConsultantId,
    string? ConsultantName,
    int PlannedVisits,
    IReadOnlyList<VisitSlotRow> Visits,
    IReadOnlyList<AssignmentRow> Assignments,
    uint Version);

/// <summary>Visit k of an engagement: its scheduled visit, or null while it has no time.</summary>
public sealed record VisitSlotRow(int Number, CalendarVisit? Visit);

public sealed record AssignmentRow(DateTime AtUtc, string ConsultantName, string? PreviousConsultantName, string ByName, string? Reason);
