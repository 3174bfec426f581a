using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;
using Consulting.Domain.Documents;
using Consulting.Domain.Identity;
using Consulting.Web.Components.Display;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Consulting.Web.Features.Dashboards;

/// <summary>
/// The programme's downloads for officials: each dashboard dataset as CSV (UTF-8 with a byte-order mark, so Excel
/// reads Korean), the results workbook (XLSX) and the summary (DOCX), written in the reader's language. The file
/// names carry the programme's name (RFC 5987 <c>filename*</c> for the Korean, an ASCII stand-in beside it).
/// </summary>
internal static class ProgramResultsEndpoints
{
    public static string CsvPath(Guid programId, string dataset) => $"/programs/{programId}/dashboard/{dataset}.csv";

    public static string WorkbookPath(Guid programId) => $"/programs/{programId}/results.xlsx";

    public static string SummaryPath(Guid programId) => $"/programs/{programId}/results-summary.docx";

    public static void MapProgramResults(this WebApplication app)
    {
        var group = app.MapGroup("/programs/{programId:guid}").RequireAuthorization(policy => policy.RequireRole(Roles.Official));

        group.MapGet("/dashboard/{dataset}.csv", async (
            Guid programId, string dataset, HttpContext context, ProgramDashboardService dashboards, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!DashboardTables.Names.Contains(dataset))
            {
                return Results.NotFound();
            }

            var dashboard = await FindAsync(() => dashboards.GetAsync(programId, ct));
            if (dashboard is null)
            {
                return Results.NotFound();
            }

            var table = DashboardTables.For(dashboard, Texts(l), dataset)!;
            using var buffer = new MemoryStream();
            // A byte-order mark so Excel reads the Korean as UTF-8; text that looks like a formula is escaped.
            var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
            using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
            {
                csv.WriteRecord([.. table.Headers]);
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord([.. row.Select(DashboardTable.Invariant)]);
                }
            }

            Attachment(context, $"{dashboard.ProgramName} {table.Title}.csv");
            return Results.Bytes(buffer.ToArray(), "text/csv; charset=utf-8");
        });

        group.MapGet("/results.xlsx", async (
            Guid programId, HttpContext context, ProgramWorkbook workbook, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // Written to a temporary file first (the ZIP writer is synchronous; the file keeps memory flat), then streamed out.
            var path = Path.GetTempFileName();
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var written = await FindAsync(() => workbook.WriteAsync(programId, file, Texts(l), ct));
            if (written is null)
            {
                return Results.NotFound();
            }

            file.Position = 0;
            Attachment(context, l["Results.Workbook.Title", written.ProgramName] + ".xlsx");
            context.Response.ContentType = ProgramWorkbook.ContentType;
            context.Response.ContentLength = file.Length;
            await file.CopyToAsync(context.Response.Body, ct);
            return Results.Empty;
        });

        group.MapGet("/results-summary.docx", async (
            Guid programId, HttpContext context, ProgramSummaryDocument summary, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            var written = await FindAsync(() => summary.WriteAsync(programId, buffer, Texts(l), ct));
            if (written is null)
            {
                return Results.NotFound();
            }

            Attachment(context, l["Results.Summary.Title", written.ProgramName] + ".docx");
            return Results.Bytes(buffer.ToArray(), ProgramSummaryDocument.ContentType);
        });
    }

    /// <summary>The texts in the reader's language, from the same resources as the pages.</summary>
    public static ResultTexts Texts(IStringLocalizer<SharedResource> l) => new(key => l[key], Formats.IsKorean);

    /// <summary>A programme that does not exist answers 404, as a page would.</summary>
    private static async Task<T?> FindAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (DomainException e) when (e.Code == "program.not-found")
        {
            return null;
        }
    }

    private static void Attachment(HttpContext context, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "private, no-store";
    }
}
