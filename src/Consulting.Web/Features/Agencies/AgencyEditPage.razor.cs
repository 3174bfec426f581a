using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Web.Components.Display;
using FluentValidation;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Agencies;

public partial class AgencyEditPage
{
    private AgencyInput? input;
    private AgencyEdit? loaded;
    private IReadOnlyList<AgencyTypeOption> types = [];
    private List<string> messages = [];
    private Dictionary<string, List<string>> fieldErrors = [];
    private string? notice;
    private bool conflict;
    private bool notFound;
    private bool busy;

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
        messages = [];
        fieldErrors = [];
        conflict = false;
        await LoadAsync();
    }

    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        messages = [];
        fieldErrors = [];
        conflict = false;
        notice = null;
        try
        {
            await action();
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            // The input stays as typed, so nothing is lost.
            messages = [.. UserMessages.Describe(ex, L)];
            conflict = ex is ConcurrencyConflictException;
            if (ex is ValidationException validation)
            {
                fieldErrors = validation.Errors
                    .GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => UserMessages.Describe(new ValidationException([.. g]), L).ToList());
            }
        }
        finally
        {
            busy = false;
        }
    }

    private List<string> ErrorsOf(string field) => fieldErrors.TryGetValue(field, out var list) ? list : [];

    private string? Invalid(string field) => fieldErrors.ContainsKey(field) ? "true" : null;
}
