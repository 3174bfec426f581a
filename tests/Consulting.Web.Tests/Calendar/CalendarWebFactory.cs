using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Calendar;

/// <summary>
/// The app on 1 June 2025 with <see cref="CalendarScenario"/>'s week planned once: the feed reaches back
/// <see cref="Domain.Visits.CalendarFeedService.History"/> from "now", which the real date has long left behind.
/// </summary>
public sealed class CalendarWebFactory : ConsultingWebFactory
{
    private readonly SemaphoreSlim _planning = new(1, 1);
    private CalendarScenario.Week? _week;

    public FixedClock Clock { get; } = CalendarScenario.Clock();

    /// <summary>Starts the app (which seeds the demo year) and plans the week, once per class.</summary>
    public async Task<CalendarScenario.Week> WeekAsync()
    {
        await _planning.WaitAsync();
        try
        {
            _ = Server;
            return _week ??= await CalendarScenario.PlanAsync(Database);
        }
        finally
        {
            _planning.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
