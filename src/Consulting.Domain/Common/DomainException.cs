namespace Consulting.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> names the rule so the UI can show a localized
/// message; <see cref="Exception.Message"/> is a readable fallback in English. <see cref="Args"/> fill the
/// localized message's placeholders (what clashes with what, which date), formatted in the reader's culture.
/// </summary>
public sealed class DomainException(string code, string message, params object[] args) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Args { get; } = args;
}
