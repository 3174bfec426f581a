using Consulting.Domain.Common;
using Consulting.Domain.Data;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Agencies;

/// <summary>The officials' register of agencies: list, edit, deactivate, import from and export to Excel.</summary>
public sealed class AgencyRegistryService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<AgencyListQuery> listValidator,
    IValidator<AgencyInput> inputValidator)
{
    public static long MaxImportBytes => AgencyImportFile.MaxBytes;

    public static int MaxImportRows => AgencyImportFile.MaxRows;

    public async Task<IReadOnlyList<AgencyTypeOption>> ListTypesAsync(CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgencyTypes
            .Where(t => t.IsActive)
            .OrderBy(t => t.SortOrder)
            .Select(t => new AgencyTypeOption(t.Code, t.NameKo, t.NameEn))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>Distinct districts, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListDistrictsAsync(CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies.Select(a => a.District).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    public async Task<AgencyPage> ListAsync(AgencyListQuery query, CancellationToken ct = default)
    {
        EnsureOfficial();
        await listValidator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(ct);
        var rows = await Project(Sort(filtered, query))
            .Skip(query.PageIndex * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(ct);
        return new AgencyPage(rows, total);
    }

    public async Task<AgencyEdit?> GetAsync(Guid id, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies
            .Where(a => a.Id == id)
            .Select(a => new AgencyEdit(a.Id, a.Name, a.TypeCode, a.District, a.Address, a.Phone, a.Email, a.IsActive, a.Version))
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
    }

    public async Task<Guid> CreateAsync(AgencyInput input, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureTypeExistsAsync(db, clean.TypeCode, ct);
        var agency = new Agency(clean.Name, clean.TypeCode, clean.District);
        agency.SetContact(clean.Address, clean.Phone, clean.Email);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return agency.Id;
    }

    /// <summary>Saves the form; refused with <see cref="ConcurrencyConflictException"/> when someone saved since <paramref name="expectedVersion"/>.</summary>
    public async Task<uint> UpdateAsync(Guid id, AgencyInput input, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureTypeExistsAsync(db, clean.TypeCode, ct);
        var agency = await LoadAsync(db, id, ct);
        agency.Rename(clean.Name);
        agency.ChangeType(clean.TypeCode);
        agency.MoveTo(clean.District);
        agency.SetContact(clean.Address, clean.Phone, clean.Email);
        await db.SaveCheckedAsync(agency, expectedVersion, ct);
        return agency.Version;
    }

    public Task<uint> DeactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(id, expectedVersion, a => a.Deactivate(), ct);

    public Task<uint> ReactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default) =>
        ChangeStatusAsync(id, expectedVersion, a => a.Reactivate(), ct);

    /// <summary>
    /// Reads the file and says what each row would do. Writes nothing. A file that cannot be read at all (too large,
    /// too many rows, not XLSX/CSV, no header) is refused with a <see cref="DomainException"/>.
    /// </summary>
    public async Task<AgencyImportPreview> PreviewImportAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        EnsureOfficial();
        var records = await AgencyImportFile.ReadAsync(file, fileName, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AgencyTypes.AsNoTracking().ToListAsync(ct);
        var candidates = records.Select(r => (r.RowNumber, Input: new AgencyInput
        {
            Name = r.Name,
            TypeCode = ResolveType(types, r.Type) ?? r.Type,
            District = r.District,
            Address = r.Address,
            Phone = r.Phone,
            Email = r.Email,
        })).ToList();
        var existing = await LoadMatchesAsync(db.Agencies.AsNoTracking(), candidates.Select(c => c.Input), ct);
        return new AgencyImportPreview(Classify(candidates, types, existing));
    }

    /// <summary>
    /// Writes the previewed rows in one transaction, judging them again against the database as it is now.
    /// With errors and <paramref name="validRowsOnly"/> false nothing is written.
    /// </summary>
    public async Task<AgencyImportResult> CommitImportAsync(IReadOnlyList<AgencyImportRow> rows, bool validRowsOnly, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var types = await db.AgencyTypes.AsNoTracking().ToListAsync(ct);
        var candidates = rows.Select(r => (r.RowNumber, Input: new AgencyInput
        {
            Name = r.Name,
            TypeCode = r.TypeCode,
            District = r.District,
            Address = r.Address,
            Phone = r.Phone,
            Email = r.Email,
        })).ToList();
        var existing = await LoadMatchesAsync(db.Agencies, candidates.Select(c => c.Input), ct);
        var judged = Classify(candidates, types, existing);
        var errors = judged.Count(r => r.Status == ImportRowStatus.Error);
        if (errors > 0 && !validRowsOnly)
        {
            return new AgencyImportResult(false, 0, 0, errors);
        }

        int created = 0, updated = 0;
        foreach (var row in judged.Where(r => r.Status != ImportRowStatus.Error))
        {
            if (existing.TryGetValue(Key(row.Name, row.District), out var agency))
            {
                agency.ChangeType(row.TypeCode);
                agency.SetContact(row.Address ?? agency.Address, row.Phone ?? agency.Phone, row.Email ?? agency.Email);
                updated++;
            }
            else
            {
                agency = new Agency(row.Name, row.TypeCode, row.District);
                agency.SetContact(row.Address, row.Phone, row.Email);
                db.Agencies.Add(agency);
                created++;
            }
        }

        await db.SaveCheckedAsync(nameof(Agency), ct);
        await transaction.CommitAsync(ct);
        return new AgencyImportResult(true, created, updated, errors);
    }

    /// <summary>Writes every agency the query finds (all pages, in its order) as an XLSX sheet with Korean headers.</summary>
    public async Task ExportAsync(AgencyListQuery query, Stream output, CancellationToken ct = default)
    {
        EnsureOfficial();
        await listValidator.ValidateAndThrowAsync(query with { PageIndex = 0, PageSize = 1 }, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ordered = Sort(Filter(db, query), query)
            .Select(a => new { a.Name, Type = a.Type!.NameKo, a.District, a.Address, a.Phone, a.Email, a.IsActive })
            .AsNoTracking()
            .AsAsyncEnumerable();

        // System.IO.Packaging needs a seekable stream; the response body is not.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(TextRow([.. AgencyImportFile.KoreanHeaders, "상태"]));
            await foreach (var a in ordered.WithCancellation(ct))
            {
                data.Append(TextRow([a.Name, a.Type, a.District, a.Address, a.Phone, a.Email, a.IsActive ? "활성" : "비활성"]));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "기관" }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static Row TextRow(string?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value ?? "")) });
        }

        return row;
    }

    private static IQueryable<Agency> Filter(ConsultingDbContext db, AgencyListQuery query)
    {
        var agencies = db.Agencies.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            agencies = agencies.Where(a => EF.Functions.ILike(a.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(a.District, pattern, LikePattern.Escape));
        }

        if (!string.IsNullOrWhiteSpace(query.TypeCode))
        {
            agencies = agencies.Where(a => a.TypeCode == query.TypeCode);
        }

        if (!string.IsNullOrWhiteSpace(query.District))
        {
            agencies = agencies.Where(a => a.District == query.District);
        }

        if (query.Active is { } active)
        {
            agencies = agencies.Where(a => a.IsActive == active);
        }

        return agencies;
    }

    private static IQueryable<Agency> Sort(IQueryable<Agency> agencies, AgencyListQuery query)
    {
        // Id last, so pages never overlap when the sort key repeats.
        var sorted = (query.Sort, query.Descending) switch
        {
            (AgencySort.Type, false) => agencies.OrderBy(a => a.Type!.SortOrder).ThenBy(a => a.Name),
            (AgencySort.Type, true) => agencies.OrderByDescending(a => a.Type!.SortOrder).ThenBy(a => a.Name),
            (AgencySort.District, false) => agencies.OrderBy(a => a.District).ThenBy(a => a.Name),
            (AgencySort.District, true) => agencies.OrderByDescending(a => a.District).ThenBy(a => a.Name),
            (_, true) => agencies.OrderByDescending(a => a.Name),
            _ => agencies.OrderBy(a => a.Name),
        };
        return sorted.ThenBy(a => a.Id);
    }

    private static IQueryable<AgencyRow> Project(IQueryable<Agency> agencies) =>
        agencies
            .Select(a => new AgencyRow(a.Id, a.Name, a.TypeCode, a.Type!.NameKo, a.Type.NameEn, a.District, a.Phone, a.Email, a.IsActive))
            .AsNoTracking();

    private async Task<uint> ChangeStatusAsync(Guid id, uint expectedVersion, Action<Agency> change, CancellationToken ct)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agency = await LoadAsync(db, id, ct);
        change(agency);
        await db.SaveCheckedAsync(agency, expectedVersion, ct);
        return agency.Version;
    }

    private static async Task<Agency> LoadAsync(ConsultingDbContext db, Guid id, CancellationToken ct) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new DomainException("agency.not-found", "The agency does not exist.");

    private async Task<AgencyInput> ValidateAsync(AgencyInput input, CancellationToken ct)
    {
        var clean = Trimmed(input);
        await inputValidator.ValidateAndThrowAsync(clean, ct);
        return clean;
    }

    private static async Task EnsureTypeExistsAsync(ConsultingDbContext db, string typeCode, CancellationToken ct)
    {
        if (!await db.AgencyTypes.AnyAsync(t => t.Code == typeCode && t.IsActive, ct))
        {
            throw new DomainException("agency.unknown-type", "The agency type is not in the list.");
        }
    }

    private static AgencyInput Trimmed(AgencyInput input) => new()
    {
        Name = input.Name?.Trim() ?? "",
        TypeCode = input.TypeCode?.Trim() ?? "",
        District = input.District?.Trim() ?? "",
        Address = NullIfEmpty(input.Address),
        Phone = NullIfEmpty(input.Phone),
        Email = NullIfEmpty(input.Email),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The type's code from what a file says: the code itself or its Korean or English name.</summary>
    private static string? ResolveType(List<AgencyType> types, string text)
    {
        var key = text.Trim();
        return types.FirstOrDefault(t => t.IsActive && (
            string.Equals(t.Code, key, StringComparison.OrdinalIgnoreCase) ||
            t.NameKo == key ||
            string.Equals(t.NameEn, key, StringComparison.OrdinalIgnoreCase)))?.Code;
    }

    /// <summary>One query for every existing agency whose name appears in the rows, keyed by name and district.</summary>
    private static async Task<Dictionary<(string, string), Agency>> LoadMatchesAsync(
        IQueryable<Agency> agencies, IEnumerable<AgencyInput> inputs, CancellationToken ct)
    {
        var names = inputs.Select(i => i.Name.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var found = await agencies.Where(a => names.Contains(a.Name)).ToListAsync(ct);
        var matches = new Dictionary<(string, string), Agency>();
        foreach (var agency in found)
        {
            matches.TryAdd(Key(agency.Name, agency.District), agency);
        }

        return matches;
    }

    private static (string, string) Key(string name, string district) => (name.Trim(), district.Trim());

    private List<AgencyImportRow> Classify(
        List<(int RowNumber, AgencyInput Input)> candidates,
        List<AgencyType> types,
        Dictionary<(string, string), Agency> existing)
    {
        var activeTypes = types.Where(t => t.IsActive).ToDictionary(t => t.Code);
        var firstRowOf = new Dictionary<(string, string), int>();
        var result = new List<AgencyImportRow>(candidates.Count);
        foreach (var (rowNumber, raw) in candidates)
        {
            var input = Trimmed(raw);
            AgencyImportRow Row(ImportRowStatus status, IReadOnlyList<AgencyFieldChange>? changes = null, string? code = null, string? error = null) =>
                new(rowNumber, status, input.Name, input.TypeCode, input.District, input.Address, input.Phone, input.Email, changes ?? [], code, error);

            var failure = inputValidator.Validate(input).Errors.FirstOrDefault();
            if (failure is not null)
            {
                result.Add(Row(ImportRowStatus.Error, code: failure.ErrorCode, error: failure.ErrorMessage));
                continue;
            }

            if (!activeTypes.TryGetValue(input.TypeCode, out var type))
            {
                result.Add(Row(ImportRowStatus.Error, code: "agency.unknown-type", error: $"Unknown agency type '{input.TypeCode}'."));
                continue;
            }

            var key = Key(input.Name, input.District);
            if (firstRowOf.TryGetValue(key, out var first))
            {
                result.Add(Row(ImportRowStatus.Error, code: "agency-import.duplicate-row", error: $"The same agency is already in row {first}."));
                continue;
            }

            firstRowOf[key] = rowNumber;
            if (!existing.TryGetValue(key, out var agency))
            {
                result.Add(Row(ImportRowStatus.New));
                continue;
            }

            var changes = new List<AgencyFieldChange>();
            if (agency.TypeCode != type.Code)
            {
                changes.Add(new AgencyFieldChange("Type", agency.TypeCode, type.Code));
            }

            // An empty cell keeps what the register has; a file never erases contact details.
            AddChange(changes, "Address", agency.Address, input.Address);
            AddChange(changes, "Phone", agency.Phone, input.Phone);
            AddChange(changes, "Email", agency.Email, input.Email);
            result.Add(Row(ImportRowStatus.Update, changes));
        }

        return result;
    }

    private static void AddChange(List<AgencyFieldChange> changes, string field, string? current, string? incoming)
    {
        if (incoming is not null && incoming != current)
        {
            changes.Add(new AgencyFieldChange(field, current, incoming));
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
