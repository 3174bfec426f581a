using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Consulting.Domain.Documents;

/// <summary>
/// A small writer of editable Word documents (DOCX) in Korean: the document defaults declare a Korean font for the
/// East Asian script and ko-KR as the language, so Hangul renders in Word, LibreOffice and Hancom alike; headings are
/// real heading styles (a navigable outline); tables repeat their header row on every page.
/// </summary>
public sealed class WordDocument : IDisposable
{
    /// <summary>Installed with Windows and Office in Korea; Word substitutes Nanum or Noto CJK where it is missing.</summary>
    public const string KoreanFont = "Malgun Gothic";
    public const string Language = "ko-KR";

    private readonly WordprocessingDocument _package;
    private readonly Body _body;
    private string? _footerId;

    private WordDocument(Stream output, string title)
    {
        _package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        _package.PackageProperties.Title = title;
        _package.PackageProperties.Language = Language;
        var main = _package.AddMainDocumentPart();
        AddStyles(main);
        _body = new Body();
        main.Document = new Document(_body);
    }

    /// <summary>Starts a document written into <paramref name="output"/>; dispose it to finish the file.</summary>
    public static WordDocument Create(Stream output, string title) => new(output, title);

    public WordDocument Title(string text) => Add(StyledParagraph("Title", text));

    /// <summary>A heading of level 1–3.</summary>
    public WordDocument Heading(int level, string text) => Add(StyledParagraph($"Heading{Math.Clamp(level, 1, 3)}", text));

    /// <summary>A paragraph; line breaks in <paramref name="text"/> stay line breaks.</summary>
    public WordDocument Paragraph(string text, bool bold = false) => Add(new Paragraph(TextRun(text, bold)));

    /// <summary>Label–value lines, as a two-column table without a header.</summary>
    public WordDocument Facts(IEnumerable<(string Label, string Value)> facts) =>
        Add(MakeTable(null, facts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]), firstColumnBold: true));

    /// <summary>A table with a header row repeated on each page; cells hold text (numbers already formatted).</summary>
    public WordDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Add(MakeTable(headers, rows, firstColumnBold: false));

    public WordDocument PageBreak() => Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>
    /// A footer on every page: <paramref name="text"/>, then the page number as a PAGE field (Word, LibreOffice and
    /// Hancom fill it in), formatted by <paramref name="pageFormat"/> with {0} where the number goes (e.g. "- {0} -").
    /// Called again, it replaces the earlier footer.
    /// </summary>
    public WordDocument Footer(string text, string pageFormat = "{0}")
    {
        var main = _package.MainDocumentPart!;
        if (_footerId is not null)
        {
            main.DeletePart(main.GetPartById(_footerId));
        }

        var part = main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        if (text.Length > 0)
        {
            paragraph.Append(new Run(new Text(text + "  ") { Space = SpaceProcessingModeValues.Preserve }));
        }

        var at = pageFormat.IndexOf("{0}", StringComparison.Ordinal);
        var (before, after) = at < 0 ? (pageFormat + " ", "") : (pageFormat[..at], pageFormat[(at + 3)..]);
        if (before.Length > 0)
        {
            paragraph.Append(new Run(new Text(before) { Space = SpaceProcessingModeValues.Preserve }));
        }

        paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
        if (after.Length > 0)
        {
            paragraph.Append(new Run(new Text(after) { Space = SpaceProcessingModeValues.Preserve }));
        }

        part.Footer = new DocumentFormat.OpenXml.Wordprocessing.Footer(paragraph);
        part.Footer.Save();
        _footerId = main.GetIdOfPart(part);
        return this;
    }

    public void Dispose()
    {
        var section = new SectionProperties();
        if (_footerId is not null)
        {
            section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = _footerId });
        }

        section.Append(
            new PageSize { Width = 11906, Height = 16838 },  // A4
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 });
        _body.Append(section);
        _package.MainDocumentPart!.Document.Save();
        _package.Dispose();
    }

    private WordDocument Add(OpenXmlElement element)
    {
        _body.Append(element);
        return this;
    }

    private static Paragraph StyledParagraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table MakeTable(IReadOnlyList<string>? headers, IEnumerable<IReadOnlyList<string>> rows, bool firstColumnBold)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        if (headers is not null)
        {
            var header = new TableRow(new TableRowProperties(new TableHeader()));
            header.Append(headers.Select(h => Cell(h, bold: true, shaded: true)));
            table.Append(header);
        }

        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            tableRow.Append(row.Select((value, i) => Cell(value, bold: firstColumnBold && i == 0, shaded: firstColumnBold && i == 0)));
            table.Append(tableRow);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold, bool shaded)
    {
        var properties = new TableCellProperties();
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7EEF7", Color = "auto" });
        }

        return new TableCell(properties, new Paragraph(TextRun(text, bold)));
    }

    /// <summary>A run of text whose line breaks stay line breaks.</summary>
    private static Run TextRun(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.RunProperties = new RunProperties(new Bold());
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var fonts = new RunFonts { Ascii = KoreanFont, HighAnsi = KoreanFont, EastAsia = KoreanFont, ComplexScript = KoreanFont };
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                fonts,
                new FontSize { Val = "20" },
                new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto })));
        var styles = new Styles(defaults);
        styles.Append(ParagraphStyle("Normal", "Normal", null, null, isDefault: true));
        styles.Append(ParagraphStyle("Title", "Title", "36", null));
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(ParagraphStyle($"Heading{level}", $"heading {level}", (32 - (level * 4)).ToString(System.Globalization.CultureInfo.InvariantCulture), level - 1));
        }

        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, string? size, int? outlineLevel, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
            var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
            if (outlineLevel is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            style.Append(paragraph);
            style.Append(new StyleRunProperties(new Bold(), new FontSize { Val = size }));
        }

        return style;
    }
}
