using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Programs;

public partial class ProgramEditPage
{
    private ProgramInput? input;
    private ProgramEdit? loaded;
    private List<AreaDraft> areas = [];
    private AreaDraft newArea = new();
    private readonly FormFeedback feedback = new();
    private AreaDraft? removing;
    private AreaDraft? failedArea;
    private string? notice;
    private bool notFound;

    [Parameter]
    public Guid? Id { get; set; }

    private string Heading => L[Id is null ? "ProgramEdit.NewTitle" : "ProgramEdit.EditTitle"].Value;

    protected override async Task OnParametersSetAsync()
    {
        if (Id is null)
        {
            input ??= new ProgramInput { Kind = ProgramKind.Consulting, Year = Clock.Today().Year };
            return;
        }

        await LoadAsync();
        input = loaded?.ToInput();
    }

    /// <summary>Loads the saved programme and its areas (and so the version the next change must name).</summary>
    private async Task LoadAsync()
    {
        loaded = await Admin.GetForEditAsync(Id!.Value);
        notFound = loaded is null;
        areas = loaded is null ? [] : [.. loaded.Areas.Select(a => AreaDraft.From(a, Formats.IsKorean))];
    }

    private Task SaveAsync() =>
        RunAsync(async () =>
        {
            if (loaded is null)
            {
                var id = await Admin.CreateAsync(input!);
                Navigation.NavigateTo($"/programs/{id}?done=created");
                return;
            }

            await Admin.UpdateAsync(loaded.Id, input!, loaded.Version);
            await LoadAsync();
            notice = L["Common.Saved"];
        });

    // The programme form keeps what the user typed while the areas are saved one by one.
    private Task SaveAreaAsync(AreaDraft area) =>
        RunAsync(area, async () =>
        {
            await Admin.UpdateAreaAsync(loaded!.Id, area.Id!.Value, area.ToInput(), loaded.Version);
            await LoadAsync();
            notice = L["ProgramEdit.AreaSaved"];
        });

    private Task RemoveAreaAsync(AreaDraft area) =>
        RunAsync(async () =>
        {
            removing = null;
            await Admin.RemoveAreaAsync(loaded!.Id, area.Id!.Value, loaded.Version);
            await LoadAsync();
            notice = L["ProgramEdit.AreaRemoved"];
        });

    private Task AddAreaAsync() =>
        RunAsync(newArea, async () =>
        {
            await Admin.AddAreaAsync(loaded!.Id, newArea.ToInput(), loaded.Version);
            newArea = new AreaDraft();
            await LoadAsync();
            notice = L["ProgramEdit.AreaAdded"];
        });

    /// <summary>Drops what the user typed and shows what is saved now, after a concurrent edit.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        await LoadAsync();
        input = loaded?.ToInput();
    }

    private Task RunAsync(Func<Task> action) => RunAsync(null, action);

    /// <param name="area">The area the action saves, whose fields show what was refused.</param>
    private Task RunAsync(AreaDraft? area, Func<Task> action)
    {
        notice = null;
        failedArea = area;
        return feedback.RunAsync(action, L);
    }
}
