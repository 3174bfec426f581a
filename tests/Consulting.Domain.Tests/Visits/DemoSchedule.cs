using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Visits;

/// <summary>
/// The demo programme started (seven agencies × four areas), looked up by the names people use, with short ways to
/// set up assignments and visits through the real services as the demo official. Tests of one class share its
/// database, so each test takes engagements and weeks of its own.
/// </summary>
internal sealed class DemoSchedule
{
    public const string Haetsal = "햇살나무 공동생활가정";
    public const string Pureun = "푸른둥지 공동생활가정";
    public const string Onsaemi = "온새미 공동생활가정";
    public const string Haesol = "해솔 종합사회복지관";
    public const string Byeolmaru = "별마루 종합사회복지관";
    public const string Gaon = "가온 노인인력개발센터";
    public const string Mujigae = "무지개다리 이주여성쉼터";

    public const string Organisation = "organisation";
    public const string Planning = "planning-evaluation";
    public const string CaseManagement = "case-management";
    public const string Community = "community-organising";

    /// <summary>The reason set-up steps give, so that warnings never hold them back.</summary>
    public const string SetUpReason = "시험 준비";

    public const string OfficialName = "한가람 (데모 사업 담당자)";

    private readonly TestDatabase _database;
    private readonly TimeProvider _clock;

    private DemoSchedule(TestDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    public Guid ProgramId { get; private set; }

    public TestUser Official { get; private set; } = TestUser.Anonymous;

    /// <summary>윤슬기's account (consultant@demo.consulting.kr).</summary>
    public TestUser DemoConsultant { get; private set; } = TestUser.Anonymous;

    /// <summary>서다온 of 해솔 종합사회복지관 (agency@demo.consulting.kr).</summary>
    public TestUser DemoAgencyStaff { get; private set; } = TestUser.Anonymous;

    public IReadOnlyDictionary<string, Guid> Agencies { get; private set; } = new Dictionary<string, Guid>();

    public IReadOnlyDictionary<string, Guid> Consultants { get; private set; } = new Dictionary<string, Guid>();

    public static async Task<DemoSchedule> StartAsync(TestDatabase database, TimeProvider clock)
    {
        var schedule = new DemoSchedule(database, clock) { ProgramId = await DemoScenario.SelectSevenAndStartAsync(database) };
        schedule.Official = await DemoScenario.DemoOfficialAsync(database);
        schedule.DemoConsultant = await DemoScenario.DemoConsultantAsync(database);
        await using var db = database.CreateContext();
        var staff = await db.Users.Where(u => u.Email == DemoData.AgencyEmail).SingleAsync();
        schedule.DemoAgencyStaff = new TestUser(staff.Id, Roles.AgencyStaff, staff.AgencyId);
        schedule.Agencies = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id);
        schedule.Consultants = await db.Consultants.ToDictionaryAsync(c => c.Name, c => c.Id);
        return schedule;
    }

    public VisitService Visits(ICurrentUser user) => new(_database.CreateFactory(), user, _clock, new VisitInputValidator(), TestNotifier.For(_clock));

    public AssignmentService Assignments(ICurrentUser user) => new(_database.CreateFactory(), user, _clock);

    public async Task<Guid> EngagementAsync(string agency, string areaCode)
    {
        await using var db = _database.CreateContext();
        return await (
                from e in db.Engagements
                where e.ProgramId == ProgramId && e.AgencyId == Agencies[agency]
                join a in db.ProgramAreas on e.AreaId equals a.Id
                where a.Code == areaCode
                select e.Id)
            .SingleAsync();
    }

    /// <summary>Makes <paramref name="consultant"/> the engagement's consultant unless they already are; returns the engagement.</summary>
    public async Task<Guid> AssignAsync(string agency, string areaCode, string consultant)
    {
        var id = await EngagementAsync(agency, areaCode);
        await using var db = _database.CreateContext();
        var engagement = await db.Engagements.AsNoTracking().SingleAsync(e => e.Id == id);
        if (engagement.ConsultantId == Consultants[consultant])
        {
            return id;
        }

        if (engagement.ConsultantId is not null)
        {
            throw new InvalidOperationException($"Test set-up: {agency} / {areaCode} already has another consultant.");
        }

        await Assignments(Official).AssignAsync(id, Consultants[consultant], null, engagement.Version);
        return id;
    }

    /// <summary>Schedules visit <paramref name="number"/> as the official (warnings overridden); returns the visit.</summary>
    public async Task<Guid> ScheduleAsync(string agency, string areaCode, int number, DateOnly day, int hour, int hours = 2)
    {
        var outcome = await Visits(Official).ScheduleAsync(await EngagementAsync(agency, areaCode), number, At(day, hour, hours), SetUpReason);
        Assert.True(outcome.Saved);
        return outcome.VisitId!.Value;
    }

    public async Task<Visit> VisitAsync(Guid visitId)
    {
        await using var db = _database.CreateContext();
        return await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
    }

    public async Task<uint> VersionAsync(Guid visitId) => (await VisitAsync(visitId)).Version;

    public async Task<int> VisitCountAsync(Guid engagementId)
    {
        await using var db = _database.CreateContext();
        return await db.Visits.CountAsync(v => v.EngagementId == engagementId);
    }

    public static VisitInput At(DateOnly day, int hour, int hours = 2) =>
        new(day, new TimeOnly(hour, 0), new TimeOnly(hour + hours, 0), VisitMode.OnSite, "기관 회의실");

    /// <summary>A Seoul wall-clock time as the calendar shows it (what clash messages carry).</summary>
    public static DateTime Seoul(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0));

    public static DateTime Utc(DateOnly day, int hour) => SeoulTime.ToUtc(Seoul(day, hour));
}
