using Consulting.Domain.VisitLogs;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>
/// The consultant's log editor. Drafts save themselves (<see cref="Debounce"/> after the last change, at least every
/// <see cref="MaxWait"/> while typing goes on); a concurrent edit stops that and keeps the input. Meanwhile
/// wwwroot/js/visit-log-draft.js copies the form to the device, for text typed while the connection was gone.
/// </summary>
public partial class VisitLogEditPage
{
    private const string FormId = "visit-log-form";
    private const int Debounce = 2000;
    private const int MaxWait = 30_000;

    private readonly FormFeedback feedback = new();
    private readonly SemaphoreSlim saving = new(1, 1);
    private VisitLogView? log;
    private LogDraft draft = new();
    private uint version;
    private bool loaded;
    private string? notice;
    private string? freeTopic;

    private Timer? timer;
    private long firstUnsavedTick;
    private int changes;
    private bool busy;
    private bool autosaveStopped;
    private DateTime? savedAtUtc;

    private IJSObjectReference? module;
    private bool watching;
    private LocalCopy? localCopy;

    [Inject]
    private VisitLogService Logs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid LogId { get; set; }

    private string Heading => log is null ? "" : L["LogEditor.Heading", log.AgencyName, log.Area.In(Formats.IsKorean), log.VisitNumber];

    private bool Unsaved => firstUnsavedTick != 0;

    private string SaveStatus =>
        autosaveStopped ? L["LogEditor.AutosaveStopped"]
        : busy ? L["LogEditor.Saving"]
        : feedback.Failed ? L["LogEditor.NotSaved"]
        : Unsaved ? L["LogEditor.Unsaved"]
        : savedAtUtc is { } at ? L["LogEditor.SavedAt", Formats.Time(at)]
        : "";

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (log is null || module is not null)
        {
            return;
        }

