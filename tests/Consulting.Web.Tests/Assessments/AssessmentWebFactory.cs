using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Assessments;

/// <summary>
/// The app on 15 July 2025 over <see cref="ResultsScenario"/>'s year: 해솔's and 햇살나무's 조직 관리 assessed before and
/// after (해솔's after rated by 윤슬기), every other engagement untouched. A signed-up staff account at 햇살나무 is added,
/// so "another agency" can sign in.
/// </summary>
public sealed class AssessmentWebFactory : ResultsAppFactory<AssessmentWebFactory.Scenario>
{
    public const string HaetsalStaffEmail = "staff@haetsal.assess.test";
    public const string HaetsalStaffPassword = "Staff!2025assess";

    /// <param name="HaesolOpen">An engagement of 해솔 in another area, nothing visited yet: its before-assessment is open.</param>
    public sealed record Scenario(ResultsScenario Results, Guid HaesolOpen);

    protected override async Task<Scenario> WriteAsync()
    {
        var results = await BuildResultsAsync();
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
