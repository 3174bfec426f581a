using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Components.Display;

/// <summary>
/// Put inside an EditForm: hands the form's <see cref="FormFeedback"/> field errors to the EditContext. Blazor's
/// InputText, InputSelect … decide aria-invalid from the EditContext alone and drop an aria-invalid given to them, so
/// without this a refused field would never be announced as invalid.
/// </summary>
public sealed class FeedbackValidation : ComponentBase
{
    private EditContext? _context;
    private ValidationMessageStore? _store;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Parameter, EditorRequired]
    public FormFeedback Feedback { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var context = CurrentEditContext
            ?? throw new InvalidOperationException($"{nameof(FeedbackValidation)} belongs inside an EditForm.");
        if (!ReferenceEquals(context, _context))
        {
            _context = context;
            _store = new ValidationMessageStore(context);
        }

        _store!.Clear();
        foreach (var (field, messages) in Feedback.FieldErrors)
        {
            _store.Add(context.Field(field), messages);
        }

        context.NotifyValidationStateChanged();
    }
}
