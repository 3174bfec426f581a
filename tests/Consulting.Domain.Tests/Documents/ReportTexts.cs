using System.Globalization;

namespace Consulting.Domain.Tests.Documents;

/// <summary>
/// The labels the app ships, read from the same tables scripts/dev/resources-to-resx turns into the web's resources,
/// so the documents are tested with their real headings. A key missing from the tables fails the test.
/// </summary>
internal static class ReportTexts
{
    private static readonly Lazy<Dictionary<string, (string Ko, string En)>> Table = new(Load);

    public static CultureInfo Korean { get; } = CultureInfo.GetCultureInfo("ko-KR");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    public static string Ko(string key) => Table.Value.TryGetValue(key, out var t) ? t.Ko : throw new KeyNotFoundException("No resource " + key);

    public static string En(string key) => Table.Value.TryGetValue(key, out var t) ? t.En : throw new KeyNotFoundException("No resource " + key);

    private static Dictionary<string, (string, string)> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Consulting.sln")))
        {
            dir = dir.Parent;
        }

        var scripts = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Consulting.sln not found above the test binaries."), "scripts", "dev");
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(scripts, "resources*.tsv"))
        {
            foreach (var line in File.ReadLines(file).Skip(1).Where(l => l.Length > 0))
            {
                var cells = line.Split('\t');
                table[cells[0]] = (cells[1], cells[2]);
            }
        }

        return table;
    }
}
