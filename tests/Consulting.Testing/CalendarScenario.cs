using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Testing;

/// <summary>
/// A week of visits for the calendar tests: 윤슬기 (the demo consultant) assigned to 해솔 종합사회복지관 × 사업 기획·평가 with
/// visits 1–3 in the week of 2025-06-09, and another consultant's visit at 별마루 종합사회복지관 that week that neither
/// 윤슬기 nor 해솔's staff may see. Made through the services, as the official would.
/// </summary>
public static class CalendarScenario
{
    public const string Agency = "해솔 종합사회복지관";
    public const string OtherAgency = "별마루 종합사회복지관";
    public const string Place = "해솔 3층 회의실; 대회의실, A동";

    /// <summary>The first Seoul clock the visits are still ahead of: the app under test runs on it.</summary>
    public static FixedClock Clock() => FixedClock.At(new DateOnly(2025, 6, 1));

    public static readonly (DateOnly Day, TimeOnly Start, TimeOnly End)[] Times =
    [
        (new DateOnly(2025, 6, 9), new TimeOnly(10, 0), new TimeOnly(12, 0)),
        (new DateOnly(2025, 6, 11), new TimeOnly(14, 0), new TimeOnly(16, 0)),
        (new DateOnly(2025, 6, 13), new TimeOnly(10, 0), new TimeOnly(12, 0)),
    ];

    public sealed record Week(Guid ProgramId, Guid EngagementId, IReadOnlyList<Guid> VisitIds, Guid OtherVisitId);

    public static async Task<Week> PlanAsync(TestDatabase database)
    {
        var programId = await DemoScenario.SelectSevenAndStartAsync(database);
        var official = await DemoScenario.DemoOfficialAsync(database);
        var clock = Clock();
        var assignments = new AssignmentService(database.CreateFactory(), official, clock);
        var visits = new VisitService(database.CreateFactory(), official, clock, new VisitInputValidator(), TestNotifier.For(clock));

        var engagementId = await AssignAsync(database, assignments, programId, Agency, "planning-evaluation", c => c.Name == "윤슬기");
        var ids = new List<Guid>();
        for (var i = 0; i < Times.Length; i++)
        {
            var (day, start, end) = Times[i];
            // Three visits in one week are closer than the recommended spacing: the official overrides that warning.
            var outcome = await visits.ScheduleAsync(engagementId, i + 1, new VisitInput(day, start, end, VisitMode.OnSite, Place), "집중 점검 주간");
            Ensure(outcome.Saved, $"visit {i + 1} was not saved: {string.Join(", ", outcome.Warnings.Select(w => w.Code))}");
            ids.Add(outcome.VisitId!.Value);
        }

        var otherEngagementId = await AssignAsync(database, assignments, programId, OtherAgency, "organisation", c => c.Name != "윤슬기");
        var other = await visits.ScheduleAsync(
            otherEngagementId, 1, new VisitInput(new DateOnly(2025, 6, 10), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.Online, null), "테스트");
        Ensure(other.Saved, "the other agency's visit was not saved");
        return new Week(programId, engagementId, ids, other.VisitId!.Value);
    }

    private static async Task<Guid> AssignAsync(
        TestDatabase database, AssignmentService assignments, Guid programId, string agencyName, string areaCode,
        Func<Domain.Consultants.Consultant, bool> who)
    {
        await using var db = database.CreateContext();
        var engagement = await (
                from e in db.Engagements
                where e.ProgramId == programId
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                where a.Name == agencyName && area.Code == areaCode
                select new { e.Id, e.Version })
            .SingleAsync();
        var consultants = await db.Consultants.AsNoTracking().ToListAsync();
        var consultant = consultants.Where(who).First(c => c.Covers(areaCode));
        await assignments.AssignAsync(engagement.Id, consultant.Id, null, engagement.Version);
        return engagement.Id;
    }

    private static void Ensure(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
