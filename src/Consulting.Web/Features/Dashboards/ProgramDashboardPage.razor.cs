using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Surveys;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Dashboards;

/// <summary>
/// The official's programme dashboard: each dataset of <see cref="ProgramDashboardService"/> as a chart, with the same
/// numbers in a table under it and a CSV download, and links to the results workbook and summary.
/// </summary>
public partial class ProgramDashboardPage
{
    private ProgramDashboard? dashboard;
    private Dictionary<string, DashboardTable> tables = [];
    private bool notFound;

    [Inject]
    private ProgramDashboardService Dashboards { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid ProgramId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            dashboard = await Dashboards.GetAsync(ProgramId);
            tables = DashboardTables.All(dashboard, ProgramResultsEndpoints.Texts(L)).ToDictionary(t => t.Name);
            notFound = false;
        }
        catch (DomainException e) when (e.Code == "program.not-found")
        {
            dashboard = null;
            notFound = true;
        }
    }

    private DashboardTable Table(string name) => tables[name];

    private string AreaName(Guid areaId) => dashboard!.Area(areaId).Name.ToString();

    /// <summary>Scheduled visits per month, one stacked series per area.</summary>
    private IEnumerable<Series> VisitSeries() =>
        dashboard!.Visits.Areas.Where(a => a.Scheduled > 0).Select(a => new Series(
            AreaName(a.AreaId),
            [.. dashboard.Visits.Months.Select((m, i) => new Point(m.ToString(), a.ScheduledByMonth[i]))]));

    private IEnumerable<Series> RecommendationSeries() =>
        Enum.GetValues<RecommendationStatus>()
            .Where(s => dashboard!.Recommendations.Areas.Any(a => a.ByStatus[s] > 0))
            .Select(s => new Series(
                L["RecommendationStatus." + s],
                [.. dashboard!.Recommendations.Areas.Select(a => new Point(AreaName(a.AreaId), a.ByStatus[s]))]));

    private List<Point> ImplementationPoints() =>
        [.. dashboard!.Recommendations.Areas.Select(a => new Point(AreaName(a.AreaId), a.Progress.Percent))];

    private IEnumerable<Series> AssessmentSeries()
    {
        var areas = dashboard!.Assessments.Areas;
        if (dashboard.Assessments.Monitoring)
        {
            return [new Series(L["Dashboard.Col.Round"], [.. areas.Select(a => new Point(AreaName(a.AreaId!.Value), (double)(a.Round ?? 0)))])];
        }

        return
        [
            new Series(L["Dashboard.Col.Before"], [.. areas.Select(a => new Point(AreaName(a.AreaId!.Value), (double)(a.Before ?? 0)))]),
            new Series(L["Dashboard.Col.After"], [.. areas.Select(a => new Point(AreaName(a.AreaId!.Value), (double)(a.After ?? 0)))]),
        ];
    }

    private IEnumerable<Series> DistributionSeries()
    {
        var table = Table(DashboardTables.Distribution);
        return table.Headers.Skip(1).Select((header, column) => new Series(
            header, [.. table.Rows.Select(r => new Point((string)r[0]!, (int)r[column + 1]!))]));
    }

    private List<Point> SatisfactionPoints() =>
        [.. Enum.GetValues<SurveyItem>().Select(i => new Point(L["Dashboard.Survey." + i], (double)(dashboard!.Satisfaction.Overall.Means[i] ?? 0)))];

    private sealed record Point(string Category, double Value);

    private sealed record Series(string Title, List<Point> Points);
}
