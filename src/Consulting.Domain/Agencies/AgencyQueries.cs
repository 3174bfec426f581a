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

public enum AgencySort
{
    Name,
    Type,
    District,
}

/// <summary>One page of the registry: search, filters and sort are applied in the database.</summary>
public sealed record AgencyListQuery(
    string? Search = null,
    string? TypeCode = null,
    string? District = null,
    bool? Active = null,
    AgencySort Sort = AgencySort.Name,
    bool Descending = false,
    int PageIndex = 0,
    int PageSize = 20)
{
    public const int SearchMaxLength = 100;
    public const int MaxPageSize = 100;
}

public sealed record AgencyRow(
    Guid Id,
    string Name,
    string TypeCode,
    string TypeNameKo,
    string TypeNameEn,
    string District,
    string? Phone,
    string? Email,
    bool IsActive)
{
    public string TypeName(bool korean) => korean ? TypeNameKo : TypeNameEn;
}

public sealed record AgencyPage(IReadOnlyList<AgencyRow> Rows, int TotalCount);

public sealed record AgencyTypeOption(string Code, string NameKo, string NameEn)
{
    public string Name(bool korean) => korean ? NameKo : NameEn;
}

/// <summary>What the create and edit form binds to.</summary>
public sealed class AgencyInput
{
    public string Name { get; set; } = "";

    public string TypeCode { get; set; } = "";

    public string District { get; set; } = "";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>An agency as loaded for editing, with the version the save must match.</summary>
public sealed record AgencyEdit(
    Guid Id,
    string Name,
    string TypeCode,
    string District,
    string? Address,
    string? Phone,
    string? Email,
    bool IsActive,
    uint Version)
{
    public AgencyInput ToInput() => new()
    {
        Name = Name,
        TypeCode = TypeCode,
        District = District,
        Address = Address,
        Phone = Phone,
        Email = Email,
    };
}

public enum ImportRowStatus
{
    New,
    Update,
    Error,
}

/// <summary>A field an import row would change on an existing agency.</summary>
public sealed record AgencyFieldChange(string Field, string? From, string? To);

/// <summary>
/// One data row of an import file as the preview judged it. <see cref="ErrorCode"/> names the problem for the UI
/// ("Rule.{code}"); <see cref="Error"/> is the English fallback.
/// </summary>
public sealed record AgencyImportRow(
    int RowNumber,
    ImportRowStatus Status,
    string Name,
    string TypeCode,
    string District,
    string? Address,
    string? Phone,
    string? Email,
    IReadOnlyList<AgencyFieldChange> Changes,
    string? ErrorCode = null,
    string? Error = null);

public sealed record AgencyImportPreview(IReadOnlyList<AgencyImportRow> Rows)
{
    public int NewCount => Rows.Count(r => r.Status == ImportRowStatus.New);

    public int UpdateCount => Rows.Count(r => r.Status == ImportRowStatus.Update);

    public int ErrorCount => Rows.Count(r => r.Status == ImportRowStatus.Error);
}

/// <summary>What a commit did. <see cref="Written"/> is false when errors stopped it and nothing was saved.</summary>
public sealed record AgencyImportResult(bool Written, int Created, int Updated, int Skipped);
