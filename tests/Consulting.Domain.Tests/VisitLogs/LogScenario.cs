using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>
/// <see cref="CalendarScenario"/>'s week, seen from 20 June 2025 when its visits can be logged, with the people who
/// take part: 윤슬기 (who held the visits), 한가람 (the official), 서다온 (해솔's staff), the consultant of the other
/// agency's visit (given an account here), and staff of that other agency. A visit takes one log, and the tests of a
/// class share its database, so each test takes visits of its own: the week's three, or new ones from
/// <see cref="NewVisitAsync"/>.
/// </summary>
internal sealed class LogScenario
{
    public const string Haesol = CalendarScenario.Agency;
    public const string Haetsal = "햇살나무 공동생활가정";
    public const string Onsaemi = "온새미 공동생활가정";
    public const string Organisation = "organisation";
    public const string Planning = "planning-evaluation";
    public const string OtherConsultantName = "다른 컨설턴트";

    private readonly TestDatabase _database;
    private int _nextSlot;

    private LogScenario(TestDatabase database, CalendarScenario.Week week)
    {
        _database = database;
        Week = week;
    }

    public static DateOnly Today { get; } = new(2025, 6, 20);

    public FixedClock Clock { get; } = FixedClock.At(Today);

    public CalendarScenario.Week Week { get; }

    public TestUser Official { get; private set; } = TestUser.Anonymous;

    public TestUser Consultant { get; private set; } = TestUser.Anonymous;

    /// <summary>서다온 of 해솔 종합사회복지관.</summary>
    public TestUser AgencyStaff { get; private set; } = TestUser.Anonymous;

    /// <summary>The consultant who holds 별마루's visit, not 윤슬기's.</summary>
    public TestUser OtherConsultant { get; private set; } = TestUser.Anonymous;

    /// <summary>Staff of 별마루 종합사회복지관.</summary>
    public TestUser OtherAgencyStaff { get; private set; } = TestUser.Anonymous;

    public Guid HaesolId { get; private set; }

    public Guid OtherAgencyId { get; private set; }

    public static async Task<LogScenario> StartAsync(TestDatabase database)
    {
        var scenario = new LogScenario(database, await CalendarScenario.PlanAsync(database));
        scenario.Official = await DemoScenario.DemoOfficialAsync(database);
        scenario.Consultant = await DemoScenario.DemoConsultantAsync(database);
        await using var db = database.CreateContext();
        var staff = await db.Users.SingleAsync(u => u.Email == DemoData.AgencyEmail);
        scenario.AgencyStaff = new TestUser(staff.Id, Roles.AgencyStaff, staff.AgencyId);
        scenario.HaesolId = staff.AgencyId!.Value;
        var other = await db.Visits.SingleAsync(v => v.Id == scenario.Week.OtherVisitId);
        scenario.OtherAgencyId = other.AgencyId;
        scenario.OtherAgencyStaff = TestUser.StaffOf(other.AgencyId);

        var account = new ApplicationUser { UserName = "other@test.consulting.kr", Email = "other@test.consulting.kr", DisplayName = OtherConsultantName };
        db.Users.Add(account);
        (await db.Consultants.SingleAsync(c => c.Id == other.ConsultantId)).LinkAccount(account.Id);
        await db.SaveChangesAsync();
        scenario.OtherConsultant = new TestUser(account.Id, Roles.Consultant, null);
        return scenario;
    }

    public IDbContextFactory<ConsultingDbContext> Factory => _database.CreateFactory();

    public VisitLogService Logs(ICurrentUser user) => new(_database.CreateFactory(), user, Clock, TestNotifier.For(Clock));

    public RecommendationService Recommendations(ICurrentUser user) => new(_database.CreateFactory(), user, Clock);

    public LogTemplateService Templates(ICurrentUser user) => new(_database.CreateFactory(), user, Clock);

    public AttachmentService Attachments(ICurrentUser user, long maxFileBytes = 20 * 1024 * 1024, int maxFiles = 20) =>
        new(_database.CreateFactory(), user, Clock, Options.Create(new AttachmentOptions { MaxFileBytes = maxFileBytes, MaxFilesPerRecord = maxFiles }));

