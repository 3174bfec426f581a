using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.VisitLogs;

/// <summary>Officials read and edit the log templates; logs already opened keep the sections they were given.</summary>
public sealed class LogTemplateService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<LogTemplateView>> ListAsync(CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.LogTemplates.AsNoTracking().ToListAsync(ct);
        return [.. templates.OrderBy(t => t.Code == LogTemplate.GeneralCode).ThenBy(t => t.Id).Select(View)];
    }

    public async Task<LogTemplateView?> GetAsync(Guid templateId, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.LogTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct);
        return template is null ? null : View(template);
    }

    public async Task<uint> UpdateAsync(Guid templateId, string nameKo, string nameEn, IReadOnlyList<LogTemplateSection> sections, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.LogTemplates.SingleOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw new DomainException("logtemplate.not-found", "The template does not exist.");
        var by = await db.ActorAsync(currentUser, ct);
        template.Update(nameKo, nameEn, sections, by.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(template, expectedVersion, ct);
        return template.Version;
    }

    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }

    private static LogTemplateView View(LogTemplate t) =>
        new(t.Id, t.Code, t.NameKo, t.NameEn, t.AreaCodes, t.Sections, t.UpdatedAtUtc, t.UpdatedByName, t.Version);
}
