using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Domain.Tests.Consultants;

/// <summary>The consultant registry against PostgreSQL with the demo year's eight consultants.</summary>
public class ConsultantServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private ServiceProvider? _provider;
    private TestUser _official = TestUser.Anonymous;
    private TestUser _demoConsultant = TestUser.Anonymous;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ConsultingDbContext>(o => o.UseConsultingDatabase(database.ConnectionString));
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConsultingDbContext>();
        _provider = services.BuildServiceProvider();

        await using var db = database.CreateContext();
        if (!await db.Programs.AnyAsync())
        {
            await DemoSeeder.SeedAsync(database);
        }

        _official = await DemoScenario.DemoOfficialAsync(database);
        _demoConsultant = await DemoScenario.DemoConsultantAsync(database);
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private ConsultantService As(ICurrentUser user) => new(
        database.CreateFactory(),
        user,
        _clock,
        new UserAccountService(
            _provider!.GetRequiredService<IServiceScopeFactory>(),
            database.CreateFactory(),
            user,
            _provider!.GetRequiredService<IOptions<IdentityOptions>>(),
            new UserListQueryValidator(),
            new NewUserInputValidator(),
            new PasswordChangeInputValidator()),
        new ConsultantInputValidator(),
        new ConsultantListQueryValidator(),
        new UnavailabilityInputValidator());

    private ConsultantService AsOfficial => As(_official);

    private static ConsultantInput Input(string name, params string[] expertise) => new()
    {
        Name = name,
        Affiliation = "시험연구소",
        Expertise = expertise.Length == 0 ? ["organisation"] : expertise,
        Phone = "010-1111-2222",
        Email = "expert@example.org",
        Region = "가온시",
        MaxVisitsPerWeek = 3,
    };

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = database.CreateContext();
        return await db.Consultants.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task AnOfficialCreatesAndUpdatesAConsultantButNotFromAStaleVersion()
    {
        var id = await AsOfficial.CreateAsync(Input("신규 전문가", "case-management", "organisation"));
        var created = (await AsOfficial.GetAsync(id))!;

        await AsOfficial.UpdateAsync(id, created.ToInput() with { MaxVisitsPerWeek = 5, Notes = "주 5회까지 가능" }, created.Version);
        var stale = AsOfficial.UpdateAsync(id, created.ToInput() with { Name = "늦은 수정" }, created.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        var updated = (await AsOfficial.GetAsync(id))!;
        Assert.Equal(("신규 전문가", 5, "주 5회까지 가능", true), (updated.Name, updated.MaxVisitsPerWeek, updated.Notes, updated.IsActive));
        Assert.Equal(["organisation", "case-management"], updated.Expertise);
    }

    [Fact]
    public async Task TheRegistryRefusesInputWithoutExpertiseOrWithAWeeklyMaximumOutOfRange()
    {
        var noExpertise = await Assert.ThrowsAsync<ValidationException>(() => AsOfficial.CreateAsync(Input("무전문") with { Expertise = [] }));
        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => AsOfficial.CreateAsync(Input("과다") with { MaxVisitsPerWeek = 21 }));

        Assert.Contains(noExpertise.Errors, e => e.ErrorCode == "consultant.expertise-required");
        Assert.Contains(tooMany.Errors, e => e.ErrorCode == "consultant.weekly-max-range");
        Assert.Equal(0, (await AsOfficial.ListAsync(new ConsultantListQuery("무전문", Active: null))).Total);
    }

    [Fact]
    public async Task TheListSearchesFiltersAndPages()
    {
        var county = await AsOfficial.ListAsync(new ConsultantListQuery("다솜군", PageSize: 3));
        var secondPage = await AsOfficial.ListAsync(new ConsultantListQuery("다솜군", PageIndex: 1, PageSize: 3));
        var community = await AsOfficial.ListAsync(new ConsultantListQuery(Expertise: "community-organising"));
        var yoon = Assert.Single((await AsOfficial.ListAsync(new ConsultantListQuery("슬기"))).Rows);

        Assert.Equal(4, county.Total);
        Assert.Equal(["문바다", "배솔빛", "정다운"], county.Rows.Select(r => r.Name));
        Assert.Equal(["조은결"], secondPage.Rows.Select(r => r.Name));
        Assert.Equal(["오누리", "임채원"], community.Rows.Select(r => r.Name));
        Assert.Equal(("윤슬기", true), (yoon.Name, yoon.HasAccount));
        Assert.False(county.Rows[0].HasAccount);
    }

    [Fact]
    public async Task TheListShowsInactiveConsultantsOnlyWhenAskedTo()
    {
        var id = await AsOfficial.CreateAsync(Input("휴면 등록자"));
        await AsOfficial.DeactivateAsync(id, (await AsOfficial.GetAsync(id))!.Version);

        Assert.Equal(0, (await AsOfficial.ListAsync(new ConsultantListQuery("휴면 등록자"))).Total);
        Assert.False(Assert.Single((await AsOfficial.ListAsync(new ConsultantListQuery("휴면 등록자", Active: false))).Rows).IsActive);
        Assert.Single((await AsOfficial.ListAsync(new ConsultantListQuery("휴면 등록자", Active: null))).Rows);

        await AsOfficial.ReactivateAsync(id, (await AsOfficial.GetAsync(id))!.Version);
        Assert.Equal(1, (await AsOfficial.ListAsync(new ConsultantListQuery("휴면 등록자"))).Total);
    }

    [Fact]
    public async Task OnlyAnOfficialKeepsTheRegistry()
    {
        var consultant = As(_demoConsultant);
        var other = await IdOfAsync("강하늘");

        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.ListAsync(new ConsultantListQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.CreateAsync(Input("몰래 등록")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.UpdateAsync(other, Input("강하늘"), 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.DeactivateAsync(other, 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.StaffOf(Guid.NewGuid())).GetAsync(other));
        Assert.Null(await consultant.GetAsync(other));
    }

    [Fact]
    public async Task AConsultantCorrectsOnlyTheirOwnContactDetails()
    {
        var consultant = As(_demoConsultant);
        var before = (await consultant.GetMineAsync())!;

        await consultant.UpdateMyContactAsync(" 010-9876-5432 ", "yoon@example.org", before.Version);
        var stale = consultant.UpdateMyContactAsync("010-0000-0000", null, before.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        await Assert.ThrowsAsync<ValidationException>(() => consultant.UpdateMyContactAsync(null, "not-an-email", before.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsOfficial.UpdateMyContactAsync("010", null, 0));
        var after = (await consultant.GetMineAsync())!;
        Assert.Equal(("010-9876-5432", "yoon@example.org"), (after.Phone, after.Email));
        Assert.Equal((before.Name, before.Affiliation, before.MaxVisitsPerWeek), (after.Name, after.Affiliation, after.MaxVisitsPerWeek));
        Assert.Equal(before.Expertise, after.Expertise);
        Assert.Equal(after.Id, (await consultant.GetAsync(after.Id))!.Id);
    }

    [Fact]
    public async Task AConsultantDeclaresAndRemovesTheirOwnDatesOnly()
    {
        var consultant = As(_demoConsultant);
        var other = await IdOfAsync("강하늘");

        await consultant.DeclareUnavailableAsync(null, new UnavailabilityInput(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 3), UnavailabilityKind.OtherCommitment, "학회"));
        var overlap = await Assert.ThrowsAsync<DomainException>(() =>
            consultant.DeclareUnavailableAsync(null, new UnavailabilityInput(new DateOnly(2025, 10, 3), new DateOnly(2025, 10, 5), UnavailabilityKind.Vacation, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            consultant.DeclareUnavailableAsync(other, new UnavailabilityInput(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 1), UnavailabilityKind.Vacation, null)));
        var mine = (await consultant.GetMineAsync())!;
        var entry = mine.Unavailable.Single(u => u.Start == new DateOnly(2025, 10, 1));

        Assert.Equal("unavailability.overlaps", overlap.Code);
        Assert.Equal((new DateOnly(2025, 10, 3), UnavailabilityKind.OtherCommitment, "학회"), (entry.End, entry.Kind, entry.Note));
        Assert.Contains(mine.Unavailable, u => u.Start == new DateOnly(2025, 8, 4));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.RemoveUnavailabilityAsync(other, entry.Id));
        await consultant.RemoveUnavailabilityAsync(null, entry.Id);
        Assert.DoesNotContain((await consultant.GetMineAsync())!.Unavailable, u => u.Id == entry.Id);
    }

    [Fact]
    public async Task AnOfficialDeclaresDatesForAnyConsultant()
    {
        var kang = await IdOfAsync("강하늘");

        await AsOfficial.DeclareUnavailableAsync(kang, new UnavailabilityInput(new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 12), UnavailabilityKind.Vacation, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsOfficial.DeclareUnavailableAsync(null, new UnavailabilityInput(new DateOnly(2025, 9, 15), new DateOnly(2025, 9, 15), UnavailabilityKind.Vacation, null)));
        await Assert.ThrowsAsync<ValidationException>(() =>
            AsOfficial.DeclareUnavailableAsync(kang, new UnavailabilityInput(new DateOnly(2025, 9, 20), new DateOnly(2025, 9, 19), UnavailabilityKind.Vacation, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            As(TestUser.StaffOf(Guid.NewGuid())).DeclareUnavailableAsync(kang, new UnavailabilityInput(new DateOnly(2025, 9, 22), new DateOnly(2025, 9, 22), UnavailabilityKind.Vacation, null)));

        var entry = Assert.Single((await AsOfficial.GetAsync(kang))!.Unavailable);
        Assert.Equal((new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 12)), (entry.Start, entry.End));
        await AsOfficial.RemoveUnavailabilityAsync(kang, entry.Id);
        Assert.Empty((await AsOfficial.GetAsync(kang))!.Unavailable);
    }

    [Fact]
    public async Task CreatingAnAccountLinksItToTheRegistryEntryOnce()
    {
        var id = await AsOfficial.CreateAsync(Input("계정 받을 전문가", "peer-coaching"));
        var version = (await AsOfficial.GetAsync(id))!.Version;

        var created = await AsOfficial.CreateAccountAsync(id, "new.expert@example.org", version);

        Assert.False(string.IsNullOrEmpty(created.OneTimePassword));
        var details = (await AsOfficial.GetAsync(id))!;
        Assert.Equal((created.Id, "new.expert@example.org"), (details.UserId!.Value, details.AccountEmail));
        await using (var db = database.CreateContext())
        {
            var account = await db.Users.SingleAsync(u => u.Id == created.Id);
            var role = await db.UserRoles.Where(ur => ur.UserId == created.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).SingleAsync();
            Assert.Equal(("계정 받을 전문가", Roles.Consultant, true), (account.DisplayName, role, account.MustChangePassword));
        }

        var again = await Assert.ThrowsAsync<DomainException>(() => AsOfficial.CreateAccountAsync(id, "second@example.org", details.Version));
        Assert.Equal("consultant.has-account", again.Code);
        var signedIn = As(new TestUser(created.Id, Roles.Consultant, null));
        Assert.Equal(id, (await signedIn.GetMineAsync())!.Id);
    }

    [Fact]
    public async Task AnAccountIsNotCreatedFromAStaleVersion()
    {
        var id = await AsOfficial.CreateAsync(Input("버전 시험 전문가"));
        var stale = (await AsOfficial.GetAsync(id))!.Version;
        await AsOfficial.UpdateAsync(id, Input("버전 시험 전문가") with { MaxVisitsPerWeek = 2 }, stale);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsOfficial.CreateAccountAsync(id, "stale.expert@example.org", stale));

        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "stale.expert@example.org"));
        Assert.Null((await AsOfficial.GetAsync(id))!.UserId);
    }
}
