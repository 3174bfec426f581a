using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Web.Features.Assessments;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Assessments;

/// <summary>The comparison table: per indicator before, after, the change with its sign in text, the rating, and the mean.</summary>
public class ComparisonTableTests
{
    private static readonly AssessmentComparison Comparison = new(
        [
            new ComparisonRow("a", new BilingualName("조직 구조", "Structure"), 2, 4, 2m, null, 3),
            new ComparisonRow("b", new BilingualName("인사 관리", "Personnel"), 3, 2, -1m, 2, 2),
            new ComparisonRow("c", new BilingualName("새 지표", "New"), null, 4, null, null, null),
        ],
        2.5m, 3.33m, 0.83m, 2m, 2.5m, 0.5m);

    private static Task<string> RenderAsync(string culture = "ko-KR") => ComponentRenderer.RenderAsync<ComparisonTable>(new()
    {
        [nameof(ComparisonTable.Comparison)] = Comparison,
        [nameof(ComparisonTable.AreaName)] = "조직 관리",
    }, culture);

    [Fact]
    public async Task EachIndicatorIsARowWithItsChangeSignedInText()
    {
        var html = await RenderAsync();

        Assert.Contains("<caption>조직 관리 지표별 사전·사후 점수와 분야 평균</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">변화</th>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">1. 조직 구조</th>\\s*<td>2</td>\\s*<td>4</td>\\s*<td>\\+2</td>\\s*<td>3</td>", html);
        Assert.Matches("<th scope=\"row\">2. 인사 관리</th>\\s*<td>3</td>\\s*<td>2</td>\\s*<td>\u22121</td>\\s*<td>사전 2 · 사후 2</td>", html);
        Assert.Matches("<th scope=\"row\">3. 새 지표</th>\\s*<td>없음</td>\\s*<td>4</td>\\s*<td>없음</td>\\s*<td>없음</td>", html);
        Assert.Matches("<th scope=\"row\">분야 평균</th>\\s*<td>2.50</td>\\s*<td>3.33</td>\\s*<td>\\+0.83</td>\\s*<td>사전 2.00 · 사후 2.50</td>", html);
    }

    [Fact]
    public async Task InEnglishTheTextsAreEnglish()
    {
        var html = await RenderAsync("en-US");

        Assert.Contains("<th scope=\"row\">1. Structure</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Change</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>before 2.00 · after 2.50</td>", html, StringComparison.Ordinal);
    }
}
