using Consulting.Domain.Agencies;
using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Recruitment;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;

namespace Consulting.Domain.Tests.Monitoring;

/// <summary>
/// Four monitoring rounds and a consulting programme on an empty database, built with the entities:
/// 2024 상반기 (only 팀C scored), 2024 하반기 (팀A and 팀B scored), 2025 상반기 — the round under test — with 팀A (all
/// areas), 팀B (all), 팀C (two areas) and 팀D (none), and 2025 하반기 (팀A scored, must not count as "previous").
/// Peer-coaching logs in 2025 상반기: 팀A approved, 팀B submitted with a topic outside the list, 팀C a draft.
/// </summary>
public sealed class RoundScenario
{
    public static readonly DateOnly Today = new(2025, 7, 15);
    public static readonly string[] Codes = ["blind-spot-discovery", "client-management", "closed-case-monitoring", "peer-coaching"];

    private static readonly Actor Official = new(Guid.NewGuid(), "담당자");
    private static readonly DateTime Now = new(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc);

    public Guid Older { get; private set; }

    public Guid Previous { get; private set; }

    public Guid Current { get; private set; }

    public Guid Later { get; private set; }

    public Guid Consulting { get; private set; }

    public Guid TeamA { get; private set; }

    public Guid TeamB { get; private set; }

    public Guid TeamC { get; private set; }

    public Guid TeamD { get; private set; }

    public Guid OverdueTaskId { get; private set; }

    public Guid PlannedTaskId { get; private set; }

    public static async Task<RoundScenario> BuildAsync(TestDatabase database)
    {
        var s = new RoundScenario();
        await using var db = database.CreateContext();
        var a = Team("팀A");
        var b = Team("팀B");
        var c = Team("팀C");
        var d = Team("팀D");
        db.Agencies.AddRange(a, b, c, d);
        var coach = new Consultant(new ConsultantProfile("코치", null, [ConsultantExpertise.PeerCoaching], "010-0000-0000", null, null, 5, null), Now);
        db.Consultants.Add(coach);

        var older = Round(db, "2024 상반기", 2024, new(2024, 3, 1), new(2024, 6, 30), [c]);
        Score(db, older, c, new() { ["blind-spot-discovery"] = [1, 1, 1], ["client-management"] = [1, 1, 1] });

        var previous = Round(db, "2024 하반기", 2024, new(2024, 9, 1), new(2024, 12, 31), [a, b]);
        Score(db, previous, a, new()
        {
            ["blind-spot-discovery"] = [2, 3, 3], ["client-management"] = [3, 3, 2], ["closed-case-monitoring"] = [2, 2, 2], ["peer-coaching"] = [4, 3, 3],
        });
        Score(db, previous, b, new() { ["blind-spot-discovery"] = [4, 4, 5], ["client-management"] = [4, 4, 4] });

        var current = Round(db, "2025 상반기", 2025, new(2025, 3, 1), new(2025, 6, 30), [a, b, c, d]);
        Score(db, current, a, new()
        {
            ["blind-spot-discovery"] = [3, 4, 4], ["client-management"] = [4, 4, 3], ["closed-case-monitoring"] = [3, 3, 2], ["peer-coaching"] = [5, 4, 4],
        });
        Score(db, current, b, new()
        {
            ["blind-spot-discovery"] = [3, 4, 4], ["client-management"] = [3, 4, 4], ["closed-case-monitoring"] = [5, 5, 4], ["peer-coaching"] = [2, 3, 3],
        });
        Score(db, current, c, new() { ["blind-spot-discovery"] = [2, 2, 3], ["peer-coaching"] = [3, 3, 3] });

        var later = Round(db, "2025 하반기", 2025, new(2025, 9, 1), new(2025, 12, 31), [a]);
        Score(db, later, a, new() { ["blind-spot-discovery"] = [5, 5, 5] });

        // Peer coaching in 2025 상반기.
        var logA = Log(db, current, a, coach, new(2025, 4, 7), ["대상자 발굴 방법", "초기상담"], VisitLogStatus.Approved);
        Log(db, current, b, coach, new(2025, 4, 8), ["종결자 모니터링", "자원 연계"], VisitLogStatus.Submitted);
        var logC = Log(db, current, c, coach, new(2025, 4, 9), ["초기상담"], VisitLogStatus.Draft);

        // Improvement tasks: 팀A one overdue and open, one planned; 팀C one never published (its log is a draft).
        var area = current.Program.Areas.Single(x => x.Code == "peer-coaching");
        var overdue = new Recommendation(logA, area.Id, new RecommendationInput("초기상담 서식 통일", "설명", area.Id, RecommendationPriority.High, new(2025, 5, 31), null), new(2025, 4, 7), Official, Now);
        overdue.Publish(Official, new DateTime(2025, 4, 8, 0, 0, 0, DateTimeKind.Utc));
        var planned = new Recommendation(logA, area.Id, new RecommendationInput("사례회의 정례화", "설명", area.Id, RecommendationPriority.Medium, new(2025, 12, 31), null), new(2025, 4, 7), Official, Now);
        planned.Publish(Official, new DateTime(2025, 4, 8, 0, 0, 0, DateTimeKind.Utc));
        planned.Plan("월 1회 회의", "팀장", new(2025, 11, 30), new(2025, 4, 9), Official, new DateTime(2025, 4, 9, 0, 0, 0, DateTimeKind.Utc));
        var hidden = new Recommendation(logC, area.Id, new RecommendationInput("미공개 과제", "설명", area.Id, RecommendationPriority.Low, new(2025, 12, 31), null), new(2025, 4, 9), Official, Now);
        db.Recommendations.AddRange(overdue, planned, hidden);

        var consulting = new ConsultingProgram("2025 컨설팅", ProgramKind.Consulting, 2025, new(new(2025, 6, 1), new(2025, 11, 30)));
        DefaultAreas.AddTo(consulting);
        db.Programs.Add(consulting);

        await db.SaveChangesAsync();
        s.Older = older.Program.Id;
        s.Previous = previous.Program.Id;
        s.Current = current.Program.Id;
        s.Later = later.Program.Id;
        s.Consulting = consulting.Id;
        (s.TeamA, s.TeamB, s.TeamC, s.TeamD) = (a.Id, b.Id, c.Id, d.Id);
        (s.OverdueTaskId, s.PlannedTaskId) = (overdue.Id, planned.Id);
        return s;
    }

