using System.Globalization;
using Consulting.Domain.Common;
using Consulting.Web.Components.Display;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Tests.Components;

public sealed class FormFeedbackTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public FormFeedbackTests() => CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;

    private static IStringLocalizer Korean() => ComponentRenderer.Localizer();

    [Fact]
    public async Task AValidationFailureMarksItsFieldAndSaysWhyInKorean()
    {
        var feedback = new FormFeedback();

        await feedback.RunAsync(
            () => throw new ValidationException([new ValidationFailure("Name", "Enter the agency's name.") { ErrorCode = "agency.name-required" }]),
            Korean());

        Assert.Equal(["기관명을 입력하세요."], feedback.Messages);
        Assert.Equal(["기관명을 입력하세요."], feedback.ErrorsOf("Name"));
        Assert.Equal("true", feedback.Invalid("Name"));
        Assert.Null(feedback.Invalid("District"));
        Assert.False(feedback.Conflict);
        Assert.False(feedback.Busy);
    }

    [Fact]
    public async Task AConcurrentEditIsFlaggedAndTheNextSuccessClearsEverything()
    {
        var feedback = new FormFeedback();
        var localizer = Korean();

        await feedback.RunAsync(() => throw new ConcurrencyConflictException("Agency"), localizer);
        Assert.True(feedback.Conflict);
        Assert.Single(feedback.Messages);

        await feedback.RunAsync(() => Task.CompletedTask, localizer);
        Assert.False(feedback.Conflict);
        Assert.Empty(feedback.Messages);
    }

    [Fact]
    public async Task AnUnexpectedErrorIsNotHidden()
    {
        var feedback = new FormFeedback();

        await Assert.ThrowsAsync<InvalidOperationException>(() => feedback.RunAsync(() => throw new InvalidOperationException("bug"), Korean()));
        Assert.False(feedback.Busy);
    }
}
