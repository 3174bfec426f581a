using Consulting.Domain.Attachments;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>
/// GET /attachments/{id}: a log's file for a user who may see the log, streamed from the database. A file that does
/// not exist and one the user may not see both answer 404. Always a download, except an image asked for with
/// <c>?inline=1</c>; the stored type (read from the content at upload) is sent with nosniff, so nothing is re-guessed.
/// </summary>
internal static class AttachmentEndpoint
{
    public const string Template = "/attachments/{id:guid}";

    public static void MapAttachmentDownload(this WebApplication app) =>
        app.MapGet(Template, async (Guid id, string? inline, HttpContext context, AttachmentService attachments, CancellationToken ct) =>
        {
            var response = context.Response;
            response.Headers.CacheControl = "private, no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            await using var download = await attachments.OpenAsync(id, ct);
            if (download is null)
            {
                // A bare 404, not the app's "not found" page, for a link that may have been guessed.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var file = download.File;
            var disposition = new ContentDispositionHeaderValue(inline == "1" && file.IsImage ? "inline" : "attachment");
            // filename= gets an ASCII stand-in, filename*= (RFC 5987) the Korean name in UTF-8.
            disposition.SetHttpFileName(file.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            // Even opened as a page, the file runs no script and reaches nothing.
            response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
            response.ContentType = file.ContentType;
            response.ContentLength = file.SizeBytes;
            await download.Content.CopyToAsync(response.Body, ct);
        })
        .RequireAuthorization();
}
