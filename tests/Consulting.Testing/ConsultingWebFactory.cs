using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Consulting", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Serilog:WriteToFile", "false");
    }
}
