using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Assessments;

/// <summary>Gives every area of a programme its default checklist the first time anyone needs one.</summary>
public static class ChecklistDefaults
{
    /// <summary>
    /// Adds (without saving) a checklist from <see cref="DefaultIndicators"/> for each area of the programme that has none.
    /// Two requests doing this at once collide on the unique (programme, area) index; the loser's save fails and is retried
    /// by reading again.
    /// </summary>
    public static async Task<int> AddMissingAsync(ConsultingDbContext db, Guid programId, DateTime nowUtc, CancellationToken ct)
    {
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == programId).Select(a => new { a.Id, a.Code }).ToListAsync(ct);
        var have = await db.AssessmentChecklists.Where(c => c.ProgramId == programId).Select(c => c.AreaId).ToListAsync(ct);
        var added = 0;
        foreach (var area in areas.Where(a => !have.Contains(a.Id)))
        {
            db.AssessmentChecklists.Add(new AssessmentChecklist(programId, area.Id, DefaultIndicators.For(area.Code), nowUtc));
            added++;
        }

        return added;
    }

    /// <summary>Makes sure every area of the programme has a checklist, saving the defaults it adds.</summary>
    public static async Task EnsureAsync(IDbContextFactory<ConsultingDbContext> dbFactory, Guid programId, DateTime nowUtc, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await AddMissingAsync(db, programId, nowUtc, ct) == 0)
            {
                return;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Someone else added them at the same moment; read again.
            }
        }
    }
}
