using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;

namespace Consulting.Domain.Documents;

/// <summary>
/// The frame of a minimal SpreadsheetML package written as plain ZIP entries, one after another: content types,
/// relationships, core properties, the workbook naming its sheets. The SDK's package class (System.IO.Packaging) keeps
/// each part in memory until the package closes and cannot write to a write-only stream, so the workbook writes its
/// parts itself — each part's XML still comes from the Open XML SDK's elements and <see cref="OpenXmlWriter"/>.
/// </summary>
internal static class XlsxPackage
{
    public const string StylesPath = "xl/styles.xml";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static string SheetPath(int index) => $"xl/worksheets/sheet{index + 1}.xml";

    /// <summary>Everything but the styles and the sheets' contents.</summary>
    public static void WriteFrame(ZipArchive zip, IReadOnlyList<string> sheetNames, string title, string language)
    {
        var types = new StringBuilder()
            .Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""")
            .Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""")
            .Append("""<Default Extension="xml" ContentType="application/xml"/>""")
            .Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""")
            .Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""")
            .Append("""<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>""");
        for (var i = 0; i < sheetNames.Count; i++)
        {
            types.Append($"""<Override PartName="/{SheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        Write(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
        Write(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
            """);
        Write(zip, "docProps/core.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{SecurityElement.Escape(title)}</dc:title><dc:language>{language}</dc:language></cp:coreProperties>
            """);

        var rels = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        var sheets = new StringBuilder();
        for (var i = 0; i < sheetNames.Count; i++)
        {
            rels.Append($"""<Relationship Id="rId{i + 1}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
            sheets.Append($"""<sheet name="{SecurityElement.Escape(sheetNames[i])}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        rels.Append($"""<Relationship Id="rId{sheetNames.Count + 1}" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>""");
        Write(zip, "xl/_rels/workbook.xml.rels", rels.ToString());
        Write(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{Relationships}"><sheets>{sheets}</sheets></workbook>
            """);
    }

    /// <summary>A small part written from its element tree.</summary>
    public static void WritePart(ZipArchive zip, string path, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument();
        writer.WriteElement(root);
        writer.Close();
    }

    private static void Write(ZipArchive zip, string path, string xml)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        entry.Write(bytes);
    }
}
