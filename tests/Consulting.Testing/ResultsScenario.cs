using System.Text;
using Consulting.Domain.Assessments;
using Consulting.Domain.Attachments;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Surveys;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consulting.Testing;

/// <summary>
/// A programme year that has run far enough to measure, built through the app's own services on the demo seed: the
/// seed programme started with its seven agencies; 윤슬기 assigned to 조직 관리 at 해솔 and at 햇살나무; both
/// engagements' three visits held in June, logged and approved; three recommendations raised at the first visits
/// (해솔's first verified with evidence, its second overdue, 햇살나무's open); before- and after-assessments of both
/// (the consultant rated 해솔's after); both surveys answered; 해솔's closing opinion written. The other 26 engagements
/// stay unassigned. The clock ends on 15 July 2025.
/// </summary>
public sealed class ResultsScenario
{
    public const string Haesol = "해솔 종합사회복지관";
    public const string Haetsal = "햇살나무 공동생활가정";
    public const string Organisation = "organisation";
    public const string VerifiedTitle = "위임전결 규정 정비";
    public const string OverdueTitle = "성과지표 재설정";
    public const string OpenTitle = "인사규정 개정";
    public const string EvidenceName = "개정 위임전결 규정.pdf";
    public const string ClosingOpinion = "조직 구조와 업무 분장이 크게 개선되었습니다. 운영 매뉴얼 개정을 이어가기를 권합니다.";

    public static readonly DateOnly Today = new(2025, 7, 15);

    /// <summary>Scores per indicator of the organisation checklist (four indicators), in the checklist's order.</summary>
    public static readonly int[] HaesolBefore = [2, 2, 3, 2];
    public static readonly int[] HaesolAfter = [4, 3, 4, 4];
    public static readonly int[] HaesolAfterRating = [3, 3, 4, 3];
    public static readonly int[] HaetsalBefore = [3, 3, 2, 3];
    public static readonly int[] HaetsalAfter = [3, 4, 3, 4];

    public static readonly SurveyAnswers HaesolSurvey = new(5, 4, 5, 4, 5, "전문적인 자문 덕분에 규정을 정비했습니다.");
    public static readonly SurveyAnswers HaetsalSurvey = new(4, 4, 3, 5, 4, null);

    private ResultsScenario(TestDatabase database, FixedClock clock)
    {
        Database = database;
        Clock = clock;
        Clock.Now = FixedClock.At(new DateOnly(2025, 6, 1)).Now;
    }

    public TestDatabase Database { get; }

    /// <summary>The scenario's clock; pass the app's own to <see cref="PrepareAsync"/> so both tell the same time.</summary>
    public FixedClock Clock { get; }

    public Guid ProgramId { get; private set; }

    public TestUser Official { get; private set; } = TestUser.Anonymous;

    public TestUser Consultant { get; private set; } = TestUser.Anonymous;

    public Guid ConsultantId { get; private set; }

    public TestUser HaesolStaff { get; private set; } = TestUser.Anonymous;

    public TestUser HaetsalStaff { get; private set; } = TestUser.Anonymous;

    public Guid HaesolId { get; private set; }

    public Guid HaetsalId { get; private set; }

    public Guid HaesolEngagementId { get; private set; }

    public Guid HaetsalEngagementId { get; private set; }

    /// <summary>The three visits of each engagement, in order.</summary>
    public IReadOnlyList<Guid> HaesolVisitIds { get; private set; } = [];

    public IReadOnlyList<Guid> HaetsalVisitIds { get; private set; } = [];

    public IReadOnlyList<Guid> LogIds { get; private set; } = [];

    public Guid VerifiedId { get; private set; }

    public Guid OverdueId { get; private set; }

    public Guid OpenId { get; private set; }

    /// <summary>Builds the whole year in <paramref name="database"/> (seeding the demo first when it is empty).</summary>
    public static async Task<ResultsScenario> BuildAsync(TestDatabase database, FixedClock? clock = null)
    {
        var s = await PrepareAsync(database, clock);
        await s.AssessAsync(s.HaesolEngagementId, AssessmentPhase.Before, HaesolBefore, "서다온", null);
        await s.AssessAsync(s.HaetsalEngagementId, AssessmentPhase.Before, HaetsalBefore, "햇살 담당자", null);
        await s.HoldVisitsAsync();
        await s.FinishAsync();
        return s;
    }

    /// <summary>
    /// The first step only, on 1 June 2025: the programme started, 윤슬기 assigned at both agencies and their three
    /// visits scheduled; no assessment yet, no visit held.
    /// </summary>
    public static async Task<ResultsScenario> PrepareAsync(TestDatabase database, FixedClock? clock = null)
    {
        var s = new ResultsScenario(database, clock ?? FixedClock.At(new DateOnly(2025, 6, 1)));
        await s.SetUpAsync();
        return s;
    }

