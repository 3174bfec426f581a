using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Recommendations;

/// <summary>
/// Recommendations raised on site: the log's consultant adds, changes and withdraws them while the log can be edited;
/// agency staff read their agency's once the log is approved.
/// </summary>
public sealed class RecommendationService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Guid> AddAsync(Guid logId, RecommendationInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var log = await db.LockLogForAuthorAsync(currentUser, logId, ct);
        if (await db.Recommendations.CountAsync(r => r.VisitLogId == logId, ct) >= Recommendation.MaxPerLog)
        {
            throw new DomainException("recommendation.too-many", $"At most {Recommendation.MaxPerLog} recommendations a log.", Recommendation.MaxPerLog);
        }

        var (areaId, earliest) = await CheckAsync(db, log, input, ct);
        var recommendation = new Recommendation(log, areaId, input, earliest, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return recommendation.Id;
    }

    public async Task UpdateAsync(Guid recommendationId, RecommendationInput input, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == recommendationId, ct) ?? throw new AccessDeniedException();
        var log = await db.LockLogForAuthorAsync(currentUser, recommendation.VisitLogId, ct);
        var (areaId, earliest) = await CheckAsync(db, log, input, ct);
        recommendation.Update(areaId, input, earliest, clock.GetUtcNow().UtcDateTime);
        await db.SaveCheckedAsync(recommendation, expectedVersion, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Withdraws a recommendation the agency has not seen yet.</summary>
    public async Task RemoveAsync(Guid recommendationId, uint expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == recommendationId, ct) ?? throw new AccessDeniedException();
        await db.LockLogForAuthorAsync(currentUser, recommendation.VisitLogId, ct);
        if (recommendation.IsPublished)
        {
            throw new DomainException("recommendation.published", "The recommendation has reached the agency; follow it up on its own page.");
        }

        db.Recommendations.Remove(recommendation);
        await db.SaveCheckedAsync(recommendation, expectedVersion, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The recommendations the current user may see: agency staff their agency's published ones, a consultant those of
    /// their engagements, officials all.
    /// </summary>
    public async Task<IReadOnlyList<RecommendationRow>> ListAsync(Guid? programId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recommendations = (await db.VisibleRecommendationsAsync(currentUser, ct)).AsNoTracking();

        if (programId is { } id)
        {
            recommendations = recommendations.Where(r => r.ProgramId == id);
        }

        var areas = await db.ProgramAreas.Where(a => recommendations.Any(r => r.AreaId == a.Id))
            .ToDictionaryAsync(a => a.Id, a => new BilingualName(a.NameKo, a.NameEn), ct);
        return await RowsAsync(db, recommendations.OrderBy(r => r.DueDate).ThenBy(r => r.Priority), areas, ct);
    }

    internal static async Task<IReadOnlyList<RecommendationRow>> RowsAsync(
        ConsultingDbContext db, IQueryable<Recommendation> recommendations, IReadOnlyDictionary<Guid, BilingualName> areas, CancellationToken ct)
    {
        var rows = await recommendations.AsNoTracking().ToListAsync(ct);
        return
        [
            .. rows.Select(r => new RecommendationRow(
                r.Id, r.VisitLogId, r.AreaId, areas.GetValueOrDefault(r.AreaId, new BilingualName("?", "?")), r.Title, r.Description, r.Priority,
                r.DueDate, r.EvidenceExpected, r.Status, r.PublishedAtUtc, r.CreatedByName, r.Version)),
        ];
    }

    /// <summary>The area must be one of the programme's; the due date comes on or after the visit's day.</summary>
    private static async Task<(Guid AreaId, DateOnly Earliest)> CheckAsync(ConsultingDbContext db, VisitLog log, RecommendationInput input, CancellationToken ct)
    {
        var areaId = input.AreaId ?? log.AreaId;
        if (!await db.ProgramAreas.AnyAsync(a => a.Id == areaId && a.ProgramId == log.ProgramId, ct))
        {
            throw new DomainException("recommendation.area", "Choose one of the programme's areas.");
        }

        var visitStart = await db.Visits.Where(v => v.Id == log.VisitId).Select(v => v.StartsAtUtc).SingleAsync(ct);
        return (areaId, SeoulTime.DateOf(log.ActualStartsAtUtc ?? visitStart));
    }
}
