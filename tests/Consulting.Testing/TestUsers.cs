using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Testing;

/// <summary>An explicit current user for service tests.</summary>
public sealed record TestUser(Guid? UserId, string? Role, Guid? AgencyId) : ICurrentUser
{
    public static TestUser Anonymous { get; } = new(null, null, null);

    public static TestUser Official() => new(Guid.NewGuid(), Roles.Official, null);

    public static TestUser Consultant() => new(Guid.NewGuid(), Roles.Consultant, null);

    public static TestUser StaffOf(Guid agencyId) => new(Guid.NewGuid(), Roles.AgencyStaff, agencyId);
}

public static class DemoSeeder
{
    /// <summary>Loads the demo year through the same code the app runs, with Identity's real user store.</summary>
    public static async Task SeedAsync(TestDatabase database)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ConsultingDbContext>(o => o.UseConsultingDatabase(database.ConnectionString));
        services.AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConsultingDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DemoData.SeedAsync(
            scope.ServiceProvider.GetRequiredService<ConsultingDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }
}
