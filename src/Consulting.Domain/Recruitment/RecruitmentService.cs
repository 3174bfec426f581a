using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Recruitment;

/// <summary>
/// The recruitment call and the selection: agency staff apply for their own agency only; officials read every
/// application and select or decline. Selecting creates the agency's engagements in the same transaction.
/// </summary>
public sealed class RecruitmentService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IValidator<ApplicationInput> inputValidator)
{
    // ---- agency staff ----

    /// <summary>Programmes open for applications today, and every programme the agency has applied to.</summary>
    public async Task<IReadOnlyList<OpenCall>> ListCallsAsync(CancellationToken ct = default)
    {
        var agencyId = RequireAgency();
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Programs
            .Where(p => (p.Status == ProgramStatus.Recruiting && p.RecruitmentStart <= today && p.RecruitmentEnd >= today)
                        || db.Applications.Any(a => a.ProgramId == p.Id && a.AgencyId == agencyId))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Kind,
                p.Status,
                p.RecruitmentStart,
                p.RecruitmentEnd,
                p.ConsultingStart,
                p.ConsultingEnd,
                Application = db.Applications
                    .Where(a => a.ProgramId == p.Id && a.AgencyId == agencyId)
                    .Select(a => new { a.Id, a.Status, a.DecisionReason })
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return [.. rows.Select(r => new OpenCall(
            r.Id,
            r.Name,
            r.Kind,
            r.RecruitmentEnd,
            r.ConsultingStart,
            r.ConsultingEnd,
            r.Status == ProgramStatus.Recruiting && r.RecruitmentStart <= today && r.RecruitmentEnd >= today,
            r.Application?.Id,
            r.Application?.Status,
            r.Application?.Status == ApplicationStatus.Declined ? r.Application.DecisionReason : null))];
    }

    /// <summary>The application form of a programme for the user's agency, with what it already sent.</summary>
    public async Task<ApplicationForm?> GetFormAsync(Guid programId, CancellationToken ct = default)
    {
        var agencyId = RequireAgency();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.Include(p => p.Areas).AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return null;
        }

        var existingId = await db.Applications
            .Where(a => a.ProgramId == programId && a.AgencyId == agencyId)
            .Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync(ct);
        var isOpen = program.IsTakingApplications(clock.Today());
        if (existingId is null && !isOpen)
        {
            // An agency learns nothing about a programme it neither applied to nor may apply to.
            return null;
        }

