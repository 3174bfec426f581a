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

    /// <summary>A client signed in through the real form that follows no redirects (so a refusal shows as one).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Consulting.Domain.Data.DemoData.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, email, password);
        return client;
    }

    /// <summary>Gets a page that must answer 200 and returns its HTML with entities decoded.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
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
