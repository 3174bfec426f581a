using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Web.Features.VisitLogs;
using Consulting.Web.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>The pieces a log is shown in: text as typed, corrections beside it, recommendations with their terms.</summary>
public class LogReviewDisplayTests
{
    private static readonly LogSection Findings =
        new("findings", "현황 및 문제점", "Findings", null, null, true, "첫째 줄\n<b>둘째</b> 줄");

    private static readonly LogAmendmentRow Correction = new(
        2, "findings", new BilingualName("현황 및 문제점", "Findings"), "고친 내용\n둘째 줄", "자료 추가", "한가람",
        new DateTime(2025, 6, 20, 3, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task ASectionShowsItsTextAsTypedWithLineBreaksAndItsCorrections()
    {
        var html = await ComponentRenderer.RenderAsync<LogSectionView>(new()
        {
            [nameof(LogSectionView.Section)] = Findings,
            [nameof(LogSectionView.HeadingId)] = "s-1",
            [nameof(LogSectionView.Amendments)] = new[] { Correction },
        });

        Assert.Contains("<h3 id=\"s-1\">현황 및 문제점</h3>", html, StringComparison.Ordinal);
        // Decoded, the markup the consultant typed reads as the text it is; it never became an element.
        Assert.Contains("<div class=\"log-text\">첫째 줄\n<b>둘째</b> 줄</div>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>정정 2</strong> · 2025. 6. 20. 오후 12:00 · 한가람", html, StringComparison.Ordinal);
        Assert.Contains("사유:</span> 자료 추가", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkupInASectionIsEncodedNotRendered()
    {
        var raw = await RenderRawAsync();

        Assert.Contains("&lt;b&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASectionInEnglishUsesItsEnglishTitleAndSaysWhenNothingWasWritten()
    {
        var html = await ComponentRenderer.RenderAsync<LogSectionView>(new()
        {
            [nameof(LogSectionView.Section)] = Findings with { Text = "" },
            [nameof(LogSectionView.HeadingId)] = "s-1",
        }, "en-US");

        Assert.Contains("<h3 id=\"s-1\">Findings</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was written here.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("amendment", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAmendmentListSaysWhichSectionOrTheWholeLog()
    {
        var html = await ComponentRenderer.RenderAsync<AmendmentList>(new()
        {
            [nameof(AmendmentList.Amendments)] = new[] { Correction, Correction with { Number = 3, SectionKey = null, Section = null } },
            [nameof(AmendmentList.Label)] = "정정 내역",
        });

        Assert.Contains("<ul class=\"amendments\" aria-label=\"정정 내역\">", html, StringComparison.Ordinal);
        Assert.Contains("항목:</span> 현황 및 문제점", html, StringComparison.Ordinal);
        Assert.Contains("항목:</span> 일지 전체", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"log-text\">고친 내용\n둘째 줄</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecommendationShowsItsTermsAndOnTheAgencysListItsLog()
    {
        var logId = Guid.NewGuid();
        var row = new RecommendationRow(
            Guid.NewGuid(), logId, Guid.NewGuid(), new BilingualName("사업 기획·평가", "Planning and evaluation"), "성과지표 재설계",
            "지표를 다시 정할 것", RecommendationPriority.High, new DateOnly(2025, 9, 30), "수정된 사업계획서", RecommendationStatus.Open,
            DateTime.UtcNow, "윤슬기", 1);

        var html = await ComponentRenderer.RenderAsync<RecommendationList>(new()
        {
            [nameof(RecommendationList.Items)] = new[] { row },
            [nameof(RecommendationList.Label)] = "권고사항",
            [nameof(RecommendationList.ShowLogLink)] = true,
        });
        var onTheLog = await ComponentRenderer.RenderAsync<RecommendationList>(new()
        {
            [nameof(RecommendationList.Items)] = new[] { row },
            [nameof(RecommendationList.Label)] = "권고사항",
        });

        Assert.Contains("<h3>성과지표 재설계</h3>", html, StringComparison.Ordinal);
        Assert.Matches(@"<dt>우선순위</dt>\s*<dd>높음</dd>", html);
        Assert.Contains("<dd>2025. 9. 30.</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>미착수</dd>", html, StringComparison.Ordinal);
        Assert.Contains("수정된 사업계획서", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/visit-logs/{logId}\">방문 기록 보기<span class=\"visually-hidden\"> ('성과지표 재설계' 권고가 나온 기록)</span></a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/visit-logs/", onTheLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentsLinkByNameWithTheirSizeAndPhotosShowAPreview()
    {
        var photo = new AttachmentRow(Guid.NewGuid(), "회의.jpg", FileKind.Jpeg, "image/jpeg", 250_000, "윤슬기", DateTime.UtcNow);
        var sheet = new AttachmentRow(Guid.NewGuid(), "지표.xlsx", FileKind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 3_500_000, "윤슬기", DateTime.UtcNow);

        var html = await ComponentRenderer.RenderAsync<AttachmentList>(new()
        {
            [nameof(AttachmentList.Files)] = new[] { photo, sheet },
        });

        Assert.Contains($"<img class=\"thumbnail\" src=\"/attachments/{photo.Id}?inline=1\" alt=\"회의.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/attachments/{photo.Id}\">회의.jpg</a>", html, StringComparison.Ordinal);
        Assert.Contains("(244.1 KB)", html, StringComparison.Ordinal);
        Assert.Contains("(3.3 MB)", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/attachments/{sheet.Id}?inline=1", html, StringComparison.Ordinal);
    }

    private static async Task<string> RenderRawAsync()
    {
        // RenderAsync decodes entities for reading; this checks the wire form once.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<LogSectionView>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(LogSectionView.Section)] = Findings,
                [nameof(LogSectionView.HeadingId)] = "s-1",
            }));
            return output.ToHtmlString();
        });
    }
}
