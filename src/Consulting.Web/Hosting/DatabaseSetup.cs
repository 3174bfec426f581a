using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Hosting;

internal static class DatabaseSetup
{
    public static async Task MigrateAndExitAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConsultingDbContext>().Database.MigrateAsync();
        LogEvents.Migrated(app.Logger);
        await Serilog.Log.CloseAndFlushAsync();
    }

    /// <summary>
    /// Applies migrations when Database:MigrateOnStartup is true (scripts/run sets it) and loads the demo year when
    /// Demo:Seed is true. The demo data, with its well-known passwords, is refused in Production.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var migrate = app.Configuration.GetValue("Database:MigrateOnStartup", false);
        var seed = app.Configuration.GetValue("Demo:Seed", false);
        if (!migrate && !seed)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsultingDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Consulting.Database");
        if (migrate)
        {
            await db.Database.MigrateAsync();
            LogEvents.Migrated(logger);
        }

        if (seed)
        {
            if (app.Environment.IsProduction())
            {
                LogEvents.DemoRefused(logger);
                return;
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await DemoData.SeedAsync(db, users))
            {
                LogEvents.DemoLoaded(logger);
            }
        }
    }
}
