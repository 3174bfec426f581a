using System.Globalization;
using Consulting.Domain.Surveys;

namespace Consulting.Web.Features.Surveys;

/// <summary>How the survey pages write its figures: means with two decimals, rates with one, in the reader's culture.</summary>
public static class SurveyFormats
{
    public static IReadOnlyList<SurveyItem> Items { get; } = Enum.GetValues<SurveyItem>();

    public static IReadOnlyList<int> Scale { get; } = [1, 2, 3, 4, 5];

    public static string Mean(decimal value) => value.ToString("0.00", CultureInfo.CurrentCulture);

    public static string Rate(decimal value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
