using Consulting.Domain.Agencies;
using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Recruitment;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Data;

/// <summary>
/// The county's monitoring history for its eleven township teams: the closed round "2024 하반기" and the round under way
/// "2025 상반기", each with the four peer coaches assigned, one visit per team and area held and logged, the round
/// scored for every team (one area of one team not yet in 2025) and the improvement tasks followed up. Built through
/// the entities' own methods, deterministically, without notifications.
/// </summary>
public static partial class DemoData
{
    public const string PreviousMonitoringProgramName = "2024 하반기 사례관리 모니터링";

    /// <summary>The peer coaches (통합사례관리사) of the registry who run the county's rounds.</summary>
    private static readonly string[] Coaches = ["문바다", "배솔빛", "조은결", "정다운"];

    // A team's level in 2024 and how far it moved by 2025 (two teams slipped back).
    private static readonly decimal[] Level2024 = [3.0m, 2.6m, 3.4m, 3.6m, 2.2m, 2.8m, 3.2m, 2.4m, 3.8m, 2.0m, 3.0m];
    private static readonly decimal[] Move2025 = [0.7m, 0.9m, 0.4m, -0.6m, 1.1m, 0.6m, 0.5m, 0.8m, -0.5m, 1.0m, 0.3m];
    private static readonly decimal[] AreaLean = [0.2m, -0.1m, -0.3m, 0.3m];

    // Which of the four peer-coaching topics each team received (bit i = topic i).
    private static readonly int[] Coaching2024 = [0b0011, 0b0101, 0b1001, 0b0110, 0b1010, 0b1100, 0b0111, 0b1011, 0b0001, 0b1110, 0b1101];
    private static readonly int[] Coaching2025 = [0b1100, 0b1010, 0b0110, 0b1001, 0b0101, 0b0011, 0b1000, 0b0100, 0b1110, 0b0001, 0b1111];

    /// <summary>The team of 2025 whose closed-case check is not scored yet (shown as "no data").</summary>
    private const int TeamWithoutOneScore = 5;

    private const string OtherCoachingTopic = "지역 자원 연계 방법";

    private static readonly string[][] TaskTitles =
    [
        ["초기상담 기록 서식 통일", "종결 사례 사후관리 주기 설정", "인적 안전망 발굴 경로 확대", "복합 사례 정례 회의 운영"],
        ["대상자별 서비스 계획 점검 일정 수립", "재의뢰 사례 원인 분석", "발굴 실적 연계 기록 정비", "동료멘토링 적용 사례 공유"],
    ];

    private sealed record HistoryContext(
        List<Agency> Teams, List<Consultant> Coaches, Actor Official, LogTemplate Template);

    /// <summary>Adds both rounds' history: the 2024 round (created, run and closed) and the work of the 2025 round.</summary>
    private static async Task SeedMonitoringHistoryAsync(
        ConsultingDbContext db, List<Agency> teams, ConsultingProgram round2025, List<Engagement> engagements2025, Actor official, CancellationToken ct)
    {
        var coaches = await db.Consultants.Where(c => Coaches.Contains(c.Name)).ToListAsync(ct);
        if (coaches.Count != Coaches.Length)
        {
            return;
        }

        var context = new HistoryContext(
            teams, [.. Coaches.Select(n => coaches.Single(c => c.Name == n))], official,
            DefaultLogTemplates.All.Single(t => t.Code == "monitoring"));

        var round2024 = new ConsultingProgram(
            PreviousMonitoringProgramName, ProgramKind.Monitoring, 2024, new DateRange(new DateOnly(2024, 9, 1), new DateOnly(2024, 12, 31)));
        round2024.Describe("읍·면 맞춤형복지팀 사례관리 담당자를 찾아가는 모니터링과 통합사례관리사의 동료멘토링(피어코칭)", teams.Count);
        DefaultAreas.AddTo(round2024);
        var enrolled = new DateTime(2024, 8, 20, 0, 0, 0, DateTimeKind.Utc);
        var engagements2024 = new List<Engagement>();
        foreach (var team in teams)
        {
            var (application, created) = ProgramApplication.Enroll(
                round2024, team.Id, new ApplicationContact("사례관리 담당자", null, null), official.UserId, enrolled);
            db.Applications.Add(application);
            engagements2024.AddRange(created);
        }

        round2024.Start(teams.Count);
        db.Programs.Add(round2024);
        db.Engagements.AddRange(engagements2024);

        RunRound(db, context, round2024, engagements2024, second: false);
        round2024.Close();
        RunRound(db, context, round2025, engagements2025, second: true);
        await db.SaveChangesAsync(ct);
    }

