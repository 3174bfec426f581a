using Consulting.Domain.Assessments;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Assessments;

/// <summary>
/// 자가진단 지표 관리: officials see each area's indicators with the five levels described, and edit one area at a time
/// (add, remove, reorder, change the texts) until an assessment of the area is handed in. A refused save keeps what was typed.
/// </summary>
public partial class ChecklistsPage
{
    private const string NewCodePrefix = "custom-";

    private readonly FormFeedback feedback = new();
    private ChecklistsView? view;
    private bool loaded;
    private string? notice;
    private AreaDraft? editing;

    [Inject]
    private AssessmentService Assessments { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid ProgramId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        view = await Assessments.ChecklistsAsync(ProgramId);
        loaded = true;
    }

    private void Edit(ChecklistArea area)
    {
        notice = null;
        feedback.Clear();
        editing = new AreaDraft(area.AreaId, area.Version, [.. area.Indicators.Select(IndicatorDraft.From)]);
    }

    private void Cancel()
    {
        feedback.Clear();
        editing = null;
    }

    private void Add() => editing!.Indicators.Add(new IndicatorDraft { Code = NewCodePrefix + Guid.NewGuid().ToString("N")[..8] });

    private void Remove(int index) => editing!.Indicators.RemoveAt(index);

    private void Move(int index, int by)
    {
        var list = editing!.Indicators;
        var target = index + by;
        if (target < 0 || target >= list.Count)
        {
            return;
        }

        (list[index], list[target]) = (list[target], list[index]);
    }

    /// <summary>After a concurrent edit: drop the draft and show what is saved now.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        editing = null;
        view = await Assessments.ChecklistsAsync(ProgramId);
    }

    private Task SaveAsync() =>
        feedback.RunAsync(async () =>
        {
            var draft = editing!;
            await Assessments.SaveChecklistAsync(ProgramId, draft.AreaId, [.. draft.Indicators.Select(i => i.ToIndicator())], draft.Version);
            editing = null;
            view = await Assessments.ChecklistsAsync(ProgramId);
            notice = L["Checklists.Saved"];
        }, L);

    private sealed record AreaDraft(Guid AreaId, uint Version, List<IndicatorDraft> Indicators);

    private sealed class IndicatorDraft
    {
        public string Code { get; set; } = "";

        public string? TextKo { get; set; }

        public string? TextEn { get; set; }

        public string[] Levels { get; } = new string[Indicator.LevelCount];

        public static IndicatorDraft From(Indicator indicator)
        {
            var draft = new IndicatorDraft { Code = indicator.Code, TextKo = indicator.TextKo, TextEn = indicator.TextEn == indicator.TextKo ? null : indicator.TextEn };
            for (var i = 0; i < Indicator.LevelCount && i < indicator.Levels.Count; i++)
            {
                draft.Levels[i] = indicator.Levels[i];
            }

            return draft;
        }

        public Indicator ToIndicator() => new(Code, TextKo ?? "", TextEn ?? "", [.. Levels.Select(l => l ?? "")]);
    }
}
