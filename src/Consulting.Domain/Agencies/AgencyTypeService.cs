using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Agencies;

/// <summary>The managed list of agency types: officials add, rename, retire and restore them.</summary>
public sealed class AgencyTypeService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>Every type, retired ones too, with how many agencies have it.</summary>
    public async Task<IReadOnlyList<AgencyTypeRow>> ListAsync(CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgencyTypes
            .OrderBy(t => t.SortOrder).ThenBy(t => t.NameKo)
            .Select(t => new AgencyTypeRow(
                t.Code, t.NameKo, t.NameEn, t.IsActive, db.Agencies.Count(a => a.TypeCode == t.Code), t.Version))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <returns>The new type's code.</returns>
    public async Task<string> AddAsync(string nameKo, string nameEn, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.AgencyTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var type = AgencyType.Custom(nameKo, nameEn, last + 10);
        await EnsureUniqueAsync(db, type, ct);
        db.AgencyTypes.Add(type);
        await db.SaveChangesAsync(ct);
        return type.Code;
    }

    /// <returns>The type's new version.</returns>
    public Task<uint> RenameAsync(string code, uint expectedVersion, string nameKo, string nameEn, CancellationToken ct = default) =>
        ChangeAsync(code, expectedVersion, t => t.Rename(nameKo, nameEn), checkNames: true, ct);

    public Task<uint> DeactivateAsync(string code, uint expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(code, expectedVersion, t => t.Deactivate(), checkNames: false, ct);

    public Task<uint> ReactivateAsync(string code, uint expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(code, expectedVersion, t => t.Reactivate(), checkNames: false, ct);

    private async Task<uint> ChangeAsync(string code, uint expectedVersion, Action<AgencyType> change, bool checkNames, CancellationToken ct)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = await db.AgencyTypes.SingleOrDefaultAsync(t => t.Code == code, ct)
            ?? throw new DomainException("agency-type.not-found", "The agency type does not exist.");
        change(type);
        if (checkNames)
        {
            await EnsureUniqueAsync(db, type, ct);
        }

        await db.SaveCheckedAsync(type, expectedVersion, ct);
        return type.Version;
    }

    private static async Task EnsureUniqueAsync(ConsultingDbContext db, AgencyType type, CancellationToken ct)
    {
        // ILIKE without wildcards: equal but for case.
        var ko = LikePattern.Exactly(type.NameKo);
        var en = LikePattern.Exactly(type.NameEn);
        if (await db.AgencyTypes.AnyAsync(
                t => t.Code != type.Code && (EF.Functions.ILike(t.NameKo, ko, LikePattern.Escape) || EF.Functions.ILike(t.NameEn, en, LikePattern.Escape)),
                ct))
        {
            throw new DomainException("agency-type.duplicate", "Another agency type already has that name.");
        }
    }


    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }
}

public sealed record AgencyTypeRow(string Code, string NameKo, string NameEn, bool IsActive, int AgencyCount, uint Version)
{
    public string Name(bool korean) => korean ? NameKo : NameEn;
}
