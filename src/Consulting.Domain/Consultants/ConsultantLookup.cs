using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Consultants;

internal static class ConsultantLookup
{
    /// <summary>The registry entry linked to the current user's account, or null when they are not a consultant (or not linked).</summary>
    public static async Task<Guid?> ConsultantIdAsync(this ConsultingDbContext db, ICurrentUser user, CancellationToken ct) =>
        user.IsConsultant()
            ? await db.Consultants.Where(c => c.UserId == user.UserId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
            : null;
}