    public ConsultingDbContext CreateContext() => _database.CreateContext();

    /// <summary>
    /// A new visit of 윤슬기 (assigned to the engagement first when needed), the engagement's next number, in a slot of
    /// its own in the week of 16 June: after the planned week and before today.
    /// </summary>
    public async Task<Guid> NewVisitAsync(string agency = Haesol, string areaCode = Organisation)
    {
        var slot = _nextSlot++;
        var day = new DateOnly(2025, 6, 16).AddDays(slot / 4);
        var hour = 9 + (slot % 4 * 3);
        if (day >= Today)
        {
            throw new InvalidOperationException("Test set-up: the week of 16 June has no free slot left; give the test class fewer visits.");
        }

        await using var db = _database.CreateContext();
        var engagement = await (
                from e in db.Engagements
                where e.ProgramId == Week.ProgramId
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                where a.Name == agency && area.Code == areaCode
                select e)
            .AsNoTracking()
            .SingleAsync();
        var mine = await db.Consultants.Where(c => c.UserId == Consultant.UserId).Select(c => c.Id).SingleAsync();
        var calendarClock = CalendarScenario.Clock();
        if (engagement.ConsultantId != mine)
        {
            await new AssignmentService(_database.CreateFactory(), Official, calendarClock).AssignAsync(engagement.Id, mine, null, engagement.Version);
        }

        var number = await db.Visits.CountAsync(v => v.EngagementId == engagement.Id) + 1;
        var outcome = await new VisitService(_database.CreateFactory(), Official, calendarClock, new VisitInputValidator(), TestNotifier.For(calendarClock)).ScheduleAsync(
            engagement.Id, number, new VisitInput(day, new TimeOnly(hour, 0), new TimeOnly(hour + 2, 0), VisitMode.OnSite, "기관 회의실"), "시험 준비");
        Assert.True(outcome.Saved);
        return outcome.VisitId!.Value;
    }

    public async Task<VisitLogView> ViewAsync(Guid logId, ICurrentUser? user = null) =>
        await Logs(user ?? Consultant).GetAsync(logId) ?? throw new InvalidOperationException("The log is not visible.");

    public async Task<uint> VersionAsync(Guid logId) => (await ViewAsync(logId)).Version;

    /// <summary>Everything a log of the planning or organisation template needs to be submitted, at the visit's planned time.</summary>
    public static LogContent Complete(VisitLogView log, IReadOnlyList<LogNextStep>? nextSteps = null, IReadOnlyList<AgendaMark>? agenda = null) =>
        new(
            log.VisitStartsAtUtc,
            log.VisitEndsAtUtc,
            [new LogAttendee("김해솔", "기획팀장", AttendeeKind.AgencyStaff)],
            ["주요 사업 검토"],
            new Dictionary<string, string?>
            {
                ["reviewed"] = "사업계획서, 결과보고서",
                ["findings"] = "성과지표가 산출 중심으로만 설정되어 있음",
                ["advice"] = "성과 중심 지표 2개를 추가하도록 자문",
            },
            nextSteps ?? [],
            agenda ?? [],
            "기관장 교체 예정");

    /// <summary>Opens the visit's log as 윤슬기 and submits it complete; returns the log.</summary>
    public async Task<Guid> SubmittedAsync(Guid visitId, IReadOnlyList<LogNextStep>? nextSteps = null, Func<VisitLogView, IReadOnlyList<AgendaMark>>? agenda = null)
    {
        var logs = Logs(Consultant);
        var logId = await logs.OpenAsync(visitId);
        var view = await ViewAsync(logId);
        await logs.SubmitAsync(logId, Complete(view, nextSteps, agenda?.Invoke(view)), view.Version);
        return logId;
    }

    public async Task<Guid> ApprovedAsync(Guid visitId)
    {
        var logId = await SubmittedAsync(visitId);
        await Logs(Official).ApproveAsync(logId, null, await VersionAsync(logId));
        return logId;
    }
}

/// <summary>A fresh database for one test class with <see cref="LogScenario"/> set up once.</summary>
public sealed class LogScenarioFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private LogScenario? _scenario;

    internal LogScenario Scenario => _scenario ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _scenario = await LogScenario.StartAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
