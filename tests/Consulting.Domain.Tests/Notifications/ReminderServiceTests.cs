using Consulting.Domain.Common;
using Consulting.Domain.Notifications;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// Set-up and reading for the reminder tests on <see cref="LogScenario"/>: recommendations raised by 윤슬기 and published
/// to the agency by approving their log, and the notifications the job wrote about one of them.
/// </summary>
internal static class Reminders
{
    public static ReminderService Service(LogScenario s, FixedClock clock) => new(s.Factory, TestNotifier.For(clock));

    /// <summary>Runs the job at <paramref name="seoulDay"/> <paramref name="hour"/>:00 in Seoul.</summary>
    public static Task<ReminderRun> RunAsync(LogScenario s, DateOnly seoulDay, int hour = 8)
    {
        var at = new DateTimeOffset(seoulDay.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(9));
        return Service(s, new FixedClock(at)).RunAsync(at);
    }

    /// <summary>One recommendation per due date in a new visit's log of <paramref name="agency"/>, published (the log approved).</summary>
    public static async Task<List<Guid>> PublishedAsync(LogScenario s, string agency, params DateOnly[] dueDates)
    {
        var ids = await RaisedAsync(s, agency, dueDates);
        var logId = await s.Logs(s.Consultant).OpenAsync(await VisitOfAsync(s, ids[0]));
        await s.Logs(s.Consultant).SubmitAsync(logId, LogScenario.Complete(await s.ViewAsync(logId)), await s.VersionAsync(logId));
        await s.Logs(s.Official).ApproveAsync(logId, null, await s.VersionAsync(logId));
        return ids;
    }

    /// <summary>Recommendations in a new visit's log that stays a draft: never published.</summary>
    public static async Task<List<Guid>> RaisedAsync(LogScenario s, string agency, params DateOnly[] dueDates)
    {
        var logId = await s.Logs(s.Consultant).OpenAsync(await s.NewVisitAsync(agency));
        var ids = new List<Guid>();
        foreach (var due in dueDates)
        {
            ids.Add(await s.Recommendations(s.Consultant).AddAsync(
                logId, new RecommendationInput($"권고 {due:MMdd} {Guid.NewGuid():N}"[..20], "설명", null, RecommendationPriority.Medium, due, null)));
        }

        return ids;
    }

    public static async Task SetStatusAsync(LogScenario s, Guid id, RecommendationStatus status)
    {
        await using var db = s.CreateContext();
        await db.Recommendations.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status));
    }

    public static async Task<List<Notification>> AboutAsync(LogScenario s, Guid recommendationId, NotificationKind kind)
    {
        await using var db = s.CreateContext();
        return await db.Notifications.Where(n => n.Link == $"/recommendations/{recommendationId}" && n.Kind == kind)
            .OrderBy(n => n.CreatedAtUtc).AsNoTracking().ToListAsync();
    }

    private static async Task<Guid> VisitOfAsync(LogScenario s, Guid recommendationId)
    {
        await using var db = s.CreateContext();
        return await (from r in db.Recommendations
                      where r.Id == recommendationId
                      join l in db.VisitLogs on r.VisitLogId equals l.Id
                      select l.VisitId).SingleAsync();
    }
}

/// <summary>Due-soon reminders: once per item and due date, to the agency's staff, never for items the agency no longer owes.</summary>
public class DueSoonReminderTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    [Fact]
    public async Task ADueDateWithinSevenDaysIsRemindedOnceAndAgainAfterAnExtension()
    {
        var id = (await Reminders.PublishedAsync(_s, LogScenario.Haesol, new DateOnly(2025, 7, 10)))[0];

        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 2)); // 8 days left
        Assert.Empty(await Reminders.AboutAsync(_s, id, NotificationKind.DueSoon));

        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 3)); // 7 days left
        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 3), hour: 20);
        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 9));

        var reminder = Assert.Single(await Reminders.AboutAsync(_s, id, NotificationKind.DueSoon));
        Assert.Equal(_s.AgencyStaff.UserId, reminder.UserId);
        Assert.Equal([NotificationTexts.Date(new DateOnly(2025, 7, 10)), NotificationTexts.Number(7)], reminder.Args.Skip(1));

        var followUp = new FollowUpService(_s.Factory, _s.Official, _s.Clock, TestNotifier.For(_s.Clock));
        var version = (await followUp.GetAsync(id))!.Row.Version;
        await followUp.ExtendDueAsync(id, new DateOnly(2025, 7, 20), "기관 사정", version);
        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 13)); // 7 days before the new date

        Assert.Equal(2, (await Reminders.AboutAsync(_s, id, NotificationKind.DueSoon)).Count);
        await using var db = _s.CreateContext();
        Assert.Equal(
            [new DateOnly(2025, 7, 10), new DateOnly(2025, 7, 20)],
            await db.ReminderDeliveries.Where(r => r.SubjectId == id && r.Kind == NotificationKind.DueSoon).OrderBy(r => r.Key).Select(r => r.Key).ToListAsync());
    }

    [Fact]
    public async Task TwoRunsAtTheSameMomentSendOnce()
    {
        var id = (await Reminders.PublishedAsync(_s, LogScenario.Haesol, new DateOnly(2026, 3, 10)))[0];

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Reminders.RunAsync(_s, new DateOnly(2026, 3, 5)))));

        Assert.Single(await Reminders.AboutAsync(_s, id, NotificationKind.DueSoon));
        Assert.Equal(1, runs.Count(r => r.DueSoon > 0 && !r.Skipped));
        await using var db = _s.CreateContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Topic == "DueSoon" && m.TextBody.Contains(id.ToString())));
    }

    [Fact]
    public async Task SubmittedFinalProposedAndUnpublishedItemsGetNoReminders()
    {
        var due = new DateOnly(2025, 8, 5);
        var ids = await Reminders.PublishedAsync(_s, LogScenario.Haesol, due, due, due, due);
        await Reminders.SetStatusAsync(_s, ids[0], RecommendationStatus.Submitted);
        await Reminders.SetStatusAsync(_s, ids[1], RecommendationStatus.Verified);
        await Reminders.SetStatusAsync(_s, ids[2], RecommendationStatus.NotAdopted);
        await Reminders.SetStatusAsync(_s, ids[3], RecommendationStatus.NotAdoptionProposed);
        var draft = (await Reminders.RaisedAsync(_s, LogScenario.Haetsal, due))[0];

        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 1));
        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 20));

        foreach (var id in ids.Append(draft))
        {
            Assert.Empty(await Reminders.AboutAsync(_s, id, NotificationKind.DueSoon));
            Assert.Empty(await Reminders.AboutAsync(_s, id, NotificationKind.Overdue));
        }
    }
}

