using Consulting.Domain.Recommendations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Recommendations;

/// <summary>
/// One recommendation: its facts, what was asked, the action plan, the evidence, what the current user may do now,
/// and the timeline. Not visible and not there look the same.
/// </summary>
public partial class RecommendationDetailPage
{
    private RecommendationDetail? detail;
    private bool loaded;
    private string? notice;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private FollowUpService FollowUp { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        notice = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        detail = await FollowUp.GetAsync(Id);
        loaded = true;
    }

    /// <summary>After a step: the recommendation as saved now, and what happened, announced.</summary>
    private async Task DoneAsync(string message)
    {
        await LoadAsync();
        notice = message;
    }
}
