using System.Globalization;
using Consulting.Domain.Consultants;
using Consulting.Web.Components.Display;
using Consulting.Web.Features.Consultants;
using Consulting.Web.Tests.Components;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Tests.Consultants;

public class UnavailabilitySectionTests
{
    private static Task<string> Render(FormFeedback feedback, string? notice = null) =>
        ComponentRenderer.RenderAsync<UnavailabilitySection>(new Dictionary<string, object?>
        {
            [nameof(UnavailabilitySection.Rows)] = Array.Empty<UnavailabilityRow>(),
            [nameof(UnavailabilitySection.Feedback)] = feedback,
            [nameof(UnavailabilitySection.Notice)] = notice,
            [nameof(UnavailabilitySection.Today)] = new DateOnly(2025, 6, 2),
            [nameof(UnavailabilitySection.OnAdd)] = EventCallback.Factory.Create<UnavailabilityInput>(new object(), _ => { }),
            [nameof(UnavailabilitySection.OnRemove)] = EventCallback.Factory.Create<UnavailabilityRow>(new object(), _ => { }),
        });

    private static async Task<FormFeedback> RefusedAsync(Exception refusal)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");
        try
        {
            var feedback = new FormFeedback();
            await feedback.RunAsync(() => throw refusal, ComponentRenderer.Localizer());
            return feedback;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task StartsOnTodayWithLabelledFieldsAndTheKinds()
    {
        var html = await Render(new FormFeedback());

        Assert.Contains("<label for=\"unavailability-start\">시작일", html, StringComparison.Ordinal);
        Assert.Contains("id=\"unavailability-start\" type=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-06-02\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Vacation\" selected>휴가</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"OtherCommitment\">다른 일정</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsMarkedOnTheEndField()
    {
        var feedback = await RefusedAsync(new ValidationException(
            [new ValidationFailure(nameof(UnavailabilityInput.End), "The end date comes before the start date.") { ErrorCode = "range.end-before-start" }]));

        var html = await Render(feedback);

        Assert.Matches("id=\"unavailability-end\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"unavailability-end-error\"", html);
        Assert.Contains("<div id=\"unavailability-end-error\" class=\"field-error\"><span>종료일이 시작일보다 빠릅니다.</span>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"unavailability-start\"[^>]*aria-invalid", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverlapIsSaidInTheAlertAndADoneChangeInTheStatus()
    {
        var refused = await RenderRefusedAsync();
        Assert.Contains("이미 등록한 날짜와 겹칩니다.", refused, StringComparison.Ordinal);

        var done = await Render(new FormFeedback(), notice: "날짜를 추가했습니다.");
        Assert.Contains("<p class=\"notice\" role=\"status\">날짜를 추가했습니다.</p>", done, StringComparison.Ordinal);
    }

    private static async Task<string> RenderRefusedAsync() =>
        await Render(await RefusedAsync(new Domain.Common.DomainException("unavailability.overlaps", "Those dates overlap dates already declared.")));
}
