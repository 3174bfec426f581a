using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Assessments;

/// <summary>
/// One engagement's self-assessment: the agency fills the before- and after-assessment (the monitor a round), the
/// consultant rates what was handed in, and everyone who may see the engagement sees before against after. What each
/// person may do comes from the service.
/// </summary>
public partial class AssessmentPage
{
    private EngagementAssessments? view;
    private bool loaded;
    private string? notice;

    [Inject]
    private AssessmentService Assessments { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid EngagementId { get; set; }

    private string AreaName => view?.AreaName.In(Formats.IsKorean) ?? "";

    private string Heading => view is null ? "" : L["Assessment.Heading", view.AgencyName, AreaName];

    /// <summary>The checklist's indicators, unscored, for an assessment nobody has started.</summary>
    private IReadOnlyList<AssessmentItem> Unscored =>
        view is null ? [] : [.. view.Indicators.Select(i => new AssessmentItem(i.Code, i.TextKo, i.TextEn, null, null, null))];

    protected override async Task OnParametersSetAsync()
    {
        view = await Assessments.ForEngagementAsync(EngagementId);
        loaded = true;
    }

    private async Task ReloadAsync()
    {
        notice = null;
        view = await Assessments.ForEngagementAsync(EngagementId);
    }

    private string StateText(PhaseView phase)
    {
        if (phase.Assessment is { Status: AssessmentStatus.Submitted } submitted)
        {
            return L["Assessment.SubmittedBy", Formats.Instant(submitted.SubmittedAtUtc!.Value), submitted.SubmittedByName ?? ""]
                   + (submitted.RatedAtUtc is { } rated ? " " + L["Assessment.RatedBy", Formats.Instant(rated), submitted.RatedByName ?? ""] : "");
        }

        var draft = phase.Assessment is { } a ? L["Assessment.DraftSaved", Formats.Instant(a.UpdatedAtUtc)] + " " : "";
        if (view!.ProgramClosed)
        {
            return draft + L["Assessment.ProgramClosed"];
        }

        if (phase.Open)
        {
            return phase.CanFill ? draft + L["Assessment.OpenNow"] : draft + L[phase.Assessment is null ? "Assessment.NotStarted" : "Assessment.InProgress"];
        }

        return draft + phase.Phase switch
        {
            AssessmentPhase.Before => L["Assessment.BeforeClosed"],
            AssessmentPhase.After => L["Assessment.AfterNotYet", view.PlannedVisits, view.CompletedVisits],
            _ => L["Assessment.NotStarted"],
        };
    }

    private async Task FillAsync(PhaseView phase, IReadOnlyList<ItemScore> scores, bool submit)
    {
        notice = null;
        var version = phase.Assessment?.Version;
        if (submit)
        {
            await Assessments.SubmitAsync(EngagementId, phase.Phase, scores, version);
        }
        else
        {
            await Assessments.SaveDraftAsync(EngagementId, phase.Phase, scores, version);
        }

        view = await Assessments.ForEngagementAsync(EngagementId);
        notice = L[submit ? "Assessment.Submitted" : "Assessment.DraftSavedNotice", L[$"Assessment.Phase.{phase.Phase}"]];

        // The form's own event re-renders the form; the page (state line, comparison) is told here.
        StateHasChanged();
    }

    private async Task RateAsync(PhaseView phase, IReadOnlyList<ItemScore> ratings)
    {
        notice = null;
        await Assessments.RateAsync(EngagementId, phase.Phase, ratings, phase.Assessment!.Version);
        view = await Assessments.ForEngagementAsync(EngagementId);
        notice = L["Assessment.RatingSaved"];
        StateHasChanged();
    }
}
