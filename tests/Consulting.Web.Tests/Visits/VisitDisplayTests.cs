using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Web.Features.Engagements;
using Consulting.Web.Features.Visits;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Visits;

/// <summary>The display pieces of the scheduling pages, rendered with real records in both languages.</summary>
public class VisitDisplayTests
{
    // 2025-06-14 is a Saturday; 10:00 in Seoul is 01:00 UTC.
    private static readonly DateTime SaturdayTen = new(2025, 6, 14, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MondayTen = new(2025, 6, 16, 1, 0, 0, DateTimeKind.Utc);

    private static readonly VisitChangeRow[] History =
    [
        new(new DateTime(2025, 6, 2, 0, 30, 0, DateTimeKind.Utc), VisitChangeKind.Scheduled, "김담당", null, null,
            SaturdayTen, SaturdayTen.AddHours(2), null, VisitStatus.Planned, "기관 행사와 맞추기 위해", ["visit.warning.weekend", "visit.warning.too-soon"]),
        new(new DateTime(2025, 6, 3, 0, 30, 0, DateTimeKind.Utc), VisitChangeKind.Moved, "윤슬기", SaturdayTen, SaturdayTen.AddHours(2),
            MondayTen, MondayTen.AddHours(2), VisitStatus.Planned, VisitStatus.Planned, null, []),
        new(new DateTime(2025, 6, 4, 0, 30, 0, DateTimeKind.Utc), VisitChangeKind.Postponed, "윤슬기", null, null,
            MondayTen, MondayTen.AddHours(2), VisitStatus.Planned, VisitStatus.Postponed, "기관 사정", []),
    ];

    private static Task<string> RenderHistory(string culture) =>
        ComponentRenderer.RenderAsync<VisitHistoryTable>(new Dictionary<string, object?> { [nameof(VisitHistoryTable.History)] = History }, culture);

    [Fact]
    public async Task HistoryShowsOldAndNewTimesInSeoulAndTheOverriddenWarningsAsLabels()
    {
        var html = await RenderHistory("ko-KR");

        Assert.Contains("<th scope=\"row\">일정 등록</th>", html, StringComparison.Ordinal);
        Assert.Contains("2025. 6. 14. (토) 10:00–12:00 → 2025. 6. 16. (월) 10:00–12:00", html, StringComparison.Ordinal);
        Assert.Contains("<td>주말, 이전 회차와 간격 부족</td>", html, StringComparison.Ordinal);
        Assert.Contains("예정 → 연기", html, StringComparison.Ordinal);
        Assert.Contains("기관 사정", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistorySpeaksEnglishInEnglish()
    {
        var html = await RenderHistory("en-US");

        Assert.Contains("<th scope=\"row\">Moved</th>", html, StringComparison.Ordinal);
        Assert.Contains("Weekend, Too soon after the previous visit", html, StringComparison.Ordinal);
        Assert.Contains("Planned → Postponed", html, StringComparison.Ordinal);
        Assert.Contains("6/14/2025 (Sat) 10:00–12:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningListExplainsEachWarningWithItsDetailsInAnAlert()
    {
        IReadOnlyList<VisitWarning> warnings =
        [
            new("visit.warning.weekend", new DateOnly(2025, 6, 14)),
            new("visit.warning.weekly-max", "윤슬기", 5, 4),
        ];

        var html = await ComponentRenderer.RenderAsync<WarningList>(new Dictionary<string, object?> { [nameof(WarningList.Warnings)] = warnings });

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>2025. 6. 14.은(는) 주말입니다.</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>이 방문으로 윤슬기 컨설턴트의 그 주 방문이 5회가 되어 주당 최대 4회를 넘습니다.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningListRendersNothingWithoutWarnings()
    {
        var html = await ComponentRenderer.RenderAsync<WarningList>(
            new Dictionary<string, object?> { [nameof(WarningList.Warnings)] = Array.Empty<VisitWarning>() });

        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
    }

    private static readonly ProgressRow[] ByArea =
    [
        new(Guid.NewGuid(), "조직 관리", new BilingualName("조직 관리", "Organisation management"), 7, 7, 21, 12, 3, 1),
        new(Guid.NewGuid(), "사업 기획·평가", new BilingualName("사업 기획·평가", "Programme planning and evaluation"), 7, 5, 42, 20, 4, 2),
    ];

    [Fact]
    public async Task ProgressTableShowsEachAreaAndTheTotals()
    {
        var html = await ComponentRenderer.RenderAsync<ProgressTable>(new Dictionary<string, object?>
        {
            [nameof(ProgressTable.Rows)] = ByArea,
            [nameof(ProgressTable.Caption)] = "분야별",
            [nameof(ProgressTable.NameHeader)] = "분야",
        });

        Assert.Contains("<th scope=\"row\">사업 기획·평가</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"numeric\">컨설턴트 배정</th>", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">합계</th>\s*<td class=""numeric"">14</td>\s*<td class=""numeric"">12</td>\s*<td class=""numeric"">32</td>\s*<td class=""numeric"">7</td>\s*<td class=""numeric"">63</td>\s*<td class=""numeric"">3</td>", html);
    }

    [Fact]
    public async Task CompactProgressTableLeavesOutTheAssignmentColumnsAndUsesEnglishNames()
    {
        var html = await ComponentRenderer.RenderAsync<ProgressTable>(
            new Dictionary<string, object?>
            {
                [nameof(ProgressTable.Rows)] = ByArea,
                [nameof(ProgressTable.Caption)] = "By area",
                [nameof(ProgressTable.NameHeader)] = "Area",
                [nameof(ProgressTable.Compact)] = true,
            },
            "en-US");

        Assert.Contains("<th scope=\"row\">Programme planning and evaluation</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("With a consultant", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">Total</th>\s*<td class=""numeric"">32</td>", html);
    }

    [Fact]
    public async Task AssignmentHistorySaysWhoWhenByWhomAndWhy()
    {
        AssignmentRow[] rows =
        [
            new(new DateTime(2025, 5, 26, 1, 0, 0, DateTimeKind.Utc), "강하늘", null, "김담당", null),
            new(new DateTime(2025, 6, 1, 1, 0, 0, DateTimeKind.Utc), "윤슬기", "강하늘", "김담당", "강하늘 컨설턴트의 일정 변경"),
        ];

        var html = await ComponentRenderer.RenderAsync<AssignmentHistoryTable>(new Dictionary<string, object?> { [nameof(AssignmentHistoryTable.History)] = rows });

        Assert.Matches(@"<th scope=""row"">윤슬기</th>\s*<td>강하늘</td>\s*<td>김담당</td>\s*<td>강하늘 컨설턴트의 일정 변경</td>", html);
        Assert.Contains("<td>(첫 배정)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidatesShowTheirLoadAndAnAssignButtonNamedForEach()
    {
        Candidate[] candidates =
        [
            new(Guid.NewGuid(), "윤슬기", "가온사회복지연구소", "가온시", 2, 9, 4, 0, 1, false),
            new(Guid.NewGuid(), "강하늘", "한빛경영컨설팅", "가온시", 3, 9, 4, 2, 0, true),
        ];

        var html = await ComponentRenderer.RenderAsync<CandidateTable>(new Dictionary<string, object?> { [nameof(CandidateTable.Candidates)] = candidates });

        Assert.Contains("aria-label=\"윤슬기 배정\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"강하늘 배정\"", html, StringComparison.Ordinal);
        Assert.Contains("현재 배정", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">강하늘</th>\s*<td>한빛경영컨설팅</td>\s*<td>가온시</td>\s*<td class=""numeric"">3</td>\s*<td class=""numeric"">9</td>\s*<td class=""numeric"">4</td>\s*<td class=""numeric"">2</td>", html);
    }
}
