using Consulting.Domain.Assessments;
using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Documents;

/// <summary>
/// 기관별 결과보고서: gathers one agency's year in a programme for the DOCX and the print page, and the reports page's
/// list of participants. Officials read every agency's report; agency staff their own agency's (read-only); nobody else.
/// </summary>
public sealed class AgencyReportService(IDbContextFactory<ConsultingDbContext> factory, ICurrentUser user, TimeProvider clock)
{
    /// <summary>How much of a log section's text the report keeps; the whole log stays one click away in the app.</summary>
    public const int SectionSummaryLength = 300;

    /// <summary>
    /// The report of <paramref name="agencyId"/> in <paramref name="programId"/>; null when the programme or the agency
    /// does not exist or the agency does not take part. Refused (<see cref="AccessDeniedException"/>) for anyone but
    /// officials and the agency's own staff.
    /// </summary>
    public async Task<AgencyReport?> GetAsync(Guid programId, Guid agencyId, CancellationToken ct = default)
    {
        if (!user.IsOfficial() && !(user.IsAgencyStaff() && user.AgencyId == agencyId))
        {
            throw new AccessDeniedException();
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct);
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Type).SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.ProgramId == programId && e.AgencyId == agencyId).ToListAsync(ct);
        if (program is null || agency is null || engagements.Count == 0)
        {
            return null;
        }

        var ids = engagements.Select(e => e.Id).ToList();
        var assignments = await db.EngagementAssignments.AsNoTracking().Where(a => ids.Contains(a.EngagementId)).OrderBy(a => a.AtUtc).ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.EngagementId)).OrderBy(v => v.Number).ThenBy(v => v.StartsAtUtc).ToListAsync(ct);
        var logs = await db.VisitLogs.AsNoTracking()
            .Where(l => ids.Contains(l.EngagementId) && (l.Status == VisitLogStatus.Submitted || l.Status == VisitLogStatus.Approved))
            .ToListAsync(ct);
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.EngagementId) && r.PublishedAtUtc != null)
            .OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Title)
            .ToListAsync(ct);
        var recommendationIds = recommendations.Select(r => r.Id).ToList();
        var verified = await db.RecommendationEvents.AsNoTracking()
            .Where(e => recommendationIds.Contains(e.RecommendationId) && e.Kind == RecommendationEventKind.Verified)
            .GroupBy(e => e.RecommendationId)
            .Select(g => new { Id = g.Key, At = g.Max(e => e.AtUtc) })
            .ToDictionaryAsync(x => x.Id, x => x.At, ct);
        var evidence = (await db.Attachments.AsNoTracking()
                .Where(a => a.OwnerKind == AttachmentOwner.Recommendation && recommendationIds.Contains(a.OwnerId))
                .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.FileName)
                .Select(a => new { a.OwnerId, File = new ReportEvidence(a.FileName, a.SizeBytes, a.UploadedAtUtc) })
                .ToListAsync(ct))
            .ToLookup(a => a.OwnerId, a => a.File);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.EngagementId) && a.Status == AssessmentStatus.Submitted && a.Phase != AssessmentPhase.Round)
            .ToListAsync(ct);
        var answered = (await db.SurveyResponses.AsNoTracking().Where(s => ids.Contains(s.EngagementId)).Select(s => s.EngagementId).ToListAsync(ct)).ToHashSet();
        var consultantIds = assignments.Select(a => a.ConsultantId)
            .Concat(engagements.Where(e => e.ConsultantId is not null).Select(e => e.ConsultantId!.Value))
            .Concat(logs.Select(l => l.ConsultantId))
            .Distinct().ToList();
        var names = await db.Consultants.AsNoTracking().Where(c => consultantIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        string NameOf(Guid id) => names.GetValueOrDefault(id, "");

        var today = SeoulTime.Today(clock);
        var numberOfVisit = visits.ToDictionary(v => v.Id);
        var areas = new List<AreaReport>();
        foreach (var area in program.Areas.OrderBy(a => a.SortOrder))
        {
            foreach (var engagement in engagements.Where(e => e.AreaId == area.Id))
            {
                var own = visits.Where(v => v.EngagementId == engagement.Id).ToList();
                areas.Add(new AreaReport(
                    engagement.Id,
                    new BilingualName(area.NameKo, area.NameEn),
                    engagement.PlannedVisits,
                    own.Count(v => v.Status == VisitStatus.Completed),
                    ConsultantsOf(engagement.ConsultantId, assignments.Where(a => a.EngagementId == engagement.Id), NameOf),
                    [.. own.Select(v => new ReportVisit(v.Number, v.StartsAtUtc, v.EndsAtUtc, v.Mode, v.Place, v.Status))],
                    [.. logs.Where(l => l.EngagementId == engagement.Id && numberOfVisit.ContainsKey(l.VisitId))
                        .OrderBy(l => numberOfVisit[l.VisitId].Number)
                        .Select(l => Summarise(l, numberOfVisit[l.VisitId], NameOf(l.ConsultantId)))],
                    [.. recommendations.Where(r => r.EngagementId == engagement.Id).Select(r => new ReportRecommendation(
                        r.Id, r.Title, r.Status, r.DueDate, r.IsOverdueOn(today),
                        r.Status == RecommendationStatus.Verified && verified.TryGetValue(r.Id, out var at) ? SeoulTime.DateOf(at) : null,
                        [.. evidence[r.Id]]))],
                    ScoresOf(assessments.SingleOrDefault(a => a.EngagementId == engagement.Id && a.Phase == AssessmentPhase.Before),
                        assessments.SingleOrDefault(a => a.EngagementId == engagement.Id && a.Phase == AssessmentPhase.After)),
                    engagement.ClosingOpinion,
                    engagement.ClosingOpinionAtUtc,
                    engagement.ClosingOpinionByName,
                    answered.Contains(engagement.Id)));
            }
        }

        return new AgencyReport(
            new ReportProgram(program.Id, program.Name, program.Year, program.ConsultingStart, program.ConsultingEnd),
            new ReportAgency(agency.Id, agency.Name, new BilingualName(agency.Type?.NameKo ?? agency.TypeCode, agency.Type?.NameEn ?? agency.TypeCode), agency.District, agency.Address),
            areas,
            today);
    }

    /// <summary>The programme's participating agencies (officials only); null when the programme does not exist.</summary>
    public async Task<ReportParticipants?> ParticipantsAsync(Guid programId, CancellationToken ct = default)
    {
        if (!user.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().Include(p => p.Areas).SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return null;
        }

        var rows = await (
                from e in db.Engagements
                where e.ProgramId == programId
                join a in db.Agencies on e.AgencyId equals a.Id
                join c in db.Consultants on e.ConsultantId equals c.Id into held
                from c in held.DefaultIfEmpty()
                select new
                {
                    e.Id, e.AgencyId, AgencyName = a.Name, TypeKo = a.Type!.NameKo, TypeEn = a.Type!.NameEn, a.District, e.AreaId, e.PlannedVisits,
                    Consultant = c == null ? null : c.Name,
                    Completed = db.Visits.Count(v => v.EngagementId == e.Id && v.Status == VisitStatus.Completed),
                    HasOpinion = e.ClosingOpinion != null,
                })
            .AsNoTracking()
            .ToListAsync(ct);
        var order = program.Areas.ToDictionary(a => a.Id);
        var agencies = rows
            .GroupBy(r => r.AgencyId)
            .Select(g => new ReportParticipant(
                g.Key, g.First().AgencyName, new BilingualName(g.First().TypeKo, g.First().TypeEn), g.First().District,
                [.. g.OrderBy(r => order[r.AreaId].SortOrder).Select(r => new ReportParticipantArea(
                    r.Id, new BilingualName(order[r.AreaId].NameKo, order[r.AreaId].NameEn), r.Consultant, r.Completed, r.PlannedVisits, r.HasOpinion))]))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return new ReportParticipants(program.Id, program.Name, program.Year, agencies);
    }

    /// <summary>
    /// A section's text as the report keeps it: blank lines dropped and runs of spaces made one (line breaks stay), then
    /// cut at <see cref="SectionSummaryLength"/> characters — at the last space in the final fifth, so a word is not
    /// split, else hard — with an ellipsis. The report summarises; the full, approved log remains the record.
    /// </summary>
    public static (string Text, bool Shortened) Shorten(string text, int length = SectionSummaryLength)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split(' ', '\t').Where(w => w.Length > 0)))
            .Where(l => l.Length > 0);
        var tidy = string.Join('\n', lines);
        if (tidy.Length <= length)
        {
            return (tidy, false);
        }

        var cut = tidy.LastIndexOfAny([' ', '\n'], length);
        var end = cut >= length * 4 / 5 ? cut : length;
        return (tidy[..end].TrimEnd() + "…", true);
    }

    private static List<ReportConsultant> ConsultantsOf(Guid? current, IEnumerable<Engagements.EngagementAssignment> history, Func<Guid, string> nameOf)
    {
        // Latest assignment of each consultant, earliest first; the current one flagged (and listed even without history).
        var list = history
            .GroupBy(a => a.ConsultantId)
            .Select(g => new ReportConsultant(nameOf(g.Key), g.Key == current, g.Max(a => a.AtUtc)))
            .OrderBy(c => c.AssignedAtUtc)
            .ToList();
        if (current is { } id && !list.Any(c => c.IsCurrent))
        {
            list.Add(new ReportConsultant(nameOf(id), true, DateTime.MinValue));
        }

        return list;
    }

    private static ReportLogSummary Summarise(VisitLog log, Visit visit, string consultantName) => new(
        visit.Number,
        visit.StartsAtUtc,
        log.Status,
        consultantName,
        log.Topics,
        [.. log.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Text)).Select(s =>
        {
            var (text, shortened) = Shorten(s.Text);
            return new ReportLogSection(s.Title, text, shortened);
        })]);

    private static ReportScores ScoresOf(Assessment? before, Assessment? after)
    {
        var codes = (before?.Items ?? []).Concat(after?.Items ?? []).Select(i => i.Code).Distinct().ToList();
        var indicators = codes.Select(code =>
        {
            var b = before?.Items.FirstOrDefault(i => i.Code == code);
            var a = after?.Items.FirstOrDefault(i => i.Code == code);
            var text = a ?? b!;
            return new ReportIndicator(code, new BilingualName(text.TextKo, text.TextEn), b?.Score, a?.Score, a?.ConsultantScore);
        }).ToList();
        return new ReportScores(indicators, before?.Score, after?.Score, after?.ConsultantScore);
    }
}
