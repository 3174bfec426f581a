using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Surveys;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Surveys;

/// <summary>
/// <see cref="ResultsScenario"/> shared by one test class, with a way to give 윤슬기 a further organisation engagement
/// at another agency (its own staff account, three visits on days the caller picks, some of them completed). The test
/// classes of the collection share it, so each test takes an agency and days of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ResultsGroup : ICollectionFixture<ResultsFixture>
{
    public const string Name = "Results";
}

public sealed class ResultsFixture : IAsyncLifetime
{
    public const string SetUpReason = "시험 준비";

    private readonly TestDatabase _database = new();
    private ResultsScenario? _scenario;

    public ResultsScenario S => _scenario ?? throw new InvalidOperationException("Not started.");

    public TestDatabase Database => _database;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _scenario = await ResultsScenario.BuildAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public SurveyService Surveys(ICurrentUser user) => new(_database.CreateFactory(), user, S.Clock);

    public ClosingOpinionService Opinions(ICurrentUser user) => new(_database.CreateFactory(), user, S.Clock);

    public VisitService Visits(ICurrentUser user) => new(_database.CreateFactory(), user, S.Clock, new VisitInputValidator(), TestNotifier.For(S.Clock));

    public VisitLogService Logs(ICurrentUser user) => new(_database.CreateFactory(), user, S.Clock, TestNotifier.For(S.Clock));

    /// <summary>
    /// Assigns 윤슬기 to <paramref name="agency"/>'s organisation engagement, adds a staff account for the agency and
    /// schedules its three visits on <paramref name="firstDay"/> and the two days after (14:00), completing the first
    /// <paramref name="complete"/> of them through VisitService.
    /// </summary>
    public async Task<Extra> EngagementAsync(string agency, DateOnly firstDay, int complete, string? staffCulture = null, string? consultant = null)
    {
        var consultantId = S.ConsultantId;
        Guid agencyId, engagementId;
        uint version;
        await using (var db = _database.CreateContext())
        {
            if (consultant is not null)
            {
                consultantId = await db.Consultants.Where(c => c.Name == consultant).Select(c => c.Id).SingleAsync();
            }

            agencyId = await db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync();
            var engagement = await (
                    from e in db.Engagements
                    join area in db.ProgramAreas on e.AreaId equals area.Id
                    where e.ProgramId == S.ProgramId && e.AgencyId == agencyId && area.Code == ResultsScenario.Organisation
                    select e)
                .AsNoTracking()
                .SingleAsync();
            (engagementId, version) = (engagement.Id, engagement.Version);
        }

        var staff = await AddUserAsync(Roles.AgencyStaff, agency + " 담당자", agencyId, staffCulture);
        await new AssignmentService(_database.CreateFactory(), S.Official, S.Clock).AssignAsync(engagementId, consultantId, null, version);
        var visits = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var outcome = await Visits(S.Official).ScheduleAsync(
                engagementId, i + 1, new VisitInput(firstDay.AddDays(i), new TimeOnly(14, 0), new TimeOnly(16, 0), VisitMode.OnSite, "기관 회의실"), SetUpReason);
            Assert.True(outcome.Saved);
            visits.Add(outcome.VisitId!.Value);
        }

        for (var i = 0; i < complete; i++)
        {
            await CompleteAsync(visits[i]);
        }

        return new Extra(engagementId, agencyId, staff, visits);
    }

    /// <summary>The official completes the visit through VisitService.</summary>
    public async Task CompleteAsync(Guid visitId)
    {
        uint version;
        await using (var db = _database.CreateContext())
        {
            version = await db.Visits.Where(v => v.Id == visitId).Select(v => v.Version).SingleAsync();
        }

        await Visits(S.Official).CompleteAsync(visitId, version);
    }

    public async Task<TestUser> AddUserAsync(string role, string name, Guid? agencyId = null, string? culture = null)
    {
        await using var db = _database.CreateContext();
        var email = $"{Guid.NewGuid():N}@test.consulting.kr";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, AgencyId = agencyId, PreferredCulture = culture };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return new TestUser(user.Id, role, agencyId);
    }

    /// <summary>A sign-in account for the registry's consultant <paramref name="name"/>.</summary>
    public async Task<TestUser> ConsultantAccountAsync(string name)
    {
        var user = await AddUserAsync(Roles.Consultant, name);
        await using var db = _database.CreateContext();
        var consultant = await db.Consultants.SingleAsync(c => c.Name == name);
        consultant.LinkAccount(user.UserId!.Value);
        await db.SaveChangesAsync();
        return user;
    }

    public sealed record Extra(Guid EngagementId, Guid AgencyId, TestUser Staff, IReadOnlyList<Guid> VisitIds);
}
