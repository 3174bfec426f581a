using Consulting.Domain.Attachments;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Features.VisitLogs;

public partial class LogAttachments
{
    private readonly FileUploads uploads = new();

    [Parameter, EditorRequired]
    public Guid LogId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<AttachmentRow> Rows { get; set; } = [];

    [Parameter]
    public EventCallback OnChanged { get; set; }

    public static string LinkOf(AttachmentRow file) => file.IsImage ? $"/attachments/{file.Id}?inline=1" : $"/attachments/{file.Id}";

    private string SizeOf(long bytes) => bytes < 1024 * 1024
        ? L["Attachments.Kb", Formats.Number((int)Math.Ceiling(bytes / 1024d))]
        : L["Attachments.Mb", (bytes / (1024d * 1024)).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture)];

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (await uploads.UploadAsync(e, Attachments.MaxFileBytes, (name, stream) => Attachments.AddToLogAsync(LogId, name, stream), L, StateHasChanged))
        {
            await OnChanged.InvokeAsync();
        }
    }

    private async Task RemoveAsync(AttachmentRow file)
    {
        if (await uploads.RemoveAsync(file, () => Attachments.RemoveAsync(file.Id), L))
        {
            await OnChanged.InvokeAsync();
        }
    }
}
