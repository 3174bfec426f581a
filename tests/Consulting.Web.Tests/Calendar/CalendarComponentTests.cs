using System.Globalization;
using Consulting.Domain.Common;
using Consulting.Domain.Visits;
using Consulting.Web.Features.Calendar;
using Consulting.Web.Tests.Components;
using Microsoft.AspNetCore.Components;


namespace Consulting.Web.Tests.Calendar;

/// <summary>The subscription box and the keyboard list of visits, rendered to HTML in each language.</summary>
public class CalendarComponentTests
{
    private const string FeedUrl = "https://consulting.example.kr/calendar/abc_DEF-123.ics";

    private static readonly CalendarVisit Visit = new(
        Guid.Parse("0197a000-0000-7000-8000-000000000009"), Guid.NewGuid(), 2, 6,
        new DateTime(2025, 6, 11, 5, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 11, 7, 0, 0, DateTimeKind.Utc),
        VisitStatus.Confirmed, VisitMode.OnSite, "3층 회의실", Guid.NewGuid(), "해솔 종합사회복지관", "남동구",
        Guid.NewGuid(), new BilingualName("사업 기획·평가", "Programme planning and evaluation"), Guid.NewGuid(), "윤슬기",
        ChangeRequested: false, Sequence: 1, UpdatedAtUtc: DateTime.UtcNow, Version: 7);

    [Fact]
    public async Task TheSubscriptionBoxShowsTheAddressInALabelledReadOnlyFieldWithItsButtons()
    {
        var html = await ComponentRenderer.RenderAsync<CalendarSubscription>(new()
        {
            [nameof(CalendarSubscription.FeedUrl)] = FeedUrl,
            [nameof(CalendarSubscription.OnRegenerate)] = EventCallback.Empty,
        });

        Assert.Contains("<h2 id=\"feed-heading\">캘린더 구독</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"feed-url\">캘린더 구독 주소</label>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"feed-url\" type=\"text\" readonly value=\"{FeedUrl}\" aria-describedby=\"feed-hint\"", html, StringComparison.Ordinal);
        Assert.Contains(">주소 복사</button>", html, StringComparison.Ordinal);
        Assert.Contains(">새 주소 만들기</button>", html, StringComparison.Ordinal);
        // The warning that the old address stops working comes only after the user asks for a new one.
        Assert.DoesNotContain("작동하지 않습니다", html, StringComparison.Ordinal);
        Assert.Contains("<p role=\"status\"></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSubscriptionBoxSpeaksEnglishInEnglish()
    {
        var html = await ComponentRenderer.RenderAsync<CalendarSubscription>(new()
        {
            [nameof(CalendarSubscription.FeedUrl)] = FeedUrl,
            [nameof(CalendarSubscription.OnRegenerate)] = EventCallback.Empty,
        }, "en-US");

        Assert.DoesNotMatch("[\uAC00-\uD7A3]", html);
        Assert.Contains("<label for=\"feed-url\">Calendar feed address</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitListShowsSeoulTimesTheConsultantAndALinkToEachVisit()
    {
        var html = await ComponentRenderer.RenderAsync<VisitList>(new()
        {
            [nameof(VisitList.Visits)] = new[] { Visit },
            [nameof(VisitList.ShowConsultant)] = true,
            [nameof(VisitList.Caption)] = "6월 둘째 주 방문 목록",
        });

        Assert.Contains("<caption>6월 둘째 주 방문 목록</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2025. 6. 11. (수)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>오후 2:00 ~ 오후 4:00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>해솔 종합사회복지관</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>사업 기획·평가</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2/6회차</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">컨설턴트</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>윤슬기</td>", html, StringComparison.Ordinal);
        Assert.Contains(">확정</span>", html, StringComparison.Ordinal);
        Assert.Contains(
            $"<a href=\"/visits/{Visit.Id}\">열기<span class=\"visually-hidden\"> 해솔 종합사회복지관 사업 기획·평가 2/6회차</span></a>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitListLeavesOutTheConsultantOnTheirOwnCalendarAndSaysWhenTheRangeIsEmpty()
    {
        var own = await ComponentRenderer.RenderAsync<VisitList>(new()
        {
            [nameof(VisitList.Visits)] = new[] { Visit },
            [nameof(VisitList.Caption)] = "caption",
        });
        var empty = await ComponentRenderer.RenderAsync<VisitList>(new()
        {
            [nameof(VisitList.Visits)] = Array.Empty<CalendarVisit>(),
            [nameof(VisitList.Caption)] = "Visits 6/8/2025 ~ 6/14/2025",
        }, "en-US");

        Assert.DoesNotContain("윤슬기", own, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", empty, StringComparison.Ordinal);
        Assert.Contains("Visits 6/8/2025 ~ 6/14/2025: no visits.", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVisitListSpeaksEnglishInEnglish()
    {
        var html = await ComponentRenderer.RenderAsync<VisitList>(new()
        {
            [nameof(VisitList.Visits)] = new[] { Visit },
            [nameof(VisitList.ShowConsultant)] = true,
            [nameof(VisitList.Caption)] = "Visits",
        }, "en-US");

        Assert.Contains("<th scope=\"row\">6/11/2025 (Wed)</th>", html, StringComparison.Ordinal);
        // .NET writes en-US times with a narrow no-break space before PM.
        var english = CultureInfo.GetCultureInfo("en-US");
        Assert.Contains($"<td>{new DateTime(2025, 6, 11, 14, 0, 0).ToString("t", english)} ~ {new DateTime(2025, 6, 11, 16, 0, 0).ToString("t", english)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Programme planning and evaluation</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2 of 6</td>", html, StringComparison.Ordinal);
        Assert.Contains(">Confirmed</span>", html, StringComparison.Ordinal);
    }

    /// <summary>Like ComponentRenderer, with a JS runtime that does nothing (the copy button needs one injected).</summary>
}
