using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Web.Features.Recruitment;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Recruitment;

public class ApplicationSummaryTests
{
    private static ApplicationDetail Declined() => new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "2025 품질관리 컨설팅",
        Guid.NewGuid(),
        "늘봄 노인복지관",
        "노인복지관",
        "Senior welfare centre",
        "가온시 누리구",
        ApplicationStatus.Declined,
        "김늘봄",
        "031-000-0000",
        null,
        new DateTime(2025, 5, 2, 1, 0, 0, DateTimeKind.Utc),
        "올해 모집 목표 기관 수를 채웠습니다.",
        new DateTime(2025, 5, 20, 1, 0, 0, DateTimeKind.Utc),
        [
            new RequestedArea(Guid.NewGuid(), "조직 관리", "Organisation management", 3, "인사 규정 정비", null),
            new RequestedArea(Guid.NewGuid(), "사업 기획·평가", "Programme planning and evaluation", 6, null, "성과평가 연계"),
        ],
        1);

    private static Task<string> Render(string culture) =>
        ComponentRenderer.RenderAsync<ApplicationSummary>(
            new Dictionary<string, object?> { [nameof(ApplicationSummary.Application)] = Declined() }, culture);

    [Fact]
    public async Task ShowsTheDecisionItsReasonAndEachAreaInKorean()
    {
        var html = await Render("ko-KR");

        Assert.Contains("<dd>미선정</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>결정 사유</dt>", html, StringComparison.Ordinal);
        Assert.Contains("올해 모집 목표 기관 수를 채웠습니다.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">사업 기획·평가 (6회)</th>", html, StringComparison.Ordinal);
        Assert.Contains("늘봄 노인복지관 (노인복지관, 가온시 누리구)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesEnglishNamesInEnglish()
    {
        var html = await Render("en-US");

        Assert.Contains("<dd>Declined</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Programme planning and evaluation", html, StringComparison.Ordinal);
        Assert.Contains("(Senior welfare centre, 가온시 누리구)", html, StringComparison.Ordinal);
    }
}
