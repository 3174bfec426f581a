using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.Visits;

/// <summary>
/// 방문 회차: visit k of n of one engagement (one agency in one area), at a time and place. The engagement decides
/// whether a time is allowed (order, period); the database refuses a consultant or agency in two visits at once.
/// </summary>
public class Visit
{
    public const int PlaceMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    /// <summary>A visit that lasts longer than this is a typing mistake, not a consulting session.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(10);

    /// <summary>The statuses that hold a time slot (the exclusion constraints apply only to these).</summary>
    public static readonly IReadOnlyList<VisitStatus> HoldingStatuses = [VisitStatus.Planned, VisitStatus.Confirmed, VisitStatus.Completed];

    private readonly List<VisitChange> _changes = [];

    private Visit()
    {
    }

    internal Visit(Engagements.Engagement engagement, int number, VisitPlan plan, Actor by, string? reason, IReadOnlyList<VisitWarning> overridden, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        EngagementId = engagement.Id;
        ProgramId = engagement.ProgramId;
        AgencyId = engagement.AgencyId;
        AreaId = engagement.AreaId;
        ConsultantId = engagement.ConsultantId;
        Number = number;
        Status = VisitStatus.Planned;
        CreatedAtUtc = nowUtc;
        Apply(plan);
        Record(VisitChangeKind.Scheduled, by, reason, overridden, nowUtc, null, null, null);
    }

    public Guid Id { get; private set; }

    public Guid EngagementId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>Follows the engagement's consultant for visits still to come.</summary>
    public Guid? ConsultantId { get; private set; }

    public int Number { get; private set; }

    public DateTime StartsAtUtc { get; private set; }

    public DateTime EndsAtUtc { get; private set; }

    public VisitMode Mode { get; private set; }

    public string? Place { get; private set; }

    public VisitStatus Status { get; private set; }

    /// <summary>Why the visit was cancelled or postponed.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>The agency's open request for another time, until the visit is moved.</summary>
    public string? ChangeRequest { get; private set; }

    public DateTime? ChangeRequestedAtUtc { get; private set; }

    /// <summary>iCalendar SEQUENCE: goes up with every change a subscribed calendar must pick up.</summary>
    public int Sequence { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<VisitChange> Changes => _changes;

    /// <summary>Whether the visit holds its time slot (it can clash with others).</summary>
    public bool HoldsSlot => HoldingStatuses.Contains(Status);

    public VisitPlan Plan => new(StartsAtUtc, EndsAtUtc, Mode, Place);

    internal void Move(VisitPlan plan, Actor by, string? reason, IReadOnlyList<VisitWarning> overridden, DateTime nowUtc)
    {
        if (Status == VisitStatus.Completed)
        {
            throw new DomainException("visit.completed-locked", "A completed visit cannot be moved.");
        }

        var (oldStart, oldEnd, oldStatus) = (StartsAtUtc, EndsAtUtc, Status);
        Apply(plan);

        // A new time needs confirming again; a postponed or cancelled visit is back on the calendar.
        Status = VisitStatus.Planned;
        StatusReason = null;
        ChangeRequest = null;
        ChangeRequestedAtUtc = null;
        Record(VisitChangeKind.Moved, by, reason, overridden, nowUtc, oldStart, oldEnd, oldStatus);
    }

    public void Confirm(Actor by, DateTime nowUtc)
    {
        MoveStatus(VisitStatus.Confirmed, [VisitStatus.Planned], "visit.confirm-planned-only", "Only a planned visit can be confirmed.");
        Record(VisitChangeKind.Confirmed, by, null, [], nowUtc, null, null, VisitStatus.Planned);
    }

    public void Complete(Actor by, DateTime nowUtc)
    {
        if (StartsAtUtc > nowUtc)
        {
            throw new DomainException("visit.complete-future", "A visit cannot be completed before it starts.");
        }

        var old = Status;
        MoveStatus(VisitStatus.Completed, [VisitStatus.Planned, VisitStatus.Confirmed], "visit.complete-open-only", "Only a planned or confirmed visit can be completed.");
        Record(VisitChangeKind.Completed, by, null, [], nowUtc, null, null, old);
    }

    public void Cancel(string reason, Actor by, DateTime nowUtc) => CallOff(VisitStatus.Cancelled, VisitChangeKind.Cancelled, reason, by, nowUtc);

    public void Postpone(string reason, Actor by, DateTime nowUtc) => CallOff(VisitStatus.Postponed, VisitChangeKind.Postponed, reason, by, nowUtc);

    /// <summary>The agency asks for another time; the official or consultant answers by moving the visit.</summary>
    public void RequestChange(string reason, Actor by, DateTime nowUtc)
    {
        if (Status is not (VisitStatus.Planned or VisitStatus.Confirmed))
        {
            throw new DomainException("visit.request-open-only", "A change can be asked for only for a planned or confirmed visit.");
        }

        ChangeRequest = FreeText.Required(reason, ReasonMaxLength, "visit.reason-required", "Give a reason.");
        ChangeRequestedAtUtc = nowUtc;
        Record(VisitChangeKind.ChangeRequested, by, ChangeRequest, [], nowUtc, null, null, null);
    }

    internal void Reassign(Guid? consultantId, Actor by, string? reason, DateTime nowUtc)
    {
        ConsultantId = consultantId;
        Record(VisitChangeKind.Reassigned, by, reason, [], nowUtc, null, null, null);
    }

    private void CallOff(VisitStatus target, VisitChangeKind kind, string reason, Actor by, DateTime nowUtc)
    {
        var old = Status;
        var text = FreeText.Required(reason, ReasonMaxLength, "visit.reason-required", "Give a reason.");
        MoveStatus(target, [VisitStatus.Planned, VisitStatus.Confirmed], "visit.call-off-open-only", "Only a planned or confirmed visit can be cancelled or postponed.");
        StatusReason = text;
        Record(kind, by, text, [], nowUtc, null, null, old);
    }

    private void MoveStatus(VisitStatus target, VisitStatus[] from, string code, string message)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(code, message);
        }

