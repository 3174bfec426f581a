using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The follow-up loop on the seed programme, three people in three browsers: the consultant's log with two
/// recommendations waits for the official, who approves it from the bell; the agency plans the first recommendation,
/// attaches evidence and submits; the consultant returns it; the agency adds a file and resubmits; the consultant
/// verifies. The agency proposes not adopting the second and the official accepts. Each bell counts up when something
/// concerns its owner and down as they read it; every role also gets its e-mail (the app writes them to a pickup
/// folder); the staff of another agency finds nothing.
/// </summary>
public class FollowUpJourneyTests(FollowUpJourneyTests.App app) : IClassFixture<FollowUpJourneyTests.App>
{
    /// <summary>The app on 20 June 2025, after the planned week, mailing into a folder of its own.</summary>
    public sealed class App : BrowserApp
    {
        public FixedClock Clock { get; } = FixedClock.At(new DateOnly(2025, 6, 20));

        public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "consulting-e2e-mail-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Consulting:Mail:Delivery", "Pickup");
            builder.UseSetting("Consulting:Mail:PickupDirectory", MailDirectory);
            builder.UseSetting("Consulting:Mail:PollSeconds", "1");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private const string First = "성과지표 정의서 정비";
    private const string Second = "전산 시스템 교체";
    private const string OtherStaff = "staff@byeolmaru.journey.test";
    private const string OtherPassword = "Staff!2025journey";

    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task TheAgencyPlansSubmitsIsReturnedResubmitsAndIsVerifiedWhileEveryBellCountsUpAndDown()
    {
        // The consultant's log of visit 1 at 해솔, with two recommendations, waits for review.
        var week = await CalendarScenario.PlanAsync(app.Database);
        var consultant = await DemoScenario.DemoConsultantAsync(app.Database);
        // The agency and the consultant have already read the notices of the visits being scheduled.
        var staffId = await DemoScenario.UserIdAsync(app.Database, DemoData.AgencyEmail);
        var staff = new TestUser(staffId, Consulting.Domain.Identity.Roles.AgencyStaff, await AgencyIdAsync(CalendarScenario.Agency));
        foreach (var reader in new[] { consultant, staff })
        {
            await new Consulting.Domain.Notifications.NotificationService(app.Database.CreateFactory(), reader, app.Clock).MarkAllReadAsync();
        }

        var logs = new VisitLogService(app.Database.CreateFactory(), consultant, app.Clock, TestNotifier.For(app.Clock));
        var logId = await logs.OpenAsync(week.VisitIds[0]);
        var raise = new RecommendationService(app.Database.CreateFactory(), consultant, app.Clock);
        var firstId = await raise.AddAsync(logId, new RecommendationInput(First, "변화 지표를 한 가지 이상 넣으세요.", null, RecommendationPriority.High, new DateOnly(2025, 9, 30), "개정된 지표 정의서"));
        var secondId = await raise.AddAsync(logId, new RecommendationInput(Second, "사례관리 전산을 바꾸세요.", null, RecommendationPriority.Low, new DateOnly(2025, 10, 31), null));
        var log = (await logs.GetAsync(logId))!;
        await logs.SubmitAsync(logId, new LogContent(log.VisitStartsAtUtc, log.VisitEndsAtUtc,
            [new LogAttendee("김해솔", "과장", AttendeeKind.AgencyStaff)], ["성과지표"], log.Sections.ToDictionary(s => s.Key, s => (string?)"내용"), [], [], null), log.Version);
        await app.CreateAgencyStaffAsync(CalendarScenario.OtherAgency, OtherStaff, OtherPassword);

        // ---- The official: the bell says one log waits; it leads to the log, which she approves. ----
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await WaitForCircuitAsync(official);
        await ExpectBellAsync(official, 1);
        await official.Locator("#notification-bell").ClickAsync();
        await WaitForCircuitAsync(official);
        await official.GetByRole(AriaRole.Link, new() { Name = "검토할 방문 기록: 해솔 종합사회복지관 사업 기획·평가 1회차" }).ClickAsync();
        await Expect(official).ToHaveURLAsync(new Regex($"/visit-logs/{logId}$"));
        await WaitForCircuitAsync(official);
        await ExpectBellAsync(official, 0);
        await official.GetByRole(AriaRole.Button, new() { Name = "승인", Exact = true }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "일지를 승인했습니다" })).ToBeVisibleAsync();

        // ---- The agency: two new recommendations; the portal shows them with no progress yet. ----
        var agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        await Expect(agency).ToHaveURLAsync(new Regex("/agency$"));
        await WaitForCircuitAsync(agency);
        await ExpectBellAsync(agency, 2);
        await Expect(agency.GetByRole(AriaRole.Progressbar, new() { Name = "전체 이행률" })).ToHaveAttributeAsync("aria-valuenow", "0");
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = First, Exact = true })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(agency, "followup-journey-agency-portal");

        // Opening the first from the bell marks it read.
        await agency.Locator("#notification-bell").ClickAsync();
        await WaitForCircuitAsync(agency);
        await agency.GetByRole(AriaRole.Link, new() { Name = $"새 권고사항: {First}" }).ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex($"/recommendations/{firstId}$"));
        await WaitForCircuitAsync(agency);
        await ExpectBellAsync(agency, 1);

        // The plan, the evidence, the submission.
        await agency.GetByLabel("무엇을 할지", new() { Exact = true }).FillAsync("성과지표에 변화 지표(이용자 만족도 변화)를 넣어 정의서를 고친다");
        await agency.GetByLabel("담당자", new() { Exact = true }).FillAsync("기획팀 김해솔");
        await agency.GetByLabel("완료 예정일", new() { Exact = true }).FillAsync("2025-08-29");
        await agency.GetByRole(AriaRole.Button, new() { Name = "계획 저장" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "조치 계획을 저장했습니다." })).ToBeVisibleAsync();
        await agency.GetByLabel("증빙 파일", new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "지표 정의서 초안.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = "지표 정의서 초안.pdf" })).ToBeVisibleAsync();
        await agency.GetByLabel("제출 설명").FillAsync("지표 정의서 초안을 올립니다.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "증빙 제출" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "증빙을 제출했습니다" })).ToBeVisibleAsync();

        // ---- The consultant: her log was approved and evidence waits; she returns it. ----
        var yoon = await app.NewPageAsync();
        await SignInAsync(yoon, DemoData.ConsultantEmail);
        await WaitForCircuitAsync(yoon);
        await ExpectBellAsync(yoon, 2);
        await yoon.Locator("#notification-bell").ClickAsync();
        await WaitForCircuitAsync(yoon);
        await yoon.GetByRole(AriaRole.Link, new() { Name = $"이행 증빙 제출: {CalendarScenario.Agency} - {First}" }).ClickAsync();
        await Expect(yoon).ToHaveURLAsync(new Regex($"/recommendations/{firstId}$"));
        await WaitForCircuitAsync(yoon);
        await ExpectBellAsync(yoon, 1);
        await Expect(yoon.GetByRole(AriaRole.Link, new() { Name = "지표 정의서 초안.pdf" })).ToBeVisibleAsync();
        await yoon.GetByLabel("검토 의견 (보완 요청 때는 꼭 입력)").FillAsync("변화 지표의 측정 방법도 넣어 주세요.");
        await yoon.GetByRole(AriaRole.Button, new() { Name = "보완 요청" }).ClickAsync();
        await Expect(yoon.GetByRole(AriaRole.Status).Filter(new() { HasText = "보완을 요청했습니다." })).ToBeVisibleAsync();

        // ---- The agency: told of the return; adds the revised file and resubmits. ----
        await OpenAsync(agency, $"/recommendations/{firstId}");
        await ExpectBellAsync(agency, 2);
        await Expect(agency.Locator(".timeline")).ToContainTextAsync("변화 지표의 측정 방법도 넣어 주세요.");
        await agency.GetByLabel("증빙 파일", new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "지표 정의서 개정본.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = "지표 정의서 개정본.pdf" })).ToBeVisibleAsync();
        await agency.GetByLabel("제출 설명").FillAsync("측정 방법을 넣은 개정본입니다.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "증빙 제출" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "증빙을 제출했습니다" })).ToBeVisibleAsync();

        // ---- The consultant verifies. ----
        await OpenAsync(yoon, $"/recommendations/{firstId}");
        await ExpectBellAsync(yoon, 2);
        await yoon.GetByLabel("검토 의견 (보완 요청 때는 꼭 입력)").FillAsync("확인했습니다.");
        await yoon.GetByRole(AriaRole.Button, new() { Name = "이행 확인" }).ClickAsync();
        await Expect(yoon.GetByRole(AriaRole.Status).Filter(new() { HasText = "이행을 확인했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(yoon, "followup-journey-verified");

        // ---- The agency proposes not adopting the second; the official accepts. ----
        await OpenAsync(agency, $"/recommendations/{secondId}");
        await ExpectBellAsync(agency, 3);
        await agency.GetByLabel("미채택 사유").FillAsync("구청 통합 전산 도입이 예정되어 따로 바꾸지 않습니다.");
        await agency.GetByRole(AriaRole.Button, new() { Name = "미채택 요청" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "미채택" })).ToBeVisibleAsync();

        await OpenAsync(official, $"/recommendations/{secondId}");
        await ExpectBellAsync(official, 1);
        await official.GetByRole(AriaRole.Button, new() { Name = "미채택 승인" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "미채택" })).ToBeVisibleAsync();

        // ---- The agency's portal: one verified of one adopted; "mark all read" clears the bell. ----
        await OpenAsync(agency, "/agency");
        await ExpectBellAsync(agency, 4);
        await Expect(agency.GetByRole(AriaRole.Progressbar, new() { Name = "전체 이행률" })).ToHaveAttributeAsync("aria-valuenow", "100");
        await agency.Locator("#notification-bell").ClickAsync();
        await WaitForCircuitAsync(agency);
        await agency.GetByRole(AriaRole.Button, new() { Name = "모두 읽음으로 표시" }).ClickAsync();
        await ExpectBellAsync(agency, 0);
        await BrowserApp.ScreenshotAsync(agency, "followup-journey-agency-done");

        // ---- Another agency's staff finds nothing of this. ----
        var other = await app.NewPageAsync();
        await SignInAsync(other, OtherStaff, OtherPassword);
        await OpenAsync(other, $"/recommendations/{firstId}");
        await Expect(other.GetByText("권고사항을 찾을 수 없습니다.")).ToBeVisibleAsync();
        await OpenAsync(other, "/recommendations");
        await Expect(other.GetByRole(AriaRole.Link, new() { Name = First, Exact = true })).ToHaveCountAsync(0);

        // ---- Everyone was also told by e-mail, in Korean. ----
        var expected = new Dictionary<string, string>
        {
            [DemoData.OfficialEmail] = "미채택 요청",
            [DemoData.ConsultantEmail] = "이행 증빙 제출",
            [DemoData.AgencyEmail] = "이행 확인",
        };
        foreach (var (to, subject) in expected)
        {
            await WaitForMailAsync(to, subject);
        }
    }

    private async Task<Guid> AgencyIdAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return db.Agencies.Single(a => a.Name == name).Id;
    }

    private static async Task ExpectBellAsync(IPage page, int unread)
    {
        var bell = page.Locator("#notification-bell");
        if (unread == 0)
        {
            await Expect(bell.Locator(".bell-count")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(bell.Locator(".bell-count")).ToHaveTextAsync(unread.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Waits (the sender polls every second) for a message to <paramref name="to"/> whose subject holds <paramref name="subject"/>.</summary>
    private async Task WaitForMailAsync(string to, string subject)
    {
        var seen = new List<string>();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            seen.Clear();
            if (Directory.Exists(app.MailDirectory))
            {
                foreach (var file in Directory.GetFiles(app.MailDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to))
                    {
                        seen.Add(message.Subject ?? "");
                        if (message.Subject?.Contains(subject, StringComparison.Ordinal) == true)
                        {
                            return;
                        }
                    }
                }
            }

            await Task.Delay(500);
        }

        Assert.Fail($"no e-mail to {to} about \"{subject}\"; got: {string.Join(" | ", seen)}");
    }
}
