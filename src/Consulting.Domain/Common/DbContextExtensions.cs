using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Common;

public static class DbContextExtensions
{
    /// <summary>
    /// Saves with optimistic concurrency: <paramref name="expectedVersion"/> is the xmin the user loaded, so an edit
    /// made from a stale page is refused rather than silently overwriting the newer row.
    /// </summary>
    public static async Task SaveCheckedAsync<T>(this DbContext db, T entity, uint expectedVersion, CancellationToken ct = default)
        where T : class
    {
        db.Entry(entity).Property("Version").OriginalValue = expectedVersion;
        await db.SaveCheckedAsync(typeof(T).Name, ct);
    }

    public static async Task SaveCheckedAsync(this DbContext db, string entity, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(entity, ex);
        }
    }
}
