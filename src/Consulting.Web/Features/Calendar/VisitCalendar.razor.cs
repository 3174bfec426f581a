using Consulting.Domain.Common;
using Consulting.Domain.Visits;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace Consulting.Web.Features.Calendar;

public enum CalendarView { Day, Week, Month }

/// <summary>Which visits a calendar shows, on top of what the service lets the user see.</summary>
public sealed record VisitCalendarScope(Guid? ProgramId = null, Guid? AreaId = null, Guid? ConsultantId = null, Guid? AgencyId = null, string? District = null);

/// <summary>One visit as the scheduler places it: wall-clock times in Seoul, whatever the server's zone.</summary>
public sealed class VisitEntry
{
    public required CalendarVisit Visit { get; init; }

    public DateTime Start { get; init; }

    public DateTime End { get; init; }

    public string Text { get; init; } = "";
}

/// <summary>
/// Month, week and day views of visits (cancelled ones hidden), loaded for the range on screen. Selecting a visit opens
/// it; with <see cref="AllowMove"/> an official drags a visit to a new time under the same rules and warnings as the form.
/// </summary>
public partial class VisitCalendar
{
    private static readonly TimeSpan FirstHour = TimeSpan.FromHours(7);
    private static readonly TimeSpan LastHour = TimeSpan.FromHours(22);

    private readonly FormFeedback feedback = new();
    private RadzenScheduler<VisitEntry>? scheduler;
    private IReadOnlyList<CalendarVisit> visits = [];
    private List<VisitEntry> entries = [];
    private EventCallback<SchedulerAppointmentMoveEventArgs> moveCallback;
    private ISchedulerView? shownView;
    private DateTime rangeStartSeoul;
    private DateTime rangeEndSeoul;
    private VisitCalendarScope? loadedScope;
    private string? notice;

    [Parameter]
    public VisitCalendarScope Scope { get; set; } = new();

    /// <summary>The day the calendar opens on.</summary>
    [Parameter]
    public DateOnly Date { get; set; }

    [Parameter]
    public CalendarView View { get; set; } = CalendarView.Week;

    /// <summary>Officials may drag visits to a new time.</summary>
    [Parameter]
    public bool AllowMove { get; set; }

    /// <summary>Name the consultant on each visit (for officials and agencies; a consultant's own calendar need not).</summary>
    [Parameter]
    public bool ShowConsultant { get; set; }

    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    private DateOnly rangeStart => DateOnly.FromDateTime(rangeStartSeoul);

    // The view's end is exclusive (midnight after its last day).
    private DateOnly rangeEnd => rangeEndSeoul > rangeStartSeoul ? DateOnly.FromDateTime(rangeEndSeoul.AddTicks(-1)) : rangeStart;

    protected override async Task OnParametersSetAsync()
    {
        moveCallback = AllowMove ? EventCallback.Factory.Create<SchedulerAppointmentMoveEventArgs>(this, MoveAsync) : default;
        // A changed filter reloads the range on screen; the first load comes from the scheduler's LoadData.
        if (loadedScope is not null && loadedScope != Scope)
        {
            await FetchAsync();
        }
    }

    private async Task LoadAsync(SchedulerLoadDataEventArgs args)
    {
        shownView = args.View;
        rangeStartSeoul = args.Start;
        rangeEndSeoul = args.End;
        await FetchAsync();
    }

    private async Task FetchAsync()
    {
        loadedScope = Scope;
        if (rangeEndSeoul <= rangeStartSeoul)
        {
            return;
        }

        visits = await Visits.ListAsync(new CalendarQuery(
            SeoulTime.ToUtc(rangeStartSeoul), SeoulTime.ToUtc(rangeEndSeoul),
            Scope.ProgramId, Scope.AreaId, Scope.ConsultantId, Scope.AgencyId, Scope.District));
        entries = [.. visits.Select(v => new VisitEntry
        {
            Visit = v,
            Start = SeoulTime.ToSeoul(v.StartsAtUtc),
            End = SeoulTime.ToSeoul(v.EndsAtUtc),
            Text = TextOf(v),
        })];
    }

    private async Task ReloadAsync()
    {
        await FetchAsync();
        if (scheduler is not null)
        {
            await scheduler.Reload();
        }
    }

    private string TextOf(CalendarVisit v)
    {
        var text = ShowConsultant && v.ConsultantName is { } consultant
            ? L["Calendar.EntryWithConsultant", v.AgencyName, v.AreaName.ToString(), v.Number, v.PlannedVisits, consultant]
            : L["Calendar.Entry", v.AgencyName, v.AreaName.ToString(), v.Number, v.PlannedVisits];
        return L["Calendar.EntryStatus", text.Value, L[$"VisitStatus.{v.Status}"].Value];
    }

    private void OpenVisit(SchedulerAppointmentSelectEventArgs<VisitEntry> args)
    {
        if (args.Data is { } entry)
        {
            Navigation.NavigateTo($"/visits/{entry.Visit.Id}");
        }
    }

    private static void RenderEntry(SchedulerAppointmentRenderEventArgs<VisitEntry> args)
    {
        if (args.Data is null || args.Attributes is null)
        {
            return;
        }

        // Colour repeats what the text says (the status is in every entry's text), so it is never the only cue.
        args.Attributes["class"] = $"visit-entry visit-entry-{args.Data.Visit.Status.ToString().ToLowerInvariant()}";
        args.Attributes["title"] = args.Data.Text;
    }

    private async Task MoveAsync(SchedulerAppointmentMoveEventArgs args)
    {
        notice = null;
        feedback.Clear();
        if (args.Appointment?.Data is not VisitEntry entry)
        {
            return;
        }

        var dropped = entry.Start + args.TimeSpan;
        // A month view's slots are whole days: keep the visit's time of day.
        var start = shownView is RadzenMonthView ? dropped.Date + entry.Start.TimeOfDay : dropped;
        if (start == entry.Start)
        {
            return;
        }

        var visit = entry.Visit;
        var end = start + (entry.End - entry.Start);
        var input = new VisitInput(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(end), visit.Mode, visit.Place);
        ScheduleOutcome? outcome = null;
        await feedback.RunAsync(async () => outcome = await Visits.MoveAsync(visit.Id, input, visit.Version, null), L);
        if (outcome is { Saved: false, Warnings.Count: > 0 })
        {
            var reason = await Dialogs.OpenAsync<MoveWarningsDialog>(
                L["Calendar.WarningsTitle"],
                new Dictionary<string, object?>
                {
                    [nameof(MoveWarningsDialog.Warnings)] = outcome.Warnings,
                    [nameof(MoveWarningsDialog.Visit)] = entry.Text,
                    [nameof(MoveWarningsDialog.NewTime)] = $"{Formats.Date(input.Date)} {start:t}",
                },
                new DialogOptions { CloseDialogOnEsc = true, ShowClose = true }) as string;
            if (!string.IsNullOrWhiteSpace(reason))
            {
                await feedback.RunAsync(async () => outcome = await Visits.MoveAsync(visit.Id, input, visit.Version, reason), L);
            }
        }

        if (outcome is { Saved: true })
        {
            notice = L["Calendar.Moved", entry.Text, $"{Formats.Date(input.Date)} {start:t}"];
        }

        await ReloadAsync();
    }
}
