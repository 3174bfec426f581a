using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;

namespace Consulting.Domain.Visits;

/// <summary>
/// Proposes times for unscheduled visits the way an official would pick them by hand: visit k of n near its share of the
/// consulting period, on a working day, at 10:00 or 14:00 for two hours, at least a week after visit k−1, never on a day
/// the consultant declared, within their weekly maximum, and clear of every booking of the consultant and the agency.
/// It only proposes; the engagement still checks each time when it is scheduled, and the database still refuses clashes.
/// </summary>
public sealed class VisitPlanner
{
    public static readonly TimeOnly[] StartTimes = [new(10, 0), new(14, 0)];
    public static readonly TimeSpan Duration = TimeSpan.FromHours(2);

    private readonly ConsultingProgram _program;
    private readonly IReadOnlyDictionary<Guid, Consultant> _consultants;
    private readonly List<Booking> _bookings;

    public VisitPlanner(ConsultingProgram program, IReadOnlyDictionary<Guid, Consultant> consultants, IEnumerable<Booking> bookings)
    {
        _program = program;
        _consultants = consultants;
        _bookings = [.. bookings];
    }

    /// <summary>A time already taken by a consultant (if any) and an agency.</summary>
    public sealed record Booking(Guid? ConsultantId, Guid AgencyId, DateTime StartsAtUtc, DateTime EndsAtUtc);

    /// <summary>A time for visit <paramref name="number"/> of the engagement, or null when the period has no room left.</summary>
    public VisitPlan? Propose(Engagement engagement, int number)
    {
        if (engagement.ConsultantId is not { } consultantId || !_consultants.TryGetValue(consultantId, out var consultant))
        {
            return null;
        }

        var period = _program.ConsultingPeriod;
        var days = period.End.DayNumber - period.Start.DayNumber + 1;
        var share = Math.Max(1, days / engagement.PlannedVisits);

        // Engagements start on different days so that one agency's areas do not all land in the same week.
        var stagger = (int)(engagement.Id.GetHashCode() & 0x7fffffff) % Math.Max(1, Math.Min(share, 14));
        var earliest = period.Start.AddDays(((number - 1) * share) + stagger);
        var previous = engagement.PreviousOf(number);
        if (previous is not null)
        {
            var afterPrevious = SeoulTime.DateOf(previous.StartsAtUtc).AddDays(VisitWarnings.MinDaysBetweenVisits);
            earliest = afterPrevious > earliest ? afterPrevious : earliest;
        }

        var next = engagement.NextOf(number);
        for (var day = earliest; day <= period.End; day = day.AddDays(1))
        {
            if (!KoreanHolidays.IsWorkingDay(day) || consultant.UnavailableOn(day) is not null || WeekCount(consultantId, day) >= consultant.MaxVisitsPerWeek)
            {
                continue;
            }

            foreach (var time in StartTimes)
            {
                var start = SeoulTime.ToUtc(day.ToDateTime(time));
                var end = start + Duration;
                if (next is not null && end > next.StartsAtUtc)
                {
                    return null;
                }

                if (!_bookings.Any(b => (b.ConsultantId == consultantId || b.AgencyId == engagement.AgencyId) && b.StartsAtUtc < end && start < b.EndsAtUtc))
                {
                    return new VisitPlan(start, end, VisitMode.OnSite, null);
                }
            }
        }

        return null;
    }

    /// <summary>Takes the time, so later proposals avoid it.</summary>
    public void Book(Engagement engagement, VisitPlan plan) =>
        _bookings.Add(new Booking(engagement.ConsultantId, engagement.AgencyId, plan.StartsAtUtc, plan.EndsAtUtc));

    private int WeekCount(Guid consultantId, DateOnly day)
    {
        var monday = SeoulTime.WeekStart(day);
        return _bookings.Count(b => b.ConsultantId == consultantId && SeoulTime.WeekStart(SeoulTime.DateOf(b.StartsAtUtc)) == monday);
    }
}
