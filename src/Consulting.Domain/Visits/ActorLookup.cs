using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Visits;

internal static class ActorLookup
{
    /// <summary>The current user as a history line names them (their display name when they have one).</summary>
    public static async Task<Actor> ActorAsync(this ConsultingDbContext db, ICurrentUser currentUser, CancellationToken ct)
    {
        var userId = currentUser.UserId ?? throw new AccessDeniedException();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return new Actor(userId, name ?? currentUser.Role ?? "?");
    }
}
