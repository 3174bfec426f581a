using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Assessments;

/// <summary>
/// 자가진단: one engagement's scores against its area's indicators. In a consulting programme the agency fills it twice,
/// before the first visit (사전, while no visit has been completed) and after the last (사후, once every planned visit
/// is completed), and the consultant may add their own rating per indicator once the agency has handed it in. In a
/// monitoring round the monitor (the consultant or an official) scores the team once (점검). Draft → Submitted; the
/// indicators are copied in when it starts, so a report prints what was actually scored.
/// </summary>
public class Assessment
{
    public const int CommentMaxLength = 1000;
    public const int MinScore = 1;
    public const int MaxScore = 5;

    private Assessment()
    {
    }

    private Assessment(Engagement engagement, AssessmentChecklist checklist, AssessmentPhase phase, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        EngagementId = engagement.Id;
        ProgramId = engagement.ProgramId;
        AgencyId = engagement.AgencyId;
        AreaId = engagement.AreaId;
        Phase = phase;
        Status = AssessmentStatus.Draft;
        Items = [.. checklist.Indicators.Select(i => new AssessmentItem(i.Code, i.TextKo, i.TextEn, null, null, null))];
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid EngagementId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AreaId { get; private set; }

    public AssessmentPhase Phase { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public IReadOnlyList<AssessmentItem> Items { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public string? SubmittedByName { get; private set; }

    public DateTime? RatedAtUtc { get; private set; }

    public string? RatedByName { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public bool IsSubmitted => Status == AssessmentStatus.Submitted;

    /// <summary>The mean of the scores given (the agency's, or the monitor's in a round); null before any.</summary>
    public decimal? Score => AssessmentScores.Mean(Items.Select(i => i.Score));

    /// <summary>The mean of the consultant's own ratings; null when they gave none.</summary>
    public decimal? ConsultantScore => AssessmentScores.Mean(Items.Select(i => i.ConsultantScore));

    /// <summary>Whether <paramref name="phase"/> may be filled now, given how many of the engagement's visits are completed.</summary>
    public static bool IsOpen(AssessmentPhase phase, bool monitoringProgram, int completedVisits, int plannedVisits) => phase switch
    {
        AssessmentPhase.Round => monitoringProgram,
        AssessmentPhase.Before => !monitoringProgram && completedVisits == 0,
        AssessmentPhase.After => !monitoringProgram && completedVisits >= plannedVisits,
        _ => false,
    };

    /// <summary>Starts the assessment of <paramref name="phase"/> for an engagement; refused outside its window.</summary>
    public static Assessment Start(
        Engagement engagement, AssessmentChecklist checklist, AssessmentPhase phase, bool monitoringProgram, int completedVisits, DateTime nowUtc)
    {
        if (checklist.ProgramId != engagement.ProgramId || checklist.AreaId != engagement.AreaId)
        {
            throw new ArgumentException("The checklist belongs to another area.", nameof(checklist));
        }

        EnsureOpen(phase, monitoringProgram, completedVisits, engagement.PlannedVisits);
        return new Assessment(engagement, checklist, phase, nowUtc);
    }

    /// <summary>Keeps the scores and comments typed so far; nothing is required until it is handed in.</summary>
    public void SaveDraft(IReadOnlyList<ItemScore> scores, DateTime nowUtc)
    {
        if (IsSubmitted)
        {
            throw new DomainException("assessment.submitted", "The assessment has been handed in and cannot change.");
        }

        var byCode = Index(scores);
        Items = [.. Items.Select(i => byCode.TryGetValue(i.Code, out var s)
            ? i with { Score = CheckScore(s.Score), Comment = FreeText.Optional(s.Comment, CommentMaxLength) }
            : i)];
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Hands it in: every indicator needs a score; the window must still be open.</summary>
    public void Submit(bool monitoringProgram, int completedVisits, int plannedVisits, Actor by, DateTime nowUtc)
    {
        if (IsSubmitted)
        {
            throw new DomainException("assessment.submitted", "The assessment has been handed in and cannot change.");
        }

        EnsureOpen(Phase, monitoringProgram, completedVisits, plannedVisits);
        if (Items.FirstOrDefault(i => i.Score is null) is { } missing)
        {
            throw new DomainException("assessment.unscored", "Score every indicator before handing it in.", missing.TextKo);
        }

        Status = AssessmentStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedByName = by.Name;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>The consultant's own rating per indicator, beside the agency's; only once the agency has handed it in.</summary>
    public void Rate(IReadOnlyList<ItemScore> ratings, Actor by, DateTime nowUtc)
    {
        if (Phase == AssessmentPhase.Round)
        {
            throw new DomainException("assessment.round-not-rated", "A monitoring round is scored by the monitor alone.");
        }

        if (!IsSubmitted)
        {
            throw new DomainException("assessment.rate-after-submit", "The consultant rates once the agency has handed the assessment in.");
        }

        var byCode = Index(ratings);
        Items = [.. Items.Select(i => byCode.TryGetValue(i.Code, out var s) ? i with { ConsultantScore = CheckScore(s.Score) } : i)];
        RatedAtUtc = nowUtc;
        RatedByName = by.Name;
        UpdatedAtUtc = nowUtc;
    }

    private static void EnsureOpen(AssessmentPhase phase, bool monitoringProgram, int completedVisits, int plannedVisits)
    {
        if (IsOpen(phase, monitoringProgram, completedVisits, plannedVisits))
        {
            return;
        }

        throw phase switch
        {
            AssessmentPhase.Before when !monitoringProgram =>
                new DomainException("assessment.before-closed", "The before-assessment is filled before the first visit is completed."),
            AssessmentPhase.After when !monitoringProgram =>
                new DomainException("assessment.after-not-yet", "The after-assessment opens once every planned visit is completed.", plannedVisits),
            _ => new DomainException("assessment.wrong-phase", "This kind of programme has no such assessment."),
        };
    }

    private Dictionary<string, ItemScore> Index(IReadOnlyList<ItemScore> scores)
    {
        var byCode = new Dictionary<string, ItemScore>(StringComparer.Ordinal);
        foreach (var score in scores)
        {
            if (Items.All(i => i.Code != score.Code))
            {
                throw new DomainException("checklist.unknown-indicator", "The indicator does not exist.");
            }

            byCode[score.Code] = score;
        }

        return byCode;
    }

    private static int? CheckScore(int? score) =>
        score is null or (>= MinScore and <= MaxScore)
            ? score
            : throw new DomainException("assessment.score-range", $"Scores go from {MinScore} to {MaxScore}.", MinScore, MaxScore);
}

/// <summary>One indicator as scored: the agency's (or monitor's) score, the consultant's rating and a comment.</summary>
public sealed record AssessmentItem(string Code, string TextKo, string TextEn, int? Score, int? ConsultantScore, string? Comment)
{
    public BilingualName Text => new(TextKo, TextEn);
}

/// <summary>What a form sends for one indicator.</summary>
public sealed record ItemScore(string Code, int? Score, string? Comment = null);

public enum AssessmentPhase
{
    /// <summary>사전: before the first visit.</summary>
    Before,

    /// <summary>사후: after the last visit.</summary>
    After,

    /// <summary>점검: a monitoring round's one scoring of a team.</summary>
    Round,
}

public enum AssessmentStatus
{
    Draft,
    Submitted,
}
