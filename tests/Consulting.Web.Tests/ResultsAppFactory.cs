using Consulting.Testing;

namespace Consulting.Web.Tests;

/// <summary>
/// The app on the clock of <see cref="ResultsScenario"/> (15 July 2025 once written), with the scenario written into its
/// database once per test class; a subclass adds what its pages need on top.
/// </summary>
public abstract class ResultsAppFactory<TScenario>() : ScenarioAppFactory<TScenario>(ResultsScenario.Today)
{
    /// <summary>Builds <see cref="ResultsScenario"/> on the app's clock.</summary>
    protected Task<ResultsScenario> BuildResultsAsync() => ResultsScenario.BuildAsync(Database, Clock);
}
