using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Engagements;

public partial class AssignmentBoardPage
{
    private readonly FormFeedback feedback = new();
    private ProgramOverview? program;
    private ProgramProgress? progress;
    private IReadOnlyList<EngagementRow> rows = [];
    private IReadOnlyList<ConsultantRow> consultants = [];
    private bool loaded;
    private string? notice;
    private Automatic? confirming;
    private Guid? areaId;
    private Guid? consultantId;
    private bool unassignedOnly;
    private bool behindOnly;

    private enum Automatic
    {
        Assign,
        Schedule,
    }

    [Inject]
    private ProgramService Programs { get; set; } = default!;

    [Inject]
    private AssignmentService Assignments { get; set; } = default!;

    [Inject]
    private VisitService Visits { get; set; } = default!;

    [Inject]
    private ConsultantService Consultants { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid ProgramId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        program = await Programs.GetOverviewAsync(ProgramId);
        loaded = true;
        if (program is null)
        {
            return;
        }

        consultants = (await Consultants.ListAsync(new ConsultantListQuery(Active: null, PageSize: ConsultantListQuery.MaxPageSize))).Rows;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        progress = await Assignments.GetProgressAsync(ProgramId);
        await LoadBoardAsync();
    }

    private async Task LoadBoardAsync() =>
        rows = await Assignments.GetBoardAsync(ProgramId, new AssignmentBoardFilter(areaId, consultantId, unassignedOnly, behindOnly));

    private void Ask(Automatic action)
    {
        notice = null;
        confirming = action;
    }

    private Task RunConfirmedAsync()
    {
        var action = confirming;
        confirming = null;
        notice = null;
        return feedback.RunAsync(async () =>
        {
            if (action == Automatic.Assign)
            {
                var (assigned, unassigned) = await Assignments.AutoAssignAsync(ProgramId);
                notice = L["Board.AutoAssigned", assigned, unassigned];
            }
            else
            {
                var result = await Visits.AutoScheduleAsync(ProgramId);
                notice = L["Board.AutoScheduled", result.Scheduled, result.Unplaced];
            }

            await LoadAsync();
        }, L);
    }
}