    private async Task SetUpAsync()
    {
        ProgramId = await DemoScenario.SelectSevenAndStartAsync(Database);
        Official = await DemoScenario.DemoOfficialAsync(Database);
        Consultant = await DemoScenario.DemoConsultantAsync(Database);
        await using (var db = Database.CreateContext())
        {
            HaesolId = await db.Agencies.Where(a => a.Name == Haesol).Select(a => a.Id).SingleAsync();
            HaetsalId = await db.Agencies.Where(a => a.Name == Haetsal).Select(a => a.Id).SingleAsync();
            ConsultantId = await db.Consultants.Where(c => c.UserId == Consultant.UserId).Select(c => c.Id).SingleAsync();
            var staff = await db.Users.SingleAsync(u => u.Email == DemoData.AgencyEmail);
            HaesolStaff = new TestUser(staff.Id, Roles.AgencyStaff, HaesolId);
        }

        HaetsalStaff = await AddStaffAsync(HaetsalId, "햇살 담당자");
        HaesolEngagementId = await AssignAsync(HaesolId);
        HaetsalEngagementId = await AssignAsync(HaetsalId);
        await ChecklistDefaults.EnsureAsync(Database.CreateFactory(), ProgramId, Clock.GetUtcNow().UtcDateTime, default);
        HaesolVisitIds = await ScheduleAsync(HaesolEngagementId, [new(2025, 6, 10), new(2025, 6, 17), new(2025, 6, 24)]);
        HaetsalVisitIds = await ScheduleAsync(HaetsalEngagementId, [new(2025, 6, 11), new(2025, 6, 18), new(2025, 6, 25)]);
    }

    /// <summary>
    /// The visits held: on 30 June 윤슬기 logs all six and 한가람 approves them, raising three recommendations; by 5 July
    /// 해솔 has had the first verified with evidence.
    /// </summary>
    public async Task HoldVisitsAsync()
    {
        Clock.Now = FixedClock.At(new DateOnly(2025, 6, 30)).Now;
        var logs = new List<Guid>();
        var raised = new Dictionary<string, Guid>();
        for (var i = 0; i < 3; i++)
        {
            RecommendationInput[] haesol = i == 0
                ? [Recommendation(VerifiedTitle, new DateOnly(2025, 7, 31)), Recommendation(OverdueTitle, new DateOnly(2025, 7, 10))]
                : [];
            RecommendationInput[] haetsal = i == 0 ? [Recommendation(OpenTitle, new DateOnly(2025, 8, 31))] : [];
            logs.Add(await LogAsync(HaesolVisitIds[i], i + 1, haesol, raised));
            logs.Add(await LogAsync(HaetsalVisitIds[i], i + 1, haetsal, raised));
        }

        LogIds = logs;
        VerifiedId = raised[VerifiedTitle];
        OverdueId = raised[OverdueTitle];
        OpenId = raised[OpenTitle];

        Clock.Now = FixedClock.At(new DateOnly(2025, 7, 5)).Now;
        var followUp = new FollowUpService(Database.CreateFactory(), HaesolStaff, Clock, TestNotifier.For(Clock));
        async Task<uint> VersionAsync(Guid id) => (await followUp.GetAsync(id))!.Row.Version;
        await followUp.PlanAsync(VerifiedId, new ActionPlanInput("위임전결 규정을 개정한다", "기획팀장", new DateOnly(2025, 7, 25)), await VersionAsync(VerifiedId));
        await new AttachmentService(Database.CreateFactory(), HaesolStaff, Clock, Options.Create(new AttachmentOptions()))
            .AddEvidenceAsync(VerifiedId, EvidenceName, new MemoryStream(Pdf()));
        await followUp.SubmitAsync(VerifiedId, "개정 규정을 올립니다", await VersionAsync(VerifiedId));
        var review = new FollowUpService(Database.CreateFactory(), Consultant, Clock, TestNotifier.For(Clock));
        await review.VerifyAsync(VerifiedId, "확인했습니다", (await review.GetAsync(VerifiedId))!.Row.Version);
    }

    /// <summary>On 15 July: both after-assessments (the consultant rates 해솔's), both surveys, 해솔's closing opinion.</summary>
    public async Task FinishAsync()
    {
        Clock.Now = FixedClock.At(Today).Now;
        await AssessAsync(HaesolEngagementId, AssessmentPhase.After, HaesolAfter, "서다온", HaesolAfterRating);
        await AssessAsync(HaetsalEngagementId, AssessmentPhase.After, HaetsalAfter, "햇살 담당자", null);
        await AnswerAsync(HaesolEngagementId, HaesolStaff, HaesolSurvey);
        await AnswerAsync(HaetsalEngagementId, HaetsalStaff, HaetsalSurvey);
        await using (var db = Database.CreateContext())
        {
            var program = await db.Programs.Include(p => p.Areas).SingleAsync(p => p.Id == ProgramId);
            var engagement = await db.Engagements.SingleAsync(e => e.Id == HaesolEngagementId);
            engagement.WriteClosingOpinion(program, await db.CompletedVisitsAsync(engagement.Id, default), ClosingOpinion, new Actor(Consultant.UserId!.Value, "윤슬기"), Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
    }

    private async Task<TestUser> AddStaffAsync(Guid agencyId, string name)
    {
        await using var db = Database.CreateContext();
        var email = $"{Guid.NewGuid():N}@test.consulting.kr";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, AgencyId = agencyId };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == Roles.AgencyStaff).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return new TestUser(user.Id, Roles.AgencyStaff, agencyId);
    }

