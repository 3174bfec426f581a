using System.Text;
using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consulting.Web.Tests.Recommendations;

/// <summary>
/// The app on 20 June 2025, after <see cref="CalendarScenario"/>'s week: 윤슬기's log of visit 1 was approved with five
/// recommendations to 해솔, which then stand Open, Open and overdue, Planned, Submitted (with a PDF) and
/// NotAdoptionProposed; visit 3 was moved to 2 July, so the agency's portal has a visit to prepare for. A staff account
/// at 별마루 sees none of it. Made through the services, as the people would.
/// </summary>
public sealed class FollowUpWebFactory() : ScenarioAppFactory<FollowUpWebFactory.Scenario>(new DateOnly(2025, 6, 20))
{
    public const string OpenTitle = "성과지표 재설계";
    public const string OverdueTitle = "회의록 양식 정비";
    public const string PlannedTitle = "만족도 조사 도입";
    public const string SubmittedTitle = "사업계획서 개정";
    public const string ProposedTitle = "전산 시스템 교체";
    public const string PlanText = "분기마다 이용자 만족도 조사를 한다";
    public const string NextStep = "연결표 초안 공유";
    public const string EvidenceName = "개정 사업계획서.pdf";
    public const string OtherStaffEmail = "staff@byeolmaru.followup.test";
    public const string OtherStaffPassword = "Staff!2025followup";

    public sealed record Scenario(
        CalendarScenario.Week Week, Guid LogId, Guid MovedVisitId, Guid Open, Guid Overdue, Guid Planned, Guid Submitted, Guid Proposed, Guid EvidenceId);

    protected override async Task<Scenario> WriteAsync()
    {
        var week = await CalendarScenario.PlanAsync(Database);
        var consultant = await DemoScenario.DemoConsultantAsync(Database);
        var official = await DemoScenario.DemoOfficialAsync(Database);
        var staff = await StaffAsync();
        var asConsultant = new VisitLogService(Database.CreateFactory(), consultant, Clock, TestNotifier.For(Clock));
        var asOfficial = new VisitLogService(Database.CreateFactory(), official, Clock, TestNotifier.For(Clock));
        var recommendations = new RecommendationService(Database.CreateFactory(), consultant, Clock);

        var logId = await asConsultant.OpenAsync(week.VisitIds[0]);
        Task<Guid> AddAsync(string title, DateOnly due) => recommendations.AddAsync(logId, new RecommendationInput(
            title, title + "에 대한 권고 내용", null, RecommendationPriority.High, due, "관련 문서"));
        var open = await AddAsync(OpenTitle, new DateOnly(2025, 9, 30));
        var overdue = await AddAsync(OverdueTitle, new DateOnly(2025, 6, 15));
        var planned = await AddAsync(PlannedTitle, new DateOnly(2025, 9, 30));
        var submitted = await AddAsync(SubmittedTitle, new DateOnly(2025, 9, 30));
        var proposed = await AddAsync(ProposedTitle, new DateOnly(2025, 9, 30));
        var log = (await asConsultant.GetAsync(logId))!;
        await asConsultant.SubmitAsync(logId, Content(log), log.Version);
        await asOfficial.ApproveAsync(logId, null, (await asOfficial.GetAsync(logId))!.Version);

        var followUp = new FollowUpService(Database.CreateFactory(), staff, Clock, TestNotifier.For(Clock));
        async Task<uint> VersionAsync(Guid id) => (await followUp.GetAsync(id))!.Row.Version;
        await followUp.PlanAsync(planned, new ActionPlanInput(PlanText, "김담당", new DateOnly(2025, 8, 31)), await VersionAsync(planned));
        await followUp.PlanAsync(submitted, new ActionPlanInput("사업계획서를 고친다", "박담당", new DateOnly(2025, 8, 31)), await VersionAsync(submitted));
        var attachments = new AttachmentService(Database.CreateFactory(), staff, Clock, Options.Create(new AttachmentOptions()));
        var evidence = await attachments.AddEvidenceAsync(submitted, EvidenceName, new MemoryStream(Pdf()));
        await followUp.SubmitAsync(submitted, "개정본을 올립니다", await VersionAsync(submitted));
        await followUp.ProposeNotAdoptedAsync(proposed, "예산이 없습니다", await VersionAsync(proposed));

        // Visit 3 moves to July: the agency prepares for it with the next step agreed at visit 1.
        var visits = new VisitService(Database.CreateFactory(), official, Clock, new VisitInputValidator(), TestNotifier.For(Clock));
        var third = (await visits.GetAsync(week.VisitIds[2]))!;
        var moved = await visits.MoveAsync(
            third.Id, new VisitInput(new DateOnly(2025, 7, 2), new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, CalendarScenario.Place),
            third.Version, "기관 사정");
        if (!moved.Saved)
        {
            throw new InvalidOperationException("visit 3 was not moved: " + string.Join(", ", moved.Warnings.Select(w => w.Code)));
        }

        await CreateAgencyStaffAsync(CalendarScenario.OtherAgency, OtherStaffEmail, OtherStaffPassword);
        return new Scenario(week, logId, third.Id, open, overdue, planned, submitted, proposed, evidence.Id);
    }

    /// <summary>The demo agency account at 해솔, as the services see it.</summary>
    private async Task<TestUser> StaffAsync()
    {
        await using var db = Database.CreateContext();
        var agencyId = await db.Agencies.Where(a => a.Name == CalendarScenario.Agency).Select(a => a.Id).SingleAsync();
        return new TestUser(await DemoScenario.UserIdAsync(Database, DemoData.AgencyEmail), Roles.AgencyStaff, agencyId);
    }

    /// <summary>Everything the template requires, the planned hours, and one agreed next step.</summary>
    private static LogContent Content(VisitLogView log) => new(
        log.VisitStartsAtUtc,
        log.VisitEndsAtUtc,
        [new LogAttendee("김하늘", "기획팀장", AttendeeKind.AgencyStaff)],
        ["성과지표"],
        log.Sections.ToDictionary(s => s.Key, s => (string?)"확인한 내용"),
        [new LogNextStep(Guid.Empty, NextStep)],
        [],
        null);

    private static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");
}
