using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Assessments;

/// <summary>
/// The app on 15 July 2025 over <see cref="ResultsScenario"/>'s year: 해솔's and 햇살나무's 조직 관리 assessed before and
/// after (해솔's after rated by 윤슬기), every other engagement untouched. A signed-up staff account at 햇살나무 is added,
/// so "another agency" can sign in.
/// </summary>
public sealed class AssessmentWebFactory : ConsultingWebFactory
{
    public const string HaetsalStaffEmail = "staff@haetsal.assess.test";
    public const string HaetsalStaffPassword = "Staff!2025assess";

    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<Scenario>? _scenario;

    public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

    /// <param name="HaesolOpen">An engagement of 해솔 in another area, nothing visited yet: its before-assessment is open.</param>
    public sealed record Scenario(ResultsScenario Results, Guid HaesolOpen);

    public async Task<Scenario> ScenarioAsync()
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

    private async Task<Scenario> WriteAsync()
    {
        var results = await ResultsScenario.BuildAsync(Database);
        await CreateAgencyStaffAsync(ResultsScenario.Haetsal, HaetsalStaffEmail, HaetsalStaffPassword);
        await using var db = Database.CreateContext();
        var open = await db.Engagements
            .Where(e => e.ProgramId == results.ProgramId && e.AgencyId == results.HaesolId && e.Id != results.HaesolEngagementId)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .FirstAsync();
        return new Scenario(results, open);
    }
}
