using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Programs;

public class ProgramServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private Guid _hostAgencyId;
    private Guid _teamId;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (!await db.Programs.AnyAsync())
        {
            await DemoSeeder.SeedAsync(database);
        }

        _hostAgencyId = await db.Agencies.Where(a => a.Name == "해솔 종합사회복지관").Select(a => a.Id).SingleAsync();
        _teamId = await db.Agencies.Where(a => a.Name == "다솜읍 맞춤형복지팀").Select(a => a.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ProgramService ServiceFor(ICurrentUser user) =>
        new(database.CreateFactory(), user, new ProgramListQueryValidator());

    [Fact]
    public async Task OfficialsSeeEveryProgramme()
    {
        var programs = await ServiceFor(TestUser.Official()).ListAsync(new ProgramListQuery());

        Assert.Equal(3, programs.Count);
        var consulting = programs.Single(p => p.Kind == ProgramKind.Consulting);
        Assert.Equal(4, consulting.AreaCount);
        Assert.Equal(0, consulting.SelectedCount);
        Assert.All(programs.Where(p => p.Kind == ProgramKind.Monitoring), p => Assert.Equal(11, p.SelectedCount));
    }

    [Fact]
    public async Task SearchFiltersByNameInTheDatabase()
    {
        var service = ServiceFor(TestUser.Official());

        var found = await service.ListAsync(new ProgramListQuery("모니터링"));
        var none = await service.ListAsync(new ProgramListQuery("100%_없음"));

        Assert.Equal([DemoData.MonitoringProgramName, DemoData.PreviousMonitoringProgramName], found.Select(p => p.Name));
        Assert.Empty(none);
    }

    [Fact]
    public async Task FiltersByKind()
    {
        var found = await ServiceFor(TestUser.Official()).ListAsync(new ProgramListQuery(Kind: ProgramKind.Consulting));

        Assert.Equal([DemoData.ConsultingProgramName], found.Select(p => p.Name));
    }

    [Fact]
    public async Task RejectsAnOverlongSearch()
    {
        var query = new ProgramListQuery(new string('가', ProgramListQuery.SearchMaxLength + 1));

        await Assert.ThrowsAsync<ValidationException>(() => ServiceFor(TestUser.Official()).ListAsync(query));
    }

    [Fact]
    public async Task AgencyStaffSeeOnlyTheirAgencysProgrammes()
    {
        var host = await ServiceFor(TestUser.StaffOf(_hostAgencyId)).ListAsync(new ProgramListQuery());
        var team = await ServiceFor(TestUser.StaffOf(_teamId)).ListAsync(new ProgramListQuery());

        Assert.Equal([DemoData.ConsultingProgramName], host.Select(p => p.Name));
        Assert.Equal([DemoData.MonitoringProgramName, DemoData.PreviousMonitoringProgramName], team.Select(p => p.Name));
    }

    [Fact]
    public async Task AgencyStaffSeeNoOtherAgencyInTheOverview()
    {
        var programId = (await ServiceFor(TestUser.Official()).ListAsync(new ProgramListQuery(Kind: ProgramKind.Consulting))).Single().Id;

        var asOfficial = await ServiceFor(TestUser.Official()).GetOverviewAsync(programId);
        var asStaff = await ServiceFor(TestUser.StaffOf(_hostAgencyId)).GetOverviewAsync(programId);
        var asOtherStaff = await ServiceFor(TestUser.StaffOf(_teamId)).GetOverviewAsync(programId);

        Assert.Equal(9, asOfficial!.Participants.Count);
        Assert.Equal(15, asOfficial.PlannedVisitsPerParticipant);
        Assert.Equal([_hostAgencyId], asStaff!.Participants.Select(p => p.AgencyId));
        Assert.Null(asOtherStaff);
    }

    [Fact]
    public async Task ConsultantsAndAnonymousAreRefused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.Consultant()).ListAsync(new ProgramListQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.Anonymous).GetOverviewAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ConcurrentEditsOfAProgrammeAreDetected()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Programs.SingleAsync(p => p.Name == DemoData.MonitoringProgramName);
        var b = await second.Programs.SingleAsync(p => p.Name == DemoData.MonitoringProgramName);

        a.Describe("첫 번째 수정", 11);
        await first.SaveChangesAsync();
        b.Describe("두 번째 수정", 11);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal("첫 번째 수정", (await check.Programs.SingleAsync(p => p.Id == a.Id)).Description);
    }
}
