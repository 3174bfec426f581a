using System.IO.Compression;
using System.Text;

namespace Consulting.Domain.Attachments;

/// <summary>
/// Tells a file's type from its first bytes (and, for ZIP and OLE containers, from what they hold), never from its
/// name alone: an executable renamed to .pdf is not a PDF. No served NuGet package does this (docs/decisions.md);
/// the signatures are the published ones of each format.
/// </summary>
public static class FileSniffer
{
    private static readonly IReadOnlyDictionary<string, FileKind> Extensions = new Dictionary<string, FileKind>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf,
        [".png"] = FileKind.Png,
        [".jpg"] = FileKind.Jpeg,
        [".jpeg"] = FileKind.Jpeg,
        [".gif"] = FileKind.Gif,
        [".webp"] = FileKind.Webp,
        [".heic"] = FileKind.Heic,
        [".heif"] = FileKind.Heic,
        [".docx"] = FileKind.Docx,
        [".xlsx"] = FileKind.Xlsx,
        [".pptx"] = FileKind.Pptx,
        [".doc"] = FileKind.Doc,
        [".xls"] = FileKind.Xls,
        [".ppt"] = FileKind.Ppt,
        [".hwp"] = FileKind.Hwp,
        [".hwpx"] = FileKind.Hwpx,
    };

    /// <summary>The extensions accepted, for the upload control and the refusal message.</summary>
    public static IReadOnlyList<string> AllowedExtensions { get; } = [.. Extensions.Keys];

    /// <summary>The kind a file name claims, or null when its extension is not accepted at all.</summary>
    public static FileKind? KindOfName(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    public static bool IsImage(FileKind kind) => kind is FileKind.Png or FileKind.Jpeg or FileKind.Gif or FileKind.Webp or FileKind.Heic;

    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.Webp => "image/webp",
        FileKind.Heic => "image/heic",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileKind.Doc => "application/msword",
        FileKind.Xls => "application/vnd.ms-excel",
        FileKind.Ppt => "application/vnd.ms-powerpoint",
        FileKind.Hwp => "application/x-hwp",
        FileKind.Hwpx => "application/hwp+zip",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// What the content is, or null when it is none of the accepted kinds. The stream must be seekable.
    /// <paramref name="claimed"/> (the kind the file's name claims) settles the one ambiguous case: an old-format Office
    /// or HWP container that holds the streams of several (a slide deck with an embedded workbook).
    /// </summary>
    public static FileKind? Detect(Stream content, FileKind? claimed = null)
    {
        content.Position = 0;
        var head = new byte[64];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, read);
        content.Position = 0;

        if (h.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return FileKind.Gif;
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.Webp;
        }

        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(Encoding.ASCII.GetString(h[8..12])))
        {
            return FileKind.Heic;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return DetectCompoundFile(content, claimed);
        }

        if (h.StartsWith("PK\u0003\u0004"u8))
        {
            return DetectZip(content);
        }

        return null;
    }

    private static bool IsHeifBrand(string brand) => brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1";

    /// <summary>OOXML by its main part (and no macros), HWPX by its OWPML package's mimetype.</summary>
    private static FileKind? DetectZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == "application/hwp+zip")
                {
                    return FileKind.Hwpx;
                }
            }

            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? FileKind.Docx
                : names.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : names.Contains("ppt/presentation.xml") ? FileKind.Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// An OLE compound file (HWP 5, and the old Word, Excel and PowerPoint formats) is told apart by the names of the
    /// streams in its directory, which are stored in UTF-16LE.
    /// </summary>
    private static FileKind? DetectCompoundFile(Stream content, FileKind? claimed)
    {
        var bytes = new byte[content.Length];
        content.Position = 0;
        content.ReadExactly(bytes);
        content.Position = 0;
        bool Has(string streamName) => bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(streamName)) >= 0;
        bool Holds(FileKind kind) => kind switch
        {
            FileKind.Hwp => Has("HwpSummaryInformation") && Has("FileHeader"),
            FileKind.Doc => Has("WordDocument"),
            FileKind.Xls => Has("Workbook") || Has("Book"),
            FileKind.Ppt => Has("PowerPoint Document"),
            _ => false,
        };

        FileKind[] order = [FileKind.Hwp, FileKind.Doc, FileKind.Xls, FileKind.Ppt];
        return claimed is { } kind && order.Contains(kind) && Holds(kind) ? kind
            : order.Cast<FileKind?>().FirstOrDefault(k => Holds(k!.Value));
    }
}

public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Heic,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Xls,
    Ppt,
    Hwp,
    Hwpx,
}
