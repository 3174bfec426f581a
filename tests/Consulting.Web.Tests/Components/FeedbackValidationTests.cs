using System.Linq.Expressions;
using Consulting.Web.Components.Display;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Consulting.Web.Tests.Components;

/// <summary>Blazor's inputs mark a field aria-invalid only from the EditContext: the form's refusals must reach it.</summary>
public class FeedbackValidationTests
{
    [Fact]
    public async Task ARefusedFieldIsMarkedInvalidAndTheOthersAreNot()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(
            () => throw new ValidationException([new ValidationFailure(nameof(Model.Name), "Enter a name.") { ErrorCode = "agency.name-required" }]),
            ComponentRenderer.Localizer());

        var html = await ComponentRenderer.RenderAsync<Form>(new() { [nameof(Form.Feedback)] = feedback });

        Assert.Matches("<input[^>]*id=\"name\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("<input[^>]*id=\"district\"[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task WithoutRefusalsNoFieldIsInvalid()
    {
        var html = await ComponentRenderer.RenderAsync<Form>(new() { [nameof(Form.Feedback)] = new FormFeedback() });

        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
    }

    public sealed class Model
    {
        public string? Name { get; set; }

        public string? District { get; set; }
    }

    /// <summary>An EditForm with two InputTexts and the feedback bridge, as the app's forms use them.</summary>
    public sealed class Form : ComponentBase
    {
        private readonly Model _model = new();

        [Parameter]
        public FormFeedback Feedback { get; set; } = new();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<EditForm>(0);
            builder.AddAttribute(1, nameof(EditForm.Model), _model);
            builder.AddAttribute(2, nameof(EditForm.ChildContent), (RenderFragment<EditContext>)(_ => inner =>
            {
                inner.OpenComponent<FeedbackValidation>(0);
                inner.AddAttribute(1, nameof(FeedbackValidation.Feedback), Feedback);
                inner.CloseComponent();
                inner.OpenRegion(2);
                Input(inner, "name", () => _model.Name);
                inner.CloseRegion();
                inner.OpenRegion(3);
                Input(inner, "district", () => _model.District);
                inner.CloseRegion();
            }));
            builder.CloseComponent();
        }

        private static void Input(RenderTreeBuilder builder, string id, Expression<Func<string?>> field)
        {
            builder.OpenComponent<InputText>(0);
            builder.AddAttribute(1, "id", id);
            builder.AddAttribute(2, nameof(InputText.Value), field.Compile()());
            builder.AddAttribute(3, nameof(InputText.ValueExpression), field);
            builder.CloseComponent();
        }
    }
}
