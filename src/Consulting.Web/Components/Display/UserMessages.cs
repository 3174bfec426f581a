using Consulting.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Components.Display;

/// <summary>
/// Turns what a service refused into text for the user, in their language: a broken rule by its code
/// (resource "Rule.{code}"), a validation failure by its error code or FluentValidation's own translated
/// message, a concurrent edit, a denied access.
/// </summary>
public static class UserMessages
{
    public static IReadOnlyList<string> Describe(Exception error, IStringLocalizer localizer) => error switch
    {
        DomainException domain => [Rule(domain.Code, domain.Message, localizer, domain.Args)],
        ValidationException validation => [.. validation.Errors.Select(e => Rule(e.ErrorCode, e.ErrorMessage, localizer)).Distinct()],
        ConcurrencyConflictException => [localizer["Common.ConcurrencyConflict"]],
        AccessDeniedException => [localizer["AccessDenied.Body"]],
        _ => throw error,
    };

    /// <summary>A validation failure's messages by the property they belong to, for the messages under each input.</summary>
    public static Dictionary<string, List<string>> ByField(Exception error, IStringLocalizer localizer) =>
        error is ValidationException validation
            ? validation.Errors
                .Where(e => !string.IsNullOrEmpty(e.PropertyName))
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => Describe(new ValidationException([.. g]), localizer).ToList())
            : [];

    /// <summary>Whether <see cref="Describe"/> can explain the error (anything else is a bug and propagates).</summary>
    public static bool IsExpected(Exception error) =>
        error is DomainException or ValidationException or ConcurrencyConflictException or AccessDeniedException;

    /// <summary>A warning the user may override (a weekend, a busy week), in their language with its details.</summary>
    public static string Warning(Domain.Visits.VisitWarning warning, IStringLocalizer localizer) =>
        Rule(warning.Code, warning.Code, localizer, [.. warning.Args]);

    private static string Rule(string? code, string fallback, IStringLocalizer localizer, IReadOnlyList<object>? args = null)
    {
        if (string.IsNullOrEmpty(code))
        {
            return fallback;
        }

        // Dates and times in the arguments are formatted by the resource's own pattern ({0:d}, {4:g}) in the current culture.
        var text = args is { Count: > 0 } ? localizer["Rule." + code, [.. args]] : localizer["Rule." + code];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
