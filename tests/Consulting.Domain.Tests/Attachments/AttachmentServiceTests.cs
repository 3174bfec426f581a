using System.Security.Cryptography;
using System.Text;
using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Tests.VisitLogs;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Attachments;

/// <summary>
/// Files on visit logs against PostgreSQL: stored with the bytes they came with, handed back only to those who may
/// see the log, and a refused upload leaves nothing behind. Each test takes visits of its own (noted at its top).
/// </summary>
public class AttachmentServiceTests(LogScenarioFixture fixture) : IClassFixture<LogScenarioFixture>
{
    private readonly LogScenario _s = fixture.Scenario;

    private AttachmentService AsConsultant => _s.Attachments(_s.Consultant);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<byte[]?> DownloadAsync(ICurrentUser user, Guid attachmentId)
    {
        await using var download = await _s.Attachments(user).OpenAsync(attachmentId);
        if (download is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<(int Rows, int Contents)> StoredAsync()
    {
        await using var db = _s.CreateContext();
        return (await db.Attachments.CountAsync(), await db.Set<AttachmentContent>().CountAsync());
    }

    private static async Task<string> CodeOfAsync(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

    [Fact]
    public async Task AnUploadIsDownloadedUnchangedByThoseWhoMaySeeTheLog()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var bytes = SampleFiles.Png(300_000);
        var decomposed = "현장 사진 1.png".Normalize(NormalizationForm.FormD);

        var row = await AsConsultant.AddToLogAsync(logId, decomposed, new MemoryStream(bytes));

        Assert.Equal(("현장 사진 1.png", FileKind.Png, "image/png", (long)bytes.Length, "윤슬기 (데모 컨설턴트)", true),
            (row.FileName, row.Kind, row.ContentType, row.SizeBytes, row.UploadedByName, row.IsImage));
        Assert.Equal([row.Id], (await _s.ViewAsync(logId)).Attachments.Select(a => a.Id));
        await using (var db = _s.CreateContext())
        {
            var stored = await db.Attachments.SingleAsync(a => a.Id == row.Id);
            Assert.Equal((Sha256(bytes), _s.HaesolId, logId), (stored.Sha256, stored.AgencyId, stored.OwnerId));
        }

        Assert.Equal(Sha256(bytes), Sha256((await DownloadAsync(_s.Consultant, row.Id))!));
        Assert.Null(await DownloadAsync(_s.Official, row.Id)); // a draft's files are its author's until it is handed in
        Assert.Null(await DownloadAsync(_s.AgencyStaff, row.Id));
        Assert.Null(await DownloadAsync(_s.OtherAgencyStaff, row.Id));
        Assert.Null(await DownloadAsync(_s.OtherConsultant, row.Id));

        var view = await _s.ViewAsync(logId);
        await _s.Logs(_s.Consultant).SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        Assert.Equal(Sha256(bytes), Sha256((await DownloadAsync(_s.Official, row.Id))!));
        await _s.Logs(_s.Official).ApproveAsync(logId, null, await _s.VersionAsync(logId));

        await using (var download = (await _s.Attachments(_s.AgencyStaff).OpenAsync(row.Id))!)
        {
            Assert.Equal(("현장 사진 1.png", "image/png", (long)bytes.Length), (download.File.FileName, download.File.ContentType, download.File.SizeBytes));
        }

        Assert.Equal(Sha256(bytes), Sha256((await DownloadAsync(_s.AgencyStaff, row.Id))!));
        Assert.Null(await DownloadAsync(_s.OtherAgencyStaff, row.Id));
        Assert.Null(await DownloadAsync(_s.OtherConsultant, row.Id));
        Assert.Null(await DownloadAsync(_s.Consultant, Guid.NewGuid()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => DownloadAsync(TestUser.Anonymous, row.Id));
    }

    [Fact]
    public async Task EachAcceptedKindIsStoredWithTheTypeReadFromItsBytes()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var files = new (string Name, byte[] Bytes, FileKind Kind)[]
        {
            ("회의록.docx", SampleFiles.Docx(), FileKind.Docx),
            ("참석자.xlsx", SampleFiles.Xlsx(), FileKind.Xlsx),
            ("계획서.hwp", SampleFiles.Compound("FileHeader", "\u0005HwpSummaryInformation"), FileKind.Hwp),
            ("계획서.hwpx", SampleFiles.Hwpx(), FileKind.Hwpx),
            ("IMG_0001.HEIC", SampleFiles.Ftyp("heic"), FileKind.Heic),
            ("결과보고서.PDF", SampleFiles.Pdf(), FileKind.Pdf),
        };

        foreach (var (name, bytes, kind) in files)
        {
            var row = await AsConsultant.AddToLogAsync(logId, name, new MemoryStream(bytes));
            Assert.Equal((name, kind), (row.FileName, row.Kind));
            Assert.Equal(bytes, await DownloadAsync(_s.Consultant, row.Id));
        }

        Assert.Equal(files.Select(f => f.Name), (await _s.ViewAsync(logId)).Attachments.Select(a => a.FileName));
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedAndNothingIsStored()
    {
        // new visit: 해솔 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync());
        var before = await StoredAsync();
        var small = _s.Attachments(_s.Consultant, maxFileBytes: 1024);

        Assert.Equal(1024, small.MaxFileBytes);
        Assert.Equal("attachment.too-large", await CodeOfAsync(() => small.AddToLogAsync(logId, "큰 사진.png", new MemoryStream(SampleFiles.Png(1025)))));

        Assert.Equal(before, await StoredAsync());
        Assert.Empty((await _s.ViewAsync(logId)).Attachments);
        await small.AddToLogAsync(logId, "작은 사진.png", new MemoryStream(SampleFiles.Png(1024)));
        Assert.Equal((before.Rows + 1, before.Contents + 1), await StoredAsync());
    }

    [Fact]
    public async Task AnExecutableNamedAsADocumentIsRefusedAndNothingIsStored()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var before = await StoredAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => AsConsultant.AddToLogAsync(logId, "report.pdf", new MemoryStream(SampleFiles.WindowsExecutable())));

        Assert.Equal(("attachment.content-mismatch", (object)".pdf"), (error.Code, error.Args.Single()));
        Assert.Equal("attachment.content-mismatch", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "사진.jpg", new MemoryStream(SampleFiles.Png()))));
        Assert.Equal("attachment.content-mismatch", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "매크로.docx", new MemoryStream(SampleFiles.Docx(withMacros: true)))));
        Assert.Equal("attachment.type-not-allowed", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "setup.exe", new MemoryStream(SampleFiles.WindowsExecutable()))));
        Assert.Equal("attachment.type-not-allowed", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "page.html", new MemoryStream("<html></html>"u8.ToArray()))));
        Assert.Equal("attachment.empty", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "빈 파일.pdf", new MemoryStream())));
        Assert.Equal("attachment.name-required", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, ".pdf", new MemoryStream(SampleFiles.Pdf()))));

        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task OnlyTheLogsConsultantUploadsOrRemovesAndOnlyWhileTheLogIsEditable()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var kept = await AsConsultant.AddToLogAsync(logId, "사진.gif", new MemoryStream(SampleFiles.Gif()));
        var removed = await AsConsultant.AddToLogAsync(logId, "잘못 올린 사진.png", new MemoryStream(SampleFiles.Png()));
        foreach (var user in new[] { _s.OtherConsultant, _s.Official, _s.AgencyStaff })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Attachments(user).AddToLogAsync(logId, "남의 사진.png", new MemoryStream(SampleFiles.Png())));
            await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Attachments(user).RemoveAsync(kept.Id));
        }

        await AsConsultant.RemoveAsync(removed.Id);

        Assert.Equal([kept.Id], (await _s.ViewAsync(logId)).Attachments.Select(a => a.Id));
        Assert.Null(await DownloadAsync(_s.Consultant, removed.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsConsultant.RemoveAsync(removed.Id));

        var view = await _s.ViewAsync(logId);
        await _s.Logs(_s.Consultant).SubmitAsync(logId, LogScenario.Complete(view), view.Version);
        var before = await StoredAsync();

        Assert.Equal("visitlog.under-review", await CodeOfAsync(() => AsConsultant.AddToLogAsync(logId, "늦은 사진.png", new MemoryStream(SampleFiles.Png()))));
        Assert.Equal("visitlog.under-review", await CodeOfAsync(() => AsConsultant.RemoveAsync(kept.Id)));
        Assert.Equal(before, await StoredAsync());
        Assert.Equal([kept.Id], (await _s.ViewAsync(logId)).Attachments.Select(a => a.Id));
    }

    [Fact]
    public async Task ALogTakesAtMostTheConfiguredNumberOfFiles()
    {
        // new visit: 햇살나무 조직 관리
        var logId = await _s.Logs(_s.Consultant).OpenAsync(await _s.NewVisitAsync(LogScenario.Haetsal));
        var two = _s.Attachments(_s.Consultant, maxFiles: 2);
        await two.AddToLogAsync(logId, "1.png", new MemoryStream(SampleFiles.Png()));
        await two.AddToLogAsync(logId, "2.png", new MemoryStream(SampleFiles.Png()));

        Assert.Equal("attachment.too-many", await CodeOfAsync(() => two.AddToLogAsync(logId, "3.png", new MemoryStream(SampleFiles.Png()))));
        Assert.Equal(2, (await _s.ViewAsync(logId)).Attachments.Count);
    }
}
