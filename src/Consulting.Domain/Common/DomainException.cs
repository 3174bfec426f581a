namespace Consulting.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> names the rule so the UI can show a localized
/// message; <see cref="Exception.Message"/> is a readable fallback in English.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
