using Consulting.Testing;

namespace Consulting.Web.Tests.Dashboards;

/// <summary>The app on 15 July 2025 with <see cref="ResultsScenario"/>'s year written into its database, once per class.</summary>
public sealed class ResultsWebFactory : ResultsAppFactory<ResultsScenario>
{
    protected override Task<ResultsScenario> WriteAsync() => BuildResultsAsync();
}
