using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// What VisitService tells people: the engagement's consultant (윤슬기) and the agency's staff (서다온 of 해솔) hear of a
/// visit scheduled, moved, cancelled or postponed, never the person who did it; a refused change tells nobody. Each
/// test takes engagements and weeks of its own (noted at its top).
/// </summary>
public class VisitNotificationTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly BilingualName OrganisationName = new("조직 관리", "Organisation management");

    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private Visits.DemoSchedule _demo = null!;

    public async Task InitializeAsync() => _demo = await StartAsync(database, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<Notification>> AboutAsync(Guid visitId)
    {
        await using var db = database.CreateContext();
        return await db.Notifications.Where(n => n.Link == $"/visits/{visitId}").AsNoTracking().ToListAsync();
    }

    private async Task<(int Notifications, int Mail)> CountsAsync()
    {
        await using var db = database.CreateContext();
        return (await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task ASchedulingTellsTheConsultantAndTheStaffAndAMoveTellsAllButTheConsultantWhoMovedIt()
    {
        // 해솔 조직 관리, 윤슬기, 10 and 12 June
        var engagement = await _demo.AssignAsync(Haesol, Organisation, "윤슬기");
        var june10 = new DateOnly(2025, 6, 10);

        var visitId = (await _demo.Visits(_demo.Official).ScheduleAsync(engagement, 1, At(june10, 10), null)).VisitId!.Value;

        var scheduled = await AboutAsync(visitId);
        Assert.Equal(
            new[] { _demo.DemoConsultant.UserId!.Value, _demo.DemoAgencyStaff.UserId!.Value }.Order(),
            scheduled.Select(n => n.UserId).Order());
        Assert.All(scheduled, n => Assert.Equal((NotificationKind.VisitScheduled, "VisitScheduled"), (n.Kind, n.Template)));
        Assert.Equal(
            [NotificationTexts.Plain(Haesol), OrganisationName, NotificationTexts.Number(1), NotificationTexts.DateTime(Utc(june10, 10)), NotificationTexts.Plain("기관 회의실")],
            scheduled[0].Args);
        Assert.Equal("방문 일정 확정: 해솔 종합사회복지관 조직 관리 1회차", NotificationTexts.Title(scheduled[0].Template, scheduled[0].Args, NotificationTexts.Korean));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Topic == "VisitScheduled" && m.TextBody.Contains($"/visits/{visitId}")));
        }

        var moved = await _demo.Visits(_demo.DemoConsultant).MoveAsync(visitId, At(new DateOnly(2025, 6, 12), 14), await _demo.VersionAsync(visitId), SetUpReason);

        Assert.True(moved.Saved);
        var move = Assert.Single(await AboutAsync(visitId), n => n.Kind == NotificationKind.VisitMoved);
        Assert.Equal(_demo.DemoAgencyStaff.UserId, move.UserId);
        Assert.Equal(NotificationTexts.DateTime(Utc(new DateOnly(2025, 6, 12), 14)), move.Args[3]);
    }

    [Fact]
    public async Task PostponingAndCancellingTellWithTheReasonAndConfirmingTellsNobody()
    {
        // 해솔 사업 기획·평가, 윤슬기, 17 June and 1 July
        await _demo.AssignAsync(Haesol, Planning, "윤슬기");
        var first = await _demo.ScheduleAsync(Haesol, Planning, 1, new DateOnly(2025, 6, 17), 10);
        var second = await _demo.ScheduleAsync(Haesol, Planning, 2, new DateOnly(2025, 7, 1), 10);
        var official = _demo.Visits(_demo.Official);

        await official.ConfirmAsync(first, await _demo.VersionAsync(first));
        await official.PostponeAsync(first, "기관 내부 감사 일정", await _demo.VersionAsync(first));
        await _demo.Visits(_demo.DemoConsultant).CancelAsync(second, "사업 종료", await _demo.VersionAsync(second));

        var postponed = (await AboutAsync(first)).Where(n => n.Kind != NotificationKind.VisitScheduled).ToList();
        Assert.Equal(2, postponed.Count);
        Assert.All(postponed, n => Assert.Equal(NotificationKind.VisitCancelled, n.Kind));
        Assert.Equal(NotificationTexts.Plain("기관 내부 감사 일정"), postponed[0].Args[4]);
        var cancelled = Assert.Single(await AboutAsync(second), n => n.Kind == NotificationKind.VisitCancelled);
        Assert.Equal(_demo.DemoAgencyStaff.UserId, cancelled.UserId);
        Assert.Contains("사업 종료", NotificationTexts.Body(cancelled.Template, cancelled.Args, NotificationTexts.Korean), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOnlineVisitNamesItsModeAndARefusedOrHeldScheduleWritesNothing()
    {
        // 온새미 조직 관리 and 푸른둥지 사업 기획·평가, 윤슬기, 8 July
        var onsaemi = await _demo.AssignAsync(Onsaemi, Organisation, "윤슬기");
        var pureun = await _demo.AssignAsync(Pureun, Planning, "윤슬기");
        var july8 = new DateOnly(2025, 7, 8);
        var visits = _demo.Visits(_demo.Official);
        var online = await visits.ScheduleAsync(onsaemi, 1, new VisitInput(july8, new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.Online, null), SetUpReason);

        var told = Assert.Single(await AboutAsync(online.VisitId!.Value)); // 온새미 has no staff account
        Assert.Equal((_demo.DemoConsultant.UserId, new BilingualName("온라인", "Online")), (told.UserId, told.Args[4]));

        var before = await CountsAsync();
        var clash = await Assert.ThrowsAsync<DomainException>(() => visits.ScheduleAsync(pureun, 1, At(july8, 11), SetUpReason));
        Assert.Equal("visit.consultant-clash", clash.Code);
        var held = await visits.ScheduleAsync(pureun, 1, At(new DateOnly(2025, 7, 12), 10), null); // a Saturday: held for a reason
        Assert.False(held.Saved);

        Assert.Equal(before, await CountsAsync());
    }
}

/// <summary>Auto-scheduling tells each consultant and staff member once, with how many visits concern them (a database of its own).</summary>
public class AutoScheduleNotificationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task EachRecipientGetsOneSummaryCountingTheirVisits()
    {
        var clock = FixedClock.At(new DateOnly(2025, 5, 26));
        var demo = await StartAsync(database, clock);
        var haesolOrganisation = await demo.AssignAsync(Haesol, Organisation, "윤슬기");
        var haesolPlanning = await demo.AssignAsync(Haesol, Planning, "윤슬기");
        await demo.AssignAsync(Haetsal, Organisation, "강하늘"); // no account: told nothing

        var result = await demo.Visits(demo.Official).AutoScheduleAsync(demo.ProgramId);

        var haesolVisits = await demo.VisitCountAsync(haesolOrganisation) + await demo.VisitCountAsync(haesolPlanning);
        Assert.True(result.Scheduled > haesolVisits);
        await using var db = database.CreateContext();
        var all = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.Equal(2, all.Count);
        var consultant = Assert.Single(all, n => n.UserId == demo.DemoConsultant.UserId);
        var staff = Assert.Single(all, n => n.UserId == demo.DemoAgencyStaff.UserId);
        Assert.Equal(("VisitsScheduled", NotificationKind.VisitScheduled, "/consultant"), (consultant.Template, consultant.Kind, consultant.Link));
        Assert.Equal(("VisitsScheduled", "/agency/schedule"), (staff.Template, staff.Link));
        Assert.Equal(NotificationTexts.Number(haesolVisits), consultant.Args[0]);
        Assert.Equal(NotificationTexts.Number(haesolVisits), staff.Args[0]);
        Assert.Equal(NotificationTexts.Plain(DemoData.ConsultingProgramName), staff.Args[1]);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Topic == "VisitScheduled"));
    }
}
