using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Reports;

/// <summary>
/// The app on 15 July 2025 over <see cref="ResultsScenario"/>'s year, with one more staff account (at 햇살나무) that
/// signs in through the form and may see only its own agency's report.
/// </summary>
public sealed class ReportsWebFactory : ConsultingWebFactory
{
    public const string HaetsalEmail = "staff@haetsal.reports.test";
    public const string HaetsalPassword = "Staff!2025reports";

    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<ResultsScenario>? _scenario;

    public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

    /// <summary>Starts the app (which seeds the demo year) and builds the scenario, once per class.</summary>
    public async Task<ResultsScenario> ScenarioAsync()
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private async Task<ResultsScenario> WriteAsync()
    {
        var s = await ResultsScenario.BuildAsync(Database);
        Clock.Now = s.Clock.Now;
        await CreateAgencyStaffAsync(ResultsScenario.Haetsal, HaetsalEmail, HaetsalPassword);
        return s;
    }
}
