using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Testing;

namespace Consulting.Web.Tests.Surveys;

/// <summary>The survey pages and the closing opinion for each role, on the results scenario.</summary>
public class SurveyPagesTests(SurveyWebFactory app) : IClassFixture<SurveyWebFactory>
{
    private const string NotFound = "만족도 조사를 찾을 수 없습니다.";

    private static readonly string[] Questions =
    [
        "컨설턴트의 전문성에 얼마나 만족하십니까?",
        "컨설팅 내용이 기관 운영에 얼마나 유용했습니까?",
        "컨설턴트와의 소통에 얼마나 만족하십니까?",
        "방문 일정이 기관 사정에 얼마나 잘 맞았습니까?",
        "이번 컨설팅에 전반적으로 얼마나 만족하십니까?",
    ];

    private Task<HttpClient> SignedInAsync(string email, string password = DemoData.Password) => app.SignedInClientAsync(email, password);

    private static Task<string> PageAsync(HttpClient client, string path) => ConsultingWebFactory.PageAsync(client, path);

    [Fact]
    public async Task TheAgencyGetsOneRadioGroupPerQuestionACommentBoxAndTheSendButton()
    {
        var s = (await app.ScenarioAsync()).S;
        var client = await SignedInAsync(SurveyWebFactory.HaetsalEmail, SurveyWebFactory.Password);

        var html = await PageAsync(client, $"/engagements/{s.HaetsalEngagementId}/survey");

        Assert.Contains("<h1>만족도 조사: 햇살나무 공동생활가정 조직 관리</h1>", html, StringComparison.Ordinal);
        Assert.All(Questions, q => Assert.Contains($"<legend>{q}</legend>", html, StringComparison.Ordinal));
        Assert.Equal(5, Regex.Count(html, "<fieldset"));
        Assert.Equal(25, Regex.Count(html, "type=\"radio\""));
        Assert.Contains("<label for=\"survey-Expertise-1\">1점 매우 불만족</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"survey-Overall-5\">5점 매우 만족</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"survey-comment\">의견</label>", html, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\"[^>]*>응답 제출</button>", html);
    }

