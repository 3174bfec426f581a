using Consulting.Domain.Consultants;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Consultants;

public partial class ConsultantListPage
{
    private const int PageSize = 20;

    private string search = "";
    private string expertise = "";

    // The registry opens on the consultants who can be assigned; the filter reaches the others.
    private string status = "active";
    private int pageIndex;
    private string? error;

    // Carried from the prerender into the circuit, so the table does not flash back to "loading".
    [PersistentState]
    public ConsultantPage? Page { get; set; }

    private ConsultantListQuery Query => new(
        string.IsNullOrWhiteSpace(search) ? null : search,
        string.IsNullOrEmpty(expertise) ? null : expertise,
        status switch { "active" => true, "inactive" => false, _ => null },
        pageIndex,
        PageSize);

    private int PageCount => Page is null ? 1 : Math.Max(1, (Page.Total + PageSize - 1) / PageSize);

    protected override async Task OnInitializedAsync()
    {
        if (Page is null)
        {
            await LoadAsync();
        }
    }

    private Task FilterAsync()
    {
        pageIndex = 0;
        return LoadAsync();
    }

    private Task GoToAsync(int index)
    {
        pageIndex = Math.Clamp(index, 0, PageCount - 1);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            Page = await Consultants.ListAsync(Query);
            error = null;
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            error = string.Join(' ', UserMessages.Describe(ex, L));
        }
    }
}
