namespace Consulting.Domain.Common;

/// <summary>
/// Someone else saved the same record after this user loaded it. Services throw it in place of EF's
/// DbUpdateConcurrencyException so pages can say so and keep what the user typed.
/// </summary>
public sealed class ConcurrencyConflictException(string entity, Exception? inner = null)
    : Exception($"{entity} was changed by someone else.", inner)
{
    public string Entity { get; } = entity;
}
