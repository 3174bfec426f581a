using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Dashboards;

/// <summary>The app on 15 July 2025 with <see cref="ResultsScenario"/>'s year written into its database, once per class.</summary>
public sealed class ResultsWebFactory : ConsultingWebFactory
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<ResultsScenario>? _scenario;

    public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

    public async Task<ResultsScenario> ScenarioAsync()
    {
        await _writing.WaitAsync();
        try
        {
            _ = Server;
            _scenario ??= ResultsScenario.BuildAsync(Database, Clock);
        }
        finally
        {
            _writing.Release();
        }

        return await _scenario;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
