using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;

namespace Consulting.Domain.Visits;

/// <summary>
/// What an official should know before saving a visit's time but may override with a reason: a weekend or public
/// holiday, the consultant's declared absence, more visits in that week than the consultant accepts, and less than
/// <see cref="MinDaysBetweenVisits"/> days after the previous visit of the same engagement.
/// </summary>
public static class VisitWarnings
{
    public const int MinDaysBetweenVisits = 7;

    /// <param name="engagement">The engagement with its visits loaded.</param>
    /// <param name="number">The visit's number.</param>
    /// <param name="moving">The visit being moved, or null for a new one.</param>
    /// <param name="plan">The proposed time.</param>
    /// <param name="consultant">The engagement's consultant, with the dates they declared.</param>
    /// <param name="otherVisitsThatWeek">The consultant's other slot-holding visits in the proposed Seoul week.</param>
    public static IReadOnlyList<VisitWarning> For(
        Engagement engagement, int number, Visit? moving, VisitPlan plan, Consultant consultant, int otherVisitsThatWeek)
    {
        var warnings = new List<VisitWarning>();
        var day = plan.SeoulDate;
        if (KoreanHolidays.NameOf(day) is { } holiday)
        {
            warnings.Add(new VisitWarning("visit.warning.holiday", day, holiday));
        }
        else if (KoreanHolidays.IsWeekend(day))
        {
            warnings.Add(new VisitWarning("visit.warning.weekend", day));
        }

        if (consultant.UnavailableOn(day) is { } absence)
        {
            warnings.Add(new VisitWarning("visit.warning.unavailable", consultant.Name, absence.Start, absence.End));
        }

        if (otherVisitsThatWeek + 1 > consultant.MaxVisitsPerWeek)
        {
            warnings.Add(new VisitWarning("visit.warning.weekly-max", consultant.Name, otherVisitsThatWeek + 1, consultant.MaxVisitsPerWeek));
        }

        if (engagement.PreviousOf(number, moving?.Id) is { } previous)
        {
            var days = day.DayNumber - SeoulTime.DateOf(previous.StartsAtUtc).DayNumber;
            if (days < MinDaysBetweenVisits)
            {
                warnings.Add(new VisitWarning("visit.warning.too-soon", previous.Number, days, MinDaysBetweenVisits));
            }
        }

        return warnings;
    }
}
