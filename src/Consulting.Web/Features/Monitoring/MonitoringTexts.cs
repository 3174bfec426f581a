using System.Globalization;
using Consulting.Domain.Monitoring;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Monitoring;

/// <summary>How the round comparison reads: scores with two decimals, a change as an arrow with a word, "no data" for a gap.</summary>
public static class MonitoringTexts
{
    public static string Number(decimal value) => value.ToString("0.00", CultureInfo.CurrentCulture);

    public static string Score(IStringLocalizer localizer, decimal? score) =>
        score is { } s ? Number(s) : localizer["Monitoring.NoData"];

    /// <summary>▲ 0.45 상승 / ▼ 0.66 하락 / 변화 없음 / 자료 없음.</summary>
    public static string Change(IStringLocalizer localizer, decimal? change) => change switch
    {
        null => localizer["Monitoring.NoData"],
        > 0 => localizer["Monitoring.Up", Number(change.Value)],
        < 0 => localizer["Monitoring.Down", Number(-change.Value)],
        _ => localizer["Monitoring.Same"],
    };

    /// <summary>평균보다 0.45 높음 / 낮음 / 평균과 같음 / 자료 없음.</summary>
    public static string Difference(IStringLocalizer localizer, decimal? difference) => difference switch
    {
        null => localizer["Monitoring.NoData"],
        > 0 => localizer["Monitoring.Above", Number(difference.Value)],
        < 0 => localizer["Monitoring.Below", Number(-difference.Value)],
        _ => localizer["Monitoring.AtAverage"],
    };

    public static string Counts(IStringLocalizer localizer, IEnumerable<StatusCount> counts)
    {
        var shown = counts.Where(c => c.Count > 0).Select(c => localizer["Monitoring.StatusCount", localizer[$"RecommendationStatus.{c.Status}"], c.Count].Value).ToList();
        return shown.Count == 0 ? localizer["Monitoring.NoTasks"] : string.Join(", ", shown);
    }
}
