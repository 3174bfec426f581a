using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components.Forms;

namespace Consulting.Web.Features.Agencies;

public partial class AgencyImportPage
{
    // Enough to review; the counts above the table cover the rest of a long file.
    private const int MaxShownRows = 1000;

    private IReadOnlyList<AgencyTypeOption> types = [];
    private AgencyImportPreview? preview;
    private AgencyImportResult? result;
    private string fileName = "";
    private string? error;
    private bool busy;
    private bool committed;

    protected override async Task OnInitializedAsync() => types = await Registry.ListTypesAsync();

    private async Task PreviewAsync(InputFileChangeEventArgs e)
    {
        preview = null;
        result = null;
        error = null;
        committed = false;
        var file = e.File;
        if (file.Size > AgencyRegistryService.MaxImportBytes)
        {
            error = L["Rule.agency-import.too-large"];
            return;
        }

        busy = true;
        try
        {
            await using var stream = file.OpenReadStream(AgencyRegistryService.MaxImportBytes + 1);
            preview = await Registry.PreviewImportAsync(stream, file.Name);
            fileName = file.Name;
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            error = string.Join(' ', UserMessages.Describe(ex, L));
        }
        catch (IOException)
        {
            error = L["Rule.agency-import.unreadable"];
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CommitAsync(bool validRowsOnly)
    {
        busy = true;
        error = null;
        try
        {
            result = await Registry.CommitImportAsync(preview!.Rows, validRowsOnly);
            committed = result.Written;
        }
        catch (Exception ex) when (UserMessages.IsExpected(ex))
        {
            error = string.Join(' ', UserMessages.Describe(ex, L));
        }
        finally
        {
            busy = false;
        }
    }

    private string TypeName(string code) =>
        types.FirstOrDefault(t => t.Code == code)?.Name(Formats.IsKorean) ?? code;

    private string Details(AgencyImportRow row) => row.Status switch
    {
        ImportRowStatus.Error => Rule(row),
        ImportRowStatus.Update when row.Changes.Count == 0 => L["AgencyImport.NoChanges"],
        ImportRowStatus.Update => string.Join(", ", row.Changes.Select(c =>
            $"{L[$"Agency.{c.Field}"]}: {Shown(c.Field, c.From)} → {Shown(c.Field, c.To)}")),
        _ => "",
    };

    private string Shown(string field, string? value) =>
        value is null ? L["AgencyImport.Empty"] : field == "Type" ? TypeName(value) : value;

    private string Rule(AgencyImportRow row) =>
        string.Join(' ', UserMessages.Describe(new DomainException(row.ErrorCode ?? "", row.Error ?? ""), L));
}
