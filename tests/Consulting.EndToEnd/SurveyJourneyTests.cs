using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// On the results scenario with 햇살나무's answer taken back: its staff answer the survey (a question left out is named,
/// then the answers are sent and shown back), and 윤슬기 writes the closing opinion, meeting a concurrent edit on the way.
/// </summary>
public class SurveyJourneyTests(SurveyJourneyTests.App app) : IClassFixture<SurveyJourneyTests.App>
{
    private const string StaffEmail = "staff@haetsal.journey.test";
    private const string StaffPassword = "Staff!2025journey";

    public sealed class App : BrowserApp
    {
        public FixedClock Clock { get; } = FixedClock.At(ResultsScenario.Today);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task TheAgencyAnswersTheSurveyAndTheConsultantWritesTheClosingOpinion()
    {
        var s = await ResultsScenario.BuildAsync(app.Database);
        app.Clock.Now = s.Clock.Now;
        await using (var db = app.Database.CreateContext())
        {
            db.SurveyResponses.RemoveRange(db.SurveyResponses.Where(r => r.EngagementId == s.HaetsalEngagementId));
            await db.SaveChangesAsync();
        }

        await app.CreateAgencyStaffAsync(ResultsScenario.Haetsal, StaffEmail, StaffPassword);

        var page = await app.NewPageAsync();
        await SignInAsync(page, StaffEmail, StaffPassword);
        await OpenAsync(page, $"/engagements/{s.HaetsalEngagementId}/survey");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("만족도 조사: 햇살나무 공동생활가정 조직 관리");

        async Task ChooseAsync(string question, string answer) =>
            await page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();

        await ChooseAsync("컨설턴트의 전문성에 얼마나 만족하십니까?", "5점 매우 만족");
        await ChooseAsync("컨설팅 내용이 기관 운영에 얼마나 유용했습니까?", "4점 만족");
        await ChooseAsync("컨설턴트와의 소통에 얼마나 만족하십니까?", "4점 만족");
        await ChooseAsync("방문 일정이 기관 사정에 얼마나 잘 맞았습니까?", "3점 보통");
        await page.GetByLabel("의견", new() { Exact = true }).FillAsync("일정 조율이 어려웠지만 도움이 되었습니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "응답 제출" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("응답하지 않은 문항이 있습니다: 전반적 만족도");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "이번 컨설팅에 전반적으로 얼마나 만족하십니까?" })).ToContainTextAsync("이 문항에 응답하세요.");

        await ChooseAsync("이번 컨설팅에 전반적으로 얼마나 만족하십니까?", "4점 만족");
        await page.GetByRole(AriaRole.Button, new() { Name = "응답 제출" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "응답해 주셔서 감사합니다" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "방문 일정이 기관 사정에 얼마나 잘 맞았습니까?" })).ToContainTextAsync("3점 보통");
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "agency-survey-sent");
        await using (var db = app.Database.CreateContext())
        {
            var saved = await db.SurveyResponses.SingleAsync(r => r.EngagementId == s.HaetsalEngagementId);
            Assert.Equal((5, 4, 4, 3, 4), (saved.Expertise, saved.Usefulness, saved.Communication, saved.ScheduleFit, saved.Overall));
            Assert.Equal("일정 조율이 어려웠지만 도움이 되었습니다.", saved.Comment);
        }

        await SignOutAsync(page);
        await SignInAsync(page, DemoData.ConsultantEmail);
        await OpenAsync(page, $"/engagements/{s.HaetsalEngagementId}");
        var opinion = page.GetByRole(AriaRole.Textbox, new() { Name = "종합 의견", Exact = true });
        await opinion.FillAsync("생활 기록 체계가 자리 잡았습니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "종합 의견 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "종합 의견을 저장했습니다" })).ToBeVisibleAsync();

        // Someone else (the same consultant on another device) saves in between: the page says so and keeps the input.
        var elsewhere = new ClosingOpinionService(app.Database.CreateFactory(), s.Consultant, app.Clock);
        await elsewhere.WriteAsync(s.HaetsalEngagementId, "다른 기기에서 고친 의견", (await elsewhere.GetAsync(s.HaetsalEngagementId))!.Version);
        await opinion.FillAsync("인사 규정 개정을 이어가기를 권합니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "종합 의견 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("다른 사용자가 먼저");
        await Expect(opinion).ToHaveValueAsync("인사 규정 개정을 이어가기를 권합니다.");
        await BrowserApp.ScreenshotAsync(page, "consultant-closing-opinion-conflict");
        await page.GetByRole(AriaRole.Button, new() { Name = "최신 내용 불러오기" }).ClickAsync();
        await Expect(opinion).ToHaveValueAsync("다른 기기에서 고친 의견");
        await Expect(page).ToHaveURLAsync(new Regex($"/engagements/{s.HaetsalEngagementId}$"));

        await SignOutAsync(page);
        await SignInAsync(page, DemoData.OfficialEmail);
        await OpenAsync(page, $"/programs/{s.ProgramId}/surveys");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("만족도 조사 결과");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "윤슬기" })).ToContainTextAsync("4.50");
        await Expect(page.Locator("figure.survey-chart svg").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "official-survey-results");
    }
}
