using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Recruitment;

public partial class ApplicationFormPage
{
    private ApplicationForm? form;
    private FormModel input = new();
    private readonly FormFeedback feedback = new();
    private string? notice;
    private bool loaded;
    private bool confirmWithdraw;

    [Parameter]
    public Guid ProgramId { get; set; }

    private bool CanEdit => form is { IsOpen: true } && form.Existing?.Status is null or ApplicationStatus.Submitted or ApplicationStatus.Withdrawn;

    protected override Task OnParametersSetAsync() => LoadAsync(keepInput: false);

    private async Task LoadAsync(bool keepInput)
    {
        form = await Recruitment.GetFormAsync(ProgramId);
        loaded = true;
        if (form is not null && !keepInput)
        {
            input = FormModel.From(form);
        }
    }

    private async Task ReloadAsync()
    {
        feedback.Clear();
        await LoadAsync(keepInput: false);
    }

    private Task SubmitAsync() => RunAsync(async () =>
    {
        if (form!.Existing is { Status: ApplicationStatus.Submitted } existing)
        {
            await Recruitment.UpdateAsync(existing.Id, input.ToInput(), existing.Version);
            notice = L["ApplicationForm.Saved"];
        }
        else
        {
            await Recruitment.SubmitAsync(ProgramId, input.ToInput());
            notice = L["ApplicationForm.Submitted"];
        }
    });

    private Task WithdrawAsync() => RunAsync(async () =>
    {
        var existing = form!.Existing!;
        await Recruitment.WithdrawAsync(existing.Id, existing.Version);
        confirmWithdraw = false;
        notice = L["ApplicationForm.Withdrawn"];
    });

    /// <summary>Runs a command; on refusal shows why and keeps what the user typed.</summary>
    private Task RunAsync(Func<Task> command)
    {
        notice = null;
        return feedback.RunAsync(async () =>
        {
            await command();
            await LoadAsync(keepInput: false);
        }, L);
    }

    private sealed class AreaChoice
    {
        public bool Chosen { get; set; }

        public string? Needs { get; set; }

        public string? HopedChange { get; set; }
    }

    private sealed class FormModel
    {
        public string ContactName { get; set; } = "";

        public string? ContactPhone { get; set; }

        public string? ContactEmail { get; set; }

        public Dictionary<Guid, AreaChoice> Areas { get; } = [];

        public static FormModel From(ApplicationForm form)
        {
            var model = new FormModel
            {
                ContactName = form.Existing?.ContactName ?? "",
                ContactPhone = form.Existing?.ContactPhone,
                ContactEmail = form.Existing?.ContactEmail,
            };
            foreach (var area in form.Areas)
            {
                var requested = form.Existing?.Areas.FirstOrDefault(a => a.AreaId == area.Id);
                model.Areas[area.Id] = new AreaChoice { Chosen = requested is not null, Needs = requested?.Needs, HopedChange = requested?.HopedChange };
            }

            return model;
        }

        public ApplicationInput ToInput() => new(
            ContactName,
            ContactPhone,
            ContactEmail,
            [.. Areas.Where(a => a.Value.Chosen).Select(a => new AreaRequestInput(a.Key, a.Value.Needs, a.Value.HopedChange))]);
    }
}
