using Consulting.Domain.Common;
using Consulting.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Consulting.Web.Hosting;

/// <summary>Settings under "Consulting:Reminders" (environment Consulting__Reminders__…).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Consulting:Reminders";

    /// <summary>Off in tests that must not see reminders appear.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks whether it is time (a run after the day's first is free: nothing is sent twice).</summary>
    public int CheckMinutes { get; set; } = 60;

    /// <summary>The Seoul hour from which the day's reminders go out.</summary>
    public int RunAtHour { get; set; } = 8;
}

internal static class ReminderSetup
{
    /// <summary>The daily reminder job (due soon, overdue, the Monday digest).</summary>
    public static void AddConsultingReminders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddHostedService<ReminderJob>();
    }
}

/// <summary>
/// Every <see cref="ReminderOptions.CheckMinutes"/> minutes, once the Seoul hour has reached
/// <see cref="ReminderOptions.RunAtHour"/>, runs <see cref="ReminderService.RunAsync"/>. The service remembers what it
/// has sent, so checking again the same day, a restart, or a second app instance sends nothing twice. A failed run is
/// logged and tried again at the next check.
/// </summary>
internal sealed partial class ReminderJob(
    IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Disabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, settings.CheckMinutes)), clock);
        do
        {
            await CheckAsync(settings, stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task CheckAsync(ReminderOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (SeoulTime.ToSeoul(now.UtcDateTime).Hour < settings.RunAtHour)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(now, ct);
            if (run.Skipped)
            {
                Skipped(logger);
            }
            else if (run.DueSoon + run.Overdue + run.Digests > 0)
            {
                Sent(logger, run.DueSoon, run.Overdue, run.Digests);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            Failed(logger, ex);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(601, LogLevel.Information, "Reminders are off (Consulting:Reminders:Enabled is false)")]
    private static partial void Disabled(ILogger logger);

    [LoggerMessage(602, LogLevel.Information, "Reminders sent: {DueSoon} due soon, {Overdue} overdue, {Digests} weekly digests")]
    private static partial void Sent(ILogger logger, int dueSoon, int overdue, int digests);

    [LoggerMessage(603, LogLevel.Information, "Reminders skipped: another instance is running them")]
    private static partial void Skipped(ILogger logger);

    [LoggerMessage(604, LogLevel.Error, "The reminder run failed; it is tried again at the next check")]
    private static partial void Failed(ILogger logger, Exception exception);
}
