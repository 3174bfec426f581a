using System.IO.Compression;
using System.Text;

namespace Consulting.Domain.Tests.Attachments;

/// <summary>Small but real files of each kind an upload may be, built from their published layouts.</summary>
internal static class SampleFiles
{
    /// <summary>A 1×1 transparent PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A PNG of about <paramref name="size"/> bytes: the 1×1 image followed by filler a viewer ignores.</summary>
    public static byte[] Png(int size)
    {
        var png = Png();
        var bytes = new byte[Math.Max(size, png.Length)];
        png.CopyTo(bytes, 0);
        new Random(size).NextBytes(bytes.AsSpan(png.Length));
        return bytes;
    }

    /// <summary>A 1×1 GIF.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a JFIF file: SOI, the APP0 segment, then the end-of-image marker.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>A RIFF container holding a (tiny) lossless WebP bitstream.</summary>
    public static byte[] Webp()
    {
        byte[] chunk = [(byte)'V', (byte)'P', (byte)'8', (byte)'L', 5, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0];
        var bytes = new List<byte>();
        bytes.AddRange("RIFF"u8.ToArray());
        bytes.AddRange(BitConverter.GetBytes(4 + chunk.Length));
        bytes.AddRange("WEBP"u8.ToArray());
        bytes.AddRange(chunk);
        return [.. bytes];
    }

    /// <summary>An ISO base media file's first box: <c>ftyp</c> with the given major brand (an iPhone photo says heic).</summary>
    public static byte[] Ftyp(string brand)
    {
        var bytes = new List<byte> { 0, 0, 0, 24 };
        bytes.AddRange(Encoding.ASCII.GetBytes("ftyp" + brand));
        bytes.AddRange([0, 0, 0, 0]);
        bytes.AddRange(Encoding.ASCII.GetBytes("mif1" + brand));
        return [.. bytes];
    }

    public static byte[] Docx(bool withMacros = false)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", ContentTypes("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("_rels/.rels", Rels("word/document.xml")),
            ("word/document.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>방문 기록</w:t></w:r></w:p></w:body></w:document>"""),
        };
        if (withMacros)
        {
            parts.Add(("word/vbaProject.bin", "not really VBA"));
        }

        return Zip(parts);
    }

    public static byte[] Xlsx() => Zip(
    [
        ("[Content_Types].xml", ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
        ("_rels/.rels", Rels("xl/workbook.xml")),
        ("xl/workbook.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""),
    ]);

    public static byte[] Pptx() => Zip(
    [
        ("[Content_Types].xml", ContentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")),
        ("_rels/.rels", Rels("ppt/presentation.xml")),
        ("ppt/presentation.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>"""),
    ]);

    /// <summary>An OWPML package: the mimetype entry first and stored, as the format asks, then the document.</summary>
    public static byte[] Hwpx() => Zip(
    [
        ("mimetype", "application/hwp+zip"),
        ("META-INF/container.xml", """<?xml version="1.0" encoding="UTF-8"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"/>"""),
        ("Contents/section0.xml", """<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"/>"""),
    ]);

    /// <summary>A ZIP that is no document: a folder of files someone compressed.</summary>
    public static byte[] PlainZip() => Zip([("사진/1.txt", "메모")]);

    /// <summary>
    /// An OLE compound file: the signature and header, then a directory sector naming the given streams in UTF-16LE,
    /// as HWP 5 and the old Office formats are stored.
    /// </summary>
    public static byte[] Compound(params string[] streams)
    {
        var bytes = new byte[512 + (128 * Math.Max(streams.Length, 1))];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        bytes[0x1A] = 0x3E; // minor version
        bytes[0x1C] = 0xFE; // little-endian byte order mark
        bytes[0x1D] = 0xFF;
        bytes[0x1E] = 9; // 512-byte sectors
        for (var i = 0; i < streams.Length; i++)
        {
            var name = Encoding.Unicode.GetBytes(streams[i]);
            name.CopyTo(bytes, 512 + (128 * i));
            bytes[512 + (128 * i) + 64] = (byte)(name.Length + 2);
            bytes[512 + (128 * i) + 66] = 2; // a stream
        }

        return bytes;
    }

    /// <summary>A Windows executable's DOS header.</summary>
    public static byte[] WindowsExecutable()
    {
        var bytes = new byte[256];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[2] = 0x90;
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    /// <summary>An ELF executable's identification bytes.</summary>
    public static byte[] Elf()
    {
        var bytes = new byte[64];
        byte[] ident = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1];
        ident.CopyTo(bytes, 0);
        return bytes;
    }

    private static string ContentTypes(string mainPart, string mainType) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="{mainPart}" ContentType="{mainType}"/></Types>""";

    private static string Rels(string target) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>""";

    private static byte[] Zip(IEnumerable<(string Name, string Text)> entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }
}