/// <summary>Overdue reminders: the agency's staff and the engagement's consultant, once per item per 7 days from the first overdue day.</summary>
public class OverdueReminderTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    [Theory]
    [InlineData("2025-07-11", "2025-07-11")]
    [InlineData("2025-07-17", "2025-07-11")]
    [InlineData("2025-07-18", "2025-07-18")]
    [InlineData("2025-08-01", "2025-08-01")]
    [InlineData("2025-08-02", "2025-08-01")]
    public void TheKeyIsTheFirstDayOfTheSevenDayOverduePeriod(string today, string key) =>
        Assert.Equal(DateOnly.Parse(key, System.Globalization.CultureInfo.InvariantCulture),
            ReminderService.OverdueKey(new DateOnly(2025, 7, 10), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task AnOverdueItemIsRemindedOncePerSevenDaysToTheStaffAndTheConsultant()
    {
        var id = (await Reminders.PublishedAsync(_s, LogScenario.Haesol, new DateOnly(2025, 7, 10)))[0];

        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 10)); // due today: due soon, not overdue
        Assert.Empty(await Reminders.AboutAsync(_s, id, NotificationKind.Overdue));

        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 11));
        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 11), hour: 23);
        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 17));

        var first = await Reminders.AboutAsync(_s, id, NotificationKind.Overdue);
        Assert.Equal(new[] { _s.AgencyStaff.UserId!.Value, _s.Consultant.UserId!.Value }.Order(), first.Select(n => n.UserId).Order());
        Assert.Equal(NotificationTexts.Plain(LogScenario.Haesol), first[0].Args[2]);

        await Reminders.RunAsync(_s, new DateOnly(2025, 7, 18));
        Assert.Equal(4, (await Reminders.AboutAsync(_s, id, NotificationKind.Overdue)).Count);
    }
}

/// <summary>The Monday digest to the officials: overdue items per agency, once a week, only when something is overdue.</summary>
public class WeeklyDigestTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private async Task<List<Notification>> DigestsAsync()
    {
        await using var db = _s.CreateContext();
        return await db.Notifications.Where(n => n.Kind == NotificationKind.WeeklyDigest).OrderBy(n => n.CreatedAtUtc).AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task OfficialsGetOneDigestOnMondaysCountingOverdueItemsPerAgency()
    {
        var due = new DateOnly(2025, 7, 1);
        var haesol = await Reminders.PublishedAsync(_s, LogScenario.Haesol, due, due, due, new DateOnly(2025, 9, 30));
        await Reminders.PublishedAsync(_s, LogScenario.Haetsal, due);
        await Reminders.SetStatusAsync(_s, haesol[2], RecommendationStatus.Submitted);
        List<Guid> officials;
        await using (var db = _s.CreateContext())
        {
            officials = await db.OfficialsAsync(default);
        }

        await Reminders.RunAsync(_s, new DateOnly(2025, 6, 30)); // a Monday with nothing overdue
        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 3)); // a Sunday
        Assert.Empty(await DigestsAsync());

        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 4)); // Monday
        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 4), hour: 18);
        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 5));

        var digests = await DigestsAsync();
        Assert.Equal(officials.Order(), digests.Select(d => d.UserId).Order());
        Assert.Contains(_s.Official.UserId!.Value, officials);
        var digest = digests[0];
        Assert.Equal(("/recommendations?overdue=true", NotificationTexts.Number(3), NotificationTexts.Number(2)), (digest.Link, digest.Args[0], digest.Args[1]));
        Assert.Equal("- 해솔 종합사회복지관: 2건\n- 햇살나무 공동생활가정: 1건", digest.Args[2].Ko);
        Assert.Equal("- 해솔 종합사회복지관: 2\n- 햇살나무 공동생활가정: 1", digest.Args[2].En);
        Assert.Equal("주간 요약: 기한 경과 권고사항 3건", NotificationTexts.Title(digest.Template, digest.Args, NotificationTexts.Korean));

        await Reminders.RunAsync(_s, new DateOnly(2025, 8, 11)); // the next Monday
        Assert.Equal(officials.Count * 2, (await DigestsAsync()).Count);
    }
}
