using Consulting.Web.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddConsultingLogging();
builder.AddConsultingServices();

var app = builder.Build();

// `Consulting.Web migrate`: the deployment step that applies migrations and exits.
if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    await app.MigrateAndExitAsync();
    return;
}

await app.PrepareDatabaseAsync();
app.UseConsultingPipeline();

try
{
    await app.RunAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, public so WebApplicationFactory can find it.</summary>
public partial class Program;
