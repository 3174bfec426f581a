namespace Consulting.Domain.Common;

/// <summary>Trims free text and enforces its length limit with the message users see.</summary>
internal static class FreeText
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

    private static string Limit(string value, int maxLength) =>
        value.Length <= maxLength ? value : throw new DomainException("common.too-long", $"At most {maxLength} characters.");
}
