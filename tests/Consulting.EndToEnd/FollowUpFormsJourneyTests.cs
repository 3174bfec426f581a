using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The follow-up forms in a browser: refusals are said next to the form (a missing date, a missing plan, no evidence
/// yet, a file of the wrong kind refused on its own while the good one is kept); the official extends the due date;
/// a second official's stale page is told of the concurrent change, keeps the comment typed and reloads; the list's
/// filters go to the address.
/// </summary>
public class FollowUpFormsJourneyTests(FollowUpFormsJourneyTests.App app) : IClassFixture<FollowUpFormsJourneyTests.App>
{
    /// <summary>The app on 20 June 2025, after the planned week.</summary>
    public sealed class App : BrowserApp
    {
        public FixedClock Clock { get; } = FixedClock.At(new DateOnly(2025, 6, 20));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task TheAgencyPlansAndSubmitsTheOfficialExtendsAndAStalePageIsToldOfTheChange()
    {
        var week = await CalendarScenario.PlanAsync(app.Database);
        var consultant = await DemoScenario.DemoConsultantAsync(app.Database);
        var official = await DemoScenario.DemoOfficialAsync(app.Database);
        var asConsultant = new VisitLogService(app.Database.CreateFactory(), consultant, app.Clock, TestNotifier.For(app.Clock));
        var asOfficial = new VisitLogService(app.Database.CreateFactory(), official, app.Clock, TestNotifier.For(app.Clock));
        var logId = await asConsultant.OpenAsync(week.VisitIds[0]);
        var recId = await new RecommendationService(app.Database.CreateFactory(), consultant, app.Clock).AddAsync(logId,
            new RecommendationInput("회의록 양식 정비", "내용", null, RecommendationPriority.High, new DateOnly(2025, 9, 30), null));
        var log = (await asConsultant.GetAsync(logId))!;
        await asConsultant.SubmitAsync(logId, new LogContent(log.VisitStartsAtUtc, log.VisitEndsAtUtc,
            [new LogAttendee("김", null, AttendeeKind.AgencyStaff)], ["성과지표"], log.Sections.ToDictionary(s => s.Key, s => (string?)"내용"), [], [], null), log.Version);
        await asOfficial.ApproveAsync(logId, null, (await asOfficial.GetAsync(logId))!.Version);

        // ---- The agency plans (after two refusals), attaches a good and a refused file, and submits. ----
        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.AgencyEmail);
        await OpenAsync(page, $"/recommendations/{recId}");
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "계획 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("날짜를 입력하세요.");
        await page.GetByLabel("완료 예정일", new() { Exact = true }).FillAsync("2025-08-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "계획 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("조치 계획(무엇을 할지)을 입력하세요.");
        await page.GetByLabel("무엇을 할지", new() { Exact = true }).FillAsync("고친다");
        await page.GetByLabel("담당자", new() { Exact = true }).FillAsync("김담당");
        await page.GetByRole(AriaRole.Button, new() { Name = "계획 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "조치 계획을 저장했습니다." })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "증빙 제출" }).ClickAsync();
        await page.GetByLabel("제출 설명").FillAsync("냅니다");
        await page.GetByRole(AriaRole.Button, new() { Name = "증빙 제출" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("증빙 파일을 하나 이상");
        await page.GetByLabel("증빙 파일", new() { Exact = true }).SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "a.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") },
            new FilePayload { Name = "b.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a, 1, 2] },
        });
        // The refused file is named; the submit form's earlier refusal goes once the accepted file reloads the page.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "b.exe" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "a.pdf" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("제출 설명")).ToHaveValueAsync("냅니다");
        await page.GetByRole(AriaRole.Button, new() { Name = "증빙 제출" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "증빙을 제출했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "followup-forms-agency");
        await OpenAsync(page, "/agency");
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "전체 이행률" })).ToHaveAttributeAsync("aria-valuenow", "0");
        await BrowserApp.ScreenshotAsync(page, "followup-agency-home");

        // ---- The official returns without a comment (refused), then extends the due date. ----
        var off = await app.NewPageAsync();
        await SignInAsync(off, DemoData.OfficialEmail);
        await OpenAsync(off, $"/recommendations/{recId}");
        await WaitForCircuitAsync(off);
        await off.GetByRole(AriaRole.Button, new() { Name = "보완 요청" }).ClickAsync();
        await Expect(off.GetByRole(AriaRole.Alert)).ToContainTextAsync("의견을 입력하세요.");
        await off.GetByLabel("새 기한").FillAsync("2025-10-31");
        await off.GetByLabel("연장 사유").FillAsync("사정");
        await off.GetByRole(AriaRole.Button, new() { Name = "기한 연장" }).ClickAsync();
        await Expect(off.GetByRole(AriaRole.Status).Filter(new() { HasText = "기한을 연장했습니다." })).ToBeVisibleAsync();
        await Expect(off.Locator("dl.facts").First).ToContainTextAsync("처음 기한");
        // ---- A second official's page, opened now, goes stale when the first returns the evidence. ----
        var stale = await app.NewPageAsync();
        await SignInAsync(stale, DemoData.OfficialEmail);
        await OpenAsync(stale, $"/recommendations/{recId}");
        await WaitForCircuitAsync(stale);
        await off.GetByLabel("검토 의견 (보완 요청 때는 꼭 입력)").FillAsync("더");
        await off.GetByRole(AriaRole.Button, new() { Name = "보완 요청" }).ClickAsync();
        await Expect(off.GetByRole(AriaRole.Status).Filter(new() { HasText = "보완을 요청했습니다." })).ToBeVisibleAsync();
        await stale.GetByLabel("검토 의견 (보완 요청 때는 꼭 입력)").FillAsync("좋음");
        await stale.GetByRole(AriaRole.Button, new() { Name = "이행 확인" }).ClickAsync();
        await Expect(stale.GetByRole(AriaRole.Alert)).ToContainTextAsync("다른 사용자가 먼저");
        await Expect(stale.GetByLabel("검토 의견 (보완 요청 때는 꼭 입력)")).ToHaveValueAsync("좋음");
        await stale.GetByRole(AriaRole.Button, new() { Name = "최신 내용 불러오기" }).ClickAsync();
        await Expect(stale.GetByRole(AriaRole.Button, new() { Name = "이행 확인" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(off, "followup-forms-official");

        // ---- The list's filters go to the address. ----
        await OpenAsync(off, "/recommendations");
        await WaitForCircuitAsync(off);
        await off.GetByLabel("상태").SelectOptionAsync("InProgress");
        await Expect(off).ToHaveURLAsync(new Regex("status=InProgress"));
        await Expect(off.GetByRole(AriaRole.Link, new() { Name = "회의록 양식 정비" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(off, "followup-list");
        await off.GetByLabel("기한 지난 것만").CheckAsync();
        await Expect(off).ToHaveURLAsync(new Regex("overdue=true"));
        await Expect(off.GetByRole(AriaRole.Status)).ToContainTextAsync("조건에 맞는 권고사항이 없습니다.");
    }
}
