using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.VisitLogs;

public partial class LogRecommendations
{
    /// <summary>How far after the visit a new recommendation falls due unless the consultant says otherwise.</summary>
    private const int DefaultDueDays = 30;

    private readonly FormFeedback feedback = new();
    private RecommendationRow? editing;
    private string? title;
    private string? description;
    private Guid areaId;
    private RecommendationPriority priority = RecommendationPriority.Medium;
    private DateOnly? dueDate;
    private string? evidence;
    private string? notice;

    [Parameter, EditorRequired]
    public Guid LogId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<RecommendationRow> Rows { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<AreaOption> Areas { get; set; } = [];

    /// <summary>The log's own area, the usual subject of what is recommended.</summary>
    [Parameter, EditorRequired]
    public Guid DefaultAreaId { get; set; }

    [Parameter, EditorRequired]
    public DateOnly VisitDay { get; set; }

    /// <summary>Called after a change, for the page to show the list as saved.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override void OnInitialized() => Reset();

    private void Reset()
    {
        editing = null;
        title = null;
        description = null;
        areaId = DefaultAreaId;
        priority = RecommendationPriority.Medium;
        dueDate = VisitDay.AddDays(DefaultDueDays);
        evidence = null;
    }

    private void Edit(RecommendationRow row)
    {
        feedback.Clear();
        notice = null;
        editing = row;
        title = row.Title;
        description = row.Description;
        areaId = row.AreaId;
        priority = row.Priority;
        dueDate = row.DueDate;
        evidence = row.EvidenceExpected;
    }

    private void CancelEdit()
    {
        feedback.Clear();
        Reset();
    }

    /// <summary>After a concurrent change: the list as saved now, and an empty form.</summary>
    private async Task ReloadAsync()
    {
        CancelEdit();
        await OnChanged.InvokeAsync();
    }

    private async Task SaveAsync()
    {
        notice = null;
        var input = new RecommendationInput(title ?? "", description ?? "", areaId, priority, dueDate ?? VisitDay, evidence);
        var ok = false;
        var wasEditing = editing;
        await feedback.RunAsync(async () =>
        {
            if (wasEditing is null)
            {
                await Recommendations.AddAsync(LogId, input);
            }
            else
            {
                await Recommendations.UpdateAsync(wasEditing.Id, input, wasEditing.Version);
            }

            ok = true;
        }, L);
        if (ok)
        {
            Reset();
            notice = L[wasEditing is null ? "RecommendationEditor.Added" : "RecommendationEditor.Updated"];
            await OnChanged.InvokeAsync();
        }
    }

    private async Task RemoveAsync(RecommendationRow row)
    {
        notice = null;
        var ok = false;
        await feedback.RunAsync(async () =>
        {
            await Recommendations.RemoveAsync(row.Id, row.Version);
            ok = true;
        }, L);
        if (ok)
        {
            if (editing?.Id == row.Id)
            {
                Reset();
            }

            notice = L["RecommendationEditor.Removed"];
            await OnChanged.InvokeAsync();
        }
    }
}
