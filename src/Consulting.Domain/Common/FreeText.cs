using System.Text.RegularExpressions;

namespace Consulting.Domain.Common;

/// <summary>
/// Trims free text and enforces its length limit with the message users see. Text that looks like HTML markup
/// (a tag or a script) is refused: pages encode what they show, but logs, reports and e-mails leave the app, and
/// nobody writing a visit log needs a tag. A "&lt;" before a digit, a space or Hangul ("&lt;1단계&gt;") is ordinary text.
/// </summary>
internal static partial class FreeText
{
    public static string Required(string? value, int maxLength, string code, string message)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, message);
        }

        return Limit(trimmed, maxLength);
    }

    public static string? Optional(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limit(trimmed, maxLength);
    }

    /// <summary>Whether the text holds something a browser would read as markup or script.</summary>
    public static bool LooksLikeMarkup(string? value) => value is not null && Markup().IsMatch(value);

    private static string Limit(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new DomainException("common.too-long", $"At most {maxLength} characters.", maxLength);
        }

        return LooksLikeMarkup(value)
            ? throw new DomainException("common.markup", "Text cannot contain HTML tags or scripts.")
            : value;
    }

    // A browser opens a tag only when "<" is followed at once by a letter, "/", "!" or "?"; "a < b" stays text.
    [GeneratedRegex(@"<[a-zA-Z/!?]|javascript\s*:|\bon[a-z]+\s*=\s*[""'`]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
