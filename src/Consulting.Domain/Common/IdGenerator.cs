namespace Consulting.Domain.Common;

internal static class IdGenerator
{
    // Time-ordered ids keep b-tree inserts local and can be made before the row reaches the database (bulk loads).
    public static Guid New() => Guid.CreateVersion7();
}
