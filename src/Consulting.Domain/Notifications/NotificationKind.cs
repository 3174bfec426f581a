namespace Consulting.Domain.Notifications;

/// <summary>
/// What a notification is about. Each user chooses per kind whether it also comes by e-mail (in-app always);
/// the names are stored as text, so append new kinds rather than renaming.
/// </summary>
public enum NotificationKind
{
    VisitScheduled,
    VisitMoved,
    VisitCancelled,
    LogSubmitted,
    LogReturned,
    LogApproved,
    RecommendationNew,
    EvidenceSubmitted,
    RecommendationReturned,
    RecommendationVerified,
    NotAdoptionProposed,
    NotAdoptionDecided,
    DueDateExtended,
    DueSoon,
    Overdue,
    WeeklyDigest,
    EngagementFinished,
    ClosingOpinionDue,
}
