using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests;

/// <summary>
/// The app on the clock of <see cref="ResultsScenario"/> (15 July 2025 once written), with the scenario written into its
/// database once per test class; a subclass adds what its pages need on top (<see cref="WriteAsync"/>).
/// </summary>
public abstract class ResultsAppFactory<TScenario> : ConsultingWebFactory
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<TScenario>? _scenario;

    public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

    /// <summary>Starts the app (which seeds the demo year) and writes the scenario, once.</summary>
    public async Task<TScenario> ScenarioAsync()
    {
        await _writing.WaitAsync();
        try
        {
            _ = Server;
            _scenario ??= WriteAsync();
        }
        finally
        {
            _writing.Release();
        }

        return await _scenario;
    }

    /// <summary>Builds <see cref="ResultsScenario"/> on the app's clock (and whatever else the subclass needs).</summary>
    protected abstract Task<TScenario> WriteAsync();

    protected Task<ResultsScenario> BuildResultsAsync() => ResultsScenario.BuildAsync(Database, Clock);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
