using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Recruitment;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Programs;

/// <summary>
/// The officials' administration of programmes: create, edit, the areas of a draft, the status moves and the copy to
/// next year. Every change names the version the user loaded; a stale one is refused with
/// <see cref="ConcurrencyConflictException"/>. The programme row is the unit of concurrency, areas included.
/// </summary>
public sealed class ProgramAdminService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<ProgramInput> programValidator,
    IValidator<AreaInput> areaValidator)
{
    public async Task<ProgramEdit?> GetForEditAsync(Guid programId, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.Include(p => p.Areas).AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        return program is null
            ? null
            : new ProgramEdit(
                program.Id,
                program.Name,
                program.Kind,
                program.Year,
                program.Status,
                program.RecruitmentStart,
                program.RecruitmentEnd,
                program.ConsultingStart,
                program.ConsultingEnd,
                program.TargetAgencyCount,
                program.Description,
                [.. program.Areas.OrderBy(a => a.SortOrder).Select(a => new AreaSummary(a.Id, a.Code, a.NameKo, a.NameEn, a.PlannedVisits, a.Topics))],
                program.Version);
    }

    /// <summary>A new draft with the default areas of its kind (the four consulting areas, or the monitoring topics).</summary>
    public async Task<Guid> CreateAsync(ProgramInput input, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        var program = new ConsultingProgram(clean.Name, clean.Kind, clean.Year, ConsultingPeriod(clean), RecruitmentWindow(clean));
        program.Describe(clean.Description, clean.TargetAgencyCount);
        DefaultAreas.AddTo(program);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return program.Id;
    }

    /// <summary>Saves the form's fields. The kind cannot change once the programme exists.</summary>
    public async Task<uint> UpdateAsync(Guid programId, ProgramInput input, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadAsync(db, programId, ct);
        if (clean.Kind != program.Kind)
        {
            throw new DomainException("program.kind-fixed", "The kind of a programme cannot be changed.");
        }

        program.Rename(clean.Name);
        program.Describe(clean.Description, clean.TargetAgencyCount);
        program.Reschedule(clean.Year, ConsultingPeriod(clean), RecruitmentWindow(clean));
        return await SaveAsync(db, program, expectedVersion, ct);
    }

    public async Task<uint> AddAreaAsync(Guid programId, AreaInput input, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadAsync(db, programId, ct);
        var area = program.AddArea(NewAreaCode(program), clean.NameKo, clean.NameEn, clean.PlannedVisits, clean.Topics);

        // The area is new to this context; EF would otherwise look for it in the database as a change to an existing row.
        db.Entry(area).State = EntityState.Added;
        return await SaveAsync(db, program, expectedVersion, ct);
    }

    public async Task<uint> UpdateAreaAsync(Guid programId, Guid areaId, AreaInput input, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = await ValidateAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadAsync(db, programId, ct);
        program.UpdateArea(areaId, clean.NameKo, clean.NameEn, clean.PlannedVisits, clean.Topics);
        return await SaveAsync(db, program, expectedVersion, ct);
    }

    public async Task<uint> RemoveAreaAsync(Guid programId, Guid areaId, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadAsync(db, programId, ct);
        program.RemoveArea(areaId);
        return await SaveAsync(db, program, expectedVersion, ct);
    }

    public Task<uint> OpenRecruitmentAsync(Guid programId, uint expectedVersion, CancellationToken ct = default) =>
        MoveAsync(programId, expectedVersion, (_, p, _) => { p.OpenRecruitment(); return Task.CompletedTask; }, ct);

    public Task<uint> StartSelectionAsync(Guid programId, uint expectedVersion, CancellationToken ct = default) =>
        MoveAsync(programId, expectedVersion, (_, p, _) => { p.StartSelection(); return Task.CompletedTask; }, ct);

    /// <summary>Starts the programme with the agencies selected (a monitoring round: its enrolled teams, selected at enrolment).</summary>
    public Task<uint> StartAsync(Guid programId, uint expectedVersion, CancellationToken ct = default) =>
        MoveAsync(programId, expectedVersion, async (db, p, token) =>
        {
            var selected = await db.Applications.CountAsync(a => a.ProgramId == p.Id && a.Status == ApplicationStatus.Selected, token);
            p.Start(selected);
        }, ct);

    public Task<uint> CloseAsync(Guid programId, uint expectedVersion, CancellationToken ct = default) =>
        MoveAsync(programId, expectedVersion, (_, p, _) => { p.Close(); return Task.CompletedTask; }, ct);

    /// <summary>A draft for next year with the same kind, areas and description; returns its id.</summary>
    public async Task<Guid> CopyToNextYearAsync(Guid programId, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.Include(p => p.Areas).AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("program.not-found", "The programme does not exist.");
        if (program.Year >= ConsultingProgram.MaxYear)
        {
            throw new DomainException("program.year-range", $"The year must lie between {ConsultingProgram.MinYear} and {ConsultingProgram.MaxYear}.");
        }

        var copy = program.CopyToNextYear();
        if (await db.Programs.AnyAsync(p => p.Name == copy.Name && p.Year == copy.Year, ct))
        {
            // A second click, or a copy made earlier: next year's programme is edited, not copied again.
            throw new DomainException("program.copy-exists", "Next year's programme of that name already exists.");
        }

        db.Programs.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }

    private async Task<uint> MoveAsync(
        Guid programId, uint expectedVersion, Func<ConsultingDbContext, ConsultingProgram, CancellationToken, Task> move, CancellationToken ct)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadAsync(db, programId, ct);
        await move(db, program, ct);
        return await SaveAsync(db, program, expectedVersion, ct);
    }

    /// <summary>
    /// Saves against the version the user loaded. A change to the areas alone leaves the programme row untouched, so the
    /// row is always marked modified: its xmin is checked and moves on, and the page's next save must carry the new one.
    /// </summary>
    private static async Task<uint> SaveAsync(ConsultingDbContext db, ConsultingProgram program, uint expectedVersion, CancellationToken ct)
    {
        db.Entry(program).Property(p => p.Name).IsModified = true;
        await db.SaveCheckedAsync(program, expectedVersion, ct);
        return program.Version;
    }

    private static async Task<ConsultingProgram> LoadAsync(ConsultingDbContext db, Guid programId, CancellationToken ct) =>
        await db.Programs.Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct)
        ?? throw new DomainException("program.not-found", "The programme does not exist.");

    private static string NewAreaCode(ConsultingProgram program)
    {
        var n = program.Areas.Count + 1;
        while (program.Areas.Any(a => a.Code == $"area-{n}"))
        {
            n++;
        }

        return $"area-{n}";
    }

    private async Task<ProgramInput> ValidateAsync(ProgramInput input, CancellationToken ct)
    {
        var clean = input with
        {
            Name = input.Name?.Trim() ?? "",
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
        };
        await programValidator.ValidateAndThrowAsync(clean, ct);
        return clean;
    }

    private async Task<AreaInput> ValidateAsync(AreaInput input, CancellationToken ct)
    {
        var clean = input with
        {
            NameKo = input.NameKo?.Trim() ?? "",
            NameEn = input.NameEn?.Trim() ?? "",
            Topics = [.. (input.Topics ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct()],
        };
        await areaValidator.ValidateAndThrowAsync(clean, ct);
        return clean;
    }

    private static DateRange ConsultingPeriod(ProgramInput input) => new(input.ConsultingStart!.Value, input.ConsultingEnd!.Value);

    private static DateRange? RecruitmentWindow(ProgramInput input) =>
        input is { RecruitmentStart: { } start, RecruitmentEnd: { } end } ? new DateRange(start, end) : null;

    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }
}
