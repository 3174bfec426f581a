using Consulting.Domain.Visits;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Visits;

public partial class VisitForm
{
    private readonly FormFeedback feedback = new();
    private DateOnly? date;
    private TimeOnly? start;
    private TimeOnly? end;
    private VisitMode mode;
    private string? place;
    private string? reason;
    private IReadOnlyList<VisitWarning> warnings = [];
    private bool incomplete;
    private bool reasonMissing;

    /// <summary>Makes the ids unique when a page holds more than one form.</summary>
    [Parameter, EditorRequired]
    public string IdPrefix { get; set; } = "visit";

    [Parameter, EditorRequired]
    public string SubmitLabel { get; set; } = "";

    /// <summary>The time the form starts from (the visit's current one when moving).</summary>
    [Parameter]
    public VisitInput? Initial { get; set; }

    /// <summary>Schedules or moves with the input and, after warnings, the reason to override them.</summary>
    [Parameter, EditorRequired]
    public Func<VisitInput, string?, Task<ScheduleOutcome>> Save { get; set; } = default!;

    [Parameter]
    public EventCallback<ScheduleOutcome> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    [Parameter]
    public EventCallback OnReload { get; set; }

    protected override void OnInitialized()
    {
        date = Initial?.Date;
        start = Initial?.Start ?? new TimeOnly(10, 0);
        end = Initial?.End ?? new TimeOnly(12, 0);
        mode = Initial?.Mode ?? VisitMode.OnSite;
        place = Initial?.Place;
    }

    private string? Missing(object? value) => incomplete && value is null ? "true" : null;

    // Warnings belong to the time they were found for; a new time must be checked again before it can be saved.
    private void InputChanged()
    {
        warnings = [];
        reasonMissing = false;
    }

    private Task SubmitAsync() => SaveAsync(null);

    private Task SaveAnywayAsync()
    {
        reasonMissing = string.IsNullOrWhiteSpace(reason);
        return reasonMissing ? Task.CompletedTask : SaveAsync(reason);
    }

    private async Task SaveAsync(string? why)
    {
        incomplete = date is null || start is null || end is null;
        if (incomplete)
        {
            return;
        }

        var input = new VisitInput(date!.Value, start!.Value, end!.Value, mode, string.IsNullOrWhiteSpace(place) ? null : place.Trim());
        ScheduleOutcome? saved = null;
        await feedback.RunAsync(async () =>
        {
            var outcome = await Save(input, why);
            warnings = outcome.Saved ? [] : outcome.Warnings;
            saved = outcome.Saved ? outcome : null;
        }, L);
        if (saved is not null)
        {
            reason = null;
            await OnSaved.InvokeAsync(saved);
        }
    }
}
