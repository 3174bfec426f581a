using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Notifications;

/// <summary>Who is told: the accounts behind an agency, a consultant, or the officials.</summary>
internal static class Recipients
{
    public static Task<List<Guid>> AgencyStaffAsync(this ConsultingDbContext db, Guid agencyId, CancellationToken ct) =>
        db.Users.Where(u => u.AgencyId == agencyId && u.IsActive).Select(u => u.Id).ToListAsync(ct);

    /// <summary>
    /// The consultant's sign-in account, if they have one that is active (an empty list lets a caller fall back to the
    /// officials, as a submission does).
    /// </summary>
    public static async Task<List<Guid>> ConsultantUserAsync(this ConsultingDbContext db, Guid? consultantId, CancellationToken ct) =>
        consultantId is { } id
            ? await (from c in db.Consultants
                     where c.Id == id
                     join u in db.Users on c.UserId equals u.Id
                     where u.IsActive
                     select u.Id).ToListAsync(ct)
            : [];

    public static Task<List<Guid>> OfficialsAsync(this ConsultingDbContext db, CancellationToken ct) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == Roles.Official && user.IsActive
         select user.Id).ToListAsync(ct);
}
