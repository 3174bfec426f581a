using Consulting.Domain.Agencies;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Agencies;

public partial class AgencyListPage
{
    private const int PageSize = 20;

    private string search = "";
    private string typeCode = "";
    private string district = "";
    private string status = "";
    private AgencySort sort = AgencySort.Name;
    private bool descending;
    private int pageIndex;
    private string? error;

    // Carried from the prerender into the circuit, so the table does not flash back to "loading".
    [PersistentState]
    public AgencyPage? Page { get; set; }

    [PersistentState]
    public List<AgencyTypeOption>? Types { get; set; }

    [PersistentState]
    public List<string>? Districts { get; set; }

    private AgencyListQuery Query => new(
        search,
        NullIfEmpty(typeCode),
        NullIfEmpty(district),
        status switch { "active" => true, "inactive" => false, _ => null },
        sort,
        descending,
        pageIndex,
        PageSize);

    private int PageCount => Page is null ? 1 : Math.Max(1, (Page.TotalCount + PageSize - 1) / PageSize);

    protected override async Task OnInitializedAsync()
    {
        Types ??= [.. await Registry.ListTypesAsync()];
        Districts ??= [.. await Registry.ListDistrictsAsync()];
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

    private Task SortByAsync(AgencySort column)
    {
        descending = sort == column && !descending;
        sort = column;
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
            Page = await Registry.ListAsync(Query);
            error = null;
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            error = string.Join(' ', UserMessages.Describe(ex, L));
        }
    }

    private string AriaSort(AgencySort column) =>
        sort != column ? "none" : descending ? "descending" : "ascending";

    private string SortMark(AgencySort column) =>
        sort != column ? "" : descending ? " ▼" : " ▲";

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
