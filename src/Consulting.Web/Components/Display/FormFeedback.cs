using Consulting.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Components.Display;

/// <summary>
/// What an edit form shows about its last attempt: the messages for the whole form, the messages per field
/// (for aria-invalid and aria-describedby), whether it was a concurrent edit, and whether an attempt is running.
/// The input stays as typed, so a refused save loses nothing.
/// </summary>
public sealed class FormFeedback
{
    private Dictionary<string, List<string>> _fields = [];

    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>The last attempt met a newer saved version: the page offers to reload it.</summary>
    public bool Conflict { get; private set; }

    public bool Busy { get; private set; }

    /// <summary>The last attempt was refused.</summary>
    public bool Failed => Messages.Count > 0;

    /// <summary>The messages of <paramref name="field"/>, including those of its items ("Topics[2]").</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        [.. _fields.Where(f => f.Key == field || f.Key.StartsWith(field + "[", StringComparison.Ordinal)).SelectMany(f => f.Value).Distinct()];

    /// <summary>Every field's messages, keyed by the property they belong to.</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> FieldErrors => _fields;

    /// <summary>"true" for aria-invalid when the field has an error, otherwise null (no attribute).</summary>
    public string? Invalid(string field) => ErrorsOf(field).Count > 0 ? "true" : null;

    public void Clear()
    {
        Messages = [];
        _fields = [];
        Conflict = false;
    }

    /// <summary>Runs <paramref name="action"/>; what a service refused becomes messages, anything else propagates.</summary>
    public async Task RunAsync(Func<Task> action, IStringLocalizer localizer)
    {
        Busy = true;
        Clear();
        try
        {
            await action();
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            Messages = UserMessages.Describe(ex, localizer);
            Conflict = ex is ConcurrencyConflictException;
            _fields = UserMessages.ByField(ex, localizer);
        }
        finally
        {
            Busy = false;
        }
    }
}
