using Consulting.Domain.Agencies;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Agencies;

public partial class AgencyEditPage
{
    private AgencyInput? input;
    private AgencyEdit? loaded;
    private IReadOnlyList<AgencyTypeOption> types = [];
    private readonly FormFeedback feedback = new();
    private string? notice;
    private bool notFound;

    [Parameter]
    public Guid? Id { get; set; }

    [SupplyParameterFromQuery(Name = "created")]
    public bool Created { get; set; }

    private string Heading => L[Id is null ? "Agencies.NewTitle" : "Agencies.EditTitle"].Value;

    protected override async Task OnParametersSetAsync()
    {
        types = await Registry.ListTypesAsync();
        await LoadAsync();
        notice = Created ? L["Agencies.Created"].Value : null;
    }

    private async Task LoadAsync()
    {
        if (Id is not { } id)
        {
            input ??= new AgencyInput();
            return;
        }

        loaded = await Registry.GetAsync(id);
        notFound = loaded is null;
        input = loaded?.ToInput();
    }

    private async Task SaveAsync()
    {
        await RunAsync(async () =>
        {
            if (loaded is null)
            {
                var id = await Registry.CreateAsync(input!);
                Navigation.NavigateTo($"/agencies/{id}?created=true");
                return;
            }

            await Registry.UpdateAsync(loaded.Id, input!, loaded.Version);
            var kept = input;
            await LoadAsync();
            input = kept;
            notice = L["Common.Saved"];
        });
    }

    private Task DeactivateAsync() => ChangeStatusAsync(Registry.DeactivateAsync, "Agencies.Deactivated");

    private Task ReactivateAsync() => ChangeStatusAsync(Registry.ReactivateAsync, "Agencies.Reactivated");

    private Task ChangeStatusAsync(Func<Guid, uint, CancellationToken, Task<uint>> change, string doneKey) =>
        RunAsync(async () =>
        {
            await change(loaded!.Id, loaded.Version, CancellationToken.None);
            var kept = input;
            await LoadAsync();
            input = kept;
            notice = L[doneKey];
        });

    /// <summary>Drops what the user typed and shows what is saved now, after a concurrent edit.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        await LoadAsync();
    }

    private Task RunAsync(Func<Task> action)
    {
        notice = null;
        return feedback.RunAsync(action, L);
    }
}