    private async Task<Guid> AssignAsync(Guid agencyId)
    {
        await using var db = Database.CreateContext();
        var engagement = await (
                from e in db.Engagements
                join area in db.ProgramAreas on e.AreaId equals area.Id
                where e.ProgramId == ProgramId && e.AgencyId == agencyId && area.Code == Organisation
                select e)
            .AsNoTracking()
            .SingleAsync();
        await new AssignmentService(Database.CreateFactory(), Official, Clock).AssignAsync(engagement.Id, ConsultantId, null, engagement.Version);
        return engagement.Id;
    }

    private async Task<IReadOnlyList<Guid>> ScheduleAsync(Guid engagementId, DateOnly[] days)
    {
        var visits = new VisitService(Database.CreateFactory(), Official, Clock, new VisitInputValidator(), TestNotifier.For(Clock));
        var ids = new List<Guid>();
        for (var i = 0; i < days.Length; i++)
        {
            var outcome = await visits.ScheduleAsync(engagementId, i + 1, new VisitInput(days[i], new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, "기관 회의실"), null);
            ids.Add(outcome.Saved
                ? outcome.VisitId!.Value
                : throw new InvalidOperationException("Test set-up: a visit was not scheduled: " + string.Join(", ", outcome.Warnings.Select(w => w.Code))));
        }

        return ids;
    }

    /// <summary>윤슬기 opens the visit's log, raises <paramref name="recommendations"/>, submits it; 한가람 approves it.</summary>
    private async Task<Guid> LogAsync(Guid visitId, int number, RecommendationInput[] recommendations, Dictionary<string, Guid> raised)
    {
        var asConsultant = new VisitLogService(Database.CreateFactory(), Consultant, Clock, TestNotifier.For(Clock));
        var asOfficial = new VisitLogService(Database.CreateFactory(), Official, Clock, TestNotifier.For(Clock));
        var logId = await asConsultant.OpenAsync(visitId);
        foreach (var input in recommendations)
        {
            raised[input.Title] = await new RecommendationService(Database.CreateFactory(), Consultant, Clock).AddAsync(logId, input);
        }

        var log = (await asConsultant.GetAsync(logId))!;
        var content = new LogContent(
            log.VisitStartsAtUtc,
            log.VisitEndsAtUtc,
            [new LogAttendee("김담당", "기획팀장", AttendeeKind.AgencyStaff)],
            ["조직 구조"],
            log.Sections.ToDictionary(s => s.Key, s => (string?)$"{number}회차 {s.Title.Ko}: 조직 구조와 업무 분장을 점검함"),
            [],
            [],
            null);
        await asConsultant.SubmitAsync(logId, content, log.Version);
        await asOfficial.ApproveAsync(logId, null, (await asOfficial.GetAsync(logId))!.Version);
        return logId;
    }

    /// <summary>Submits an assessment straight through the entity, scores in the checklist's order.</summary>
    public async Task AssessAsync(Guid engagementId, AssessmentPhase phase, int[] scores, string byName, int[]? rating)
    {
        await using var db = Database.CreateContext();
        var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
        var checklist = await db.AssessmentChecklists.SingleAsync(c => c.ProgramId == engagement.ProgramId && c.AreaId == engagement.AreaId);
        var completed = await db.CompletedVisitsAsync(engagementId, default);
        var now = Clock.GetUtcNow().UtcDateTime;
        var assessment = Assessment.Start(engagement, checklist, phase, false, completed, now);
        assessment.SaveDraft([.. checklist.Indicators.Select((indicator, i) => new ItemScore(indicator.Code, scores[i]))], now);
        assessment.Submit(false, completed, engagement.PlannedVisits, new Actor(Guid.NewGuid(), byName), now);
        if (rating is not null)
        {
            assessment.Rate([.. checklist.Indicators.Select((indicator, i) => new ItemScore(indicator.Code, rating[i]))], new Actor(Consultant.UserId!.Value, "윤슬기"), now);
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
    }

    private async Task AnswerAsync(Guid engagementId, TestUser staff, SurveyAnswers answers)
    {
        await using var db = Database.CreateContext();
        var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
        db.SurveyResponses.Add(SurveyResponse.Submit(
            engagement, await db.CompletedVisitsAsync(engagementId, default), false, answers, new Actor(staff.UserId!.Value, "담당자"), Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    private static RecommendationInput Recommendation(string title, DateOnly due) =>
        new(title, title + "에 대한 권고 내용", null, RecommendationPriority.High, due, "관련 문서");

    private static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");
}
