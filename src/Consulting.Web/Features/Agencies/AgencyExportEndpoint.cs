using Consulting.Domain.Agencies;
using Consulting.Domain.Identity;

namespace Consulting.Web.Features.Agencies;

internal static class AgencyExportEndpoint
{
    public const string Path = "/agencies/export";

    /// <summary>The filtered registry as an XLSX download; a plain GET link, so the browser saves it like any file.</summary>
    public static void MapAgencyExport(this WebApplication app) =>
        app.MapGet(Path, async (
            string? search, string? type, string? district, bool? active, AgencySort? sort, bool? desc,
            AgencyRegistryService registry, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new AgencyListQuery(search, type, district, active, sort ?? AgencySort.Name, desc ?? false);
            using var buffer = new MemoryStream();
            await registry.ExportAsync(query, buffer, ct);
            var fileName = $"agencies-{Consulting.Web.Components.Display.Formats.Today(clock):yyyyMMdd}.xlsx";
            return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        })
        .RequireAuthorization(policy => policy.RequireRole(Roles.Official));

    /// <summary>The export link for what the list shows now.</summary>
    public static string LinkFor(AgencyListQuery query)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("search", query.Search?.Trim());
        Add("type", query.TypeCode);
        Add("district", query.District);
        Add("active", query.Active?.ToString().ToLowerInvariant());
        Add("sort", query.Sort.ToString());
        Add("desc", query.Descending ? "true" : null);
        return parts.Count == 0 ? Path : $"{Path}?{string.Join('&', parts)}";
    }
}
