using System.Globalization;
using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Recommendations;

/// <summary>
/// The forms of the steps in <see cref="RecommendationDetail.Steps"/>. Each step is checked against the version shown;
/// a refusal keeps what was typed, and after success the page reloads the recommendation and announces what happened.
/// </summary>
public partial class RecommendationActions
{
    private readonly FormFeedback planFeedback = new();
    private readonly FormFeedback progressFeedback = new();
    private readonly FormFeedback submitFeedback = new();
    private readonly FormFeedback reviewFeedback = new();
    private readonly FormFeedback decideFeedback = new();
    private readonly FormFeedback proposeFeedback = new();
    private readonly FormFeedback extendFeedback = new();

    private string? planWhat;
    private string? planOwner;
    private DateOnly? planDate;
    private string? progressNote;
    private string? submitNote;
    private string? reviewComment;
    private string? decideComment;
    private string? proposeReason;
    private DateOnly? extendDate;
    private string? extendReason;
    private int evidenceCount;

    [Parameter, EditorRequired]
    public RecommendationDetail Detail { get; set; } = default!;

    /// <summary>Called with the message to announce after a step was taken.</summary>
    [Parameter, EditorRequired]
    public EventCallback<string> OnDone { get; set; }

    /// <summary>Shows what is saved now (after a concurrent change).</summary>
    [Parameter]
    public EventCallback OnReload { get; set; }

    private DateOnly Today => SeoulTime.Today(Clock);

    private uint Version => Detail.Row.Version;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override void OnInitialized()
    {
        // Revising starts from the plan as it stands.
        planWhat = Detail.PlanWhat;
        planOwner = Detail.Row.PlanOwner;
        planDate = Detail.PlanDueDate;
        evidenceCount = Detail.Evidence.Count;
    }

    protected override void OnParametersSet()
    {
        // A file added since "attach evidence first" was said makes that message stale.
        if (Detail.Evidence.Count != evidenceCount)
        {
            submitFeedback.Clear();
            evidenceCount = Detail.Evidence.Count;
        }
    }

    private bool Can(RecommendationStep step) => Detail.Steps.Contains(step);

    private Task PlanAsync() => StepAsync(planFeedback, "FollowUpForm.PlanSaved", () =>
        FollowUp.PlanAsync(Detail.Row.Id, new ActionPlanInput(planWhat ?? "", planOwner ?? "", Required(planDate)), Version));

    private Task ProgressAsync() => StepAsync(progressFeedback, "FollowUpForm.ProgressSaved", () =>
        FollowUp.AddProgressAsync(Detail.Row.Id, progressNote ?? "", Version));

    private Task SubmitAsync() => StepAsync(submitFeedback, "FollowUpForm.Submitted", () =>
        FollowUp.SubmitAsync(Detail.Row.Id, submitNote ?? "", Version));

    private Task VerifyAsync() => StepAsync(reviewFeedback, "FollowUpForm.Verified", () =>
        FollowUp.VerifyAsync(Detail.Row.Id, reviewComment, Version));

    private Task ReturnAsync() => StepAsync(reviewFeedback, "FollowUpForm.Returned", () =>
        FollowUp.ReturnAsync(Detail.Row.Id, reviewComment ?? "", Version));

    private Task AcceptAsync() => StepAsync(decideFeedback, "FollowUpForm.Accepted", () =>
        FollowUp.AcceptNotAdoptedAsync(Detail.Row.Id, decideComment, Version));

    private Task RejectAsync() => StepAsync(decideFeedback, "FollowUpForm.Rejected", () =>
        FollowUp.RejectNotAdoptedAsync(Detail.Row.Id, decideComment ?? "", Version));

    private Task ProposeAsync() => StepAsync(proposeFeedback, "FollowUpForm.Proposed", () =>
        FollowUp.ProposeNotAdoptedAsync(Detail.Row.Id, proposeReason ?? "", Version));

    private Task ExtendAsync() => StepAsync(extendFeedback, "FollowUpForm.Extended", () =>
        FollowUp.ExtendDueAsync(Detail.Row.Id, Required(extendDate), extendReason ?? "", Version));

    /// <summary>A date input left empty is refused before the service is asked.</summary>
    private static DateOnly Required(DateOnly? date) =>
        date ?? throw new DomainException("followup.date-required", "Enter a date.");

    private async Task StepAsync(FormFeedback feedback, string doneKey, Func<Task<uint>> step)
    {
        var ok = false;
        await feedback.RunAsync(async () =>
        {
            await step();
            ok = true;
        }, L);
        if (ok)
        {
            await OnDone.InvokeAsync(L[doneKey]);
        }
    }
}
