using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Visits;

public partial class VisitDetailPage
{
    private readonly FormFeedback feedback = new();
    private VisitDetail? visit;
    private bool loaded;
    private string? notice;
    private string? callOffReason;
    private string? requestReason;
    private bool confirmingCancel;
    private bool hasLog;

    [Inject]
    private VisitService Visits { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private VisitLogService Logs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid VisitId { get; set; }

    private string Heading => visit is null ? "" : L["VisitPage.Heading", visit.AgencyName, visit.AreaName.In(Formats.IsKorean), visit.Number];

    // A consultant sees only the visits they hold (the service filters), so one who sees it may change it.
    private bool CanChange => CurrentUser.IsOfficial() || CurrentUser.IsConsultant();

    // The visit's consultant writes the log of a held visit; others read it once there is one they may see.
    private bool ShowLogLink => visit is not null && (hasLog || (CurrentUser.IsConsultant() && visit.Status != VisitStatus.Cancelled && visit.Status != VisitStatus.Postponed));

    private bool IsOpen => visit?.Status is VisitStatus.Planned or VisitStatus.Confirmed;

    protected override async Task OnParametersSetAsync()
    {
        visit = await Visits.GetAsync(VisitId);
        hasLog = visit is not null && await Logs.FindForVisitAsync(VisitId) is not null;
        loaded = true;
    }

    private async Task ReloadAsync()
    {
        feedback.Clear();
        visit = await Visits.GetAsync(VisitId);
    }

    private Task ConfirmAsync() => RunAsync(v => Visits.ConfirmAsync(v.Id, v.Version), "VisitPage.Confirmed");

    private Task CompleteAsync() => RunAsync(v => Visits.CompleteAsync(v.Id, v.Version), "VisitPage.Completed");

    private Task PostponeAsync() => RunAsync(v => Visits.PostponeAsync(v.Id, callOffReason ?? "", v.Version), "VisitPage.Postponed");

    private Task CancelAsync() => RunAsync(v => Visits.CancelAsync(v.Id, callOffReason ?? "", v.Version), "VisitPage.Cancelled");

    private Task RequestChangeAsync() => RunAsync(v => Visits.RequestChangeAsync(v.Id, requestReason ?? "", v.Version), "VisitPage.RequestSent");

    private async Task MovedAsync(ScheduleOutcome outcome)
    {
        feedback.Clear();
        notice = L[outcome.Warnings.Count > 0 ? "VisitPage.MovedOverriding" : "VisitPage.Moved"];
        visit = await Visits.GetAsync(VisitId);
    }

    private Task RunAsync(Func<VisitDetail, Task> action, string doneKey)
    {
        confirmingCancel = false;
        notice = null;
        return feedback.RunAsync(async () =>
        {
            await action(visit!);
            callOffReason = null;
            requestReason = null;
            notice = L[doneKey];
            visit = await Visits.GetAsync(VisitId);
        }, L);
    }
}
