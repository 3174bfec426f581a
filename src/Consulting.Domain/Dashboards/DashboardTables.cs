using System.Globalization;
using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Surveys;

namespace Consulting.Domain.Dashboards;

/// <summary>
/// The texts of the dashboard's tables and the programme documents in the reader's language: the web passes its
/// localizer (keys in scripts/dev/resources.dashboard.tsv), so pages, CSV files and documents share one set of words.
/// </summary>
public sealed class ResultTexts(Func<string, string> text, bool korean)
{
    public bool Korean => korean;

    public string this[string key] => text(key);

    public string Name(BilingualName name) => name.In(korean);

    public string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text(key), args);
}

/// <summary>
/// One dataset behind a chart, as rows of cells: text, <see cref="int"/> or <see cref="decimal"/> (null when there is
/// nothing to average). The page's "numbers behind" table, the CSV download and the workbook's summary all read these.
/// </summary>
/// <param name="Name">The dataset's name in addresses (<c>/dashboard/{Name}.csv</c>).</param>
public sealed record DashboardTable(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A cell as text: numbers without grouping and with a point, as CSV readers and spreadsheets expect.</summary>
    public static string Invariant(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}

public static class DashboardTables
{
    public const string Headline = "headline";
    public const string Visits = "visits";
    public const string VisitTotals = "visit-totals";
    public const string Behind = "behind";
    public const string Recommendations = "recommendations";
    public const string Implementation = "implementation";
    public const string Assessment = "assessment";
    public const string Distribution = "distribution";
    public const string Satisfaction = "satisfaction";

    public static readonly IReadOnlyList<string> Names =
        [Headline, Visits, VisitTotals, Behind, Recommendations, Implementation, Assessment, Distribution, Satisfaction];

    public static IReadOnlyList<DashboardTable> All(ProgramDashboard d, ResultTexts t) =>
        [.. Names.Select(name => For(d, t, name)!)];

    /// <summary>The dataset called <paramref name="name"/>, or null when there is none by that name.</summary>
    public static DashboardTable? For(ProgramDashboard d, ResultTexts t, string name) => name switch
    {
        Headline => HeadlineTable(d, t),
        Visits => VisitsTable(d, t),
        VisitTotals => VisitTotalsTable(d, t),
        Behind => BehindTable(d, t),
        Recommendations => RecommendationsTable(d, t),
        Implementation => ImplementationTable(d, t),
        Assessment => AssessmentTable(d, t),
        Distribution => DistributionTable(d, t),
        Satisfaction => SatisfactionTable(d, t),
        _ => null,
    };

    /// <summary>The figures a reader looks at first, as (label, value) pairs.</summary>
    public static IReadOnlyList<(string Label, object? Value)> HeadlineFigures(ProgramDashboard d, ResultTexts t)
    {
        var list = new List<(string, object?)>
        {
            (t["Dashboard.Head.Agencies"], d.Agencies),
            (t["Dashboard.Head.Engagements"], d.Engagements),
            (t["Dashboard.Head.Assigned"], d.Assigned),
            (t["Dashboard.Head.Planned"], d.Visits.Planned),
            (t["Dashboard.Head.Scheduled"], d.Visits.Scheduled),
            (t["Dashboard.Head.Completed"], d.Visits.Completed),
            (t["Dashboard.Head.Behind"], d.Behind.Count),
            (t["Dashboard.Head.Published"], d.Recommendations.Overall.Total),
            (t["Dashboard.Head.Verified"], d.Recommendations.Overall.Verified),
            (t["Dashboard.Head.Rate"], d.Recommendations.Overall.Percent),
            (t["Dashboard.Head.Overdue"], d.Recommendations.Overall.Overdue),
        };
        if (d.IsMonitoring)
        {
            list.Add((t["Dashboard.Head.Round"], d.Assessments.Overall.Round));
        }
        else
        {
            list.Add((t["Dashboard.Head.Before"], d.Assessments.Overall.Before));
            list.Add((t["Dashboard.Head.After"], d.Assessments.Overall.After));
            list.Add((t["Dashboard.Head.Change"], d.Assessments.Overall.Change));
        }

        list.Add((t["Dashboard.Head.Responses"], d.Satisfaction.Overall.Responses));
        list.Add((t["Dashboard.Head.ResponseRate"], d.Satisfaction.Overall.RatePercent));
        list.Add((t["Dashboard.Head.Satisfaction"], d.Satisfaction.Overall.Means[SurveyItem.Overall]));
        return list;
    }

    private static DashboardTable HeadlineTable(ProgramDashboard d, ResultTexts t) => new(
        Headline, t["Dashboard.Table.Headline"], [t["Dashboard.Col.Item"], t["Dashboard.Col.Value"]],
        [.. HeadlineFigures(d, t).Select(f => (IReadOnlyList<object?>)[f.Label, f.Value])]);

    private static DashboardTable VisitsTable(ProgramDashboard d, ResultTexts t)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var area in d.Visits.Areas)
        {
            var name = t.Name(d.Area(area.AreaId).Name);
            rows.Add([name, t["Dashboard.Col.Scheduled"], .. area.ScheduledByMonth.Cast<object?>(), area.Scheduled]);
            rows.Add([name, t["Dashboard.Col.Completed"], .. area.CompletedByMonth.Cast<object?>(), area.Completed]);
        }

        return new(
            Visits, t["Dashboard.Table.Visits"],
            [t["Dashboard.Col.Area"], t["Dashboard.Col.Measure"], .. d.Visits.Months.Select(m => m.ToString()), t["Dashboard.Col.Total"]],
            rows);
    }

    private static DashboardTable VisitTotalsTable(ProgramDashboard d, ResultTexts t)
    {
        var v = d.Visits;
        return new(
            VisitTotals, t["Dashboard.Table.VisitTotals"],
            [t["Dashboard.Col.Area"], t["Dashboard.Col.Engagements"], t["Dashboard.Col.Planned"], t["Dashboard.Col.Scheduled"], t["Dashboard.Col.Completed"], t["Dashboard.Col.Behind"]],
            [
                .. v.Areas.Select(a => (IReadOnlyList<object?>)[t.Name(d.Area(a.AreaId).Name), a.Engagements, a.Planned, a.Scheduled, a.Completed, a.Behind]),
                [t["Dashboard.Overall"], v.Areas.Sum(a => a.Engagements), v.Planned, v.Scheduled, v.Completed, v.Behind],
            ]);
    }

    private static DashboardTable BehindTable(ProgramDashboard d, ResultTexts t) => new(
        Behind, t["Dashboard.Table.Behind"],
        [t["Dashboard.Col.Agency"], t["Dashboard.Col.Area"], t["Dashboard.Col.Consultant"], t["Dashboard.Col.Planned"], t["Dashboard.Col.HeldSoFar"], t["Dashboard.Col.Expected"]],
        [.. d.Behind.Select(b => (IReadOnlyList<object?>)[
            b.AgencyName, t.Name(b.AreaName), b.ConsultantName ?? t["Dashboard.Unassigned"], b.PlannedVisits, b.HeldSoFar, b.ExpectedByToday])]);

    private static DashboardTable RecommendationsTable(ProgramDashboard d, ResultTexts t)
    {
        var statuses = Enum.GetValues<RecommendationStatus>();
        IReadOnlyList<object?> Row(string name, Func<RecommendationStatus, int> count, FollowUpProgress p) =>
            [name, .. statuses.Select(s => (object?)count(s)), p.Total, p.Overdue];
        return new(
            Recommendations, t["Dashboard.Table.Recommendations"],
            [t["Dashboard.Col.Area"], .. statuses.Select(s => t["RecommendationStatus." + s]), t["Dashboard.Col.Total"], t["Dashboard.Col.Overdue"]],
            [
                .. d.Recommendations.Areas.Select(a => Row(t.Name(d.Area(a.AreaId).Name), s => a.ByStatus[s], a.Progress)),
                Row(t["Dashboard.Overall"], s => d.Recommendations.Areas.Sum(a => a.ByStatus[s]), d.Recommendations.Overall),
            ]);
    }

    private static DashboardTable ImplementationTable(ProgramDashboard d, ResultTexts t)
    {
        static IReadOnlyList<object?> Row(string name, FollowUpProgress p) => [name, p.Total, p.NotAdopted, p.Verified, p.Percent];
        return new(
            Implementation, t["Dashboard.Table.Implementation"],
            [t["Dashboard.Col.Area"], t["Dashboard.Col.Published"], t["Dashboard.Col.NotAdopted"], t["Dashboard.Col.Verified"], t["Dashboard.Col.Rate"]],
            [.. d.Recommendations.Areas.Select(a => Row(t.Name(d.Area(a.AreaId).Name), a.Progress)), Row(t["Dashboard.Overall"], d.Recommendations.Overall)]);
    }

    private static DashboardTable AssessmentTable(ProgramDashboard d, ResultTexts t)
    {
        var a = d.Assessments;
        string Name(AreaAssessment x) => x.AreaId is { } id ? t.Name(d.Area(id).Name) : t["Dashboard.Overall"];
        if (a.Monitoring)
        {
            return new(
                Assessment, t["Dashboard.Table.Rounds"],
                [t["Dashboard.Col.Area"], t["Dashboard.Col.Round"], t["Dashboard.Col.RoundCount"]],
                [.. a.Areas.Append(a.Overall).Select(x => (IReadOnlyList<object?>)[Name(x), x.Round, x.RoundCount])]);
        }

        return new(
            Assessment, t["Dashboard.Table.Assessment"],
            [t["Dashboard.Col.Area"], t["Dashboard.Col.Before"], t["Dashboard.Col.After"], t["Dashboard.Col.Change"], t["Dashboard.Col.Rating"], t["Dashboard.Col.WithBoth"]],
            [.. a.Areas.Append(a.Overall).Select(x => (IReadOnlyList<object?>)[Name(x), x.Before, x.After, x.Change, x.ConsultantRating, x.WithBoth])]);
    }

    private static DashboardTable DistributionTable(ProgramDashboard d, ResultTexts t)
    {
        var a = d.Assessments;
        string Band(int band) => band == AssessmentScores.Bands[^1] ? t["Dashboard.Band.Top"] : t.Format("Dashboard.Band", band);
        var rows = AssessmentScores.Bands.Select((band, i) => a.Monitoring
            ? (IReadOnlyList<object?>)[Band(band), a.RoundDistribution[i]]
            : [Band(band), a.BeforeDistribution[i], a.AfterDistribution[i]]);
        return new(
            Distribution, t["Dashboard.Table.Distribution"],
            a.Monitoring
                ? [t["Dashboard.Col.Band"], t["Dashboard.Col.RoundAgencies"]]
                : [t["Dashboard.Col.Band"], t["Dashboard.Col.BeforeAgencies"], t["Dashboard.Col.AfterAgencies"]],
            [.. rows]);
    }

    private static DashboardTable SatisfactionTable(ProgramDashboard d, ResultTexts t)
    {
        var items = Enum.GetValues<SurveyItem>();
        IReadOnlyList<object?> Row(string name, AreaSatisfaction s) =>
            [name, s.Responses, s.Invited, s.RatePercent, .. items.Select(i => (object?)s.Means[i])];
        return new(
            Satisfaction, t["Dashboard.Table.Satisfaction"],
            [t["Dashboard.Col.Area"], t["Dashboard.Col.Responses"], t["Dashboard.Col.Invited"], t["Dashboard.Col.ResponseRate"], .. items.Select(i => t["Dashboard.Survey." + i])],
            [.. d.Satisfaction.Areas.Select(s => Row(t.Name(d.Area(s.AreaId!.Value).Name), s)), Row(t["Dashboard.Overall"], d.Satisfaction.Overall)]);
    }
}
