using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>
/// The app on 20 June 2025, after <see cref="CalendarScenario"/>'s week was held: 윤슬기 wrote the log of visit 1 with a
/// recommendation and a private note, the official approved it and corrected its findings; the log of visit 2 waits
/// for review. Made through the services, as the people would.
/// </summary>
public sealed class LogReviewWebFactory() : ScenarioAppFactory<LogReviewWebFactory.Logs>(new DateOnly(2025, 6, 20))
{
    public const string FindingsText = "성과지표가 사업 목표와 맞지 않음\n결과보고서에 지표 값이 빠져 있음";
    public const string PrivateNote = "담당자에게만: 기관장 교체 예정";
    public const string RecommendationTitle = "성과지표 재설계";
    public const string AmendmentText = "결과보고서 일부에는 지표 값이 있었음";
    public const string AmendmentReason = "기관이 추가 자료를 보냄";

    public sealed record Logs(CalendarScenario.Week Week, Guid ApprovedLogId, Guid SubmittedLogId);

    /// <summary>Starts the app (which seeds the demo year), plans the week and writes the logs, once per class.</summary>
    public Task<Logs> LogsAsync() => ScenarioAsync();

    protected override async Task<Logs> WriteAsync()
    {
        var week = await CalendarScenario.PlanAsync(Database);
        var consultant = await DemoScenario.DemoConsultantAsync(Database);
        var official = await DemoScenario.DemoOfficialAsync(Database);
        var asConsultant = new VisitLogService(Database.CreateFactory(), consultant, Clock, TestNotifier.For(Clock));
        var asOfficial = new VisitLogService(Database.CreateFactory(), official, Clock, TestNotifier.For(Clock));
        var recommendations = new RecommendationService(Database.CreateFactory(), consultant, Clock);

        var approved = await asConsultant.OpenAsync(week.VisitIds[0]);
        await recommendations.AddAsync(approved, new RecommendationInput(
            RecommendationTitle, "지표를 목표별로 다시 정하고 산출 방법을 적을 것", null, RecommendationPriority.High,
            new DateOnly(2025, 9, 30), "수정된 사업계획서"));
        await asConsultant.SubmitAsync(approved, Content(0, PrivateNote), (await asConsultant.GetAsync(approved))!.Version);
        await asOfficial.ApproveAsync(approved, "잘 정리됨", (await asOfficial.GetAsync(approved))!.Version);
        await asOfficial.AmendAsync(approved, "findings", AmendmentText, AmendmentReason, (await asOfficial.GetAsync(approved))!.Version);

        var submitted = await asConsultant.OpenAsync(week.VisitIds[1]);
        await asConsultant.SubmitAsync(submitted, Content(1, null), (await asConsultant.GetAsync(submitted))!.Version);
        return new Logs(week, approved, submitted);
    }

    /// <summary>What the consultant typed for visit <paramref name="index"/>: its planned hours, everything the template requires.</summary>
    private static LogContent Content(int index, string? privateNote)
    {
        var (day, start, end) = CalendarScenario.Times[index];
        DateTime Utc(TimeOnly time) => new DateTimeOffset(day.ToDateTime(time), TimeSpan.FromHours(9)).UtcDateTime;
        return new LogContent(
            Utc(start), Utc(end),
            [new LogAttendee("김하늘", "기획팀장", AttendeeKind.AgencyStaff), new LogAttendee("이바다", null, AttendeeKind.Other)],
            ["성과지표"],
            new Dictionary<string, string?>
            {
                ["reviewed"] = "2025 사업계획서",
                ["findings"] = FindingsText,
                ["indicators"] = "산출 지표 3개",
                ["advice"] = "목표-지표 연결표를 만들 것",
                ["requests"] = "다음 방문에 평가 방법 안내",
            },
            [new LogNextStep(Guid.Empty, "연결표 초안 공유")],
            [],
            privateNote);
    }
}
