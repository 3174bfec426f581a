using Consulting.Domain.Attachments;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>
/// What a file list with an upload button keeps between renders (a log's files, a recommendation's evidence): files
/// are sent one by one, each accepted or refused on its own with its reason, and removals are reported.
/// </summary>
public sealed class FileUploads
{
    /// <summary>More than anyone picks at once; the service refuses files beyond the record's limit one by one.</summary>
    private const int MaxPicked = 100;

    /// <summary>The accepted extensions, and the image types a phone's camera offers when the picker asks for them.</summary>
    public static string Accept { get; } =
        string.Join(",", [.. FileSniffer.AllowedExtensions, "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp"]);

    public FormFeedback Feedback { get; } = new();

    public List<string> Added { get; } = [];

    public List<(string Name, string Message)> Refused { get; } = [];

    public bool Uploading { get; private set; }

    public string? Progress { get; private set; }

    public string? Removed { get; private set; }

    /// <summary>Sends the picked files through <paramref name="add"/>; true when at least one was accepted.</summary>
    public async Task<bool> UploadAsync(
        InputFileChangeEventArgs e, long maxFileBytes, Func<string, Stream, Task> add, IStringLocalizer l, Action changed)
    {
        Feedback.Clear();
        Clear();
        Uploading = true;
        try
        {
            foreach (var file in e.GetMultipleFiles(MaxPicked))
            {
                Progress = l["Attachments.Uploading", file.Name];
                changed();
                if (file.Size > maxFileBytes)
                {
                    // Refused before a byte is sent; the service would refuse it too, after reading the limit.
                    Refused.Add((file.Name, l["Rule.attachment.too-large", maxFileBytes / (1024d * 1024)]));
                    continue;
                }

                try
                {
                    await using var stream = file.OpenReadStream(maxFileBytes + 1);
                    await add(file.Name, stream);
                    Added.Add(file.Name);
                }
                catch (Exception ex) when (UserMessages.IsExpected(ex))
                {
                    Refused.Add((file.Name, string.Join(" ", UserMessages.Describe(ex, l))));
                }
            }
        }
        finally
        {
            Uploading = false;
            Progress = null;
        }

        return Added.Count > 0;
    }

    /// <summary>Removes a file through <paramref name="remove"/>; true when it is gone.</summary>
    public async Task<bool> RemoveAsync(AttachmentRow file, Func<Task> remove, IStringLocalizer l)
    {
        Clear();
        var ok = false;
        await Feedback.RunAsync(async () =>
        {
            await remove();
            ok = true;
        }, l);
        if (ok)
        {
            Removed = file.FileName;
        }

        return ok;
    }

    private void Clear()
    {
        Added.Clear();
        Refused.Clear();
        Removed = null;
    }
}