    private sealed record RoundData(ConsultingProgram Program, List<Engagement> Engagements, Dictionary<Guid, AssessmentChecklist> Checklists);

    private static Agency Team(string name) => new(name, AgencyTypeCodes.TownshipWelfareTeam, "다솜군");

    private static RoundData Round(ConsultingDbContext db, string name, int year, DateOnly start, DateOnly end, Agency[] teams)
    {
        var program = new ConsultingProgram(name, ProgramKind.Monitoring, year, new(start, end));
        DefaultAreas.AddTo(program);
        var engagements = new List<Engagement>();
        foreach (var team in teams)
        {
            var (application, created) = ProgramApplication.Enroll(program, team.Id, new ApplicationContact("담당자", null, null), Official.UserId, Now);
            db.Applications.Add(application);
            engagements.AddRange(created);
        }

        program.Start(teams.Length);
        db.Programs.Add(program);
        db.Engagements.AddRange(engagements);
        var checklists = program.Areas.ToDictionary(a => a.Id, a => new AssessmentChecklist(program.Id, a.Id, DefaultIndicators.For(a.Code), Now));
        db.AssessmentChecklists.AddRange(checklists.Values);
        return new RoundData(program, engagements, checklists);
    }

    private static void Score(ConsultingDbContext db, RoundData round, Agency team, Dictionary<string, int[]> scores)
    {
        foreach (var (code, values) in scores)
        {
            var area = round.Program.Areas.Single(a => a.Code == code);
            var engagement = round.Engagements.Single(e => e.AgencyId == team.Id && e.AreaId == area.Id);
            var checklist = round.Checklists[area.Id];
            var assessment = Assessment.Start(engagement, checklist, AssessmentPhase.Round, true, 0, Now);
            assessment.SaveDraft([.. checklist.Indicators.Select((i, n) => new ItemScore(i.Code, values[n]))], Now);
            assessment.Submit(true, 0, 1, Official, Now);
            db.Assessments.Add(assessment);
        }

        // A draft never counts.
        if (!scores.ContainsKey("closed-case-monitoring") && round.Program.Name == "2025 상반기" && team.Name == "팀C")
        {
            var area = round.Program.Areas.Single(a => a.Code == "closed-case-monitoring");
            var engagement = round.Engagements.Single(e => e.AgencyId == team.Id && e.AreaId == area.Id);
            var draft = Assessment.Start(engagement, round.Checklists[area.Id], AssessmentPhase.Round, true, 0, Now);
            draft.SaveDraft([.. round.Checklists[area.Id].Indicators.Select(i => new ItemScore(i.Code, 5))], Now);
            db.Assessments.Add(draft);
        }
    }

    private static VisitLog Log(ConsultingDbContext db, RoundData round, Agency team, Consultant coach, DateOnly day, string[] topics, VisitLogStatus status)
    {
        var area = round.Program.Areas.Single(a => a.Code == "peer-coaching");
        var engagement = round.Engagements.Single(e => e.AgencyId == team.Id && e.AreaId == area.Id);
        engagement.Assign(coach, area.Code, null, Official, Now);
        var start = SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
        var visit = engagement.Schedule(round.Program, 1, new VisitPlan(start, start.AddHours(2), VisitMode.OnSite, null), Official, null, [], Now);
        var by = new Actor(Guid.NewGuid(), coach.Name);
        var log = new VisitLog(visit, coach.Id, by, DefaultLogTemplates.All.Single(t => t.Code == "monitoring"), [], start);
        log.SaveDraft(
            new LogContent(start, start.AddHours(2), [new LogAttendee("담당자", null, AttendeeKind.AgencyStaff)], topics,
                new Dictionary<string, string?> { ["checked"] = "점검", ["findings"] = "현황", ["coaching"] = "코칭" }, [], [], null),
            start.AddHours(2));
        if (status != VisitLogStatus.Draft)
        {
            visit.Complete(by, start.AddHours(2));
            log.Submit(by, start.AddHours(3));
        }

        if (status == VisitLogStatus.Approved)
        {
            log.Approve(Official, null, start.AddHours(4));
        }

        db.VisitLogs.Add(log);
        return log;
    }
}
