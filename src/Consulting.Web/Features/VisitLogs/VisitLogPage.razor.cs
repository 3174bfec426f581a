using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>The read view of a visit log for every role, with the official's review and the amendment form when allowed.</summary>
public partial class VisitLogPage
{
    private readonly FormFeedback reviewFeedback = new();
    private readonly FormFeedback amendFeedback = new();
    private VisitLogView? log;
    private bool loaded;
    private string? notice;
    private string? reviewComment;
    private string amendSection = "";
    private string? amendText;
    private string? amendReason;

    [Inject]
    private VisitLogService Logs { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid LogId { get; set; }

    private string Heading => log is null ? "" : L["LogView.Heading", log.AgencyName, log.Area.In(Formats.IsKorean), log.VisitNumber];

    private IReadOnlyList<LogAmendmentRow> WholeLogAmendments =>
        log is null ? [] : [.. log.Amendments.Where(a => a.SectionKey is null || log.Sections.All(s => s.Key != a.SectionKey))];

    protected override async Task OnParametersSetAsync()
    {
        log = await Logs.GetAsync(LogId);
        loaded = true;
    }

    private IReadOnlyList<LogAmendmentRow> AmendmentsOf(string sectionKey) => [.. log!.Amendments.Where(a => a.SectionKey == sectionKey)];

    /// <summary>After a conflict: shows what is saved now and keeps what the user typed in the forms.</summary>
    private async Task ReloadAsync()
    {
        reviewFeedback.Clear();
        amendFeedback.Clear();
        log = await Logs.GetAsync(LogId);
    }

    private Task ApproveAsync() => ReviewAsync(v => Logs.ApproveAsync(v.Id, reviewComment, v.Version), "LogReview.Approved");

    // The domain refuses a return without a comment and says so; the page does not repeat that rule.
    private Task ReturnAsync() => ReviewAsync(v => Logs.ReturnAsync(v.Id, reviewComment ?? "", v.Version), "LogReview.Returned");

    private Task ReviewAsync(Func<VisitLogView, Task> action, string doneKey)
    {
        notice = null;
        return reviewFeedback.RunAsync(async () =>
        {
            await action(log!);
            reviewComment = null;
            notice = L[doneKey];
            log = await Logs.GetAsync(LogId);
        }, L);
    }

    private Task AmendAsync()
    {
        notice = null;
        return amendFeedback.RunAsync(async () =>
        {
            await Logs.AmendAsync(log!.Id, amendSection, amendText ?? "", amendReason ?? "", log.Version);
            amendSection = "";
            amendText = null;
            amendReason = null;
            notice = L["Amendment.Added"];
            log = await Logs.GetAsync(LogId);
        }, L);
    }
}
