using Consulting.Domain.Programs;
using Consulting.Web.Components.Display;
using Consulting.Web.Features.Programs;
using FluentValidation;
using FluentValidation.Results;

namespace Consulting.Web.Tests.Components;

public sealed class AreaFieldsTests : IDisposable
{
    private readonly System.Globalization.CultureInfo _previous = System.Globalization.CultureInfo.CurrentUICulture;

    // The messages are read when the save is refused, in the user's language: Korean here.
    public AreaFieldsTests() => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ko-KR");

    public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = _previous;

    private static readonly AreaDraft Area = new() { NameKo = "조직 관리", NameEn = "Organisation management", PlannedVisits = 0 };

    private static Task<string> Render(FormFeedback? feedback) =>
        ComponentRenderer.RenderAsync<AreaFields>(new Dictionary<string, object?>
        {
            [nameof(AreaFields.Prefix)] = "area-0",
            [nameof(AreaFields.Area)] = Area,
            [nameof(AreaFields.Feedback)] = feedback,
        });

    [Fact]
    public async Task EveryInputHasItsLabelAndNoErrorWithoutFeedback()
    {
        var html = await Render(null);

        foreach (var id in new[] { "area-0-name-ko", "area-0-name-en", "area-0-visits", "area-0-topics" })
        {
            Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{id}-error\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSaveMarksTheFieldAndItsTopicItems()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(
            () => throw new ValidationException(
            [
                new ValidationFailure(nameof(AreaInput.PlannedVisits), "range") { ErrorCode = "area.planned-visits-range" },
                new ValidationFailure("Topics[3]", "too long") { ErrorCode = "area.topics-too-many" },
            ]),
            ComponentRenderer.Localizer());

        var html = await Render(feedback);

        Assert.Contains("id=\"area-0-visits\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"area-0-visits\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("id=\"area-0-topics\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("id=\"area-0-name-ko\"[^>]*aria-invalid", html);
        Assert.Contains("<span>계획 방문 횟수는 1회에서 20회 사이여야 합니다.</span>", html, StringComparison.Ordinal);
    }
}
