using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Agencies;

/// <summary>The registry's list and edits, on a database holding only the agencies these tests add.</summary>
public class AgencyRegistryServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    // Twelve listed agencies: names 기관01..기관12, alternating types, three districts; 기관12 inactive.
    private const string ListDistrictPrefix = "목록시";

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (await db.Agencies.AnyAsync(a => a.District.StartsWith(ListDistrictPrefix)))
        {
            return;
        }

        for (var i = 1; i <= 12; i++)
        {
            var type = i % 2 == 0 ? AgencyTypeCodes.GroupHome : AgencyTypeCodes.CommunityWelfareCenter;
            var agency = new Agency($"기관{i:00}", type, $"{ListDistrictPrefix} {(char)('가' + (i % 3))}구");
            if (i == 12)
            {
                agency.Deactivate();
            }

            db.Agencies.Add(agency);
        }

        db.Agencies.Add(new Agency("100% 나눔_센터", AgencyTypeCodes.SeniorWelfareCenter, "특수시"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private AgencyRegistryService ServiceFor(ICurrentUser user) =>
        new(database.CreateFactory(), user, new AgencyListQueryValidator(), new AgencyInputValidator());

    private static AgencyListQuery Listed(AgencySort sort = AgencySort.Name, bool descending = false, int page = 0, int size = 20) =>
        new(ListDistrictPrefix, Sort: sort, Descending: descending, PageIndex: page, PageSize: size);

    [Fact]
    public async Task SearchMatchesNameOrDistrict()
    {
        var service = ServiceFor(TestUser.Official());

        var byName = await service.ListAsync(new AgencyListQuery("기관0"));
        var byDistrict = await service.ListAsync(new AgencyListQuery(ListDistrictPrefix));

        Assert.Equal(9, byName.TotalCount);
        Assert.Equal(12, byDistrict.TotalCount);
    }

    [Fact]
    public async Task SearchTreatsPercentAndUnderscoreAsText()
    {
        var service = ServiceFor(TestUser.Official());

        var literal = await service.ListAsync(new AgencyListQuery("100% 나눔_"));
        var wildcard = await service.ListAsync(new AgencyListQuery("_"));

        Assert.Equal(["100% 나눔_센터"], literal.Rows.Select(r => r.Name));
        Assert.Equal(["100% 나눔_센터"], wildcard.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task FiltersByTypeDistrictAndStatus()
    {
        var service = ServiceFor(TestUser.Official());

        var groupHomes = await service.ListAsync(Listed() with { TypeCode = AgencyTypeCodes.GroupHome });
        var inDistrict = await service.ListAsync(Listed() with { District = $"{ListDistrictPrefix} 가구" });
        var inactive = await service.ListAsync(Listed() with { Active = false });
        var active = await service.ListAsync(Listed() with { Active = true });

        Assert.Equal(6, groupHomes.TotalCount);
        Assert.All(groupHomes.Rows, r => Assert.Equal(AgencyTypeCodes.GroupHome, r.TypeCode));
        Assert.Equal(["기관03", "기관06", "기관09", "기관12"], inDistrict.Rows.Select(r => r.Name));
        Assert.Equal(["기관12"], inactive.Rows.Select(r => r.Name));
        Assert.Equal(11, active.TotalCount);
    }

    [Fact]
    public async Task PagesASortedListInTheDatabase()
    {
        var service = ServiceFor(TestUser.Official());

        var secondPage = await service.ListAsync(Listed(AgencySort.Name, descending: true, page: 1, size: 5));
        var lastPage = await service.ListAsync(Listed(AgencySort.Name, page: 2, size: 5));

        Assert.Equal(12, secondPage.TotalCount);
        Assert.Equal(["기관07", "기관06", "기관05", "기관04", "기관03"], secondPage.Rows.Select(r => r.Name));
        Assert.Equal(["기관11", "기관12"], lastPage.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task SortsByTypeThenNameAndByDistrict()
    {
        var service = ServiceFor(TestUser.Official());

        var byType = await service.ListAsync(Listed(AgencySort.Type, size: 12));
        var byDistrictDesc = await service.ListAsync(Listed(AgencySort.District, descending: true, size: 4));

        // 종합사회복지관 (sort order 10) before 공동생활가정 (20).
        Assert.Equal(["기관01", "기관03", "기관05", "기관07", "기관09", "기관11", "기관02"], byType.Rows.Take(7).Select(r => r.Name));
        Assert.Equal(["기관02", "기관05", "기관08", "기관11"], byDistrictDesc.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task RefusesPagesLargerThanTheLimit() =>
        await Assert.ThrowsAsync<ValidationException>(() =>
            ServiceFor(TestUser.Official()).ListAsync(new AgencyListQuery(PageSize: AgencyListQuery.MaxPageSize + 1)));

    [Fact]
    public async Task NonOfficialsAreRefused()
    {
        foreach (var user in new ICurrentUser[] { TestUser.Consultant(), TestUser.StaffOf(Guid.NewGuid()), TestUser.Anonymous })
        {
            var service = ServiceFor(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new AgencyListQuery()));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListTypesAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(NewInput("거부 기관")));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.PreviewImportAsync(new MemoryStream([1]), "a.csv"));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.CommitImportAsync([], validRowsOnly: true));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ExportAsync(new AgencyListQuery(), new MemoryStream()));
        }

        await using var db = database.CreateContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == "거부 기관"));
    }

    [Fact]
    public async Task ListsTheManagedTypesInOrder()
    {
        var types = await ServiceFor(TestUser.Official()).ListTypesAsync();

        Assert.Equal(AgencyTypeCodes.Defaults().Select(t => t.Code), types.Select(t => t.Code));
    }

    [Fact]
    public async Task CreatesAndUpdatesAnAgency()
    {
        var service = ServiceFor(TestUser.Official());

        var id = await service.CreateAsync(NewInput(" 새봄 지역아동센터 "));
        var created = await service.GetAsync(id);
        var input = created!.ToInput();
        input.District = "새봄군 나래읍";
        input.Email = "contact@saebom.example.kr";
        await service.UpdateAsync(id, input, created.Version);
        var updated = await service.GetAsync(id);

        Assert.Equal("새봄 지역아동센터", created.Name);
        Assert.Equal("새봄군 나래읍", updated!.District);
        Assert.Equal("contact@saebom.example.kr", updated.Email);
        Assert.NotEqual(created.Version, updated.Version);
    }

    [Fact]
    public async Task RefusesABadEmailAndAnUnknownType()
    {
        var service = ServiceFor(TestUser.Official());
        var badEmail = NewInput("메일 오류 기관");
        badEmail.Email = "not-an-address";
        var badType = NewInput("유형 오류 기관");
        badType.TypeCode = "no-such-type";

        var validation = await Assert.ThrowsAsync<ValidationException>(() => service.CreateAsync(badEmail));
        var domain = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(badType));

        Assert.Contains(validation.Errors, e => e.ErrorCode == "agency.email-invalid");
        Assert.Equal("agency.unknown-type", domain.Code);
    }

    [Fact]
    public async Task AStaleVersionIsAConcurrencyConflict()
    {
        var service = ServiceFor(TestUser.Official());
        var id = await service.CreateAsync(NewInput("동시 수정 기관"));
        var loadedByBoth = await service.GetAsync(id);

        var first = loadedByBoth!.ToInput();
        first.Phone = "031-111-1111";
        await service.UpdateAsync(id, first, loadedByBoth.Version);
        var second = loadedByBoth.ToInput();
        second.Phone = "031-222-2222";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.UpdateAsync(id, second, loadedByBoth.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DeactivateAsync(id, loadedByBoth.Version));
        Assert.Equal("031-111-1111", (await service.GetAsync(id))!.Phone);
    }

    [Fact]
    public async Task DeactivatesAndReactivates()
    {
        var service = ServiceFor(TestUser.Official());
        var id = await service.CreateAsync(NewInput("휴업 기관"));

        var afterDeactivate = await service.DeactivateAsync(id, (await service.GetAsync(id))!.Version);
        var inactive = await service.GetAsync(id);
        await service.ReactivateAsync(id, afterDeactivate);

        Assert.False(inactive!.IsActive);
        Assert.True((await service.GetAsync(id))!.IsActive);
    }

    private static AgencyInput NewInput(string name) => new()
    {
        Name = name,
        TypeCode = AgencyTypeCodes.CommunityChildCenter,
        District = "새봄군",
        Phone = "031-000-0000",
    };
}
