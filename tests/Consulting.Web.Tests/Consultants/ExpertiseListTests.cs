using Consulting.Web.Features.Consultants;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Consultants;

public class ExpertiseListTests
{
    private static Task<string> Render(IReadOnlyList<string> codes, string culture) =>
        ComponentRenderer.RenderAsync<ExpertiseList>(new Dictionary<string, object?> { [nameof(ExpertiseList.Codes)] = codes }, culture);

    [Fact]
    public async Task NamesTheAreasInTheRegistrysOrder()
    {
        var html = await Render(["peer-coaching", "planning-evaluation", "organisation"], "ko-KR");

        Assert.Equal("<span>조직 관리, 사업 기획·평가, 사례관리 동료멘토링(피어코칭)</span>", html.Trim());
    }

    [Fact]
    public async Task SpeaksEnglishInEnglish()
    {
        var html = await Render(["community-organising", "case-management"], "en-US");

        Assert.Equal("<span>Case management, Community organising</span>", html.Trim());
    }

    [Fact]
    public async Task SaysSoWhenThereIsNone()
    {
        var html = await Render([], "ko-KR");

        Assert.Equal("<span>전문 분야 없음</span>", html.Trim());
    }
}
