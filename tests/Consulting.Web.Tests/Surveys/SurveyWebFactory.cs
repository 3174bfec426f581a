using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Surveys;

/// <summary>
/// The app on <see cref="ResultsScenario"/>'s last day, with 햇살나무's survey answer taken back so that its form is open,
/// and sign-in accounts for staff of 햇살나무 and of 별마루 (an agency with no finished engagement).
/// </summary>
public sealed class SurveyWebFactory : ConsultingWebFactory
{
    public const string HaetsalEmail = "staff@haetsal.survey.test";
    public const string ByeolmaruEmail = "staff@byeolmaru.survey.test";
    public const string Byeolmaru = "별마루 종합사회복지관";
    public const string Password = "Staff!2025survey";

    private readonly SemaphoreSlim _writing = new(1, 1);
    private Task<Scenario>? _scenario;

    /// <summary>The app's clock; set to the scenario's clock once the scenario is written.</summary>
    public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

    public sealed record Scenario(ResultsScenario S, Guid ByeolmaruEngagementId);

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
        var s = await ResultsScenario.BuildAsync(Database);
        Clock.Now = s.Clock.Now;
        Guid byeolmaruEngagement;
        await using (var db = Database.CreateContext())
        {
            db.SurveyResponses.RemoveRange(db.SurveyResponses.Where(r => r.EngagementId == s.HaetsalEngagementId));
            await db.SaveChangesAsync();
            byeolmaruEngagement = await (
                    from e in db.Engagements
                    join a in db.Agencies on e.AgencyId equals a.Id
                    join area in db.ProgramAreas on e.AreaId equals area.Id
                    where e.ProgramId == s.ProgramId && a.Name == Byeolmaru && area.Code == ResultsScenario.Organisation
                    select e.Id)
                .SingleAsync();
        }

        await CreateAgencyStaffAsync(ResultsScenario.Haetsal, HaetsalEmail, Password);
        await CreateAgencyStaffAsync(Byeolmaru, ByeolmaruEmail, Password);
        return new Scenario(s, byeolmaruEngagement);
    }
}
