using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Surveys;

/// <summary>
/// The app on <see cref="ResultsScenario"/>'s last day, with 햇살나무's survey answer taken back so that its form is open,
/// and sign-in accounts for staff of 햇살나무 and of 별마루 (an agency with no finished engagement).
/// </summary>
public sealed class SurveyWebFactory : ResultsAppFactory<SurveyWebFactory.Scenario>
{
    public const string HaetsalEmail = "staff@haetsal.survey.test";
    public const string ByeolmaruEmail = "staff@byeolmaru.survey.test";
    public const string Byeolmaru = "별마루 종합사회복지관";
    public const string Password = "Staff!2025survey";

    public sealed record Scenario(ResultsScenario S, Guid ByeolmaruEngagementId);

    protected override async Task<Scenario> WriteAsync()
    {
        var s = await BuildResultsAsync();
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
