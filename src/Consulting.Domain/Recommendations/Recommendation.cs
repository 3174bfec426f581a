using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Recommendations;

/// <summary>
/// 권고사항: what an agency should improve, raised by the consultant in a visit log. It belongs to the agency and the
/// engagement, starts Open, and reaches the agency when the log is approved; until then the consultant may change
/// or withdraw it with the log.
/// </summary>
public class Recommendation
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int EvidenceMaxLength = 1000;
    public const int MaxPerLog = 20;

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

    [Timestamp]
    public uint Version { get; set; }

    public bool IsPublished => PublishedAtUtc is not null;

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

    internal void Publish(DateTime nowUtc) => PublishedAtUtc ??= nowUtc;
}

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

/// <summary>Where a recommendation stands. The follow-up steps after Open come with the agency's follow-up work.</summary>
public enum RecommendationStatus
{
    Open,
}

public sealed record RecommendationInput(string Title, string Description, Guid? AreaId, RecommendationPriority Priority, DateOnly DueDate, string? EvidenceExpected);
