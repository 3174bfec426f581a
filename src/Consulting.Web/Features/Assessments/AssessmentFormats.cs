using System.Globalization;
using Consulting.Domain.Assessments;

namespace Consulting.Web.Features.Assessments;

/// <summary>How scores read: means with two decimals, changes with their sign in text (never colour alone).</summary>
public static class AssessmentFormats
{
    public static string Mean(decimal value) => value.ToString("0.00", CultureInfo.CurrentCulture);

    /// <summary>A change with its sign: "+1.50", "−0.25", "0.00" (two decimals for means, none for one indicator).</summary>
    public static string Change(decimal value, bool mean)
    {
        var text = Math.Abs(value).ToString(mean ? "0.00" : "0", CultureInfo.CurrentCulture);
        return value > 0 ? "+" + text : value < 0 ? "\u2212" + text : text;
    }

    /// <summary>"3 - 문서는 있으나 실제와 다름": a score with the description of its level, when the checklist has one.</summary>
    public static string Level(int score, Indicator? indicator) =>
        indicator is not null && score >= Assessment.MinScore && score <= indicator.Levels.Count
            ? $"{score} - {indicator.Levels[score - 1]}"
            : score.ToString(CultureInfo.CurrentCulture);

    public static Indicator? Find(IReadOnlyList<Indicator> indicators, string code) => indicators.FirstOrDefault(i => i.Code == code);
}
