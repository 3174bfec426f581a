using System.Text;
using Consulting.Domain.Attachments;
using Consulting.Domain.Common;

namespace Consulting.Domain.Tests.Attachments;

/// <summary>A file's type is read from its bytes (and what a ZIP or OLE container holds), never taken from its name.</summary>
public class FileSnifferTests
{
    private static FileKind? Detect(byte[] bytes) => FileSniffer.Detect(new MemoryStream(bytes));

    public static TheoryData<string, byte[], FileKind> Files() => new()
    {
        { "PDF", SampleFiles.Pdf(), FileKind.Pdf },
        { "PNG", SampleFiles.Png(), FileKind.Png },
        { "JPEG", SampleFiles.Jpeg(), FileKind.Jpeg },
        { "GIF", SampleFiles.Gif(), FileKind.Gif },
        { "GIF87a", [.. "GIF87a"u8, 1, 0, 1, 0, 0, 0, 0], FileKind.Gif },
        { "WebP", SampleFiles.Webp(), FileKind.Webp },
        { "HEIC", SampleFiles.Ftyp("heic"), FileKind.Heic },
        { "HEIF", SampleFiles.Ftyp("mif1"), FileKind.Heic },
        { "DOCX", SampleFiles.Docx(), FileKind.Docx },
        { "XLSX", SampleFiles.Xlsx(), FileKind.Xlsx },
        { "PPTX", SampleFiles.Pptx(), FileKind.Pptx },
        { "HWPX", SampleFiles.Hwpx(), FileKind.Hwpx },
        { "HWP", SampleFiles.Compound("FileHeader", "DocInfo", "BodyText", "\u0005HwpSummaryInformation"), FileKind.Hwp },
        { "DOC", SampleFiles.Compound("WordDocument", "1Table", "\u0005SummaryInformation"), FileKind.Doc },
        { "XLS", SampleFiles.Compound("Workbook", "\u0005SummaryInformation"), FileKind.Xls },
        { "XLS 5", SampleFiles.Compound("Book"), FileKind.Xls },
        { "PPT", SampleFiles.Compound("PowerPoint Document", "Current User"), FileKind.Ppt },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void TellsEachAcceptedKindFromItsBytes(string what, byte[] bytes, FileKind expected)
    {
        Assert.True(Detect(bytes) == expected, $"{what} was read as {Detect(bytes)?.ToString() ?? "nothing"}");
    }

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "a Windows executable", SampleFiles.WindowsExecutable() },
        { "an ELF executable", SampleFiles.Elf() },
        { "text", Encoding.UTF8.GetBytes("방문 기록입니다. This is only text, not a document.") },
        { "HTML", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>") },
        { "nothing", [] },
        { "a few bytes", [0x25, 0x50] },
        { "an MP4 video", SampleFiles.Ftyp("isom") },
        { "a DOCX with macros", SampleFiles.Docx(withMacros: true) },
        { "a ZIP of files", SampleFiles.PlainZip() },
        { "a broken ZIP", [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 200))] },
        { "an OLE file of another program", SampleFiles.Compound("Contents", "CompObj") },
        { "an HWP directory without its header stream", SampleFiles.Compound("\u0005HwpSummaryInformation") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AnythingElseIsNothing(string what, byte[] bytes)
    {
        Assert.True(Detect(bytes) is null, $"{what} was read as {Detect(bytes)}");
    }

    [Fact]
    public void AnOldFormatSlideDeckWithAnEmbeddedWorkbookIsTheSlideDeckItsNameClaims()
    {
        var deck = SampleFiles.Compound("PowerPoint Document", "Current User", "Workbook");

        Assert.Equal(FileKind.Ppt, FileSniffer.Detect(new MemoryStream(deck), FileKind.Ppt));
        Assert.Equal(FileKind.Xls, FileSniffer.Detect(new MemoryStream(deck), FileKind.Xls));
        Assert.Null(FileSniffer.Detect(new MemoryStream(deck), FileKind.Hwp) is FileKind.Hwp ? FileKind.Hwp : null);
    }

    [Fact]
    public void ReadsFromTheStartAndLeavesTheStreamThere()
    {
        var stream = new MemoryStream(SampleFiles.Docx()) { Position = 100 };

        Assert.Equal(FileKind.Docx, FileSniffer.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("보고서.pdf", FileKind.Pdf)]
    [InlineData("현장 사진.JPG", FileKind.Jpeg)]
    [InlineData("사진.jpeg", FileKind.Jpeg)]
    [InlineData("IMG_0001.HEIC", FileKind.Heic)]
    [InlineData("계획서.hwp", FileKind.Hwp)]
    [InlineData("계획서.hwpx", FileKind.Hwpx)]
    [InlineData("명단.xlsx", FileKind.Xlsx)]
    [InlineData("발표.ppt", FileKind.Ppt)]
    public void TheNameClaimsAKindByItsExtension(string name, FileKind expected)
    {
        Assert.Equal(expected, FileSniffer.KindOfName(name));
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("report.pdf.exe")]
    [InlineData("매크로.docm")]
    [InlineData("page.html")]
    [InlineData("image.svg")]
    [InlineData("압축.zip")]
    [InlineData("README")]
    public void OtherExtensionsAreNotAccepted(string name)
    {
        Assert.Null(FileSniffer.KindOfName(name));
        Assert.DoesNotContain(Path.GetExtension(name), FileSniffer.AllowedExtensions);
    }

    [Fact]
    public void EveryKindHasItsOwnContentTypeAndImagesAreTheFiveImageKinds()
    {
        var kinds = Enum.GetValues<FileKind>();

        Assert.Equal(kinds.Length, kinds.Select(FileSniffer.ContentTypeOf).Distinct().Count());
        Assert.DoesNotContain("application/octet-stream", kinds.Select(FileSniffer.ContentTypeOf));
        Assert.Equal([FileKind.Png, FileKind.Jpeg, FileKind.Gif, FileKind.Webp, FileKind.Heic], kinds.Where(FileSniffer.IsImage));
        Assert.All(kinds, k => Assert.Contains(FileSniffer.AllowedExtensions, e => FileSniffer.KindOfName("x" + e) == k));
    }

    [Theory]
    [InlineData("현장사진.png", "현장사진.png")]
    [InlineData(@"C:\Users\윤슬기\Desktop\현장사진.png", "현장사진.png")]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("  회의\u0000록\u200B.pdf  ", "회의록.pdf")]
    [InlineData("보고서\u202Efdp.exe", "보고서fdp.exe")]
    public void AFileNameIsKeptWithoutFoldersOrControlCharacters(string uploaded, string kept)
    {
        Assert.Equal(kept, AttachmentService.CleanName(uploaded));
    }

    [Fact]
    public void ADecomposedKoreanNameIsComposed()
    {
        var decomposed = "현장사진.png".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("현장사진.png", decomposed);

        Assert.Equal("현장사진.png", AttachmentService.CleanName(decomposed));
    }

    [Fact]
    public void ALongNameIsShortenedKeepingItsExtension()
    {
        var name = AttachmentService.CleanName(new string('가', 300) + ".pdf");

        Assert.Equal(Attachment.FileNameMaxLength, name.Length);
        Assert.EndsWith("가.pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".png")]
    [InlineData("폴더/")]
    public void AFileNeedsAName(string uploaded)
    {
        Assert.Equal("attachment.name-required", Assert.Throws<DomainException>(() => AttachmentService.CleanName(uploaded)).Code);
    }
}
