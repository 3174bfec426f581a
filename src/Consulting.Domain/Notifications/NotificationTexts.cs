using System.Globalization;
using System.Resources;
using Consulting.Domain.Common;

namespace Consulting.Domain.Notifications;

/// <summary>
/// The notification and e-mail texts, Korean (neutral) and English, in NotificationTexts.resx beside this file
/// (generated from scripts/dev/notifications.tsv). They live in the domain because the background sender and the
/// daily job write e-mail in the recipient's language, with no page around them.
/// </summary>
public static class NotificationTexts
{
    private static readonly ResourceManager Resources = new("Consulting.Domain.Notifications.NotificationTexts", typeof(NotificationTexts).Assembly);

    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The culture for a user's stored preference ("en" or "ko"; anything else is Korean).</summary>
    public static CultureInfo CultureOf(string? preferred) =>
        preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Korean;

    public static string Title(string template, IReadOnlyList<BilingualName> args, CultureInfo culture) => Format(template + ".Title", args, culture);

    public static string Body(string template, IReadOnlyList<BilingualName> args, CultureInfo culture) => Format(template + ".Body", args, culture);

    /// <summary>The text for <paramref name="key"/>; a missing key shows itself rather than failing.</summary>
    public static string Text(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(string key, IReadOnlyList<BilingualName> args, CultureInfo culture)
    {
        var korean = culture.TwoLetterISOLanguageName != "en";
        return string.Format(culture, Text(key, culture), [.. args.Select(a => (object)a.In(korean))]);
    }

    /// <summary>The same text in both languages, for a date a notification mentions.</summary>
    public static BilingualName Date(DateOnly date) =>
        new(date.ToString("yyyy년 M월 d일 (ddd)", Korean), date.ToString("ddd, MMM d, yyyy", English));

    /// <summary>A Seoul date and time in both languages.</summary>
    public static BilingualName DateTime(DateTime utc)
    {
        var local = SeoulTime.ToSeoul(utc);
        return new(local.ToString("yyyy년 M월 d일 (ddd) HH:mm", Korean), local.ToString("ddd, MMM d, yyyy HH:mm", English));
    }

    public static BilingualName Plain(string text) => new(text, text);

    public static BilingualName Number(int value) => new(value.ToString(Korean), value.ToString(English));
}
