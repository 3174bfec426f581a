using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Recruitment;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Programs;

/// <summary>What the pages may read about programmes. Each call uses its own short-lived DbContext.</summary>
public sealed class ProgramService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    IValidator<ProgramListQuery> listValidator)
{
    /// <summary>Officials see every programme; agency staff the ones their agency takes part in.</summary>
    public async Task<IReadOnlyList<ProgramSummary>> ListAsync(ProgramListQuery query, CancellationToken ct = default)
    {
        await listValidator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programs = VisiblePrograms(db);

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            programs = programs.Where(p => EF.Functions.ILike(p.Name, pattern, LikePattern.Escape));
        }

        if (query.Kind is { } kind)
        {
            programs = programs.Where(p => p.Kind == kind);
        }

        if (query.Year is { } year)
        {
            programs = programs.Where(p => p.Year == year);
        }

        return await programs
            .OrderByDescending(p => p.Year)
            .ThenByDescending(p => p.ConsultingStart)
            .ThenBy(p => p.Name)
            .Select(p => new ProgramSummary(
                p.Id,
                p.Name,
                p.Kind,
                p.Year,
                p.Status,
                p.ConsultingStart,
                p.ConsultingEnd,
                p.Areas.Count,
                db.Applications.Count(a => a.ProgramId == p.Id && a.Status == ApplicationStatus.Selected)))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>The programme's areas and participants, or null when it does not exist or is not the user's to see.</summary>
    public async Task<ProgramOverview?> GetOverviewAsync(Guid programId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await VisiblePrograms(db)
            .Where(p => p.Id == programId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Kind,
                p.Year,
                p.Status,
                p.RecruitmentStart,
                p.RecruitmentEnd,
                p.ConsultingStart,
                p.ConsultingEnd,
                p.TargetAgencyCount,
                p.Description,
                p.Version,
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var areas = await db.ProgramAreas
            .Where(a => a.ProgramId == programId)
            .OrderBy(a => a.SortOrder)
            .Select(a => new { a.Id, a.Code, a.NameKo, a.NameEn, a.PlannedVisits, Topics = EF.Property<List<string>>(a, "_topics") })
            .AsNoTracking()
            .ToListAsync(ct);

        var applications = db.Applications.Where(x => x.ProgramId == programId && x.Status != ApplicationStatus.Withdrawn);
        if (currentUser.IsAgencyStaff())
        {
            // Agency staff learn nothing about the other agencies of the programme.
            applications = applications.Where(x => x.AgencyId == currentUser.AgencyId);
        }

        var participantRows = await (
                from x in applications
                join a in db.Agencies on x.AgencyId equals a.Id
                orderby x.Status, a.Name
                select new ParticipantSummary(
                    a.Id,
                    a.Name,
                    a.Type!.NameKo,
                    a.Type.NameEn,
                    a.District,
                    x.Status,
                    db.Engagements.Count(e => e.ProgramId == programId && e.AgencyId == a.Id),
                    db.Engagements.Where(e => e.ProgramId == programId && e.AgencyId == a.Id).Sum(e => e.PlannedVisits)))
            .AsNoTracking()
            .ToListAsync(ct);

        return new ProgramOverview(
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
            [.. areas.Select(a => new AreaSummary(a.Id, a.Code, a.NameKo, a.NameEn, a.PlannedVisits, a.Topics))],
            participantRows,
            program.Version);
    }

    private IQueryable<ConsultingProgram> VisiblePrograms(ConsultingDbContext db)
    {
        if (currentUser.IsOfficial())
        {
            return db.Programs;
        }

        if (currentUser.IsAgencyStaff())
        {
            var agencyId = currentUser.AgencyId;
            return db.Programs.Where(p => db.Applications.Any(x => x.ProgramId == p.Id && x.AgencyId == agencyId));
        }

        // Consultants reach programmes through their engagements, which come with scheduling.
        throw new AccessDeniedException();
    }

}
