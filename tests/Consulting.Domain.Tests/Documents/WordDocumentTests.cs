using Consulting.Domain.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Consulting.Domain.Tests.Documents;

/// <summary>The DOCX writer's output read back with the Open XML SDK: Korean intact, the font and language declared.</summary>
public class WordDocumentTests
{
    [Fact]
    public void WritesKoreanHeadingsParagraphsAndTablesThatReadBack()
    {
        using var stream = new MemoryStream();
        using (var doc = WordDocument.Create(stream, "기관별 결과보고서"))
        {
            doc.Title("해솔 종합사회복지관 결과보고서")
                .Heading(1, "1. 기관 개요")
                .Facts([("기관명", "해솔 종합사회복지관"), ("분야", "조직 관리")])
                .Paragraph("첫 줄\n둘째 줄")
                .Table(["지표", "사전", "사후"], [["조직 구조", "2.50", "3.75"]]);
        }

        stream.Position = 0;
        using var read = WordprocessingDocument.Open(stream, false);
        var body = read.MainDocumentPart!.Document.Body!;
        var texts = body.Descendants<Text>().Select(t => t.Text).ToList();
        Assert.Contains("해솔 종합사회복지관 결과보고서", texts);
        Assert.Contains("둘째 줄", texts);
        Assert.Contains("3.75", texts);
        Assert.Equal("Heading1", body.Elements<Paragraph>().Select(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value).First(v => v?.StartsWith("Heading", StringComparison.Ordinal) == true));
        Assert.Equal(2, body.Elements<Table>().Count());
        Assert.NotNull(body.Elements<Table>().Last().Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());

        var defaults = read.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(WordDocument.KoreanFont, defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("ko-KR", defaults.Languages!.EastAsia!.Value);
        Assert.Equal("기관별 결과보고서", read.PackageProperties.Title);
    }

    [Fact]
    public void AFooterCarriesItsTextAndAPageNumberFieldOnEveryPage()
    {
        using var stream = new MemoryStream();
        using (var doc = WordDocument.Create(stream, "보고서"))
        {
            doc.Footer("첫 바닥글").Footer("해솔 종합사회복지관", "- {0} -").Paragraph("본문");
        }

        stream.Position = 0;
        using var read = WordprocessingDocument.Open(stream, false);
        var main = read.MainDocumentPart!;
        var footer = Assert.Single(main.FooterParts);
        Assert.Equal("해솔 종합사회복지관  - 1 -", footer.Footer!.InnerText);
        Assert.Equal(" PAGE ", footer.Footer.Descendants<SimpleField>().Single().Instruction!.Value);
        var reference = main.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<FooterReference>()!;
        Assert.Equal(main.GetIdOfPart(footer), reference.Id!.Value);
    }

    [Fact]
    public void WithoutAFooterTheDocumentHasNone()
    {
        using var stream = new MemoryStream();
        using (var doc = WordDocument.Create(stream, "보고서"))
        {
            doc.Paragraph("본문");
        }

        stream.Position = 0;
        using var read = WordprocessingDocument.Open(stream, false);
        Assert.Empty(read.MainDocumentPart!.FooterParts);
        Assert.Null(read.MainDocumentPart.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<FooterReference>());
    }
}
