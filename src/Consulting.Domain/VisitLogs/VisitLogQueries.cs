using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;

namespace Consulting.Domain.VisitLogs;

/// <summary>A log as its page shows it to the current user (agency staff never get the private note or the review history).</summary>
public sealed record VisitLogView(
    Guid Id,
    Guid VisitId,
    int VisitNumber,
    int PlannedVisits,
    Guid EngagementId,
    Guid ProgramId,
    string ProgramName,
    Guid AgencyId,
    string AgencyName,
    Guid AreaId,
    BilingualName Area,
    IReadOnlyList<string> AreaTopics,
    string ConsultantName,
    DateTime VisitStartsAtUtc,
    DateTime VisitEndsAtUtc,
    VisitLogStatus Status,
    DateTime? ActualStartsAtUtc,
    DateTime? ActualEndsAtUtc,
    IReadOnlyList<LogAttendee> Attendees,
    IReadOnlyList<string> Topics,
    IReadOnlyList<LogSection> Sections,
    IReadOnlyList<LogNextStep> NextSteps,
    IReadOnlyList<LogAgendaItem> Agenda,
    string? PrivateNote,
    string? ReturnComment,
    DateTime? SubmittedAtUtc,
    DateTime? ApprovedAtUtc,
    DateTime UpdatedAtUtc,
    IReadOnlyList<LogEventRow> Events,
    IReadOnlyList<LogAmendmentRow> Amendments,
    IReadOnlyList<AttachmentRow> Attachments,
    IReadOnlyList<RecommendationRow> Recommendations,
    IReadOnlyList<AreaOption> ProgramAreas,
    LogPermissions Can,
    uint Version);

/// <summary>What the current user may do with a log; the services check the same rules again.</summary>
public sealed record LogPermissions(bool Edit, bool Review, bool Amend, bool SeePrivateNote);

public sealed record LogEventRow(VisitLogEventKind Kind, string ByName, DateTime AtUtc, string? Comment);

public sealed record LogAmendmentRow(int Number, string? SectionKey, BilingualName? Section, string Text, string Reason, string ByName, DateTime AtUtc);

public sealed record AreaOption(Guid Id, BilingualName Name);

/// <summary>A recommendation as a log or the agency's list shows it.</summary>
public sealed record RecommendationRow(
    Guid Id,
    Guid VisitLogId,
    Guid AreaId,
    BilingualName Area,
    string Title,
    string Description,
    RecommendationPriority Priority,
    DateOnly DueDate,
    string? EvidenceExpected,
    RecommendationStatus Status,
    DateTime? PublishedAtUtc,
    string CreatedByName,
    uint Version);

/// <summary>One log in a list (the review queue, the agency's logs, a consultant's logs).</summary>
public sealed record LogListRow(
    Guid Id,
    Guid VisitId,
    string ProgramName,
    string AgencyName,
    BilingualName Area,
    int VisitNumber,
    int PlannedVisits,
    string ConsultantName,
    DateTime VisitStartsAtUtc,
    VisitLogStatus Status,
    DateTime? SubmittedAtUtc,
    DateTime? ApprovedAtUtc,
    bool Resubmitted,
    int RecommendationCount,
    int AttachmentCount);

public sealed record LogListQuery(Guid? ProgramId = null, VisitLogStatus? Status = null, Guid? AgencyId = null, int Take = 200);

/// <summary>A held visit of the current consultant that still needs its log written (or fixed after a return).</summary>
public sealed record PendingLogRow(
    Guid VisitId,
    Guid? LogId,
    VisitLogStatus? Status,
    string AgencyName,
    BilingualName Area,
    int VisitNumber,
    int PlannedVisits,
    DateTime VisitStartsAtUtc,
    string? ReturnComment);

/// <summary>A log template as the officials' editor shows it.</summary>
public sealed record LogTemplateView(Guid Id, string Code, string NameKo, string NameEn, IReadOnlyList<string> AreaCodes, IReadOnlyList<LogTemplateSection> Sections, DateTime? UpdatedAtUtc, string? UpdatedByName, uint Version);
