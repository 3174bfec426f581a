using Consulting.Domain.Attachments;
using Consulting.Domain.Recommendations;
using Consulting.Web.Components.Display;
using Consulting.Web.Features.VisitLogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Features.Recommendations;

public partial class EvidenceFiles
{
    private readonly FileUploads uploads = new();

    [Parameter, EditorRequired]
    public Guid RecommendationId { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<EvidenceFile> Files { get; set; } = [];

    /// <summary>The agency may add (and remove unsubmitted) evidence now.</summary>
    [Parameter]
    public bool CanAdd { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private static string LinkOf(AttachmentRow file) => LogAttachments.LinkOf(file);

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (await uploads.UploadAsync(e, Attachments.MaxFileBytes, (name, stream) => Attachments.AddEvidenceAsync(RecommendationId, name, stream), L, StateHasChanged))
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
