using Consulting.Domain.Programs;
using Consulting.Web.Features.Programs;

namespace Consulting.Web.Tests.Components;

public class AreaTableTests
{
    private static readonly IReadOnlyList<AreaSummary> Areas =
    [
        .. DefaultAreas.Consulting.Select(t => new AreaSummary(Guid.NewGuid(), t.Code, t.NameKo, t.NameEn, t.PlannedVisits, t.Topics)),
    ];

    private static Task<string> Render(string culture) =>
        ComponentRenderer.RenderAsync<AreaTable>(new Dictionary<string, object?>
        {
            [nameof(AreaTable.Areas)] = Areas,
            [nameof(AreaTable.Caption)] = "분야별 계획",
        }, culture);

    [Fact]
    public async Task ListsEachAreaWithItsPlannedVisitsInKorean()
    {
        var html = await Render("ko-KR");

        Assert.Contains("<caption>분야별 계획</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">사업 기획·평가</th>", html, StringComparison.Ordinal);
        Assert.Contains("6회", html, StringComparison.Ordinal);
        Assert.Contains("사례관리 매뉴얼", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotalsThePlannedVisits()
    {
        var html = await Render("ko-KR");

        Assert.Contains("<th scope=\"row\">합계</th>", html, StringComparison.Ordinal);
        Assert.Contains("15회", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesEnglishNamesAndTextInEnglish()
    {
        var html = await Render("en-US");

        Assert.Contains("<th scope=\"row\">Programme planning and evaluation</th>", html, StringComparison.Ordinal);
        Assert.Contains("15 visits", html, StringComparison.Ordinal);
        Assert.DoesNotContain("합계", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersAreScopedForScreenReaders()
    {
        var html = await Render("ko-KR");

        Assert.Equal(3, CountOf(html, "scope=\"col\""));
        Assert.Equal(Areas.Count + 1, CountOf(html, "scope=\"row\""));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
