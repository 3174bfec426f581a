using System.Text;
using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Testing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Agencies;

/// <summary>Import from CSV and XLSX, and the export. Each test uses its own district so tests do not see each other's rows.</summary>
public class AgencyImportTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Header = "기관명,기관유형,지역,주소,전화,이메일";

    static AgencyImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private AgencyRegistryService Service() =>
        new(database.CreateFactory(), TestUser.Official(), new AgencyListQueryValidator(), new AgencyInputValidator());

    private static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private async Task<int> CountIn(string district)
    {
        await using var db = database.CreateContext();
        return await db.Agencies.CountAsync(a => a.District == district);
    }

    [Fact]
    public async Task PreviewsAUtf8CsvWithoutWritingAndCommitsIt()
    {
        var service = Service();
        var csv = $"{Header}\n하늘 공동생활가정,공동생활가정,유티시,유티시 1,031-1,a@b.kr\n바다 복지관,community-welfare-center,유티시,,,\n";

        var preview = await service.PreviewImportAsync(Utf8(csv, bom: true), "agencies.csv");

        Assert.Equal([2, 3], preview.Rows.Select(r => r.RowNumber));
        Assert.All(preview.Rows, r => Assert.Equal(ImportRowStatus.New, r.Status));
        Assert.Equal(AgencyTypeCodes.GroupHome, preview.Rows[0].TypeCode);
        Assert.Equal(0, await CountIn("유티시"));

        var result = await service.CommitImportAsync(preview.Rows, validRowsOnly: false);

        Assert.Equal(new AgencyImportResult(true, 2, 0, 0), result);
        Assert.Equal(2, await CountIn("유티시"));
    }

    [Fact]
    public async Task ReadsACp949CsvWithEnglishHeaders()
    {
        var csv = "Name,Type,District,Address,Phone,Email\r\n가람 노인복지관,노인복지관,완성군,완성군 가람로 5,,\r\n";
        var bytes = Encoding.GetEncoding(949).GetBytes(csv);

        var preview = await Service().PreviewImportAsync(new MemoryStream(bytes), "cp949.csv");

        var row = Assert.Single(preview.Rows);
        Assert.Equal(ImportRowStatus.New, row.Status);
        Assert.Equal("가람 노인복지관", row.Name);
        Assert.Equal(AgencyTypeCodes.SeniorWelfareCenter, row.TypeCode);
        Assert.Equal("완성군 가람로 5", row.Address);
    }

    [Fact]
    public async Task ReadsAnXlsxAndShowsWhatAnUpdateChanges()
    {
        var service = Service();
        var existingId = await service.CreateAsync(new AgencyInput { Name = "누리 장애인복지관", TypeCode = AgencyTypeCodes.DisabilityWelfareCenter, District = "엑셀시", Phone = "02-000" });
        var xlsx = Xlsx(
            ["기관명", "기관유형", "지역", "주소", "전화", "이메일"],
            ["누리 장애인복지관", "장애인복지관", "엑셀시", "엑셀시 누리로 1", "02-000", ""],
            ["솔빛 지역아동센터", "지역아동센터", "엑셀시", "", "", "sol@bit.kr"]);

        var preview = await service.PreviewImportAsync(xlsx, "agencies.xlsx");

        var update = preview.Rows[0];
        Assert.Equal(ImportRowStatus.Update, update.Status);
        Assert.Equal([new AgencyFieldChange("Address", null, "엑셀시 누리로 1")], update.Changes);
        Assert.Equal(ImportRowStatus.New, preview.Rows[1].Status);

        var result = await service.CommitImportAsync(preview.Rows, validRowsOnly: false);

        Assert.Equal(new AgencyImportResult(true, 1, 1, 0), result);
        var updated = await service.GetAsync(existingId);
        Assert.Equal("엑셀시 누리로 1", updated!.Address);
        Assert.Equal("02-000", updated.Phone);
        Assert.Equal(2, await CountIn("엑셀시"));
    }

    [Fact]
    public async Task RowsWithErrorsSayWhyAndStopTheCommitUnlessValidRowsOnly()
    {
        var service = Service();
        var csv = string.Join('\n',
            Header,
            "정상 기관,공동생활가정,오류시,,,",
            ",공동생활가정,오류시,,,",
            "유형 없는 기관,없는유형,오류시,,,",
            $"{new string('가', Agency.NameMaxLength + 1)},공동생활가정,오류시,,,",
            "메일 오류 기관,공동생활가정,오류시,,,not-an-email",
            "정상 기관,공동생활가정,오류시,,,");

        var preview = await service.PreviewImportAsync(Utf8(csv), "errors.csv");

        Assert.Equal(
            [null, "agency.name-required", "agency.unknown-type", "common.too-long", "agency.email-invalid", "agency-import.duplicate-row"],
            preview.Rows.Select(r => r.ErrorCode));
        Assert.Equal(5, preview.ErrorCount);

        var refused = await service.CommitImportAsync(preview.Rows, validRowsOnly: false);
        Assert.Equal(new AgencyImportResult(false, 0, 0, 5), refused);
        Assert.Equal(0, await CountIn("오류시"));

        var partial = await service.CommitImportAsync(preview.Rows, validRowsOnly: true);
        Assert.Equal(new AgencyImportResult(true, 1, 0, 5), partial);
        Assert.Equal(1, await CountIn("오류시"));
    }

    [Theory]
    [InlineData("garbage.xlsx", "agency-import.unreadable")]
    [InlineData("garbage.csv", "agency-import.missing-columns")]
    [InlineData("garbage.pdf", "agency-import.unsupported-file")]
    public async Task RefusesAFileItCannotRead(string fileName, string code)
    {
        var garbage = new byte[2048];
        new Random(7).NextBytes(garbage);

        var error = await Assert.ThrowsAsync<DomainException>(() => Service().PreviewImportAsync(new MemoryStream(garbage), fileName));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task RefusesACsvWithoutTheRequiredHeaders()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Service().PreviewImportAsync(Utf8("기관명,주소\n헤더 없는 기관,어딘가\n"), "no-type.csv"));

        Assert.Equal("agency-import.missing-columns", error.Code);
        Assert.Equal(0, await CountIn("어딘가"));
    }

    [Fact]
    public async Task RefusesAFileOverTheSizeLimit()
    {
        var big = new MemoryStream(new byte[AgencyRegistryService.MaxImportBytes + 1]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Service().PreviewImportAsync(big, "big.csv"));

        Assert.Equal("agency-import.too-large", error.Code);
    }

    [Fact]
    public async Task CommitsFiveThousandRowsInOneGo()
    {
        var service = Service();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 5000; i++)
        {
            csv.Append($"대량 기관 {i:0000},지역아동센터,대량시,대량시 {i}번길,031-{i:0000},\n");
        }

        var preview = await service.PreviewImportAsync(Utf8(csv.ToString()), "bulk.csv");
        var result = await service.CommitImportAsync(preview.Rows, validRowsOnly: false);
        var again = await service.PreviewImportAsync(Utf8(csv.ToString()), "bulk.csv");

        Assert.Equal(5000, preview.NewCount);
        Assert.Equal(new AgencyImportResult(true, 5000, 0, 0), result);
        Assert.Equal(5000, await CountIn("대량시"));
        Assert.Equal(5000, again.UpdateCount);
        Assert.All(again.Rows, r => Assert.Empty(r.Changes));
    }

    [Fact]
    public async Task ExportsTheFilteredListWithKoreanHeaders()
    {
        var service = Service();
        await service.CreateAsync(new AgencyInput { Name = "내보내기 가", TypeCode = AgencyTypeCodes.GroupHome, District = "내보내기시" });
        await service.CreateAsync(new AgencyInput { Name = "내보내기 나", TypeCode = AgencyTypeCodes.GroupHome, District = "내보내기시" });
        using var output = new MemoryStream();

        await service.ExportAsync(new AgencyListQuery(District: "내보내기시", Descending: true, PageSize: 1), output);

        output.Position = 0;
        var reread = await service.PreviewImportAsync(output, "export.xlsx");
        Assert.Equal(["내보내기 나", "내보내기 가"], reread.Rows.Select(r => r.Name));
        Assert.All(reread.Rows, r => Assert.Equal(ImportRowStatus.Update, r.Status));
    }

    private static MemoryStream Xlsx(params string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0)
                    {
                        continue; // Excel leaves empty cells out
                    }

                    strings.SharedStringTable.Append(new SharedStringItem(new Text(rows[r][c])));
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue((index++).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        stream.Position = 0;
        return stream;
    }
}
