using Consulting.Testing;

namespace Consulting.Web.Tests.Reports;

/// <summary>
/// The app on 15 July 2025 over <see cref="ResultsScenario"/>'s year, with one more staff account (at 햇살나무) that
/// signs in through the form and may see only its own agency's report.
/// </summary>
public sealed class ReportsWebFactory : ResultsAppFactory<ResultsScenario>
{
    public const string HaetsalEmail = "staff@haetsal.reports.test";
    public const string HaetsalPassword = "Staff!2025reports";

    protected override async Task<ResultsScenario> WriteAsync()
    {
        var s = await BuildResultsAsync();
        await CreateAgencyStaffAsync(ResultsScenario.Haetsal, HaetsalEmail, HaetsalPassword);
        return s;
    }
}
