using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Consulting.Testing;

/// <summary>The real app on its own fresh database with the demo year loaded, as scripts/run would start it.</summary>
public class ConsultingWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public TestDatabase Database => _database;

    public virtual async Task InitializeAsync() => await _database.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Adds a signed-up staff account at the agency named <paramref name="agencyName"/>, through Identity's own user store.</summary>
    public async Task CreateAgencyStaffAsync(string agencyName, string email, string password)
    {
        await using var db = _database.CreateContext();
        var agencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = agencyName + " 담당자", AgencyId = agencyId, LockoutEnabled = true,
        };
        if (!(await users.CreateAsync(user, password)).Succeeded || !(await users.AddToRoleAsync(user, Roles.AgencyStaff)).Succeeded)
        {
            throw new InvalidOperationException($"the staff account {email} was not created");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Consulting", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Serilog:WriteToFile", "false");
        builder.UseSetting("Consulting:Reminders:Enabled", "false");
    }
}