        module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/visit-log-draft.js");
        await CheckLocalCopyAsync();
    }

    private async Task LoadAsync()
    {
        log = await Logs.GetAsync(LogId);
        if (log is null)
        {
            return;
        }

        if (!log.Can.Edit)
        {
            Navigation.NavigateTo($"/visit-logs/{LogId}", replace: true);
            return;
        }

        draft = LogDraft.From(log);
        version = log.Version;
        firstUnsavedTick = 0;
        autosaveStopped = false;
    }

    /// <summary>After a concurrent edit: what is saved now replaces the form; the device's copy of the typing is offered back.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        notice = null;
        timer?.Change(Timeout.Infinite, Timeout.Infinite);
        await LoadAsync();
        await CheckLocalCopyAsync();
    }

    /// <summary>Only for the tickers above the lists: the form and its version stay as they are.</summary>
    private async Task RefreshListsAsync()
    {
        if (await Logs.GetAsync(LogId) is { } fresh)
        {
            log = fresh;
        }
    }

    // ---- the form's rows ----

    /// <summary>Date and time inputs are bound as the text the browser gives (yyyy-MM-dd, HH:mm), which @bind does not allow.</summary>
    private void Set(ChangeEventArgs e, Action<string> assign)
    {
        assign(e.Value as string ?? "");
        Changed();
    }

    private void AddAttendee()
    {
        draft.AddAttendee();
        Changed();
    }

    private void RemoveAttendee(int index)
    {
        draft.Attendees.RemoveAt(index);
        Changed();
    }

    private void AddNextStep()
    {
        draft.AddNextStep();
        Changed();
    }

    private void RemoveNextStep(int index)
    {
        draft.NextSteps.RemoveAt(index);
        Changed();
    }

    private void AddTopic()
    {
        var topic = freeTopic?.Trim();
        if (string.IsNullOrEmpty(topic) || draft.FreeTopics.Contains(topic) || log!.AreaTopics.Contains(topic))
        {
            return;
        }

        draft.FreeTopics.Add(topic);
        freeTopic = null;
        Changed();
    }

    private void RemoveTopic(string topic)
    {
        draft.FreeTopics.Remove(topic);
        Changed();
    }

    // ---- saving ----

    private void Changed()
    {
        changes++;
        var now = Environment.TickCount64;
        if (firstUnsavedTick == 0)
        {
            firstUnsavedTick = now;
        }

        Schedule(now);
    }

    private void Schedule(long now)
    {
        if (autosaveStopped)
        {
            return;
        }

        var delay = Math.Clamp(MaxWait - (now - firstUnsavedTick), 0, Debounce);
        timer ??= new Timer(_ => _ = InvokeAsync(AutosaveAsync));
        timer.Change(delay, Timeout.Infinite);
    }

    private async Task AutosaveAsync()
    {
        try
        {
            if (!autosaveStopped && Unsaved)
            {
                await SaveAsync(submit: false);
                StateHasChanged();
            }
        }
        catch (Exception ex)
        {
            // A timer has no caller to tell: the error goes to the circuit like one from an event handler.
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task SaveDraftAsync() => await SaveAsync(submit: false);

    private async Task SubmitAsync()
    {
        if (await SaveAsync(submit: true))
        {
            Navigation.NavigateTo($"/visit-logs/{LogId}");
        }
    }

    /// <summary>One save at a time; changes typed while it runs are saved by the next one.</summary>
    private async Task<bool> SaveAsync(bool submit)
    {
        await saving.WaitAsync();
        try
        {
            var seen = changes;
            var content = draft.ToContent();
            var fields = draft.ToFields();
            var ok = false;
            busy = true;
            notice = null;
            await feedback.RunAsync(async () =>
            {
                version = submit ? await Logs.SubmitAsync(LogId, content, version) : await Logs.SaveDraftAsync(LogId, content, version);
                ok = true;
            }, L);
            busy = false;
            if (feedback.Conflict)
            {
                autosaveStopped = true;
                timer?.Change(Timeout.Infinite, Timeout.Infinite);
            }

            if (!ok)
            {
                return false;
            }

            savedAtUtc = Clock.GetUtcNow().UtcDateTime;
            if (changes == seen)
            {
                firstUnsavedTick = 0;
            }
            else
            {
                Schedule(Environment.TickCount64);
            }

            // What the server now holds need not stay on the device; text typed meanwhile does (see clearIfSaved).
            if (module is not null && submit)
            {
                await module.InvokeVoidAsync("clear", LogId);
            }
            else if (module is not null)
            {
                await module.InvokeVoidAsync("clearIfSaved", LogId, fields);
            }

            return true;
        }
        finally
        {
            busy = false;
            saving.Release();
        }
    }

    // ---- the device's copy ----

    /// <summary>Offers the device's copy when it is newer than what the server holds and says something else.</summary>
    private async Task CheckLocalCopyAsync()
    {
        if (module is null || log is null)
        {
            return;
        }

        var copy = await module.InvokeAsync<LocalCopyJson?>("read", LogId);
        localCopy = null;
        if (copy is { Fields: not null } && DateTimeOffset.FromUnixTimeMilliseconds((long)copy.SavedAt).UtcDateTime is var at
            && at > log.UpdatedAtUtc && draft.DiffersFrom(copy.Fields))
        {
            localCopy = new LocalCopy(at, copy.Fields);
            StateHasChanged();
            return;
        }

        if (copy is not null)
        {
            await module.InvokeVoidAsync("clear", LogId);
        }

        await WatchAsync();
    }

    private async Task RestoreLocalAsync()
    {
        if (localCopy is null)
        {
            return;
        }

        draft.Apply(localCopy.Fields);
        localCopy = null;
        notice = L["LogEditor.Restored"];
        Changed();
        await WatchAsync();
    }

    private async Task DiscardLocalAsync()
    {
        localCopy = null;
        if (module is not null)
        {
            await module.InvokeVoidAsync("clear", LogId);
        }

        await WatchAsync();
    }

    private async Task WatchAsync()
    {
        if (module is not null && !watching)
        {
            watching = true;
            await module.InvokeVoidAsync("watch", LogId, FormId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }

        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("stop", LogId);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the page and its listeners.
            }
        }

        saving.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record LocalCopy(DateTime SavedAtUtc, IReadOnlyDictionary<string, string> Fields);

    /// <summary>What visit-log-draft.js stores: { savedAt: ms since 1970, fields: { key: value } }.</summary>
    private sealed record LocalCopyJson(double SavedAt, Dictionary<string, string>? Fields);
}
