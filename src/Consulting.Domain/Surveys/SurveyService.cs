using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Consulting.Domain.Surveys;

/// <summary>
/// 만족도 조사: the agency answers once its engagement's last visit is completed; officials read every answer and the
/// programme's results per area and consultant; a consultant sees only their own aggregate, and only from
/// <see cref="SurveyResults.MinimumResponses"/> responses on, never one agency's answer or comment.
/// </summary>
public sealed class SurveyService(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>
    /// The survey of an engagement as the current user sees it: the agency's staff and officials; null for anyone else
    /// (a consultant never reads an individual response).
    /// </summary>
    public async Task<SurveyState?> ForEngagementAsync(Guid engagementId, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial() && !currentUser.IsAgencyStaff())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
                from e in db.Engagements
                where e.Id == engagementId
                join p in db.Programs on e.ProgramId equals p.Id
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                select new
                {
                    Engagement = e,
                    ProgramName = p.Name,
                    ProgramClosed = p.Status == ProgramStatus.Closed,
                    AgencyName = a.Name,
                    Area = new BilingualName(area.NameKo, area.NameEn),
                    ConsultantName = db.Consultants.Where(c => c.Id == e.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null || (currentUser.IsAgencyStaff() && row.Engagement.AgencyId != currentUser.AgencyId))
        {
            return null;
        }

        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        var response = await db.SurveyResponses.AsNoTracking().SingleOrDefaultAsync(r => r.EngagementId == engagementId, ct);
        var open = SurveyResponse.IsOpen(row.Engagement, completed);
        return new SurveyState(
            engagementId,
            row.Engagement.ProgramId,
            row.ProgramName,
            row.AgencyName,
            row.Area,
            row.ConsultantName,
            completed,
            row.Engagement.PlannedVisits,
            open,
            row.ProgramClosed,
            response is null ? null : SubmittedSurvey.Of(response),
            currentUser.IsAgencyStaff() && open && response is null && !row.ProgramClosed);
    }

    /// <summary>The agency's answer; refused before the last visit, a second time, and once the programme is closed.</summary>
    public async Task SubmitAsync(Guid engagementId, SurveyAnswers answers, CancellationToken ct = default)
    {
        if (!currentUser.IsAgencyStaff())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId && e.AgencyId == currentUser.AgencyId, ct)
            ?? throw new AccessDeniedException();
        if (await db.Programs.AnyAsync(p => p.Id == engagement.ProgramId && p.Status == ProgramStatus.Closed, ct))
        {
            throw new DomainException("survey.program-closed", "A closed programme takes no more survey answers.");
        }

        var completed = await db.CompletedVisitsAsync(engagementId, ct);
        var answered = await db.SurveyResponses.AnyAsync(r => r.EngagementId == engagementId, ct);
        db.SurveyResponses.Add(SurveyResponse.Submit(engagement, completed, answered, answers, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two answers sent at the same moment: the unique index keeps the first.
            throw new DomainException("survey.already-answered", "The survey of this engagement has already been answered.");
        }
    }

    /// <summary>The programme's results for officials: overall, per area, per consultant, the response rate and the comments.</summary>
    public async Task<ProgramSurveyResults> ProgramResultsAsync(Guid programId, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programName = await db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException();
        var responses = await db.SurveyResponses.Where(r => r.ProgramId == programId).AsNoTracking().ToListAsync(ct);
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == programId).OrderBy(a => a.SortOrder).AsNoTracking().ToListAsync(ct);
        var consultantIds = responses.Select(r => r.ConsultantId).Distinct().ToList();
        var consultants = await db.Consultants.Where(c => consultantIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var agencyIds = responses.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var finished = await db.Engagements
            .Where(e => e.ProgramId == programId && e.ConsultantId != null)
            .CountAsync(e => db.Visits.Count(v => v.EngagementId == e.Id && v.Status == VisitStatus.Completed) >= e.PlannedVisits, ct);
        var areaName = areas.ToDictionary(a => a.Id, a => new BilingualName(a.NameKo, a.NameEn));

        return new ProgramSurveyResults(
            programId,
            programName,
            responses.Count,
            finished,
            finished == 0 ? null : Math.Round(100m * responses.Count / finished, 1, MidpointRounding.AwayFromZero),
            SurveyResults.Aggregate(responses),
            [.. areas.Where(a => responses.Any(r => r.AreaId == a.Id))
                .Select(a => new AreaSurveyResult(areaName[a.Id], SurveyResults.Aggregate([.. responses.Where(r => r.AreaId == a.Id)])))],
            [.. responses.GroupBy(r => r.ConsultantId)
                .Select(g => new ConsultantSurveyResult(consultants.GetValueOrDefault(g.Key, ""), SurveyResults.Aggregate([.. g])))
                .OrderBy(c => c.ConsultantName, StringComparer.Ordinal)],
            [.. responses.Where(r => r.Comment is not null)
                .OrderBy(r => r.SubmittedAtUtc)
                .Select(r => new SurveyComment(agencies.GetValueOrDefault(r.AgencyId, ""), areaName.GetValueOrDefault(r.AreaId, new BilingualName("", "")), r.Comment!, r.SubmittedAtUtc))]);
    }

    /// <summary>
    /// The current consultant's own results over every response about them, and per programme, each only from
    /// <see cref="SurveyResults.MinimumResponses"/> responses on (through <see cref="SurveyResults.ForConsultant"/>).
    /// Per-programme means are shown only when every programme has enough, so that no programme's figures can be worked
    /// out by subtracting the others from the total.
    /// </summary>
    public async Task<ConsultantSurveyResults> MyResultsAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsConsultant())
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.ConsultantIdAsync(currentUser, ct) ?? throw new AccessDeniedException();
        var responses = await db.SurveyResponses.Where(r => r.ConsultantId == mine).AsNoTracking().ToListAsync(ct);
        var programIds = responses.Select(r => r.ProgramId).Distinct().ToList();
        var programs = await db.Programs.Where(p => programIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Year })
            .ToListAsync(ct);
        var groups = responses.GroupBy(r => r.ProgramId).ToList();
        var showPerProgram = groups.All(g => g.Count() >= SurveyResults.MinimumResponses);
        return new ConsultantSurveyResults(
            responses.Count,
            SurveyResults.MinimumResponses,
            SurveyResults.ForConsultant(responses),
            [.. programs.OrderByDescending(p => p.Year).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p =>
                {
                    var own = responses.Where(r => r.ProgramId == p.Id).ToList();
                    return new ProgramOwnResult(p.Name, own.Count, showPerProgram ? SurveyResults.ForConsultant(own) : null);
                })]);
    }
}

