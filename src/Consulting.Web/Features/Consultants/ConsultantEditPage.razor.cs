using Consulting.Domain.Consultants;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Consultants;

public partial class ConsultantEditPage
{
    private ConsultantDraft? input;
    private ConsultantDetails? loaded;
    private readonly FormFeedback feedback = new();
    private readonly FormFeedback accountFeedback = new();
    private readonly FormFeedback absenceFeedback = new();
    private string? notice;
    private string? absenceNotice;
    private string? accountEmail;
    private string? oneTimePassword;
    private bool confirmingDeactivate;
    private bool notFound;

    [Parameter]
    public Guid? Id { get; set; }

    [SupplyParameterFromQuery(Name = "created")]
    public bool Created { get; set; }

    private string Heading => L[Id is null ? "Consultants.NewTitle" : "Consultants.EditTitle"].Value;

    protected override async Task OnParametersSetAsync()
    {
        if (Id is null)
        {
            input ??= new ConsultantDraft();
            return;
        }

        await LoadAsync();
        input = loaded is null ? null : ConsultantDraft.From(loaded);
        notice = Created ? L["Consultants.Created"].Value : null;
    }

    /// <summary>Loads what is saved (and so the version the next change must name); the form keeps what was typed.</summary>
    private async Task LoadAsync()
    {
        loaded = await Consultants.GetAsync(Id!.Value);
        notFound = loaded is null;
        accountEmail ??= loaded?.Email;
    }

    private Task SaveAsync() =>
        RunAsync(async () =>
        {
            if (loaded is null)
            {
                var id = await Consultants.CreateAsync(input!.ToInput());
                Navigation.NavigateTo($"/consultants/{id}?created=true");
                return;
            }

            await Consultants.UpdateAsync(loaded.Id, input!.ToInput(), loaded.Version);
            await LoadAsync();
            notice = L["Common.Saved"];
        });

    private Task DeactivateAsync() =>
        RunAsync(async () =>
        {
            await Consultants.DeactivateAsync(loaded!.Id, loaded.Version);
            await LoadAsync();
            notice = L["Consultants.Deactivated"];
        });

    private Task ReactivateAsync() =>
        RunAsync(async () =>
        {
            await Consultants.ReactivateAsync(loaded!.Id, loaded.Version);
            await LoadAsync();
            notice = L["Consultants.Reactivated"];
        });

    private Task CreateAccountAsync()
    {
        oneTimePassword = null;
        return accountFeedback.RunAsync(async () =>
        {
            // Kept only in this circuit's memory: leaving the page loses the password for good.
            var created = await Consultants.CreateAccountAsync(loaded!.Id, accountEmail ?? "", loaded.Version);
            oneTimePassword = created.OneTimePassword;
            await LoadAsync();
        }, L);
    }

    private Task DeclareUnavailableAsync(UnavailabilityInput entry) =>
        ChangeAbsenceAsync(() => Consultants.DeclareUnavailableAsync(loaded!.Id, entry), "Unavailability.Added");

    private Task RemoveUnavailabilityAsync(UnavailabilityRow row) =>
        ChangeAbsenceAsync(() => Consultants.RemoveUnavailabilityAsync(loaded!.Id, row.Id), "Unavailability.Removed");

    private Task ChangeAbsenceAsync(Func<Task> change, string doneKey)
    {
        absenceNotice = null;
        return absenceFeedback.RunAsync(async () =>
        {
            await change();
            await LoadAsync();
            absenceNotice = L[doneKey];
        }, L);
    }

    /// <summary>Drops what the user typed and shows what is saved now, after a concurrent edit.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        accountFeedback.Clear();
        await LoadAsync();
        input = loaded is null ? null : ConsultantDraft.From(loaded);
        accountEmail = loaded?.Email;
    }

    private Task RunAsync(Func<Task> action)
    {
        confirmingDeactivate = false;
        notice = null;
        return feedback.RunAsync(action, L);
    }
}
