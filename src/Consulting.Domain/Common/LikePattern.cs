namespace Consulting.Domain.Common;

/// <summary>
/// Patterns for PostgreSQL's ILIKE with <see cref="Escape"/> as the escape character, so what a user types is matched
/// as text: "100%" finds "100%", not everything starting with "100".
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>The text itself, its wildcards escaped: ILIKE then means "equal but for case".</summary>
    public static string Exactly(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Anything containing the trimmed text.</summary>
    public static string Containing(string text) => "%" + Exactly(text.Trim()) + "%";
}
