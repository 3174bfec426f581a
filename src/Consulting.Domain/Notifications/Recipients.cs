using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Notifications;

/// <summary>Who is told: the accounts behind an agency, a consultant, or the officials.</summary>
internal static class Recipients
{
    public static Task<List<Guid>> AgencyStaffAsync(this ConsultingDbContext db, Guid agencyId, CancellationToken ct) =>
        db.Users.Where(u => u.AgencyId == agencyId && u.IsActive).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The consultant's sign-in account, if they have one.</summary>
    public static async Task<List<Guid>> ConsultantUserAsync(this ConsultingDbContext db, Guid? consultantId, CancellationToken ct) =>
        consultantId is { } id
            ? await db.Consultants.Where(c => c.Id == id && c.UserId != null).Select(c => c.UserId!.Value).ToListAsync(ct)
            : [];

    public static Task<List<Guid>> OfficialsAsync(this ConsultingDbContext db, CancellationToken ct) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == Roles.Official && user.IsActive
         select user.Id).ToListAsync(ct);
}
