using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Recommendations;

/// <summary>
/// 권고사항: what an agency should improve, raised by the consultant in a visit log. It belongs to the agency and the
/// engagement, starts Open, and reaches the agency when the log is approved; until then the consultant may change
/// or withdraw it with the log. Once published it follows the lifecycle
/// Open → Planned → InProgress → Submitted → Verified (or Returned back to InProgress), or NotAdoptionProposed →
/// NotAdopted when an official accepts the agency's reason. Every step is kept as an event for the timeline.
/// </summary>
public class Recommendation
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int EvidenceMaxLength = 1000;
    public const int MaxPerLog = 20;
    public const int PlanMaxLength = 2000;
    public const int OwnerMaxLength = 100;
    public const int NoteMaxLength = 2000;

    /// <summary>A due date further away than this is a typing mistake.</summary>
    public const int MaxDueYears = 3;

    private Recommendation()
    {
    }

    internal Recommendation(VisitLogs.VisitLog log, Guid areaId, RecommendationInput input, DateOnly earliestDue, Actor by, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        ProgramId = log.ProgramId;
        AgencyId = log.AgencyId;
        EngagementId = log.EngagementId;
        VisitLogId = log.Id;
        Status = RecommendationStatus.Open;
        CreatedByUserId = by.UserId;
        CreatedByName = by.Name;
        CreatedAtUtc = nowUtc;
        Update(areaId, input, earliestDue, nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid EngagementId { get; private set; }

    /// <summary>The area the recommendation is about (by default the engagement's own).</summary>
    public Guid AreaId { get; private set; }

    /// <summary>The log it was raised in.</summary>
    public Guid VisitLogId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What the agency should do, and why.</summary>
    public string Description { get; private set; } = "";

    public RecommendationPriority Priority { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>What evidence would show it done.</summary>
    public string? EvidenceExpected { get; private set; }

    public RecommendationStatus Status { get; private set; }

    /// <summary>When the agency could first see it (its log was approved); null while the log is not approved.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The agency's action plan: what it will do.</summary>
    public string? PlanWhat { get; private set; }

    /// <summary>The action plan: who at the agency is in charge.</summary>
    public string? PlanOwner { get; private set; }

    /// <summary>The action plan: by when.</summary>
    public DateOnly? PlanDueDate { get; private set; }

    /// <summary>The due date the consultant set, kept once an official has extended it.</summary>
    public DateOnly? OriginalDueDate { get; private set; }

    /// <summary>Where it stood when the agency proposed not adopting it; it goes back there if an official rejects that.</summary>
    public RecommendationStatus? StatusBeforeProposal { get; private set; }

    /// <summary>The agency's reason for not adopting it (while proposed or accepted).</summary>
    public string? NotAdoptedReason { get; private set; }

    public DateTime? StatusChangedAtUtc { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<RecommendationEvent> Events => _events;

    private readonly List<RecommendationEvent> _events = [];

    public bool IsPublished => PublishedAtUtc is not null;

    /// <summary>Statuses in which the agency still owes work.</summary>
    public static readonly IReadOnlyList<RecommendationStatus> ActiveStatuses =
        [RecommendationStatus.Open, RecommendationStatus.Planned, RecommendationStatus.InProgress];

    /// <summary>Statuses that end the follow-up.</summary>
    public static readonly IReadOnlyList<RecommendationStatus> FinalStatuses = [RecommendationStatus.Verified, RecommendationStatus.NotAdopted];

    public bool IsActive => ActiveStatuses.Contains(Status);

    public bool IsFinal => FinalStatuses.Contains(Status);

    /// <summary>Past its due date while the agency still owes work.</summary>
    public bool IsOverdueOn(DateOnly today) => IsActive && DueDate < today;

    /// <summary>Whether the current user's role may take a step right now (the UI shows only these).</summary>
    public static bool CanStep(RecommendationStatus status, RecommendationStep step) => step switch
    {
        RecommendationStep.Plan => status is RecommendationStatus.Open or RecommendationStatus.Planned or RecommendationStatus.InProgress,
        RecommendationStep.Progress => status is RecommendationStatus.Planned or RecommendationStatus.InProgress,
        RecommendationStep.AddEvidence => status is RecommendationStatus.Planned or RecommendationStatus.InProgress,
        RecommendationStep.Submit => status is RecommendationStatus.Planned or RecommendationStatus.InProgress,
        RecommendationStep.Verify or RecommendationStep.Return => status == RecommendationStatus.Submitted,
        RecommendationStep.ProposeNotAdopted => status is RecommendationStatus.Open or RecommendationStatus.Planned or RecommendationStatus.InProgress,
        RecommendationStep.DecideNotAdopted => status == RecommendationStatus.NotAdoptionProposed,
        RecommendationStep.ExtendDue => !FinalStatuses.Contains(status),
        _ => false,
    };

    internal void Update(Guid areaId, RecommendationInput input, DateOnly earliestDue, DateTime nowUtc)
    {
        if (IsPublished)
        {
            throw new DomainException("recommendation.published", "The recommendation has reached the agency; follow it up on its own page.");
        }

        if (!Enum.IsDefined(input.Priority))
        {
            throw new DomainException("recommendation.priority", "Choose a priority.");
        }

        if (input.DueDate < earliestDue)
        {
            throw new DomainException("recommendation.due-past", "The due date cannot be before the visit.", earliestDue);
        }

        if (input.DueDate > earliestDue.AddYears(MaxDueYears))
        {
            throw new DomainException("recommendation.due-too-far", $"The due date is at most {MaxDueYears} years after the visit.", MaxDueYears);
        }

        AreaId = areaId;
        Title = FreeText.Required(input.Title, TitleMaxLength, "recommendation.title-required", "Give the recommendation a title.");
        Description = FreeText.Required(input.Description, DescriptionMaxLength, "recommendation.description-required", "Say what the agency should do and why.");
        Priority = input.Priority;
        DueDate = input.DueDate;
        EvidenceExpected = FreeText.Optional(input.EvidenceExpected, EvidenceMaxLength);
        UpdatedAtUtc = nowUtc;
    }

    internal void Publish(Actor by, DateTime nowUtc)
    {
        if (PublishedAtUtc is not null)
        {
            return;
        }

        PublishedAtUtc = nowUtc;
        StatusChangedAtUtc = nowUtc;
        _events.Add(new RecommendationEvent(this, RecommendationEventKind.Published, Status, Status, by, null, nowUtc));
    }

    // ---- the agency's steps ----

    /// <summary>The agency writes (or revises) its action plan: what, who, by when. An open recommendation becomes Planned.</summary>
    public void Plan(string what, string owner, DateOnly byWhen, DateOnly today, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.Plan);
        var planWhat = FreeText.Required(what, PlanMaxLength, "recommendation.plan-required", "Say what the agency will do.");
        var planOwner = FreeText.Required(owner, OwnerMaxLength, "recommendation.plan-owner-required", "Say who is in charge.");
        if (byWhen < today)
        {
            throw new DomainException("recommendation.plan-past", "The plan's date cannot be in the past.");
        }

        if (byWhen > DueDate)
        {
            throw new DomainException("recommendation.plan-after-due", "The plan must finish by the due date; ask the official for an extension first.", DueDate);
        }

        var revised = PlanWhat is not null;
        PlanWhat = planWhat;
        PlanOwner = planOwner;
        PlanDueDate = byWhen;
        var from = Status;
        if (Status == RecommendationStatus.Open)
        {
            Status = RecommendationStatus.Planned;
        }

        Record(revised ? RecommendationEventKind.PlanRevised : RecommendationEventKind.Planned, from, by, planWhat, nowUtc, detail: planOwner, date: byWhen);
    }

    /// <summary>A progress note: work has started (Planned → InProgress) or goes on.</summary>
    public void AddProgress(string note, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.Progress);
        var text = FreeText.Required(note, NoteMaxLength, "recommendation.note-required", "Write what has been done.");
        var from = Status;
        Status = RecommendationStatus.InProgress;
        Record(RecommendationEventKind.Progress, from, by, text, nowUtc);
    }

    /// <summary>The agency hands in its evidence for verification; at least one file must be attached.</summary>
    public void Submit(string note, int evidenceFiles, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.Submit);
        var text = FreeText.Required(note, NoteMaxLength, "recommendation.note-required", "Write what has been done.");
        if (evidenceFiles < 1)
        {
            throw new DomainException("recommendation.evidence-required", "Attach at least one evidence file before submitting.");
        }

        var from = Status;
        Status = RecommendationStatus.Submitted;
        Record(RecommendationEventKind.Submitted, from, by, text, nowUtc, detail: evidenceFiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The agency proposes not adopting the recommendation, with its reason; an official decides.</summary>
    public void ProposeNotAdopted(string reason, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.ProposeNotAdopted);
        var text = FreeText.Required(reason, NoteMaxLength, "recommendation.reason-required", "Give the reason.");
        var from = Status;
        StatusBeforeProposal = Status;
        NotAdoptedReason = text;
        Status = RecommendationStatus.NotAdoptionProposed;
        Record(RecommendationEventKind.NotAdoptionProposed, from, by, text, nowUtc);
    }

    // ---- the consultant's or official's steps ----

    /// <summary>The evidence shows the recommendation done.</summary>
    public void Verify(string? comment, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.Verify);
        var text = FreeText.Optional(comment, NoteMaxLength);
        Status = RecommendationStatus.Verified;
        Record(RecommendationEventKind.Verified, RecommendationStatus.Submitted, by, text, nowUtc);
    }

    /// <summary>The evidence is not enough: back to the agency (InProgress) with what is missing.</summary>
    public void Return(string comment, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.Return);
        var text = FreeText.Required(comment, NoteMaxLength, "recommendation.comment-required", "Say what is missing.");
        Status = RecommendationStatus.InProgress;
        Record(RecommendationEventKind.Returned, RecommendationStatus.Submitted, by, text, nowUtc);
    }

    // ---- the official's steps ----

    /// <summary>An official accepts the agency's reason: the recommendation ends as not adopted.</summary>
    public void AcceptNotAdopted(string? comment, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.DecideNotAdopted);
        Status = RecommendationStatus.NotAdopted;
        StatusBeforeProposal = null;
        Record(RecommendationEventKind.NotAdoptionAccepted, RecommendationStatus.NotAdoptionProposed, by, FreeText.Optional(comment, NoteMaxLength), nowUtc);
    }

    /// <summary>An official rejects the agency's reason: the recommendation goes back where it stood.</summary>
    public void RejectNotAdopted(string comment, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.DecideNotAdopted);
        var text = FreeText.Required(comment, NoteMaxLength, "recommendation.comment-required", "Say why.");
        Status = StatusBeforeProposal ?? RecommendationStatus.Open;
        StatusBeforeProposal = null;
        NotAdoptedReason = null;
        Record(RecommendationEventKind.NotAdoptionRejected, RecommendationStatus.NotAdoptionProposed, by, text, nowUtc);
    }

    /// <summary>An official gives the agency more time, with a reason; the first due date is kept.</summary>
    public void ExtendDue(DateOnly newDueDate, string reason, Actor by, DateTime nowUtc)
    {
        Require(RecommendationStep.ExtendDue);
        var text = FreeText.Required(reason, NoteMaxLength, "recommendation.reason-required", "Give the reason.");
        if (newDueDate <= DueDate)
        {
            throw new DomainException("recommendation.extend-not-later", "The new due date must come after the current one.", DueDate);
        }

        var limit = (OriginalDueDate ?? DueDate).AddYears(MaxDueYears);
        if (newDueDate > limit)
        {
            throw new DomainException(
                "recommendation.extend-too-far", $"The due date can be extended to at most {MaxDueYears} years after the first due date ({limit}).", limit);
        }

        var previous = DueDate;
        OriginalDueDate ??= DueDate;
        DueDate = newDueDate;
        Record(RecommendationEventKind.DueDateExtended, Status, by, text, nowUtc, date: newDueDate, previousDate: previous);
    }

    private void Require(RecommendationStep step)
    {
        if (!IsPublished)
        {
            throw new DomainException("recommendation.not-published", "The recommendation has not reached the agency yet.");
        }

        if (!CanStep(Status, step))
        {
            throw new DomainException("recommendation.step-not-allowed", "This step is not possible in the recommendation's current status.");
        }
    }

    private void Record(
        RecommendationEventKind kind, RecommendationStatus from, Actor by, string? text, DateTime nowUtc,
        string? detail = null, DateOnly? date = null, DateOnly? previousDate = null)
    {
        UpdatedAtUtc = nowUtc;
        if (from != Status)
        {
            StatusChangedAtUtc = nowUtc;
        }

        _events.Add(new RecommendationEvent(this, kind, from, Status, by, text, nowUtc) { Detail = detail, Date = date, PreviousDate = previousDate });
    }
}

