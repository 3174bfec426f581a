using System.Text.RegularExpressions;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Consulting.Web.Tests.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The "done when", in the browser: after the seed programme's selection (seven agencies, 28 engagements), the
/// official gives every engagement a consultant and every one of the 105 visits a time inside June–November with no
/// clash; the demo consultant's calendar shows theirs, and their feed parses in an independent iCalendar reader.
/// </summary>
public class SeedProgrammeScheduleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheSeedProgrammeIsFullyAssignedAndScheduledAndTheConsultantsFeedParses()
    {
        var programId = await DemoScenario.SelectSevenAndStartAsync(app.Database);
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await OpenAsync(official, $"/programs/{programId}/engagements");
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "2025 품질관리 컨설팅 분야별 배정", Level = 1 })).ToBeVisibleAsync();

        await official.GetByRole(AriaRole.Button, new() { Name = "컨설턴트 자동 배정" }).ClickAsync();
        await official.GetByRole(AriaRole.Group).GetByRole(AriaRole.Button, new() { Name = "컨설턴트 자동 배정" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "28건을 배정했습니다" })).ToContainTextAsync("배정하지 못한 건: 0건");

        await official.GetByRole(AriaRole.Button, new() { Name = "남은 방문 일정 자동 잡기" }).ClickAsync();
        await official.GetByRole(AriaRole.Group).GetByRole(AriaRole.Button, new() { Name = "남은 방문 일정 자동 잡기" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "방문 105회의 일정을 잡았습니다" })).ToContainTextAsync("자리를 찾지 못한 방문: 0회");
        await Expect(official.GetByRole(AriaRole.Cell, new() { Name = "미배정", Exact = true })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(official, "official-board-scheduled");

        // What the page said is what the database holds: every engagement assigned, 105 visits inside the period, no clash.
        List<DateTime> yoonVisits;
        await using (var db = app.Database.CreateContext())
        {
            yoonVisits = await db.Visits.Where(v => v.ProgramId == programId && db.Consultants.Any(c => c.Id == v.ConsultantId && c.Name == "윤슬기"))
                .OrderBy(v => v.StartsAtUtc).Select(v => v.StartsAtUtc).ToListAsync();
            Assert.Equal(28, await db.Engagements.CountAsync(e => e.ProgramId == programId && e.ConsultantId != null));
            var visits = await db.Visits.Where(v => v.ProgramId == programId).ToListAsync();
            Assert.Equal(105, visits.Count);
            Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)));
            Assert.DoesNotContain(visits, v => visits.Any(o => o.Id != v.Id && (o.ConsultantId == v.ConsultantId || o.AgencyId == v.AgencyId)
                                                               && o.StartsAtUtc < v.EndsAtUtc && v.StartsAtUtc < o.EndsAtUtc));
        }

        // The demo consultant's calendar: with nothing still to come it opens on the week of her last visit, and any week
        // of hers lists exactly her visits of that week.
        Assert.NotEmpty(yoonVisits);
        var consultant = await app.NewPageAsync();
        await SignInAsync(consultant, DemoData.ConsultantEmail);
        await WaitForCircuitAsync(consultant);
        var list = consultant.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("방문 목록$") });
        await Expect(list.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^열기 ") })).ToHaveCountAsync(InWeekOf(yoonVisits, yoonVisits[^1]));
        var first = SeoulTime.DateOf(yoonVisits[0]);
        await OpenAsync(consultant, $"/consultant?date={first:yyyy-MM-dd}");
        await Expect(list.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^열기 ") })).ToHaveCountAsync(InWeekOf(yoonVisits, yoonVisits[0]));
        await BrowserApp.ScreenshotAsync(consultant, "consultant-week-of-first-visit");

        // Her feed holds all her visits of the running programme and reads in an independent parser without errors.
        var url = await consultant.GetByLabel("캘린더 구독 주소").InputValueAsync();
        using var http = new HttpClient();
        var ics = await http.GetByteArrayAsync(url);
        Assert.Equal(yoonVisits.Count, StrictICalendarReader.Read(ics).Events.Count);
        var parsed = IndependentICalendarParser.Parse(ics);
        Assert.Equal(yoonVisits.Count, parsed.Events);
        Assert.Empty(parsed.Errors);
    }

    /// <summary>How many of the visits fall in the Sunday-to-Saturday week (the Korean calendar's) of <paramref name="visit"/>.</summary>
    private static int InWeekOf(List<DateTime> visits, DateTime visit)
    {
        var day = SeoulTime.DateOf(visit);
        var sunday = day.AddDays(-(int)day.DayOfWeek);
        return visits.Count(v => SeoulTime.DateOf(v) >= sunday && SeoulTime.DateOf(v) < sunday.AddDays(7));
    }
}
