using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Visits;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Engagements;

public partial class EngagementPage
{
    private readonly FormFeedback feedback = new();
    private EngagementDetail? engagement;
    private IReadOnlyList<Candidate> candidates = [];
    private bool loaded;
    private string? notice;
    private string? assignReason;
    private int? scheduling;

    [Inject]
    private AssignmentService Assignments { get; set; } = default!;

    [Inject]
    private VisitService Visits { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid EngagementId { get; set; }

    private string AreaName => engagement?.AreaName.In(Formats.IsKorean) ?? "";

    private bool CanAssign => CurrentUser.IsOfficial() && engagement is { ProgramClosed: false };

    // The service lets a consultant see only their own engagements, so one who sees it may schedule it.
    private bool CanSchedule =>
        engagement is { ProgramClosed: false, ConsultantId: not null } && (CurrentUser.IsOfficial() || CurrentUser.IsConsultant());

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        loaded = true;
    }

    private async Task LoadAsync()
    {
        engagement = await Visits.GetEngagementAsync(EngagementId);
        candidates = CanAssign ? await Assignments.ListCandidatesAsync(EngagementId) : [];
    }

    private async Task ReloadAsync()
    {
        feedback.Clear();
        await LoadAsync();
    }

    private void StartScheduling(int number)
    {
        notice = null;
        feedback.Clear();
        scheduling = number;
    }

    private async Task ScheduledAsync(ScheduleOutcome outcome)
    {
        notice = L[outcome.Warnings.Count > 0 ? "EngagementPage.ScheduledOverriding" : "EngagementPage.Scheduled", scheduling ?? 0];
        scheduling = null;
        await LoadAsync();
    }

    private Task AssignAsync(Candidate candidate)
    {
        notice = null;
        return feedback.RunAsync(async () =>
        {
            await Assignments.AssignAsync(EngagementId, candidate.ConsultantId, assignReason, engagement!.Version);
            assignReason = null;
            notice = L["EngagementPage.Assigned", candidate.Name];
            await LoadAsync();
        }, L);
    }
}