        return new ApplicationForm(
            program.Id,
            program.Name,
            program.RecruitmentStart,
            program.RecruitmentEnd,
            isOpen,
            [.. program.Areas.OrderBy(a => a.SortOrder).Select(a => new AreaSummary(a.Id, a.Code, a.NameKo, a.NameEn, a.PlannedVisits, a.Topics))],
            existingId is { } id ? await DetailAsync(db, id, ct) : null);
    }

    /// <summary>Applies (or applies again after withdrawing) for the user's agency.</summary>
    public async Task<Guid> SubmitAsync(Guid programId, ApplicationInput input, CancellationToken ct = default)
    {
        var agencyId = RequireAgency();
        await inputValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await LoadProgramAsync(db, programId, ct);
        var existing = await db.Applications.SingleOrDefaultAsync(a => a.ProgramId == programId && a.AgencyId == agencyId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            existing = ProgramApplication.Submit(program, agencyId, Contact(input), Requests(input), clock.Today(), now);
            db.Applications.Add(existing);
        }
        else if (existing.Status == ApplicationStatus.Withdrawn)
        {
            existing.Resubmit(program, Contact(input), Requests(input), clock.Today(), now);
        }
        else
        {
            throw new DomainException("application.already-applied", "Your agency has already applied to this programme.");
        }

        try
        {
            await db.SaveCheckedAsync(nameof(ProgramApplication), ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two people of the same agency sent the form at the same moment: the database kept the first.
            throw new DomainException("application.already-applied", "Your agency has already applied to this programme.");
        }

        return existing.Id;
    }

    public async Task UpdateAsync(Guid applicationId, ApplicationInput input, uint expectedVersion, CancellationToken ct = default)
    {
        await inputValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await LoadOwnAsync(db, applicationId, ct);
        var program = await LoadProgramAsync(db, application.ProgramId, ct);
        application.Update(program, Contact(input), Requests(input), clock.Today(), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(application, expectedVersion, ct);
    }

    public async Task WithdrawAsync(Guid applicationId, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await LoadOwnAsync(db, applicationId, ct);
        var program = await LoadProgramAsync(db, application.ProgramId, ct);
        application.Withdraw(program, clock.Today(), clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(application, expectedVersion, ct);
    }

    // ---- officials (and the applicant itself for reading) ----

    /// <summary>One application in full: officials see any, agency staff only their own agency's.</summary>
    public async Task<ApplicationDetail?> GetAsync(Guid applicationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Applications.Where(a => a.Id == applicationId);
        if (currentUser.IsAgencyStaff())
        {
            query = query.Where(a => a.AgencyId == currentUser.AgencyId);
        }
        else if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        return await query.AnyAsync(ct) ? await DetailAsync(db, applicationId, ct) : null;
    }

    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(Guid programId, ApplicationFilter filter, CancellationToken ct = default)
    {
        RequireOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applications = db.Applications.Where(a => a.ProgramId == programId);
        if (filter.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (filter.AreaId is { } areaId)
        {
            applications = applications.Where(a => a.AreaRequests.Any(r => r.AreaId == areaId));
        }

        var rows =
            from a in applications
            join agency in db.Agencies on a.AgencyId equals agency.Id
            where filter.TypeCode == null || agency.TypeCode == filter.TypeCode
            where filter.District == null || agency.District == filter.District
            orderby agency.Name
            select new ApplicationRow(
                a.Id,
                agency.Id,
                agency.Name,
                agency.TypeCode,
                agency.Type!.NameKo,
                agency.Type.NameEn,
                agency.District,
                a.Status,
                a.SubmittedAtUtc,
                a.AreaRequests.Select(r => r.AreaId).ToList(),
                a.Version);
        return await rows.AsNoTracking().ToListAsync(ct);
    }

    public async Task<SelectionSummary?> GetSummaryAsync(Guid programId, CancellationToken ct = default)
    {
        RequireOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.Include(p => p.Areas).AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return null;
        }

        var counts = await db.Applications
            .Where(a => a.ProgramId == programId)
            .GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byType = await (
                from a in db.Applications
                where a.ProgramId == programId && a.Status != ApplicationStatus.Withdrawn
                join agency in db.Agencies on a.AgencyId equals agency.Id
                group a by new { agency.TypeCode, agency.Type!.NameKo, agency.Type.NameEn, agency.Type.SortOrder } into g
                orderby g.Key.SortOrder
                select new TypeMix(g.Key.TypeCode, g.Key.NameKo, g.Key.NameEn, g.Count(), g.Count(a => a.Status == ApplicationStatus.Selected)))
            .ToListAsync(ct);
        var engagements = db.Engagements.Where(e => e.ProgramId == programId);
        return new SelectionSummary(
            program.Id,
            program.Name,
            program.Status,
            program.TargetAgencyCount,
            counts.GetValueOrDefault(ApplicationStatus.Submitted),
            counts.GetValueOrDefault(ApplicationStatus.Selected),
            counts.GetValueOrDefault(ApplicationStatus.Declined),
            await engagements.CountAsync(ct),
            await engagements.SumAsync(e => e.PlannedVisits, ct),
            byType,
            [.. program.Areas.OrderBy(a => a.SortOrder).Select(a => new AreaSummary(a.Id, a.Code, a.NameKo, a.NameEn, a.PlannedVisits, a.Topics))]);
    }

    /// <summary>Selects the agency and creates one engagement per area it applied for.</summary>
    public async Task<int> SelectAsync(Guid applicationId, uint expectedVersion, CancellationToken ct = default)
    {
        var officialId = RequireOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw new DomainException("application.not-found", "The application does not exist.");
        var program = await LoadProgramAsync(db, application.ProgramId, ct);
        var engagements = application.Select(program, null, officialId, clock.GetUtcNow().UtcDateTime);
        db.Engagements.AddRange(engagements);
        await db.SaveCheckedAsync(application, expectedVersion, ct);
        return engagements.Count;
    }

    public async Task DeclineAsync(Guid applicationId, string reason, uint expectedVersion, CancellationToken ct = default)
    {
        var officialId = RequireOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw new DomainException("application.not-found", "The application does not exist.");
        var program = await LoadProgramAsync(db, application.ProgramId, ct);
        application.Decline(program, reason, officialId, clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(application, expectedVersion, ct);
    }

    // ---- helpers ----

    private Guid RequireAgency() =>
        currentUser.IsAgencyStaff() ? currentUser.AgencyId!.Value : throw new AccessDeniedException();

    private Guid RequireOfficial() =>
        currentUser.IsOfficial() && currentUser.UserId is { } id ? id : throw new AccessDeniedException();

    private async Task<ProgramApplication> LoadOwnAsync(ConsultingDbContext db, Guid applicationId, CancellationToken ct)
    {
        var agencyId = RequireAgency();
        return await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId && a.AgencyId == agencyId, ct)
            ?? throw new AccessDeniedException();
    }

    private static async Task<ConsultingProgram> LoadProgramAsync(ConsultingDbContext db, Guid programId, CancellationToken ct) =>
        await db.Programs.Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct)
        ?? throw new DomainException("program.not-found", "The programme does not exist.");

    private static async Task<ApplicationDetail> DetailAsync(ConsultingDbContext db, Guid applicationId, CancellationToken ct)
    {
        var row = await (
                from x in db.Applications
                where x.Id == applicationId
                join p in db.Programs on x.ProgramId equals p.Id
                join agency in db.Agencies on x.AgencyId equals agency.Id
                select new { Application = x, ProgramName = p.Name, AgencyName = agency.Name, agency.Type!.NameKo, agency.Type.NameEn, agency.District })
            .AsNoTracking()
            .SingleAsync(ct);
        var a = row.Application;
        var areaIds = a.AreaRequests.Select(r => r.AreaId).ToList();
        var areas = await db.ProgramAreas.Where(x => areaIds.Contains(x.Id)).AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        return new ApplicationDetail(
            a.Id,
            a.ProgramId,
            row.ProgramName,
            a.AgencyId,
            row.AgencyName,
            row.NameKo,
            row.NameEn,
            row.District,
            a.Status,
            a.ContactName,
            a.ContactPhone,
            a.ContactEmail,
            a.SubmittedAtUtc,
            a.DecisionReason,
            a.DecidedAtUtc,
            [.. a.AreaRequests
                .Select(r => (Request: r, Area: areas[r.AreaId]))
                .OrderBy(x => x.Area.SortOrder)
                .Select(x => new RequestedArea(x.Area.Id, x.Area.NameKo, x.Area.NameEn, x.Area.PlannedVisits, x.Request.Needs, x.Request.HopedChange))],
            a.Version);
    }

    private static ApplicationContact Contact(ApplicationInput input) => new(input.ContactName, input.ContactPhone, input.ContactEmail);

    private static List<AreaRequest> Requests(ApplicationInput input) =>
        [.. input.Areas.Select(a => new AreaRequest(a.AreaId, a.Needs, a.HopedChange))];
}