/// <summary>One step on a recommendation's timeline: who, when, what was said.</summary>
public class RecommendationEvent
{
    private RecommendationEvent()
    {
    }

    internal RecommendationEvent(Recommendation recommendation, RecommendationEventKind kind, RecommendationStatus from, RecommendationStatus to, Actor by, string? text, DateTime atUtc)
    {
        Id = IdGenerator.New();
        RecommendationId = recommendation.Id;
        Kind = kind;
        FromStatus = from;
        ToStatus = to;
        ByUserId = by.UserId;
        ByName = by.Name;
        Text = text;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid RecommendationId { get; private set; }

    public RecommendationEventKind Kind { get; private set; }

    public RecommendationStatus FromStatus { get; private set; }

    public RecommendationStatus ToStatus { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    /// <summary>The plan, note, comment or reason written with the step.</summary>
    public string? Text { get; private set; }

    /// <summary>A second piece of the step: the plan's owner, or how many evidence files were submitted.</summary>
    public string? Detail { get; init; }

    /// <summary>The plan's date, or the new due date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The due date before an extension.</summary>
    public DateOnly? PreviousDate { get; init; }

    public DateTime AtUtc { get; private set; }
}

public enum RecommendationEventKind
{
    Published,
    Planned,
    PlanRevised,
    Progress,
    Submitted,
    Returned,
    Verified,
    NotAdoptionProposed,
    NotAdoptionAccepted,
    NotAdoptionRejected,
    DueDateExtended,
}

/// <summary>What someone may do to a recommendation.</summary>
public enum RecommendationStep
{
    Plan,
    Progress,
    AddEvidence,
    Submit,
    Verify,
    Return,
    ProposeNotAdopted,
    DecideNotAdopted,
    ExtendDue,
}

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

/// <summary>Where a recommendation stands in its follow-up.</summary>
public enum RecommendationStatus
{
    /// <summary>Raised; the agency has no plan yet.</summary>
    Open,

    /// <summary>The agency has an action plan.</summary>
    Planned,

    /// <summary>Work has started (or evidence came back with a comment).</summary>
    InProgress,

    /// <summary>Evidence handed in, waiting for verification.</summary>
    Submitted,

    /// <summary>Done: the consultant or an official verified the evidence.</summary>
    Verified,

    /// <summary>The agency proposed not adopting it; an official decides.</summary>
    NotAdoptionProposed,

    /// <summary>Ended unadopted, the agency's reason accepted.</summary>
    NotAdopted,
}

public sealed record RecommendationInput(string Title, string Description, Guid? AreaId, RecommendationPriority Priority, DateOnly DueDate, string? EvidenceExpected);