    [Fact]
    public async Task TheAgencyThatAnsweredSeesItsAnswersReadOnly()
    {
        var s = (await app.ScenarioAsync()).S;
        var client = await SignedInAsync(DemoData.AgencyEmail);

        var html = await PageAsync(client, $"/engagements/{s.HaesolEngagementId}/survey");

        Assert.Contains("<h2 id=\"answers-heading\">보낸 응답</h2>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">컨설턴트의 전문성에 얼마나 만족하십니까\\?</th>\\s*<td>5점 매우 만족</td>", html);
        Assert.Matches("<th scope=\"row\">컨설팅 내용이 기관 운영에 얼마나 유용했습니까\\?</th>\\s*<td>4점 만족</td>", html);
        Assert.Contains(ResultsScenario.HaesolSurvey.Comment!, html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"radio\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("응답 제출", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAgencyAndTheConsultantFindNoSurveyAndBeforeTheLastVisitItIsNotOpen()
    {
        var scenario = await app.ScenarioAsync();
        var s = scenario.S;
        var other = await SignedInAsync(SurveyWebFactory.ByeolmaruEmail, SurveyWebFactory.Password);
        var consultant = await SignedInAsync(DemoData.ConsultantEmail);

        var foreign = await PageAsync(other, $"/engagements/{s.HaesolEngagementId}/survey");
        var own = await PageAsync(other, $"/engagements/{scenario.ByeolmaruEngagementId}/survey");
        var asConsultant = await PageAsync(consultant, $"/engagements/{s.HaesolEngagementId}/survey");

        Assert.Contains(NotFound, foreign, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsScenario.HaesolSurvey.Comment!, foreign, StringComparison.Ordinal);
        Assert.Contains(NotFound, asConsultant, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsScenario.HaesolSurvey.Comment!, asConsultant, StringComparison.Ordinal);
        Assert.DoesNotContain("매우 만족", asConsultant, StringComparison.Ordinal);
        Assert.Matches("role=\"status\">만족도 조사는 계획된 방문이 모두 완료된 뒤에 열립니다. \\(현재 0회 / 3회 완료\\)", own);
        Assert.DoesNotContain("type=\"radio\"", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsultantBelowThreeResponsesSeesTheCountAndNoFigures()
    {
        await app.ScenarioAsync();
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = await PageAsync(client, "/consultant/survey");
        var home = await PageAsync(client, "/consultant");

        Assert.Contains("<h1>나의 만족도 조사 결과</h1>", html, StringComparison.Ordinal);
        Assert.Contains("결과는 응답이 3건 이상 모여야 볼 수 있습니다. (현재 1건)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(">\\s*\\d\\.\\d\\d\\s*<", html);
        Assert.Contains("<a href=\"/consultant/survey\">나의 만족도 조사 결과 보기</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/consultant/survey\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficialsSeeTheRateTheMeansPerAreaAndConsultantAndTheComments()
    {
        var s = (await app.ScenarioAsync()).S;
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = await PageAsync(client, $"/programs/{s.ProgramId}/surveys");

        Assert.Matches("<h1>만족도 조사 결과: [^<]+</h1>", html);
        // One of the two finished engagements answered (햇살나무's answer was taken back).
        Assert.Matches("<dt>응답률</dt>\\s*<dd>50%</dd>", html);
        Assert.Contains("<caption>문항별 평균 (5점 만점)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>분야별 문항 평균 (5점 만점)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>컨설턴트별 문항 평균 (5점 만점)</caption>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">조직 관리</th>\\s*<td>1</td>\\s*<td>5.00</td>\\s*<td>4.00</td>\\s*<td>5.00</td>\\s*<td>4.00</td>\\s*<td>5.00</td>", html);
        Assert.Matches("<th scope=\"row\">윤슬기</th>\\s*<td>1</td>\\s*<td>5.00</td>", html);
        Assert.Contains(ResultsScenario.HaesolSurvey.Comment!, html, StringComparison.Ordinal);
        Assert.Contains($"{ResultsScenario.Haesol} · 조직 관리", html, StringComparison.Ordinal);
        Assert.Contains("문항별 평균 막대그래프", html, StringComparison.Ordinal);

        var consultant = await SignedInAsync(DemoData.ConsultantEmail);
        var refused = await consultant.GetAsync($"/programs/{s.ProgramId}/surveys");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task TheClosingOpinionIsEditableByItsConsultantAndReadByOfficialsAndTheAgency()
    {
        var s = (await app.ScenarioAsync()).S;
        var path = $"/engagements/{s.HaesolEngagementId}";

        var consultant = await PageAsync(await SignedInAsync(DemoData.ConsultantEmail), path);
        var official = await PageAsync(await SignedInAsync(DemoData.OfficialEmail), path);
        var agency = await PageAsync(await SignedInAsync(DemoData.AgencyEmail), path);

        Assert.Contains("<label for=\"closing-opinion\">종합 의견</label>", consultant, StringComparison.Ordinal);
        Assert.Contains(ResultsScenario.ClosingOpinion, consultant, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\"[^>]*>종합 의견 저장</button>", consultant);
        foreach (var reader in new[] { official, agency })
        {
            Assert.Contains("<h2 id=\"closing-opinion-heading\">종합 의견</h2>", reader, StringComparison.Ordinal);
            Assert.Contains(ResultsScenario.ClosingOpinion, reader, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"closing-opinion\"", reader, StringComparison.Ordinal);
            Assert.DoesNotContain("종합 의견 저장", reader, StringComparison.Ordinal);
        }

        var notWritten = $"/engagements/{s.HaetsalEngagementId}";
        Assert.Contains("아직 작성되지 않았습니다.", await PageAsync(await SignedInAsync(DemoData.OfficialEmail), notWritten), StringComparison.Ordinal);
        Assert.DoesNotContain(
            "closing-opinion-heading", await PageAsync(await SignedInAsync(SurveyWebFactory.HaetsalEmail, SurveyWebFactory.Password), notWritten), StringComparison.Ordinal);
    }
}
