using Consulting.Domain.Attachments;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Features.VisitLogs;

public partial class LogAttachments
{
    /// <summary>More than anyone picks at once; the service refuses files beyond the log's limit one by one.</summary>
    private const int MaxPicked = 100;

    private readonly FormFeedback feedback = new();
    private readonly List<string> added = [];
    private readonly List<(string Name, string Message)> refused = [];
    private bool uploading;
    private string? progress;
    private string? removed;

    [Parameter, EditorRequired]
    public Guid LogId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<AttachmentRow> Rows { get; set; } = [];

    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>The accepted extensions, and the image types a phone's camera offers when the picker asks for them.</summary>
    private static string Accept { get; } =
        string.Join(",", [.. FileSniffer.AllowedExtensions, "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp"]);

    public static string LinkOf(AttachmentRow file) => file.IsImage ? $"/attachments/{file.Id}?inline=1" : $"/attachments/{file.Id}";

    private string SizeOf(long bytes) => bytes < 1024 * 1024
        ? L["Attachments.Kb", Formats.Number((int)Math.Ceiling(bytes / 1024d))]
        : L["Attachments.Mb", (bytes / (1024d * 1024)).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture)];

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        feedback.Clear();
        added.Clear();
        refused.Clear();
        removed = null;
        uploading = true;
        try
        {
            foreach (var file in e.GetMultipleFiles(MaxPicked))
            {
                progress = L["Attachments.Uploading", file.Name];
                StateHasChanged();
                if (file.Size > Attachments.MaxFileBytes)
                {
                    // Refused before a byte is sent; the service would refuse it too, after reading the limit.
                    refused.Add((file.Name, L["Rule.attachment.too-large", Attachments.MaxFileBytes / (1024d * 1024)]));
                    continue;
                }

                try
                {
                    await using var stream = file.OpenReadStream(Attachments.MaxFileBytes + 1);
                    await Attachments.AddToLogAsync(LogId, file.Name, stream);
                    added.Add(file.Name);
                }
                catch (Exception ex) when (UserMessages.IsExpected(ex))
                {
                    refused.Add((file.Name, string.Join(" ", UserMessages.Describe(ex, L))));
                }
            }
        }
        finally
        {
            uploading = false;
            progress = null;
        }

        if (added.Count > 0)
        {
            await OnChanged.InvokeAsync();
        }
    }

    private async Task RemoveAsync(AttachmentRow file)
    {
        added.Clear();
        refused.Clear();
        removed = null;
        var ok = false;
        await feedback.RunAsync(async () =>
        {
            await Attachments.RemoveAsync(file.Id);
            ok = true;
        }, L);
        if (ok)
        {
            removed = file.FileName;
            await OnChanged.InvokeAsync();
        }
    }
}
