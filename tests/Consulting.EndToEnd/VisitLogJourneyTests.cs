using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// A visit log from the phone to the agency: the consultant writes the log of a held visit on a phone (the draft
/// survives a reload), adds two recommendations and a photo, and submits; the official returns it with a comment; the
/// consultant fixes it and submits again; the official approves; the agency reads the log and its recommendations,
/// without the note meant for the official.
/// </summary>
public class VisitLogJourneyTests(VisitLogJourneyTests.OnTwentiethOfJune app) : IClassFixture<VisitLogJourneyTests.OnTwentiethOfJune>
{
    /// <summary>The app on 20 June 2025, after the planned week, so its visits are held and can be logged.</summary>
    public sealed class OnTwentiethOfJune : BrowserApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(FixedClock.At(new DateOnly(2025, 6, 20))));
        }
    }

    private const string Agency = CalendarScenario.Agency;
    private const string Findings = "성과지표가 산출 중심으로만 잡혀 있습니다.\n결과보고서와 사업계획서의 지표가 서로 다릅니다.";
    private const string Advice = "성과지표에 변화 지표를 한 가지 이상 넣도록 권했습니다.\n다음 방문 전까지 지표 정의서를 함께 고치기로 했습니다.";
    private const string NextStep = "기관이 지표 정의서 초안을 보내기로 함";
    private const string Note = "기관장이 평가 결과 공개를 꺼려 함 (담당자 참고용)";
    private const string ReturnComment = "참석한 팀장님 성함도 참석자에 넣어 주세요.";
    private const string FirstTitle = "성과지표 정의서 정비";
    private const string SecondTitle = "결과보고 양식 통일";

    /// <summary>A real 1×1 PNG (a transparent pixel).</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AConsultantLogsAVisitOnAPhoneTheOfficialReturnsThenApprovesItAndTheAgencyReadsIt()
    {
        await CalendarScenario.PlanAsync(app.Database);

        // ---- The consultant, on a phone, opens the first visit's log from the home page. ----
        var phone = await app.NewPhonePageAsync();
        await SignInAsync(phone, DemoData.ConsultantEmail);
        await Expect(phone).ToHaveURLAsync(new Regex("/consultant$"));
        await WaitForCircuitAsync(phone);
        var pending = phone.GetByRole(AriaRole.Region, new() { Name = "기록할 방문" });
        await pending.GetByRole(AriaRole.Link, new() { Name = $"기록 작성 {Agency} 사업 기획·평가 1/6회차" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/visit-logs/[0-9a-f-]{36}/edit$"));
        await WaitForCircuitAsync(phone);
        var logPath = new Uri(phone.Url).AbsolutePath[..^"/edit".Length];
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{Agency} 사업 기획·평가 1회차 방문 기록");

        await phone.GetByRole(AriaRole.Button, new() { Name = "참석자 추가" }).ClickAsync();
        await phone.GetByLabel("참석자 1 이름", new() { Exact = true }).FillAsync("김해솔");
        await phone.GetByLabel("참석자 1 직위", new() { Exact = true }).FillAsync("기획팀 과장");
        await phone.GetByLabel("주요 사업 검토", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("현황 및 문제점 (필수)", new() { Exact = true }).FillAsync(Findings);
        await phone.GetByLabel("자문 내용 (필수)", new() { Exact = true }).FillAsync(Advice);
        await phone.GetByRole(AriaRole.Button, new() { Name = "후속 조치 추가" }).ClickAsync();
        await phone.GetByLabel("후속 조치 1", new() { Exact = true }).FillAsync(NextStep);
        await phone.GetByLabel("담당 공무원에게 남기는 메모", new() { Exact = true }).FillAsync(Note);
        // Saved a moment after the last keystroke (until then it says there are unsaved changes).
        await Expect(SaveStatus(phone)).ToContainTextAsync("저장되지 않은 변경이 있습니다");
        await Expect(SaveStatus(phone)).ToContainTextAsync("저장됨");

        // The phone's layout does not scroll sideways.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the editor scrolls sideways on a phone");
        await BrowserApp.ScreenshotAsync(phone, "visit-log-editor-phone");

        // ---- The draft survives a reload, and the device's copy is not offered: the server holds the same. ----
        await phone.ReloadAsync();
        await WaitForCircuitAsync(phone);
        await Expect(phone.GetByLabel("참석자 1 이름", new() { Exact = true })).ToHaveValueAsync("김해솔");
        await Expect(phone.GetByLabel("참석자 1 직위", new() { Exact = true })).ToHaveValueAsync("기획팀 과장");
        await Expect(phone.GetByLabel("주요 사업 검토", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(phone.GetByLabel("현황 및 문제점 (필수)", new() { Exact = true })).ToHaveValueAsync(Findings);
        await Expect(phone.GetByLabel("자문 내용 (필수)", new() { Exact = true })).ToHaveValueAsync(Advice);
        await Expect(phone.GetByLabel("후속 조치 1", new() { Exact = true })).ToHaveValueAsync(NextStep);
        await Expect(phone.GetByLabel("담당 공무원에게 남기는 메모", new() { Exact = true })).ToHaveValueAsync(Note);
        Assert.Null(await phone.EvaluateAsync<string?>($"() => localStorage.getItem('visit-log-draft:{logPath.Split('/')[^1]}')"));
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "이 기기의 저장되지 않은 내용 복원" })).ToHaveCountAsync(0);

        // ---- Two recommendations. ----
        await AddRecommendationAsync(phone, FirstTitle, "지표 정의서에 산출 지표와 성과 지표를 나누어 적어야 합니다.", "높음", "2025-08-29", "고친 지표 정의서");
        await AddRecommendationAsync(phone, SecondTitle, "사업별 결과보고서의 양식이 달라 비교가 어렵습니다.", "보통", "2025-09-30", "통일한 결과보고 양식");
        var recommendations = phone.GetByRole(AriaRole.Region, new() { Name = "현장 권고사항" });
        await Expect(recommendations.GetByRole(AriaRole.Heading, new() { Name = FirstTitle })).ToBeVisibleAsync();
        await Expect(recommendations.GetByRole(AriaRole.Heading, new() { Name = SecondTitle })).ToBeVisibleAsync();

        // ---- A photo from the phone is attached; an executable named .pdf is refused and not listed. ----
        var files = phone.GetByLabel("파일 또는 사진 첨부", new() { Exact = true });
        await files.SetInputFilesAsync(new FilePayload { Name = "게시판 사진.png", MimeType = "image/png", Buffer = Photo });
        await Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "첨부했습니다: 게시판 사진.png" })).ToBeVisibleAsync();
        var attachments = phone.GetByRole(AriaRole.Table, new() { Name = "첨부 파일 목록" });
        await Expect(attachments.GetByRole(AriaRole.Link, new() { Name = "게시판 사진.png" })).ToBeVisibleAsync();

        await files.SetInputFilesAsync(new FilePayload { Name = "악성.pdf", MimeType = "application/pdf", Buffer = "MZ\u0090\0\u0003\0\0\0"u8.ToArray() });
        var refusal = phone.GetByRole(AriaRole.Alert).Filter(new() { HasText = "첨부하지 못한 파일" });
        await Expect(refusal).ToContainTextAsync("악성.pdf");
        await Expect(refusal).ToContainTextAsync("파일 내용이");
        await Expect(attachments.GetByRole(AriaRole.Link, new() { Name = "악성.pdf" })).ToHaveCountAsync(0);
        await Expect(attachments.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the editor scrolls sideways on a phone once recommendations and files are listed");
        await BrowserApp.ScreenshotAsync(phone, "visit-log-editor-phone-filled");

        // ---- Submitted: the read page shows it handed in. ----
        await phone.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "$"));
        await Expect(phone.GetByText("제출됨", new() { Exact = true })).ToBeVisibleAsync();

        // ---- The official finds it in the queue and returns it with a comment. ----
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await WaitForCircuitAsync(official);
        await OpenFromMenuAsync(official, "방문 기록 검토");
        var queue = official.GetByRole(AriaRole.Table, new() { Name = "검토를 기다리는 방문 기록 (제출 순)" });
        await queue.GetByRole(AriaRole.Link, new() { Name = $"기록 보기 {Agency} 사업 기획·평가 1회차" }).ClickAsync();
        await Expect(official).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "$"));
        await WaitForCircuitAsync(official);
        await official.GetByLabel("검토 의견", new() { Exact = true }).FillAsync(ReturnComment);
        await official.GetByRole(AriaRole.Button, new() { Name = "반려", Exact = true }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "일지를 반려했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(official, "visit-log-returned");

        // ---- The consultant sees the comment at home and in the editor, fixes the log and submits it again. ----
        await OpenAsync(phone, "/consultant");
        var returnedRow = pending.GetByRole(AriaRole.Row).Filter(new() { HasText = "1/6회차" });
        await Expect(returnedRow).ToContainTextAsync("반려됨");
        await Expect(returnedRow).ToContainTextAsync($"보완 요청: {ReturnComment}");
        await returnedRow.GetByRole(AriaRole.Link, new() { Name = $"기록 작성 {Agency} 사업 기획·평가 1/6회차" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "/edit$"));
        await WaitForCircuitAsync(phone);
        var returned = phone.GetByRole(AriaRole.Alert).Filter(new() { HasText = "보완 요청" });
        await Expect(returned).ToContainTextAsync(ReturnComment);
        await BrowserApp.ScreenshotAsync(phone, "visit-log-editor-phone-returned");

        await phone.GetByRole(AriaRole.Button, new() { Name = "참석자 추가" }).ClickAsync();
        await phone.GetByLabel("참석자 2 이름", new() { Exact = true }).FillAsync("박지원");
        await phone.GetByLabel("참석자 2 직위", new() { Exact = true }).FillAsync("기획팀장");
        await phone.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "$"));
        await Expect(phone.GetByText("제출됨", new() { Exact = true })).ToBeVisibleAsync();

        // ---- The official sees it resubmitted, reads the private note, and approves. ----
        await OpenFromMenuAsync(official, "방문 기록 검토");
        var again = queue.GetByRole(AriaRole.Row).Filter(new() { HasText = Agency });
        await Expect(again).ToContainTextAsync("재제출");
        await again.GetByRole(AriaRole.Link, new() { Name = $"기록 보기 {Agency} 사업 기획·평가 1회차" }).ClickAsync();
        await Expect(official).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "$"));
        await WaitForCircuitAsync(official);
        await Expect(official.GetByRole(AriaRole.Region, new() { Name = "담당자 전용 메모" })).ToContainTextAsync(Note);
        await Expect(official.GetByRole(AriaRole.Table, new() { Name = "참석자" })).ToContainTextAsync("박지원");
        await official.GetByRole(AriaRole.Button, new() { Name = "승인", Exact = true }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "일지를 승인했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(official, "visit-log-approved");

        // ---- The agency reads the approved log: the sections, recommendations and photo, but not the note. ----
        var agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        await WaitForCircuitAsync(agency);
        await OpenFromMenuAsync(agency, "방문 기록");
        await agency.GetByRole(AriaRole.Link, new() { Name = $"기록 보기 {Agency} 사업 기획·평가 1회차" }).ClickAsync();
        await Expect(agency).ToHaveURLAsync(new Regex(Regex.Escape(logPath) + "$"));
        await WaitForCircuitAsync(agency);
        var content = agency.GetByRole(AriaRole.Region, new() { Name = "방문 내용" });
        await Expect(content).ToContainTextAsync("결과보고서와 사업계획서의 지표가 서로 다릅니다.");
        await Expect(content).ToContainTextAsync("다음 방문 전까지 지표 정의서를 함께 고치기로 했습니다.");
        await Expect(agency.GetByRole(AriaRole.Region, new() { Name = "후속 조치" })).ToContainTextAsync(NextStep);
        var published = agency.GetByRole(AriaRole.List, new() { Name = "권고사항", Exact = true });
        await Expect(published.GetByRole(AriaRole.Heading, new() { Name = FirstTitle })).ToBeVisibleAsync();
        await Expect(published.GetByRole(AriaRole.Heading, new() { Name = SecondTitle })).ToBeVisibleAsync();
        var photoLink = agency.GetByRole(AriaRole.Link, new() { Name = "게시판 사진.png", Exact = true });
        await Expect(photoLink).ToBeVisibleAsync();
        var download = await agency.Context.APIRequest.GetAsync(await photoLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.Equal(Photo, await download.BodyAsync());
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "담당자 전용 메모" })).ToHaveCountAsync(0);
        Assert.DoesNotContain(Note, await agency.ContentAsync());
        await BrowserApp.ScreenshotAsync(agency, "visit-log-agency");

        // ---- And its list of recommendations holds both. ----
        await OpenFromMenuAsync(agency, "분야별 이행 현황");
        await Expect(agency).ToHaveURLAsync(new Regex("/agency/recommendations$"));
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "권고사항 2건" })).ToBeVisibleAsync();
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = FirstTitle, Exact = true })).ToBeVisibleAsync();
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = SecondTitle, Exact = true })).ToBeVisibleAsync();
        await Expect(agency.GetByRole(AriaRole.Link, new() { Name = $"방문 기록 보기 ('{FirstTitle}' 권고가 나온 기록)" }))
            .ToHaveAttributeAsync("href", logPath);
        Assert.DoesNotContain(Note, await agency.ContentAsync());
        await BrowserApp.ScreenshotAsync(agency, "visit-log-agency-recommendations");
    }

    /// <summary>The editor's save status, found by what it can say.</summary>
    private static ILocator SaveStatus(IPage page) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("저장됨|저장 중|저장되지 않은|저장하지 못했습니다|자동 저장을 멈췄습니다") });

    private static async Task AddRecommendationAsync(IPage page, string title, string description, string priority, string due, string evidence)
    {
        await page.GetByLabel("권고 제목", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("권고 내용과 이유", new() { Exact = true }).FillAsync(description);
        await page.GetByLabel("우선순위", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = priority });
        await page.GetByLabel("완료 기한", new() { Exact = true }).FillAsync(due);
        await page.GetByLabel("기대하는 증빙", new() { Exact = true }).FillAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "권고사항 추가" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "권고사항을 추가했습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("권고 제목", new() { Exact = true })).ToHaveValueAsync("");
    }

    private static async Task OpenFromMenuAsync(IPage page, string item)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
        await WaitForCircuitAsync(page);
    }
}
