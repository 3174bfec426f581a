namespace Consulting.Domain.Agencies;

public sealed record AgencyProfile(
    Guid Id,
    string Name,
    string TypeNameKo,
    string TypeNameEn,
    string District,
    string? Address,
    string? Phone,
    string? Email)
{
    public string TypeName(bool korean) => korean ? TypeNameKo : TypeNameEn;
}