/// <summary>
/// The survey of one engagement for its agency or an official. <see cref="Response"/> is the answer once sent;
/// <see cref="CanAnswer"/>: the agency's staff, open, not yet answered, programme not closed.
/// </summary>
public sealed record SurveyState(
    Guid EngagementId,
    Guid ProgramId,
    string ProgramName,
    string AgencyName,
    BilingualName Area,
    string? ConsultantName,
    int CompletedVisits,
    int PlannedVisits,
    bool IsOpen,
    bool ProgramClosed,
    SubmittedSurvey? Response,
    bool CanAnswer);

public sealed record SubmittedSurvey(IReadOnlyDictionary<SurveyItem, int> Scores, string? Comment, DateTime SubmittedAtUtc)
{
    internal static SubmittedSurvey Of(SurveyResponse r) =>
        new(Enum.GetValues<SurveyItem>().ToDictionary(i => i, i => r[i]), r.Comment, r.SubmittedAtUtc);
}

/// <summary>A programme's survey results. <see cref="ResponseRatePercent"/> = responses / finished engagements (null when none finished).</summary>
public sealed record ProgramSurveyResults(
    Guid ProgramId,
    string ProgramName,
    int Responses,
    int FinishedEngagements,
    decimal? ResponseRatePercent,
    SurveyAggregate Overall,
    IReadOnlyList<AreaSurveyResult> PerArea,
    IReadOnlyList<ConsultantSurveyResult> PerConsultant,
    IReadOnlyList<SurveyComment> Comments);

public sealed record AreaSurveyResult(BilingualName Area, SurveyAggregate Result);

public sealed record ConsultantSurveyResult(string ConsultantName, SurveyAggregate Result);

public sealed record SurveyComment(string AgencyName, BilingualName Area, string Text, DateTime SubmittedAtUtc);

/// <summary>A consultant's own results: <see cref="Overall"/> is null below <see cref="Minimum"/> responses.</summary>
public sealed record ConsultantSurveyResults(int Responses, int Minimum, SurveyAggregate? Overall, IReadOnlyList<ProgramOwnResult> Programs);

/// <summary>One programme's share of a consultant's responses; <see cref="Result"/> is null unless it may be shown.</summary>
public sealed record ProgramOwnResult(string ProgramName, int Responses, SurveyAggregate? Result);
