using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.VisitLogs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>
/// Visit logs by role: the officials' review queue (submitted, oldest first) unless they filter otherwise, a consultant's
/// own logs, the agency's approved logs. The filters live in the address (?status=&amp;program=), so a link keeps them.
/// </summary>
public partial class VisitLogListPage
{
    private const string AllValue = "all";

    private IReadOnlyList<LogListRow>? rows;
    private IReadOnlyList<ProgramSummary>? programs;

    [Inject]
    private VisitLogService Logs { get; set; } = default!;

    [Inject]
    private ProgramService Programs { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>A <see cref="VisitLogStatus"/> name or "all"; officials start on "Submitted", everyone else on all.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusParameter { get; set; }

    [SupplyParameterFromQuery(Name = "program")]
    public Guid? ProgramParameter { get; set; }

    private VisitLogStatus? Status =>
        Enum.TryParse<VisitLogStatus>(StatusParameter, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
        : string.IsNullOrEmpty(StatusParameter) && CurrentUser.IsOfficial() ? VisitLogStatus.Submitted
        : null;

    private string StatusValue => Status?.ToString() ?? AllValue;

    private bool IsQueue => CurrentUser.IsOfficial() && Status == VisitLogStatus.Submitted;

    private string TitleKey => CurrentUser.IsOfficial() ? "LogList.OfficialTitle"
        : CurrentUser.IsConsultant() ? "LogList.ConsultantTitle"
        : "LogList.AgencyTitle";

    private string LeadKey => CurrentUser.IsOfficial() ? "LogList.OfficialLead"
        : CurrentUser.IsConsultant() ? "LogList.ConsultantLead"
        : "LogList.AgencyLead";

    private string EmptyKey => IsQueue ? "LogList.QueueEmpty" : "LogList.None";

    private string Caption => IsQueue ? L["LogList.QueueCaption"]
        : Status is { } status ? L["LogList.CaptionOfStatus", L[$"VisitLogStatus.{status}"]]
        : L[TitleKey];

    protected override async Task OnInitializedAsync()
    {
        if (CurrentUser.IsOfficial())
        {
            programs = await Programs.ListAsync(new ProgramListQuery());
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Agency staff see approved logs only (the service decides); a status filter would only hide them.
        var status = CurrentUser.IsAgencyStaff() ? null : Status;
        var program = CurrentUser.IsOfficial() ? ProgramParameter : null;
        rows = await Logs.ListAsync(new LogListQuery(program, status));
    }

    private void StatusChanged(ChangeEventArgs e) => Filter(e.Value as string ?? AllValue, ProgramParameter?.ToString());

    private void ProgramChanged(ChangeEventArgs e) => Filter(StatusValue, e.Value as string);

    private void Filter(string status, string? program) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = status,
            ["program"] = string.IsNullOrEmpty(program) ? null : program,
        }));
}
