using Consulting.Domain.Notifications;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Surveys;

/// <summary>
/// Completing an engagement's last visit tells the agency's staff (after self-assessment and survey) and the consultant
/// (closing opinion), once, in each recipient's language, whether the visit is completed by submitting its log or
/// through the visit itself.
/// </summary>
[Collection(ResultsGroup.Name)]
public class EngagementFinishedNotificationTests(ResultsFixture f)
{
    private const string Pureun = "푸른둥지 공동생활가정";
    private const string Onsaemi = "온새미 공동생활가정";

    private ResultsScenario S => f.S;

    [Fact]
    public async Task TheScenariosLoggedEngagementsToldTheirStaffAndTheConsultantOnce()
    {
        await using var db = f.Database.CreateContext();
        var staff = await db.Notifications.Where(n => n.UserId == S.HaesolStaff.UserId && n.Kind == NotificationKind.EngagementFinished).ToListAsync();
        var told = Assert.Single(staff);
        Assert.Equal("/agency/assessments", told.Link);
        Assert.Equal(
            "해솔 종합사회복지관의 조직 관리 컨설팅 방문이 모두 끝났습니다. 사후 자가진단과 만족도 조사를 해 주세요.",
            NotificationTexts.Body(told.Template, told.Args, NotificationTexts.Korean));
        Assert.Equal(1, await db.Notifications.CountAsync(n =>
            n.UserId == S.Consultant.UserId && n.Kind == NotificationKind.ClosingOpinionDue && n.Link == $"/engagements/{S.HaesolEngagementId}"));
        Assert.Equal(1, await db.Notifications.CountAsync(n =>
            n.UserId == S.Consultant.UserId && n.Kind == NotificationKind.ClosingOpinionDue && n.Link == $"/engagements/{S.HaetsalEngagementId}"));
    }

    [Fact]
    public async Task CompletingTheLastVisitTellsOnceAndEarlierVisitsTellNobody()
    {
        var extra = await f.EngagementAsync(Pureun, new DateOnly(2025, 7, 7), complete: 2, staffCulture: "en");
        Assert.Equal((0, 0), await CountsAsync(extra));

        await f.CompleteAsync(extra.VisitIds[2]);

        Assert.Equal((1, 1), await CountsAsync(extra));
        await using var db = f.Database.CreateContext();
        var mail = await db.OutboxMessages.SingleAsync(m => m.UserId == extra.Staff.UserId && m.Topic == nameof(NotificationKind.EngagementFinished));
        Assert.Contains("Consulting visits finished: 푸른둥지 공동생활가정, Organisation management", mail.Subject);
        Assert.Contains("Please fill in the after self-assessment and the satisfaction survey.", mail.TextBody);
        var consultantMail = await db.OutboxMessages.Where(m => m.UserId == S.Consultant.UserId && m.Topic == nameof(NotificationKind.ClosingOpinionDue))
            .Select(m => m.TextBody)
            .ToListAsync();
        Assert.Contains(consultantMail, body => body.Contains("푸른둥지 공동생활가정 조직 관리 분야 방문이 모두 끝났습니다. 종합 의견을 작성해 주세요.") && body.Contains($"/engagements/{extra.EngagementId}"));
    }

    [Fact]
    public async Task ALogReturnedAndSubmittedAgainDoesNotTellTwice()
    {
        var extra = await f.EngagementAsync(Onsaemi, new DateOnly(2025, 6, 2), complete: 2);
        var asConsultant = f.Logs(S.Consultant);
        var logId = await asConsultant.OpenAsync(extra.VisitIds[2]);
        await SubmitAsync(asConsultant, logId);
        Assert.Equal((1, 1), await CountsAsync(extra));

        var asOfficial = f.Logs(S.Official);
        await asOfficial.ReturnAsync(logId, "참석자를 보완해 주세요", (await asOfficial.GetAsync(logId))!.Version);
        await using (var db = f.Database.CreateContext())
        {
            Assert.Equal(VisitStatus.Completed, await db.Visits.Where(v => v.Id == extra.VisitIds[2]).Select(v => v.Status).SingleAsync());
        }

        await SubmitAsync(asConsultant, logId);

        Assert.Equal((1, 1), await CountsAsync(extra));
    }

    private static async Task SubmitAsync(VisitLogService logs, Guid logId)
    {
        var log = (await logs.GetAsync(logId))!;
        var content = new LogContent(
            log.VisitStartsAtUtc,
            log.VisitEndsAtUtc,
            [new LogAttendee("김담당", "사무국장", AttendeeKind.AgencyStaff)],
            ["조직 구조"],
            log.Sections.ToDictionary(s => s.Key, s => (string?)"업무 분장을 점검함"),
            [],
            [],
            null);
        await logs.SubmitAsync(logId, content, log.Version);
    }

    /// <summary>(EngagementFinished to the engagement's staff account, ClosingOpinionDue to 윤슬기 about the engagement).</summary>
    private async Task<(int Staff, int Consultant)> CountsAsync(ResultsFixture.Extra extra)
    {
        await using var db = f.Database.CreateContext();
        return (
            await db.Notifications.CountAsync(n => n.UserId == extra.Staff.UserId && n.Kind == NotificationKind.EngagementFinished),
            await db.Notifications.CountAsync(n => n.UserId == S.Consultant.UserId && n.Kind == NotificationKind.ClosingOpinionDue && n.Link == $"/engagements/{extra.EngagementId}"));
    }
}
