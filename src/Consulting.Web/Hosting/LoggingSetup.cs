using Serilog;
using Serilog.Events;

namespace Consulting.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console and a rolling file. Serilog.AspNetCore is not served here, so Serilog comes in
    /// as a Microsoft.Extensions.Logging provider and request logging is the few lines in <see cref="Pipeline"/>.
    /// </summary>
    public static void AddConsultingLogging(this WebApplicationBuilder builder)
    {
        var logDirectory = builder.Configuration["Serilog:LogDirectory"]
            ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "logs");
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .ReadFrom.Configuration(builder.Configuration)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (builder.Configuration.GetValue("Serilog:WriteToFile", true))
        {
            configuration.WriteTo.File(
                Path.Combine(logDirectory, "consulting-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        Log.Logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(Log.Logger, dispose: false);
    }
}
