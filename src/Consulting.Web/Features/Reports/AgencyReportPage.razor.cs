using Consulting.Domain.Common;
using Consulting.Domain.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Consulting.Web.Features.Reports;

/// <summary>
/// The print-friendly page of an agency's result report: the same model and sections as the DOCX, with semantic headings
/// and tables; app.css's print rules drop the app's bar and tools and keep table rows whole. "인쇄" calls the browser's
/// window.print through the circuit (no inline script, so nothing to allow in a content security policy).
/// </summary>
public partial class AgencyReportPage
{
    private AgencyReport? report;
    private bool loaded;

    [Inject]
    private AgencyReportService Reports { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid ProgramId { get; set; }

    [Parameter]
    public Guid AgencyId { get; set; }

    private string Title => report is null ? "" : L["Report.DocumentTitle", report.Agency.Name];

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            report = await Reports.GetAsync(ProgramId, AgencyId);
        }
        catch (AccessDeniedException)
        {
            report = null;
        }

        loaded = true;
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
