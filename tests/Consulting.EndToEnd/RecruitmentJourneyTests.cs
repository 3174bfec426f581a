using System.Text.RegularExpressions;
using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Consulting.EndToEnd.Journey;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>
/// The recruitment call in the browser: an agency applies to an open call, the official selects it and the agency
/// reads the decision; and the official runs the seed programme's selection from the overview: starts it, selects seven of
/// the nine applicants, declines two with a reason and starts the programme.
/// </summary>
public class RecruitmentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AgencyAppliesTheOfficialSelectsItAndTheAgencySeesItWasSelected()
    {
        const string programName = "2027 품질관리 컨설팅 추가 모집";
        var today = SeoulTime.Today(TimeProvider.System);
        Guid programId;
        await using (var db = app.Database.CreateContext())
        {
            var program = new ConsultingProgram(
                programName,
                ProgramKind.Consulting,
                today.Year + 1,
                new DateRange(today.AddDays(30), today.AddDays(200)),
                new DateRange(today.AddDays(-3), today.AddDays(10)));
            DefaultAreas.AddTo(program);
            program.OpenRecruitment();
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            programId = program.Id;
        }

        // The agency applies for two areas.
        var agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        await WaitForCircuitAsync(agency);
        await agency.GetByRole(AriaRole.Link, new() { Name = "참여 신청", Exact = true }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = "참여 신청", Level = 1 })).ToBeVisibleAsync();
        var call = agency.GetByRole(AriaRole.Row, new() { Name = programName });
        await Expect(call).ToContainTextAsync("신청 전");
        await call.GetByRole(AriaRole.Link, new() { Name = "신청하기" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Heading, new() { Name = $"{programName} 참여 신청", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(agency);

        // Nothing chosen: the form says what is missing.
        await agency.GetByLabel("담당자 이름").FillAsync("김해솔");
        await agency.GetByRole(AriaRole.Button, new() { Name = "신청서 제출" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await agency.GetByLabel(new Regex("^조직 관리 \\(")).CheckAsync();
        await agency.GetByLabel("조직 관리: 기관의 필요와 현황").FillAsync("인사 규정이 오래되어 정비가 필요합니다.");
        await agency.GetByLabel(new Regex("^사업 기획·평가 \\(")).CheckAsync();
        await agency.GetByLabel("사업 기획·평가: 바라는 변화").FillAsync("성과평가 지표를 사업계획과 연결하고 싶습니다.");
        await agency.GetByLabel("담당자 전화").FillAsync("031-123-4567");
        await agency.GetByRole(AriaRole.Button, new() { Name = "신청서 제출" }).ClickAsync();
        await Expect(agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "신청서를 제출했습니다" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(agency, "agency-application");

        await OpenAsync(agency, "/agency/applications");
        await Expect(agency.GetByRole(AriaRole.Row, new() { Name = programName })).ToContainTextAsync("신청");

        // The official closes the call and selects the agency.
        var official = await app.NewPageAsync();
        await SignInAsync(official, DemoData.OfficialEmail);
        await OpenAsync(official, $"/programs/{programId}");
        await official.GetByRole(AriaRole.Button, new() { Name = "선정 시작" }).ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = "선정 중" })).ToBeVisibleAsync();
        await OpenAsync(official, $"/programs/{programId}/applications");
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = $"{programName} 참여 신청 현황", Level = 1 })).ToBeVisibleAsync();
        var row = official.GetByRole(AriaRole.Row, new() { Name = "해솔 종합사회복지관" });
        await Expect(row).ToContainTextAsync("조직 관리, 사업 기획·평가");
        await row.GetByRole(AriaRole.Button, new() { Name = "선정" }).ClickAsync();
        await Expect(official.GetByText("분야별 배정 2건, 계획 방문 9회")).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // The agency reads the decision.
        await OpenAsync(agency, "/agency/applications");
        await Expect(agency.GetByRole(AriaRole.Row, new() { Name = programName })).ToContainTextAsync("선정");
        await Expect(agency.GetByRole(AriaRole.Row, new() { Name = programName })).Not.ToContainTextAsync("미선정");
    }

    [Fact]
    public async Task OfficialRunsTheSeedSelectionSevenSelectedTwoDeclinedAndStartsTheProgramme()
    {
        Guid programId;
        List<(Guid Id, string Agency)> applicants;
        await using (var db = app.Database.CreateContext())
        {
            programId = await db.Programs.Where(p => p.Name == DemoData.ConsultingProgramName).Select(p => p.Id).SingleAsync();
            applicants = [.. (await (
                    from a in db.Applications
                    join g in db.Agencies on a.AgencyId equals g.Id
                    where a.ProgramId == programId
                    orderby g.Name
                    select new { a.Id, g.Name }).ToListAsync())
                .Select(x => (x.Id, x.Name))];
        }

        Assert.Equal(9, applicants.Count);
        string[] declined = ["늘봄 노인복지관", "새싹키움 지역아동센터"];

        var page = await app.NewPageAsync();
        await SignInAsync(page, DemoData.OfficialEmail);
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoData.ConsultingProgramName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoData.ConsultingProgramName, Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "선정 시작" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "선정 중" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "참여 신청 현황 보기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{DemoData.ConsultingProgramName} 참여 신청 현황", Level = 1 })).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        foreach (var (_, name) in applicants.Where(a => !declined.Contains(a.Agency)))
        {
            var row = page.GetByRole(AriaRole.Row, new() { Name = name });
            await row.GetByRole(AriaRole.Button, new() { Name = "선정" }).ClickAsync();
            await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }

        foreach (var name in declined)
        {
            await page.GetByRole(AriaRole.Row, new() { Name = name }).GetByRole(AriaRole.Link, new() { Name = "검토" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{name}의 참여 신청", Level = 1 })).ToBeVisibleAsync();
            await WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "미선정" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("사유");
            await page.GetByLabel("결정 사유 (미선정 시 필수)").FillAsync("올해 모집 목표 기관 수를 채웠습니다.");
            await page.GetByRole(AriaRole.Button, new() { Name = "미선정" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "미선정으로 결정했습니다" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "신청 현황으로" }).ClickAsync();
            await WaitForCircuitAsync(page);
        }

        await Expect(page.GetByText("목표 7개 기관 중 7개 선정")).ToBeVisibleAsync();
        await Expect(page.GetByText("분야별 배정 28건, 계획 방문 105회")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "official-selection");

        await page.GetByRole(AriaRole.Link, new() { Name = "사업 개요로" }).ClickAsync();
        await WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "사업 시작" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "진행 중" })).ToBeVisibleAsync();

        // Closing asks first; cancelling leaves the programme running.
        await page.GetByRole(AriaRole.Button, new() { Name = "사업 종료" }).ClickAsync();
        await Expect(page.GetByText("사업을 종료할까요?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "취소" }).ClickAsync();
        await Expect(page.GetByText("사업을 종료할까요?")).ToHaveCountAsync(0);

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(28, await db.Engagements.CountAsync(e => e.ProgramId == programId));
            Assert.Equal(105, await db.Engagements.Where(e => e.ProgramId == programId).SumAsync(e => e.PlannedVisits));
        }

        // The demo agency was selected; it cannot open a declined agency's application.
        var agency = await app.NewPageAsync();
        await SignInAsync(agency, DemoData.AgencyEmail);
        var other = applicants.First(a => a.Agency == declined[0]);
        await OpenAsync(agency, $"/applications/{other.Id}");
        await Expect(agency.GetByText(declined[0])).ToHaveCountAsync(0);
        await OpenAsync(agency, $"/programs/{programId}");
        await Expect(agency.GetByRole(AriaRole.Row, new() { Name = "해솔 종합사회복지관" })).ToContainTextAsync("선정");
        await Expect(agency.GetByRole(AriaRole.Row, new() { Name = declined[1] })).ToHaveCountAsync(0);
    }
}
