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
    private readonly Queue<Guid> _fresh = new();
    private int _nextSlot;
    private int _nextWeekVisit;

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

    public FollowUpService FollowUp(ICurrentUser user) => new(_database.CreateFactory(), user, Clock, TestNotifier.For(Clock));

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

    /// <summary>
    /// A new visit of <paramref name="agency"/> in <paramref name="areaCode"/> whose log, raising
    /// <paramref name="recommendations"/>, 윤슬기 submits and 한가람 approves: the recommendations reach the agency.
    /// Returns their ids in the given order.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> PublishedAsync(
        string agency = Haesol, string areaCode = Organisation, params RecommendationInput[] recommendations)
    {
        var visitId = await NewVisitAsync(agency, areaCode);
        return await PublishLogAsync(visitId, recommendations.Length == 0 ? [Recommendation()] : recommendations);
    }

    /// <summary>
    /// A published recommendation of 해솔 (사업 기획·평가, due 31 July) that no other test of the class has used: the
    /// week's visits' logs raise them twenty at a time, so a test class gets sixty without using up new visits.
    /// </summary>
    public async Task<Guid> FreshRecommendationAsync()
    {
        if (_fresh.Count == 0)
        {
            var visitId = _nextWeekVisit < Week.VisitIds.Count
                ? Week.VisitIds[_nextWeekVisit++]
                : throw new InvalidOperationException("Test set-up: the week's visits have no log left for fresh recommendations.");
            var inputs = Enumerable.Range(1, global::Consulting.Domain.Recommendations.Recommendation.MaxPerLog).Select(i => Recommendation($"해솔 후속 과제 {i}")).ToList();
            foreach (var id in await PublishLogAsync(visitId, inputs))
            {
                _fresh.Enqueue(id);
            }
        }

        return _fresh.Dequeue();
    }

    /// <summary>Opens the visit's log as 윤슬기, raises the recommendations, submits it and has 한가람 approve it.</summary>
    public async Task<IReadOnlyList<Guid>> PublishLogAsync(Guid visitId, IReadOnlyList<RecommendationInput> recommendations)
    {
        var logId = await Logs(Consultant).OpenAsync(visitId);
        var ids = new List<Guid>();
        foreach (var input in recommendations)
        {
            ids.Add(await Recommendations(Consultant).AddAsync(logId, input));
        }

        var view = await ViewAsync(logId);
        await Logs(Consultant).SubmitAsync(logId, Complete(view), view.Version);
        await Logs(Official).ApproveAsync(logId, null, await VersionAsync(logId));
        return ids;
    }

    /// <summary>A recommendation due 31 July 2025 (or <paramref name="due"/>).</summary>
    public static RecommendationInput Recommendation(
        string title = "위임전결 규정 정비", DateOnly? due = null, RecommendationPriority priority = RecommendationPriority.High, Guid? areaId = null) =>
        new(title, "결재 단계를 줄이고 팀장 전결 범위를 넓힐 것", areaId, priority, due ?? new DateOnly(2025, 7, 31), "개정 규정");

    /// <summary>A new account in <paramref name="role"/> (of <paramref name="agencyId"/> for agency staff), with its language and state.</summary>
    public async Task<TestUser> AddUserAsync(string role, string name, Guid? agencyId = null, string? culture = null, bool active = true)
    {
        await using var db = _database.CreateContext();
        var email = $"{Guid.NewGuid():N}@test.consulting.kr";
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = name, AgencyId = agencyId, PreferredCulture = culture, IsActive = active,
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return new TestUser(user.Id, role, agencyId);
    }

    /// <summary>Moves the clock on a minute: a later step gets a later time.</summary>
    public void Tick() => Clock.Now = Clock.Now.AddMinutes(1);

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
