using Consulting.Domain.Attachments;
using Consulting.Domain.Recommendations;
using Consulting.Web.Components.Display;
using Consulting.Web.Features.VisitLogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Features.Recommendations;

public partial class EvidenceFiles
{
    /// <summary>More than anyone picks at once; the service refuses what it must one file at a time.</summary>
    private const int MaxPicked = 100;

    private readonly FormFeedback feedback = new();
    private readonly List<string> added = [];
    private readonly List<(string Name, string Message)> refused = [];
    private bool uploading;
    private string? progress;
    private string? removed;

    [Parameter, EditorRequired]
    public Guid RecommendationId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<EvidenceFile> Files { get; set; } = [];

    /// <summary>The agency may add (and remove unsubmitted) evidence now.</summary>
    [Parameter]
    public bool CanAdd { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private static string Accept { get; } =
        string.Join(",", [.. FileSniffer.AllowedExtensions, "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp"]);

    private static string LinkOf(AttachmentRow file) => LogAttachments.LinkOf(file);

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
                    await Attachments.AddEvidenceAsync(RecommendationId, file.Name, stream);
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
