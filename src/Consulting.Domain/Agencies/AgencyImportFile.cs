using System.Globalization;
using System.Text;
using Consulting.Domain.Common;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Consulting.Domain.Agencies;

/// <summary>A data row of an import file, as text, before anything is checked.</summary>
internal sealed record AgencyImportRecord(int RowNumber, string Name, string Type, string District, string? Address, string? Phone, string? Email);

/// <summary>Reads the agency list officials keep in Excel: XLSX, or CSV in UTF-8 or CP949 (what Korean Excel saves).</summary>
internal static class AgencyImportFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private const int ColName = 0;
    private const int ColType = 1;
    private const int ColDistrict = 2;
    private const int ColAddress = 3;
    private const int ColPhone = 4;
    private const int ColEmail = 5;

    // The export writes the Korean headers, so an exported file can be edited and imported again.
    public static readonly string[] KoreanHeaders = ["기관명", "기관유형", "지역", "주소", "전화", "이메일"];
    private static readonly string[] EnglishHeaders = ["name", "type", "district", "address", "phone", "email"];

    static AgencyImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<IReadOnlyList<AgencyImportRecord>> ReadAsync(Stream stream, string fileName, CancellationToken ct)
    {
        var bytes = await ReadLimitedAsync(stream, ct);
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" => isZip ? ReadXlsx(bytes) : throw Unreadable(),
            ".csv" or ".txt" => isZip ? throw Unreadable() : ReadCsv(bytes),
            _ => throw new DomainException("agency-import.unsupported-file", "Only .xlsx and .csv files can be imported."),
        };
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new DomainException("agency-import.too-large", $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
            }
        }

        if (buffer.Length == 0)
        {
            throw new DomainException("agency-import.empty", "The file is empty.");
        }

        return buffer.ToArray();
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise CP949.</summary>
    internal static string DecodeText(byte[] bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var span = bytes.AsSpan();
        if (span.StartsWith(bom))
        {
            span = span[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(949).GetString(bytes);
        }
    }

    private static List<AgencyImportRecord> ReadCsv(byte[] bytes)
    {
        var text = DecodeText(bytes);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            TrackLineNumbers = true,
            MaxRecordSize = 64 * 1024,
        };
        var rows = new List<(int Number, string?[] Cells)>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                var cells = new string?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                // The line number is what a spreadsheet shows as the row, so officials can find the row to fix.
                rows.Add(((int)reader.LineNumber, cells));
                if (rows.Count > MaxRows + 1)
                {
                    throw TooManyRows();
                }
            }
        }
        catch (CsvFormatException)
        {
            throw Unreadable();
        }

        return ToRecords(rows);
    }

    private static List<AgencyImportRecord> ReadXlsx(byte[] bytes)
    {
        var rows = new List<(int Number, string?[] Cells)>();
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(memory, false);
            var workbook = document.WorkbookPart ?? throw Unreadable();
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Unreadable();
            var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new string?[KoreanHeaders.Length + 4];
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    // A cell without a reference follows the one before it (what writers that omit them mean).
                    var column = ColumnIndex(cell.CellReference?.Value) is var index and >= 0 ? index : position;
                    position = column + 1;
                    if (column >= 0 && column < cells.Length)
                    {
                        cells[column] = CellText(cell, shared);
                    }
                }

                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
                if (rows.Count > MaxRows + 1)
                {
                    throw TooManyRows();
                }
            }
        }
        catch (Exception ex) when (ex is not DomainException and not OperationCanceledException)
        {
            // OpenXml reports a broken package through several exception types (zip, XML, packaging).
            throw Unreadable();
        }

        return ToRecords(rows);
    }

    private static string? CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Length ? shared[index] : null;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        return cell.CellValue?.Text;
    }

    /// <summary>"C12" → 2; -1 when there is no reference.</summary>
    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static List<AgencyImportRecord> ToRecords(List<(int Number, string?[] Cells)> rows)
    {
        var headerAt = rows.FindIndex(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerAt < 0)
        {
            throw new DomainException("agency-import.empty", "The file has no rows.");
        }

        var columns = MapHeader(rows[headerAt].Cells);
        var records = new List<AgencyImportRecord>();
        foreach (var (number, cells) in rows.Skip(headerAt + 1))
        {
            string? Cell(int field) => columns[field] is var c and >= 0 && c < cells.Length ? Clean(cells[c]) : null;
            if (Enumerable.Range(0, columns.Length).All(f => Cell(f) is null))
            {
                continue;
            }

            records.Add(new AgencyImportRecord(number, Cell(ColName) ?? "", Cell(ColType) ?? "", Cell(ColDistrict) ?? "", Cell(ColAddress), Cell(ColPhone), Cell(ColEmail)));
        }

        if (records.Count > MaxRows)
        {
            throw TooManyRows();
        }

        return records;
    }

    /// <summary>The column of each field, -1 when absent; name, type and district are required.</summary>
    private static int[] MapHeader(string?[] header)
    {
        var columns = Enumerable.Repeat(-1, KoreanHeaders.Length).ToArray();
        for (var i = 0; i < header.Length; i++)
        {
            var text = Clean(header[i]);
            if (text is null)
            {
                continue;
            }

            var key = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var field = Array.FindIndex(KoreanHeaders, h => h == key);
            if (field < 0)
            {
                field = Array.FindIndex(EnglishHeaders, h => string.Equals(h, key, StringComparison.OrdinalIgnoreCase));
            }

            if (field >= 0 && columns[field] < 0)
            {
                columns[field] = i;
            }
        }

        if (columns[ColName] < 0 || columns[ColType] < 0 || columns[ColDistrict] < 0)
        {
            throw new DomainException(
                "agency-import.missing-columns",
                "The first row must name the columns 기관명 (Name), 기관유형 (Type) and 지역 (District).");
        }

        return columns;
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim().Trim('\uFEFF').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static DomainException Unreadable() =>
        new("agency-import.unreadable", "The file could not be read as an Excel (.xlsx) or CSV file.");

    private static DomainException TooManyRows() =>
        new("agency-import.too-many-rows", $"The file has more than {MaxRows:N0} rows.");
}
