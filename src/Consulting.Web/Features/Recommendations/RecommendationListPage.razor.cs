using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Recommendations;

/// <summary>
/// The follow-up list by role: officials every recommendation (filtered by programme, area, agency), a consultant those
/// of their engagements, agency staff their own; all may filter by status, overdue and a search. The filters live in
/// the address (?program=&amp;area=&amp;agency=&amp;status=&amp;overdue=true&amp;q=&amp;page=), so a link keeps them.
/// </summary>
public partial class RecommendationListPage
{
    public const int PageSize = 50;
    private const string ProgramKey = "program";
    private const string AreaKey = "area";
    private const string AgencyKey = "agency";
    private const string StatusKey = "status";
    private const string OverdueKey = "overdue";
    private const string SearchKey = "q";
    private const string PageKey = "page";

    private RecommendationPage? result;
    private IReadOnlyList<ProgramSummary>? programs;
    private ProgramOverview? overview;
    private string? searchText;

    [Inject]
    private FollowUpService FollowUp { get; set; } = default!;

    [Inject]
    private ProgramService Programs { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [SupplyParameterFromQuery(Name = ProgramKey)]
    public Guid? ProgramParameter { get; set; }

    [SupplyParameterFromQuery(Name = AreaKey)]
    public Guid? AreaParameter { get; set; }

    [SupplyParameterFromQuery(Name = AgencyKey)]
    public Guid? AgencyParameter { get; set; }

    [SupplyParameterFromQuery(Name = StatusKey)]
    public string? StatusParameter { get; set; }

    [SupplyParameterFromQuery(Name = OverdueKey)]
    public bool? OverdueParameter { get; set; }

    [SupplyParameterFromQuery(Name = SearchKey)]
    public string? SearchParameter { get; set; }

    [SupplyParameterFromQuery(Name = PageKey)]
    public int? PageParameter { get; set; }

    private RecommendationStatus? Status =>
        Enum.TryParse<RecommendationStatus>(StatusParameter, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    private bool OverdueOnly => OverdueParameter == true;

    private int PageNumber => Math.Max(1, PageParameter ?? 1);

    private int Skip => (PageNumber - 1) * PageSize;

    private int PageCount => result is null ? 1 : Math.Max(1, (result.Total + PageSize - 1) / PageSize);

    private bool HasFilters => ProgramParameter is not null || AreaParameter is not null || AgencyParameter is not null || Status is not null
                               || OverdueOnly || !string.IsNullOrWhiteSpace(SearchParameter);

    private string LeadKey => CurrentUser.IsOfficial() ? "RecommendationList.OfficialLead"
        : CurrentUser.IsConsultant() ? "RecommendationList.ConsultantLead"
        : "RecommendationList.AgencyLead";

    private string Caption => PageCount > 1 ? L["RecommendationList.CaptionPage", PageNumber, PageCount] : L["RecommendationList.Caption"];

    protected override async Task OnInitializedAsync()
    {
        if (CurrentUser.IsOfficial())
        {
            programs = await Programs.ListAsync(new ProgramListQuery());
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        searchText = SearchParameter;
        if (programs is not null && ProgramParameter is { } programId)
        {
            overview = overview?.Id == programId ? overview : await Programs.GetOverviewAsync(programId);
        }
        else
        {
            overview = null;
        }

        result = await FollowUp.SearchAsync(new RecommendationQuery(
            ProgramParameter, AreaParameter, AgencyParameter, Status, OverdueOnly, SearchParameter, Skip, PageSize));
    }

    private string PageLink(int page) => Navigation.GetUriWithQueryParameter(PageKey, page == 1 ? null : page);

    /// <summary>Another programme: its areas and agencies differ, so those filters start over.</summary>
    private void ProgramChanged(ChangeEventArgs e) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [ProgramKey] = Guid.TryParse(e.Value as string, out var id) ? id : null,
            [AreaKey] = null,
            [AgencyKey] = null,
            [PageKey] = null,
        }));

    private void OverdueChanged(ChangeEventArgs e) => Go(OverdueKey, e.Value is true ? "true" : null);

    private void Search() => Go(SearchKey, string.IsNullOrWhiteSpace(searchText) ? null : searchText.Trim());

    /// <summary>Changes one filter in the address (a new filter starts on the first page).</summary>
    private void Go(string key, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [key] = string.IsNullOrEmpty(value) ? null : value,
            [PageKey] = null,
        }));
}
