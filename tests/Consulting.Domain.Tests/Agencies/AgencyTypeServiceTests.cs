using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Testing;

namespace Consulting.Domain.Tests.Agencies;

/// <summary>The managed list of agency types, on a database that starts with the eight shipped types.</summary>
public class AgencyTypeServiceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private AgencyTypeService ServiceFor(ICurrentUser user) => new(database.CreateFactory(), user);

    private AgencyRegistryService RegistryFor(ICurrentUser user) =>
        new(database.CreateFactory(), user, new AgencyListQueryValidator(), new AgencyInputValidator());

    [Fact]
    public async Task ListsTheShippedTypesInOrderWithTheirAgencyCounts()
    {
        var service = ServiceFor(TestUser.Official());
        var registry = RegistryFor(TestUser.Official());
        await registry.CreateAsync(new AgencyInput { Name = "세는 기관", TypeCode = AgencyTypeCodes.MigrantWomenShelter, District = "유형시" });

        var types = await service.ListAsync();

        Assert.Equal(AgencyTypeCodes.CommunityWelfareCenter, types[0].Code);
        Assert.True(types.Single(t => t.Code == AgencyTypeCodes.MigrantWomenShelter).AgencyCount >= 1);
        Assert.All(types, t => Assert.NotEqual(0u, t.Version));
    }

    [Fact]
    public async Task AnAddedTypeIsOfferedForNewAgenciesUntilItIsRetired()
    {
        var service = ServiceFor(TestUser.Official());
        var registry = RegistryFor(TestUser.Official());

        var code = await service.AddAsync("  노인주간보호센터 ", "Senior day care centre");

        Assert.StartsWith("custom-", code, StringComparison.Ordinal);
        Assert.Contains(await registry.ListTypesAsync(), t => t.Code == code && t.NameKo == "노인주간보호센터");
        var id = await registry.CreateAsync(new AgencyInput { Name = "새 유형 기관", TypeCode = code, District = "유형시" });

        var added = (await service.ListAsync()).Single(t => t.Code == code);
        await service.DeactivateAsync(code, added.Version);

        Assert.DoesNotContain(await registry.ListTypesAsync(), t => t.Code == code);
        Assert.Equal(code, (await registry.GetAsync(id))!.TypeCode);
        var error = await Assert.ThrowsAsync<DomainException>(
            () => registry.CreateAsync(new AgencyInput { Name = "또 다른 기관", TypeCode = code, District = "유형시" }));
        Assert.Equal("agency.unknown-type", error.Code);

        var retired = (await service.ListAsync()).Single(t => t.Code == code);
        Assert.False(retired.IsActive);
        await service.ReactivateAsync(code, retired.Version);
        Assert.Contains(await registry.ListTypesAsync(), t => t.Code == code);
    }

    [Fact]
    public async Task RefusesADuplicateOrMissingName()
    {
        var service = ServiceFor(TestUser.Official());

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => service.AddAsync("지역아동센터", "Another name"));
        var duplicateEnglish = await Assert.ThrowsAsync<DomainException>(() => service.AddAsync("다른 이름", "GROUP HOME"));
        var missing = await Assert.ThrowsAsync<DomainException>(() => service.AddAsync("이름만", " "));

        Assert.Equal("agency-type.duplicate", duplicate.Code);
        Assert.Equal("agency-type.duplicate", duplicateEnglish.Code);
        Assert.Equal("agency-type.name-required", missing.Code);
    }

    [Fact]
    public async Task AStaleRenameIsRefusedAndTheNewerNameKept()
    {
        var service = ServiceFor(TestUser.Official());
        var code = await service.AddAsync("쉼터 A", "Shelter A");
        var loadedByBoth = (await service.ListAsync()).Single(t => t.Code == code);

        await service.RenameAsync(code, loadedByBoth.Version, "쉼터 B", "Shelter B");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => service.RenameAsync(code, loadedByBoth.Version, "쉼터 C", "Shelter C"));
        Assert.Equal("쉼터 B", (await service.ListAsync()).Single(t => t.Code == code).NameKo);
    }

    [Fact]
    public async Task OnlyOfficialsManageTypes()
    {
        foreach (var user in new ICurrentUser[] { TestUser.Consultant(), TestUser.StaffOf(Guid.NewGuid()), TestUser.Anonymous })
        {
            var service = ServiceFor(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.AddAsync("몰래 추가", "Sneaky"));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.DeactivateAsync(AgencyTypeCodes.GroupHome, 1));
        }
    }
}