    private static void RunRound(ConsultingDbContext db, HistoryContext context, ConsultingProgram round, List<Engagement> engagements, bool second)
    {
        var areas = round.Areas.OrderBy(a => a.SortOrder).ToList();
        var checklists = areas.ToDictionary(a => a.Id, a => new AssessmentChecklist(round.Id, a.Id, DefaultIndicators.For(a.Code), At(round.ConsultingStart.AddDays(-10), 9)));
        db.AssessmentChecklists.AddRange(checklists.Values);

        var assignedAt = At(round.ConsultingStart.AddDays(-7), 10);
        var day = round.ConsultingStart;
        var taskNumber = 0;
        for (var t = 0; t < context.Teams.Count; t++)
        {
            var team = context.Teams[t];
            var teamActor = new Actor(Guid.Empty, $"{team.Name} 사례관리 담당자");
            for (var a = 0; a < areas.Count; a++)
            {
                var area = areas[a];
                var engagement = engagements.Single(e => e.AgencyId == team.Id && e.AreaId == area.Id);
                var coach = context.Coaches[(t + a + (second ? 1 : 0)) % context.Coaches.Count];
                var coachActor = new Actor(Guid.Empty, coach.Name);
                engagement.Assign(coach, area.Code, null, context.Official, assignedAt);

                day = NextWorkingDay(day);
                var start = SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
                var end = start.AddHours(2);
                var visit = engagement.Schedule(round, 1, new VisitPlan(start, end, VisitMode.OnSite, $"{team.District} 행정복지센터"), context.Official, null, [], assignedAt);
                visit.Confirm(context.Official, assignedAt.AddHours(1));
                visit.Complete(coachActor, end);

                var log = new VisitLog(visit, coach.Id, coachActor, context.Template, [], end);
                log.SaveDraft(
                    new LogContent(
                        start, end,
                        [new LogAttendee("사례관리 담당자", "주무관", AttendeeKind.AgencyStaff), new LogAttendee("맞춤형복지팀장", "팀장", AttendeeKind.AgencyStaff)],
                        TopicsOf(area, t, second),
                        new Dictionary<string, string?>
                        {
                            ["checked"] = $"{area.NameKo}: 최근 6개월 기록과 관리 대장을 담당자와 함께 점검함.",
                            ["findings"] = $"{team.Name}의 {area.NameKo} 현황을 확인함. 기록은 대체로 갖추었으나 보완할 부분이 있음.",
                            ["coaching"] = $"{string.Join(", ", TopicsOf(area, t, second))}을(를) 사례를 들어 함께 연습함.",
                        },
                        [], [], null),
                    end.AddHours(2));
                log.Submit(coachActor, end.AddHours(3));
                var approvedAt = end.AddDays(1);
                log.Approve(context.Official, null, approvedAt);
                db.VisitLogs.Add(log);

                // Two improvement tasks per team: one from the client-management check, one from another area in turn.
                if (a == 1 || a == (t % 2 == 0 ? 2 : 0))
                {
                    var task = CreateTask(log, area, team, day, taskNumber++, t, second, coachActor, end.AddHours(2));
                    task.Publish(context.Official, approvedAt);
                    FollowUp(task, t, a, second, teamActor, coachActor, context.Official, approvedAt);
                    db.Recommendations.Add(task);
                }

                if (!(second && t == TeamWithoutOneScore && area.Code == "closed-case-monitoring"))
                {
                    var assessment = Assessment.Start(engagement, checklists[area.Id], AssessmentPhase.Round, monitoringProgram: true, completedVisits: 1, end.AddHours(3));
                    assessment.SaveDraft(ScoresOf(checklists[area.Id], t, a, second), end.AddHours(3));
                    assessment.Submit(monitoringProgram: true, completedVisits: 1, plannedVisits: 1, coachActor, end.AddHours(4));
                    db.Assessments.Add(assessment);
                }

                day = day.AddDays(1);
            }
        }
    }

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        while (!KoreanHolidays.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTime At(DateOnly day, int hour) => SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));

    private static List<string> TopicsOf(ProgramArea area, int team, bool second)
    {
        if (area.Code == MonitoringPeerCoaching)
        {
            var mask = (second ? Coaching2025 : Coaching2024)[team];
            List<string> topics = [.. area.Topics.Where((_, i) => (mask & (1 << i)) != 0)];
            if (second && team == 2)
            {
                topics.Add(OtherCoachingTopic);
            }

            return topics;
        }

        // The other checks cover one or two of their area's topics.
        var first = area.Topics[team % area.Topics.Count];
        var next = area.Topics[(team + 1) % area.Topics.Count];
        return team % 3 == 0 ? [first] : [first, next];
    }

    private const string MonitoringPeerCoaching = "peer-coaching";

    private static List<ItemScore> ScoresOf(AssessmentChecklist checklist, int team, int area, bool second)
    {
        var level = Level2024[team] + AreaLean[area] + (second ? Move2025[team] : 0m);
        return [.. checklist.Indicators.Select((indicator, i) =>
        {
            var wiggle = (((team * 7) + (area * 3) + (i * 5) + (second ? 2 : 0)) % 5 - 2) * 0.4m;
            var score = (int)Math.Round(level + wiggle, MidpointRounding.AwayFromZero);
            return new ItemScore(indicator.Code, Math.Clamp(score, Assessment.MinScore, Assessment.MaxScore));
        })];
    }

    private static Recommendation CreateTask(
        VisitLog log, ProgramArea area, Agency team, DateOnly visitDay, int number, int teamIndex, bool second, Actor by, DateTime nowUtc)
    {
        var titles = TaskTitles[second ? 1 : 0];
        var title = titles[(number + teamIndex) % titles.Length];
        // The round under way gives its teams until the end of the year or later, so its open tasks are not yet overdue in 2025.
        var due = second ? new DateOnly(2025, 12, 31).AddDays(number % 3 * 30) : visitDay.AddDays(75 + (number % 4 * 15));
        return new Recommendation(
            log, area.Id,
            new RecommendationInput(
                title,
                $"{team.Name}: {area.NameKo} 점검에서 확인한 보완점입니다. 다음 점검 전까지 개선하고 결과를 공유해 주세요.",
                area.Id,
                number % 3 == 0 ? RecommendationPriority.High : RecommendationPriority.Medium,
                due,
                "개선 결과를 보여 주는 서식 또는 회의록"),
            visitDay, by, nowUtc);
    }

    /// <summary>
    /// Moves a task along its lifecycle: in 2024 nearly all verified (two not adopted); in 2025 spread over
    /// Open, Planned, InProgress, Submitted and Verified.
    /// </summary>
    private static void FollowUp(Recommendation task, int team, int area, bool second, Actor agency, Actor coach, Actor official, DateTime publishedAt)
    {
        var target = second
            ? (((team * 2) + area) % 5) switch
            {
                0 => RecommendationStatus.Open,
                1 => RecommendationStatus.Planned,
                2 => RecommendationStatus.InProgress,
                3 => RecommendationStatus.Submitted,
                _ => RecommendationStatus.Verified,
            }
            : team is 2 or 7 && area != 1 ? RecommendationStatus.NotAdopted : RecommendationStatus.Verified;

        if (target == RecommendationStatus.Open)
        {
            return;
        }

        if (target == RecommendationStatus.NotAdopted)
        {
            task.ProposeNotAdopted("읍·면 인력 여건상 이번 반기에는 추진이 어렵습니다. 군 단위 지침 개정 후 다시 검토하겠습니다.", agency, publishedAt.AddDays(12));
            task.AcceptNotAdopted("인력 여건을 확인함. 다음 반기 점검에서 다시 살펴봄.", official, publishedAt.AddDays(18));
            return;
        }

        var planned = publishedAt.AddDays(7);
        task.Plan("담당자 회의에서 개선 방안을 정하고 서식과 절차에 반영함", "사례관리 담당 주무관", task.DueDate.AddDays(-7), SeoulTime.DateOf(planned), agency, planned);
        if (target == RecommendationStatus.Planned)
        {
            return;
        }

        task.AddProgress("개선 방안을 팀 회의에서 공유하고 적용을 시작함", agency, publishedAt.AddDays(25));
        if (target == RecommendationStatus.InProgress)
        {
            return;
        }

        task.Submit("개선 결과를 정리해 제출함 (점검 때 원본 확인)", 1, agency, publishedAt.AddDays(50));
        if (target == RecommendationStatus.Submitted)
        {
            return;
        }

        task.Verify("현장 점검에서 개선 결과를 확인함", coach, publishedAt.AddDays(60));
    }
}
