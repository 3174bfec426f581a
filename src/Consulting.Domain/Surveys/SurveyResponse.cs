using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Surveys;

/// <summary>
/// 만족도 조사: the agency's rating of one engagement once its last planned visit is completed, five 5-point items and a
/// comment. One response per engagement, final once sent. Officials read them; the consultant rated only ever sees an
/// aggregate of at least <see cref="SurveyResults.MinimumResponses"/> responses, never one agency's answer.
/// </summary>
public class SurveyResponse
{
    public const int CommentMaxLength = 2000;

    private SurveyResponse()
    {
    }

    private SurveyResponse(Engagement engagement, SurveyAnswers answers, Actor by, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        EngagementId = engagement.Id;
        ProgramId = engagement.ProgramId;
        AgencyId = engagement.AgencyId;
        AreaId = engagement.AreaId;
        ConsultantId = engagement.ConsultantId!.Value;
        Expertise = Check(answers.Expertise);
        Usefulness = Check(answers.Usefulness);
        Communication = Check(answers.Communication);
        ScheduleFit = Check(answers.ScheduleFit);
        Overall = Check(answers.Overall);
        Comment = FreeText.Optional(answers.Comment, CommentMaxLength);
        SubmittedByUserId = by.UserId;
        SubmittedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid EngagementId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The consultant rated: the engagement's consultant when the response was sent.</summary>
    public Guid ConsultantId { get; private set; }

    /// <summary>전문성</summary>
    public int Expertise { get; private set; }

    /// <summary>유용성</summary>
    public int Usefulness { get; private set; }

    /// <summary>소통</summary>
    public int Communication { get; private set; }

    /// <summary>일정 적합성</summary>
    public int ScheduleFit { get; private set; }

    /// <summary>전반적 만족도</summary>
    public int Overall { get; private set; }

    public string? Comment { get; private set; }

    public Guid SubmittedByUserId { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>Whether the survey may be answered: every planned visit of the engagement is completed.</summary>
    public static bool IsOpen(Engagement engagement, int completedVisits) =>
        engagement.ConsultantId is not null && completedVisits >= engagement.PlannedVisits;

    /// <param name="alreadyAnswered">Whether the engagement already has a response (the unique index refuses a race).</param>
    public static SurveyResponse Submit(Engagement engagement, int completedVisits, bool alreadyAnswered, SurveyAnswers answers, Actor by, DateTime nowUtc)
    {
        if (alreadyAnswered)
        {
            throw new DomainException("survey.already-answered", "The survey of this engagement has already been answered.");
        }

        if (!IsOpen(engagement, completedVisits))
        {
            throw new DomainException("survey.not-yet", "The survey opens once the engagement's last visit is completed.");
        }

        return new SurveyResponse(engagement, answers, by, nowUtc);
    }

    public int this[SurveyItem item] => item switch
    {
        SurveyItem.Expertise => Expertise,
        SurveyItem.Usefulness => Usefulness,
        SurveyItem.Communication => Communication,
        SurveyItem.ScheduleFit => ScheduleFit,
        SurveyItem.Overall => Overall,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    private static int Check(int? score) =>
        score is >= 1 and <= 5
            ? score.Value
            : throw new DomainException("survey.score-range", "Answer every question with a score from 1 to 5.");
}

public enum SurveyItem
{
    Expertise,
    Usefulness,
    Communication,
    ScheduleFit,
    Overall,
}

/// <summary>What the survey form sends; a null score is an unanswered question.</summary>
public sealed record SurveyAnswers(int? Expertise, int? Usefulness, int? Communication, int? ScheduleFit, int? Overall, string? Comment);
