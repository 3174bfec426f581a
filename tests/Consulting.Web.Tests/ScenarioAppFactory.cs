using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests;

/// <summary>
/// The app on a fixed clock starting on <paramref name="today"/> (noon, Seoul), with a test class's scenario written into
/// its database once (<see cref="WriteAsync"/>), through the services, as the people would.
/// </summary>
public abstract class ScenarioAppFactory<TScenario>(DateOnly today) : ConsultingWebFactory
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<TScenario>? _scenario;

    public FixedClock Clock { get; } = FixedClock.At(today);

    /// <summary>Starts the app (which seeds the demo year) and writes the scenario, once per class.</summary>
    public async Task<TScenario> ScenarioAsync()
    {
        await _writing.WaitAsync();
        try
        {
            _ = Server;
            // A failed setup fails every test the same way rather than being retried on half-written data.
            _scenario ??= WriteAsync();
        }
        finally
        {
            _writing.Release();
        }

        return await _scenario;
    }

    protected abstract Task<TScenario> WriteAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
