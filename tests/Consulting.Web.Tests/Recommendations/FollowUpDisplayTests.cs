using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Web.Features.Recommendations;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Recommendations;

/// <summary>The pieces the follow-up is shown with: the progress bar, the status with "overdue" in words, the timeline.</summary>
public class FollowUpDisplayTests
{
    private static readonly DateTime At = new(2025, 6, 20, 1, 0, 0, DateTimeKind.Utc);

    private static FollowUpRow Row(RecommendationStatus status, bool overdue = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "해솔", Guid.NewGuid(), new BilingualName("사업 기획·평가", "Planning"), Guid.NewGuid(),
        Guid.NewGuid(), "제목", RecommendationPriority.High, new DateOnly(2025, 9, 30), status, overdue, null, null, At, 1);

    private static readonly FollowUpRow[] Rows =
    [
        Row(RecommendationStatus.Verified),
        Row(RecommendationStatus.NotAdopted),
        Row(RecommendationStatus.Open, overdue: true),
        Row(RecommendationStatus.Submitted),
    ];

    [Fact]
    public async Task TheProgressBarCountsVerifiedOfAdoptedInTextAndForAssistiveTechnology()
    {
        var html = await ComponentRenderer.RenderAsync<FollowUpProgressBar>(new()
        {
            [nameof(FollowUpProgressBar.Progress)] = FollowUpProgress.Of(Rows),
            [nameof(FollowUpProgressBar.Label)] = "사업 기획·평가",
        });

        // One verified of the three not set aside (the not-adopted one is left out).
        Assert.Contains("<span>이행 1/3 (33%)</span>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"progressbar\" aria-label=\"사업 기획·평가 이행률\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"33\" aria-valuetext=\"이행 1/3 (33%)\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"overdue-badge\">기한 지남 1건</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<span> · 확인 대기 1건</span>", html, StringComparison.Ordinal);
        Assert.Contains("미채택 1건 제외", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProgressBarWithNothingOverdueSaysNothingAboutIt()
    {
        var html = await ComponentRenderer.RenderAsync<FollowUpProgressBar>(new()
        {
            [nameof(FollowUpProgressBar.Progress)] = FollowUpProgress.Of([Row(RecommendationStatus.Verified), Row(RecommendationStatus.Verified)]),
            [nameof(FollowUpProgressBar.Label)] = "Overall",
        }, "en-US");

        Assert.Contains("<span>Verified 2/2 (100%)</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-valuenow=\"100\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", html.Replace("overdue-badge", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheStatusBadgeSaysOverdueInWords(bool overdue)
    {
        var html = await ComponentRenderer.RenderAsync<RecommendationStatusBadge>(new()
        {
            [nameof(RecommendationStatusBadge.Status)] = RecommendationStatus.InProgress,
            [nameof(RecommendationStatusBadge.Overdue)] = overdue,
        });

        Assert.Contains("<span class=\"status status-rec-inprogress\">추진 중</span>", html, StringComparison.Ordinal);
        Assert.Equal(overdue, html.Contains("<strong class=\"overdue-badge\">기한 지남</strong>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTimelineListsTheStepsInOrderWithWhoWhenAndWhatWasSaid()
    {
        TimelineEntry[] entries =
        [
            new(RecommendationEventKind.Published, RecommendationStatus.Open, RecommendationStatus.Open, "한가람", null, null, null, null, At),
            new(RecommendationEventKind.Planned, RecommendationStatus.Open, RecommendationStatus.Planned, "서다온", "양식을 고친다", "김담당",
                new DateOnly(2025, 8, 31), null, At.AddHours(1)),
            new(RecommendationEventKind.DueDateExtended, RecommendationStatus.Planned, RecommendationStatus.Planned, "한가람", "예산 일정",
                null, new DateOnly(2025, 10, 31), new DateOnly(2025, 9, 30), At.AddHours(2)),
        ];

        var html = await ComponentRenderer.RenderAsync<RecommendationTimeline>(new()
        {
            [nameof(RecommendationTimeline.Entries)] = entries,
        });

        Assert.StartsWith("<ol class=\"timeline\">", html.Trim(), StringComparison.Ordinal);
        var published = html.IndexOf("<strong>기관에 전달</strong>", StringComparison.Ordinal);
        var planned = html.IndexOf("<strong>조치 계획 수립</strong>", StringComparison.Ordinal);
        var extended = html.IndexOf("<strong>기한 연장</strong>", StringComparison.Ordinal);
        Assert.True(published >= 0 && published < planned && planned < extended, "oldest first");
        Assert.Contains("<span>서다온</span>", html, StringComparison.Ordinal);
        Assert.Contains("2025. 6. 20. 오전 11:00", html, StringComparison.Ordinal);
        Assert.Contains("상태: 미착수 → 계획 수립", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"log-text\">양식을 고친다</div>", html, StringComparison.Ordinal);
        Assert.Contains("<p>담당자: 김담당</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>완료 예정일: 2025. 8. 31.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>새 기한: 2025. 10. 31. (이전 기한 2025. 9. 30.)</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyTimelineSaysSo()
    {
        var html = await ComponentRenderer.RenderAsync<RecommendationTimeline>(new()
        {
            [nameof(RecommendationTimeline.Entries)] = Array.Empty<TimelineEntry>(),
        }, "en-US");

        Assert.Contains("Nothing recorded yet.", html, StringComparison.Ordinal);
    }
}