        Status = target;
    }

    private void Apply(VisitPlan plan)
    {
        plan.Validate();
        StartsAtUtc = plan.StartsAtUtc;
        EndsAtUtc = plan.EndsAtUtc;
        Mode = plan.Mode;
        Place = FreeText.Optional(plan.Place, PlaceMaxLength);
    }

    private void Record(
        VisitChangeKind kind, Actor by, string? reason, IReadOnlyList<VisitWarning> overridden, DateTime nowUtc,
        DateTime? oldStart, DateTime? oldEnd, VisitStatus? oldStatus)
    {
        Sequence++;
        UpdatedAtUtc = nowUtc;
        _changes.Add(new VisitChange(
            Id, kind, by, FreeText.Optional(reason, ReasonMaxLength), overridden.Select(w => w.Code), nowUtc,
            oldStart, oldEnd, StartsAtUtc, EndsAtUtc, oldStatus, Status));
    }
}

/// <summary>When, how and where a visit takes place.</summary>
public sealed record VisitPlan(DateTime StartsAtUtc, DateTime EndsAtUtc, VisitMode Mode, string? Place)
{
    public DateOnly SeoulDate => SeoulTime.DateOf(StartsAtUtc);

    public void Validate()
    {
        if (StartsAtUtc.Kind == DateTimeKind.Local || EndsAtUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Visit times are UTC.");
        }

        if (EndsAtUtc <= StartsAtUtc)
        {
            throw new DomainException("visit.end-before-start", "A visit must end after it starts.");
        }

        if (EndsAtUtc - StartsAtUtc > Visit.MaxDuration)
        {
            throw new DomainException("visit.too-long", $"A visit lasts at most {Visit.MaxDuration.TotalHours} hours.", Visit.MaxDuration.TotalHours);
        }

        if (SeoulTime.DateOf(EndsAtUtc.AddTicks(-1)) != SeoulDate)
        {
            throw new DomainException("visit.one-day", "A visit starts and ends on the same day.");
        }
    }

    public bool Overlaps(DateTime startsAtUtc, DateTime endsAtUtc) => StartsAtUtc < endsAtUtc && startsAtUtc < EndsAtUtc;
}

/// <summary>Who made a change, as the history shows it.</summary>
public sealed record Actor(Guid UserId, string Name);

/// <summary>One line of a visit's history: what changed, from what to what, who and why.</summary>
public class VisitChange
{
    public const int WarningsMaxLength = 500;

    private VisitChange()
    {
    }

    internal VisitChange(
        Guid visitId, VisitChangeKind kind, Actor by, string? reason, IEnumerable<string> overriddenWarnings, DateTime atUtc,
        DateTime? oldStart, DateTime? oldEnd, DateTime newStart, DateTime newEnd, VisitStatus? oldStatus, VisitStatus newStatus)
    {
        Id = IdGenerator.New();
        VisitId = visitId;
        Kind = kind;
        ByUserId = by.UserId;
        ByName = by.Name;
        Reason = reason;
        OverriddenWarnings = string.Join(",", overriddenWarnings.Distinct());
        AtUtc = atUtc;
        OldStartsAtUtc = oldStart;
        OldEndsAtUtc = oldEnd;
        NewStartsAtUtc = newStart;
        NewEndsAtUtc = newEnd;
        OldStatus = oldStatus;
        NewStatus = newStatus;
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public VisitChangeKind Kind { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string? Reason { get; private set; }

    /// <summary>The warning codes the user saw and overrode with <see cref="Reason"/>, comma-separated; empty when none.</summary>
    public string OverriddenWarnings { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public DateTime? OldStartsAtUtc { get; private set; }

    public DateTime? OldEndsAtUtc { get; private set; }

    public DateTime NewStartsAtUtc { get; private set; }

    public DateTime NewEndsAtUtc { get; private set; }

    public VisitStatus? OldStatus { get; private set; }

    public VisitStatus NewStatus { get; private set; }
}

public enum VisitStatus
{
    Planned,
    Confirmed,
    Completed,
    Cancelled,
    Postponed,
}

public enum VisitMode
{
    OnSite,
    Online,
    Phone,
}

public enum VisitChangeKind
{
    Scheduled,
    Moved,
    Confirmed,
    Completed,
    Cancelled,
    Postponed,
    Reassigned,
    ChangeRequested,
}

/// <summary>Something the official should know before saving a time, and may override with a reason.</summary>
public sealed record VisitWarning(string Code, params object[] Args);
