using Consulting.Domain.Agencies;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Data;

/// <summary>A freshly migrated database (cloned from the migrated template) takes the demo year and reads it back.</summary>
public class DemoDataTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoSeeder.SeedAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ConsultingYearAwaitsSelectionWithTheApplicationsOfTheSevenSeedAgencies()
    {
        await using var db = database.CreateContext();
        var program = await db.Programs.Include(p => p.Areas).SingleAsync(p => p.Name == DemoData.ConsultingProgramName);

        Assert.Equal(ProgramKind.Consulting, program.Kind);
        Assert.Equal(ProgramStatus.Recruiting, program.Status);
        Assert.Equal(new DateOnly(2025, 6, 1), program.ConsultingStart);
        Assert.Equal(new DateOnly(2025, 11, 30), program.ConsultingEnd);
        Assert.Equal(4, program.RecruitmentStart!.Value.Month);
        Assert.Equal(5, program.RecruitmentEnd!.Value.Month);
        Assert.Equal(
            [("조직 관리", 3), ("사업 기획·평가", 6), ("사례 관리", 3), ("지역사회조직화", 3)],
            program.Areas.OrderBy(a => a.SortOrder).Select(a => (a.NameKo, a.PlannedVisits)));
        Assert.Contains("사례관리 매뉴얼", program.Areas.Single(a => a.Code == "case-management").Topics);

        var applications = await db.Applications.Where(a => a.ProgramId == program.Id).ToListAsync();
        Assert.Equal(9, applications.Count);
        Assert.All(applications, a => Assert.Equal(ApplicationStatus.Submitted, a.Status));
        Assert.All(applications, a => Assert.Equal(4, a.AreaRequests.Count));
        var types = await db.Agencies.Where(a => applications.Select(x => x.AgencyId).Contains(a.Id)).GroupBy(a => a.TypeCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(3, types[AgencyTypeCodes.GroupHome]);
        Assert.Equal(2, types[AgencyTypeCodes.CommunityWelfareCenter]);
        Assert.Equal(1, types[AgencyTypeCodes.SeniorEmploymentCenter]);
        Assert.Equal(1, types[AgencyTypeCodes.MigrantWomenShelter]);
        Assert.Empty(await db.Engagements.Where(e => e.ProgramId == program.Id).ToListAsync());
    }

    [Fact]
    public async Task MonitoringRoundEnrolsElevenTownshipTeamsInEveryArea()
    {
        await using var db = database.CreateContext();
        var program = await db.Programs.SingleAsync(p => p.Name == DemoData.MonitoringProgramName);
        var teamIds = await db.Applications.Where(a => a.ProgramId == program.Id && a.Status == ApplicationStatus.Selected)
            .Select(a => a.AgencyId).ToListAsync();

        Assert.Equal(ProgramKind.Monitoring, program.Kind);
        Assert.Equal(ProgramStatus.InProgress, program.Status);
        Assert.Equal(11, teamIds.Count);
        Assert.True(await db.Agencies.Where(a => teamIds.Contains(a.Id)).AllAsync(a => a.TypeCode == AgencyTypeCodes.TownshipWelfareTeam));
        Assert.Equal(44, await db.Engagements.CountAsync(e => e.ProgramId == program.Id));
    }

    [Fact]
    public async Task TheRegistryHoldsEightConsultantsAndTheDemoConsultantIsLinkedToTheirAccount()
    {
        await using var db = database.CreateContext();
        var consultants = await db.Consultants.ToListAsync();
        var account = await db.Users.SingleAsync(u => u.Email == DemoData.ConsultantEmail);

        Assert.Equal(8, consultants.Count);
        Assert.All(consultants, c => Assert.True(c.IsActive));
        var linked = Assert.Single(consultants, c => c.UserId is not null);
        Assert.Equal(("윤슬기", account.Id), (linked.Name, linked.UserId!.Value));
        Assert.Contains(linked.UnavailableDates, u => u.Start == new DateOnly(2025, 8, 4) && u.End == new DateOnly(2025, 8, 8));
        Assert.All(ConsultantExpertise.All, code => Assert.Contains(consultants, c => c.Expertise.Contains(code)));
        Assert.Equal(4, consultants.Count(c => c.Covers("peer-coaching")));
    }

    [Fact]
    public async Task LoadsOnlyOnce()
    {
        await DemoSeeder.SeedAsync(database);

        await using var db = database.CreateContext();
        Assert.Equal(3, await db.Programs.CountAsync());
        Assert.Equal(3, await db.Users.CountAsync());
    }

    [Fact]
    public async Task EachDemoAccountHasItsRoleAndTheAgencyAccountItsAgency()
    {
        await using var db = database.CreateContext();
        var roles = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            select new { u.Email, r.Name, u.AgencyId }).ToListAsync();

        Assert.Equal(Roles.Official, roles.Single(r => r.Email == DemoData.OfficialEmail).Name);
        Assert.Equal(Roles.Consultant, roles.Single(r => r.Email == DemoData.ConsultantEmail).Name);
        var agency = roles.Single(r => r.Email == DemoData.AgencyEmail);
        Assert.Equal(Roles.AgencyStaff, agency.Name);
        Assert.NotNull(agency.AgencyId);
    }
}
