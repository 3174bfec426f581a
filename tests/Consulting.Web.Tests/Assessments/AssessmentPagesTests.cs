using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;

namespace Consulting.Web.Tests.Assessments;

/// <summary>The self-assessment pages for each role, as served (prerendered) by the app.</summary>
public class AssessmentPagesTests(AssessmentWebFactory app) : IClassFixture<AssessmentWebFactory>
{
    private const string NotFound = "자가진단을 찾을 수 없습니다.";

    private static Task<string> PageAsync(HttpClient client, string path) => ConsultingWebFactory.PageAsync(client, path);

    private static int Count(string html, string text) => Regex.Count(html, Regex.Escape(text));

    [Fact]
    public async Task TheAgencySeesItsHandedInAssessmentsAndTheComparison()
    {
        var s = (await app.ScenarioAsync()).Results;
        var client = await app.SignedInClientAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/engagements/{s.HaesolEngagementId}/assessment");

        Assert.Contains("<h2 id=\"before-heading\">사전 자가진단</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"after-heading\">사후 자가진단</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"comparison-heading\">사전·사후 비교</h2>", html, StringComparison.Ordinal);
        // Read-only: no form, no buttons to fill or rate.
        Assert.DoesNotContain("<select", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">임시 저장</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">컨설턴트 평가 저장</button>", html, StringComparison.Ordinal);
        // The scores with their level's description, and the area means: [2,2,3,2] 2.25 → [4,3,4,4] 3.75, rated 3.25.
        Assert.Contains("<td>3 - 문서는 있으나 실제와 다름</td>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">분야 평균</th>\\s*<td>2.25</td>\\s*<td>3.75</td>\\s*<td>\\+1.50</td>\\s*<td>3.25</td>", html);
        Assert.Contains("<figure class=\"assessment-chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAgencyGetsNotFound()
    {
        var s = (await app.ScenarioAsync()).Results;
        var client = await app.SignedInClientAsync(AssessmentWebFactory.HaetsalStaffEmail, AssessmentWebFactory.HaetsalStaffPassword);

        var other = await PageAsync(client, $"/engagements/{s.HaesolEngagementId}/assessment");
        var own = await PageAsync(client, $"/engagements/{s.HaetsalEngagementId}/assessment");

        Assert.Contains(NotFound, other, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsScenario.Haesol, other, StringComparison.Ordinal);
        Assert.DoesNotContain(NotFound, own, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.Haetsal, own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsultantSeesTheRatingFormBesideTheAgencysScores()
    {
        var s = (await app.ScenarioAsync()).Results;
        var client = await app.SignedInClientAsync(DemoData.ConsultantEmail);

        var html = await PageAsync(client, $"/engagements/{s.HaesolEngagementId}/assessment");

        // Both handed in: a rating form for each, starting from the consultant's earlier rating.
        Assert.Equal(2, Count(html, ">컨설턴트 평가 저장</button>"));
        Assert.Contains("<label for=\"after-rating-score-1\">조직 구조와 업무 분장이 명확하다</label>", html, StringComparison.Ordinal);
        Assert.Contains("기관 점수: 4 - 대부분 갖추고 정기적으로 점검함", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">제출</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgencyFillsAnOpenBeforeAssessmentWithOneLabelledSelectPerIndicator()
    {
        var scenario = await app.ScenarioAsync();
        var client = await app.SignedInClientAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/engagements/{scenario.HaesolOpen}/assessment");

        Assert.Contains("<h2 id=\"before-heading\">사전 자가진단</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">임시 저장</button>", html, StringComparison.Ordinal);
        Assert.Contains(">제출</button>", html, StringComparison.Ordinal);
        var labels = Regex.Matches(html, "<label for=\"before-score-(\\d)\">([^<]+)</label>");
        Assert.NotEmpty(labels);
        foreach (Match label in labels)
        {
            Assert.Contains($"<select id=\"before-score-{label.Groups[1].Value}\"", html, StringComparison.Ordinal);
        }

        Assert.Matches("<option value=\"1\">1 - [^<]+</option>", html);
        Assert.Matches("<option value=\"5\">5 - [^<]+</option>", html);
        Assert.Contains("<label for=\"before-comment-1\">지표 1 의견 (선택)</label>", html, StringComparison.Ordinal);
        // The after-assessment waits for the visits; there is nothing to compare yet.
        Assert.Contains("계획된 방문", html, StringComparison.Ordinal);
        Assert.DoesNotContain("after-score-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("comparison-heading", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgencysListLinksEachAssessmentAndTheSurvey()
    {
        var scenario = await app.ScenarioAsync();
        var s = scenario.Results;
        var client = await app.SignedInClientAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, "/agency/assessments");
        var home = await PageAsync(client, "/agency");

        Assert.Contains("<h1>자가진단과 만족도 조사</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/engagements/{s.HaesolEngagementId}/assessment\">조직 관리 자가진단</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/engagements/{scenario.HaesolOpen}/assessment\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/engagements/{s.HaesolEngagementId}/survey\">응답 완료 (보기)</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/engagements/{scenario.HaesolOpen}/survey", html, StringComparison.Ordinal);
        Assert.DoesNotContain(s.HaetsalEngagementId.ToString(), html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/programs/{s.ProgramId}/agencies/{s.HaesolId}/report\">2025 품질관리 컨설팅 결과보고서 보기</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/programs/{s.ProgramId}/agencies/{s.HaesolId}/report.docx\">DOCX 내려받기</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(s.HaetsalId.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agency/assessments\">작성할 항목", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/agency/assessments\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficialsSeeTheChecklistsWithLevelsAndTheLockedAreaReadOnly()
    {
        var s = (await app.ScenarioAsync()).Results;
        var official = await app.SignedInClientAsync(DemoData.OfficialEmail);
        var agency = await app.SignedInClientAsync(DemoData.AgencyEmail);

        var html = await PageAsync(official, $"/programs/{s.ProgramId}/checklists");
        var refused = await agency.GetAsync($"/programs/{s.ProgramId}/checklists");

        Assert.Contains("<h1>자가진단 지표 관리 · ", html, StringComparison.Ordinal);
        Assert.Contains("<caption>조직 관리 지표와 수준별 설명</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<td>문서는 있으나 실제와 다름</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">5점</th>", html, StringComparison.Ordinal);
        // 조직 관리 is assessed: locked, with the reason; the other areas offer an edit button each.
        Assert.Equal(1, Count(html, "<strong>수정 불가:</strong>"));
        Assert.Contains(">지표 수정</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"조직 관리 지표 수정\"", html, StringComparison.Ordinal);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task TheEngagementPageLinksToTheAssessment()
    {
        var s = (await app.ScenarioAsync()).Results;
        var client = await app.SignedInClientAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, $"/engagements/{s.HaesolEngagementId}");

        Assert.Contains($"<a href=\"/engagements/{s.HaesolEngagementId}/assessment\">자가진단</a>", html, StringComparison.Ordinal);
    }
}
