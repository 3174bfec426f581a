using Consulting.Domain.Common;
using Consulting.Domain.Monitoring;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Monitoring;

/// <summary>
/// 모니터링 회차 비교: each township team against its own previous half-year and the county average, per area and overall
/// (a bar chart with the table of the same numbers beside it), its improvement tasks and the peer-coaching topics received.
/// </summary>
public partial class MonitoringRoundPage
{
    private MonitoringRoundView? view;
    private bool loaded;
    private IReadOnlyList<string>? errors;
    private List<Bar> currentBars = [];
    private List<Bar> previousBars = [];

    [Parameter]
    public Guid ProgramId { get; set; }

    [Inject]
    private MonitoringRoundService Rounds { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private IReadOnlyList<(string Team, ScoreComparison Score)> OverallRows =>
        [.. view!.Teams.Select(t => (t.Name, t.Overall))];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            view = await Rounds.GetAsync(ProgramId);
            errors = null;
        }
        catch (DomainException error)
        {
            view = null;
            errors = UserMessages.Describe(error, L);
        }

        loaded = true;
        currentBars = view is null ? [] : [.. view.Teams.Where(t => t.Overall.Score is not null).Select(t => new Bar(t.Name, (double)t.Overall.Score!.Value))];
        previousBars = view is null ? [] : [.. view.Teams.Where(t => t.Overall.Previous is not null).Select(t => new Bar(t.Name, (double)t.Overall.Previous!.Value))];
    }

    private IReadOnlyList<(string Team, ScoreComparison Score)> AreaRows(RoundAreaView area) =>
        [.. view!.Teams.Select(t => (t.Name, t.Area(area.AreaId).Score))];

    private string ScoreText(decimal? score) => MonitoringTexts.Score(L, score);

    private string ChangeText(decimal? change) => MonitoringTexts.Change(L, change);

    private string CountsText(IEnumerable<StatusCount> counts) => MonitoringTexts.Counts(L, counts);

    /// <summary>One bar of the chart: a team's overall score in one round.</summary>
    public sealed record Bar(string Team, double Score);
}
