using Consulting.Domain.Common;
using Consulting.Domain.Documents;
using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Reports;

/// <summary>
/// GET /programs/{programId}/agencies/{agencyId}/report.docx: the agency's result report as an editable DOCX, for
/// officials and the agency's own staff, with the labels of the reader's UI language. A report that does not exist and
/// one the reader may not see both answer a bare 404. The file is named after the agency (filename* carries the Korean).
/// </summary>
internal static class AgencyReportEndpoint
{
    public const string Template = "/programs/{programId:guid}/agencies/{agencyId:guid}/report.docx";

    public static void MapAgencyReportDocument(this WebApplication app) =>
        app.MapGet(Template, async (Guid programId, Guid agencyId, HttpContext context, AgencyReportService reports, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            AgencyReport? report;
            try
            {
                report = await reports.GetAsync(programId, agencyId, ct);
            }
            catch (AccessDeniedException)
            {
                report = null;
            }

            context.Response.Headers.CacheControl = "private, no-store";
            if (report is null)
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return Results.NotFound();
            }

            using var buffer = new MemoryStream();
            AgencyReportDocument.Write(buffer, report, key => L[key], System.Globalization.CultureInfo.CurrentCulture);
            return Results.File(buffer.ToArray(), AgencyReportDocument.ContentType, FileName(L["Report.FileName", report.Agency.Name, report.Program.Year]));
        })
        .RequireAuthorization(policy => policy.RequireRole(Roles.Official, Roles.AgencyStaff));

    /// <summary>The name without the characters file systems refuse; ASP.NET writes filename= (ASCII) and filename*= (UTF-8).</summary>
    internal static string FileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]) + ".docx";
    }
}
