using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Agencies;

/// <summary>What the pages may read about agencies.</summary>
public sealed class AgencyService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>An agency's profile: officials see any, agency staff only their own.</summary>
    public async Task<AgencyProfile?> GetProfileAsync(Guid agencyId, CancellationToken ct = default)
    {
        var allowed = currentUser.IsOfficial() || (currentUser.IsAgencyStaff() && currentUser.AgencyId == agencyId);
        if (!allowed)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies
            .Where(a => a.Id == agencyId)
            .Select(a => new AgencyProfile(a.Id, a.Name, a.Type!.NameKo, a.Type.NameEn, a.District, a.Address, a.Phone, a.Email))
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
    }
}
