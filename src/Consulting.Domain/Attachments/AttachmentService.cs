using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Consulting.Domain.Attachments;

/// <summary>
/// Files on visit logs. An upload is copied to a temporary file while its size is counted (a file over the limit is
/// refused without keeping it), its type is read from the content, and row and bytes are written in one transaction,
/// so a refused or failed upload stores nothing. Downloads stream from PostgreSQL to the response, for users who may
/// see the log.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<AttachmentOptions> options)
{
    private const int CopyBuffer = 81920;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Adds a file to a log its consultant is still writing.</summary>
    public Task<AttachmentRow> AddToLogAsync(Guid logId, string fileName, Stream content, CancellationToken ct = default) =>
        AddAsync(
            AttachmentOwner.VisitLog,
            logId,
            fileName,
            content,
            async check =>
            {
                var current = await check.VisitLogs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == logId, ct);
                await check.EnsureAuthorAsync(currentUser, current, ct);
                current!.EnsureEditable();
            },
            async db => (await db.LockLogForAuthorAsync(currentUser, logId, ct)).AgencyId,
            ct);

    /// <summary>Adds an evidence file to a recommendation the current agency user is working on (planned or in progress).</summary>
    public Task<AttachmentRow> AddEvidenceAsync(Guid recommendationId, string fileName, Stream content, CancellationToken ct = default) =>
        AddAsync(
            AttachmentOwner.Recommendation,
            recommendationId,
            fileName,
            content,
            async check => await LockEvidenceOwnerAsync(check, recommendationId, false, ct),
            async db => (await LockEvidenceOwnerAsync(db, recommendationId, true, ct)).AgencyId,
            ct);

    /// <summary>Removes a file from a log its consultant is still writing, or evidence not yet part of a submission.</summary>
    public async Task RemoveAsync(Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new AccessDeniedException();
        if (attachment.OwnerKind == AttachmentOwner.Recommendation)
        {
            // A file handed in stays on record whatever the status now is: that is the answer, not the status.
            var recommendation = await LockEvidenceOwnerAsync(db, attachment.OwnerId, true, ct, checkStatus: false);
            var lastSubmission = await db.RecommendationEvents
                .Where(e => e.RecommendationId == attachment.OwnerId && e.Kind == Recommendations.RecommendationEventKind.Submitted)
                .MaxAsync(e => (DateTime?)e.AtUtc, ct);
            if (lastSubmission is not null && attachment.UploadedAtUtc <= lastSubmission)
            {
                throw new DomainException("attachment.submitted", "This file was part of a submission and stays on record.");
            }

            await EnsureGatheringEvidenceAsync(db, recommendation, ct);
        }
        else
        {
            await db.LockLogForAuthorAsync(currentUser, attachment.OwnerId, ct);
        }

        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Opens a file for download, or null when it does not exist or the current user may not see its record (the two
    /// look the same from outside).
    /// </summary>
    public async Task<AttachmentDownload?> OpenAsync(Guid attachmentId, CancellationToken ct = default)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
            if (attachment is null || !await CanSeeOwnerAsync(db, attachment, ct))
            {
                await db.DisposeAsync();
                return null;
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            var command = new NpgsqlCommand("SELECT content FROM attachment_contents WHERE attachment_id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = attachmentId } },
            };
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            if (!await reader.ReadAsync(ct))
            {
                await reader.DisposeAsync();
                await db.DisposeAsync();
                return null;
            }

            var stream = await reader.GetStreamAsync(0, ct);
            return new AttachmentDownload(Row(attachment), stream, new Owner(reader, command, db));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The upload path shared by every owner: <paramref name="precheck"/> settles who may add before a byte is read,
    /// the copy counts the size, the content must be what the name says, and <paramref name="lockOwner"/> re-checks the
    /// owner under a lock in the transaction that writes row and bytes.
    /// </summary>
    private async Task<AttachmentRow> AddAsync(
        AttachmentOwner ownerKind,
        Guid ownerId,
        string fileName,
        Stream content,
        Func<ConsultingDbContext, Task> precheck,
        Func<ConsultingDbContext, Task<Guid>> lockOwner,
        CancellationToken ct)
    {
        // Who may add files is settled before a single byte is read: a refused user costs no temporary file.
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            await precheck(check);
        }

        var name = CleanName(fileName);
        var claimed = FileSniffer.KindOfName(name)
            ?? throw new DomainException("attachment.type-not-allowed", "This kind of file cannot be attached.", string.Join(", ", FileSniffer.AllowedExtensions));
        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), "consulting-upload-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, CopyBuffer, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var (size, sha256) = await CopyLimitedAsync(content, buffer, ct);
        var kind = FileSniffer.Detect(buffer, claimed);
        if (kind != claimed)
        {
            throw new DomainException(
                "attachment.content-mismatch", "The file's content is not what its name says; it was not attached.", Path.GetExtension(name).ToLowerInvariant());
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agencyId = await lockOwner(db);
        if (await db.Attachments.CountAsync(a => a.OwnerKind == ownerKind && a.OwnerId == ownerId, ct) >= options.Value.MaxFilesPerRecord)
        {
            throw new DomainException("attachment.too-many", "The record has as many files as it may.", options.Value.MaxFilesPerRecord);
        }

        var attachment = new Attachment(
            ownerKind, ownerId, agencyId, name, kind.Value, size, sha256, await db.ActorAsync(currentUser, ct), clock.GetUtcNow().UtcDateTime);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        buffer.Position = 0;
        await WriteContentAsync(db, attachment.Id, buffer, ct);
        await transaction.CommitAsync(ct);
        return Row(attachment);
    }

    /// <summary>
    /// The recommendation evidence is being added to or removed from: the current user's agency's, published, and in a
    /// status where evidence is gathered. With <paramref name="share"/> it is read under a share lock, so a submission
    /// happening at the same moment cannot miss or include a half-added file.
    /// </summary>
    private async Task<Recommendations.Recommendation> LockEvidenceOwnerAsync(
        ConsultingDbContext db, Guid recommendationId, bool share, CancellationToken ct, bool checkStatus = true)
    {
        if (!currentUser.IsAgencyStaff())
        {
            throw new AccessDeniedException();
        }

        var query = share
            ? db.Recommendations.FromSqlInterpolated($"SELECT *, xmin FROM recommendations WHERE id = {recommendationId} FOR SHARE")
            : db.Recommendations.Where(r => r.Id == recommendationId);
        var recommendation = await query.AsNoTracking().SingleOrDefaultAsync(ct);
        if (recommendation is null || recommendation.AgencyId != currentUser.AgencyId || !recommendation.IsPublished)
        {
            throw new AccessDeniedException();
        }

        if (checkStatus)
        {
            await EnsureGatheringEvidenceAsync(db, recommendation, ct);
        }

        return recommendation;
    }

    /// <summary>Evidence changes only while the agency works on the recommendation, in a programme still open.</summary>
    private static async Task EnsureGatheringEvidenceAsync(ConsultingDbContext db, Recommendations.Recommendation recommendation, CancellationToken ct)
    {
        if (!Recommendations.Recommendation.CanStep(recommendation.Status, Recommendations.RecommendationStep.AddEvidence))
        {
            throw new DomainException("recommendation.step-not-allowed", "This step is not possible in the recommendation's current status.");
        }

        if (await db.Programs.AnyAsync(p => p.Id == recommendation.ProgramId && p.Status == Programs.ProgramStatus.Closed, ct))
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }
    }

    internal static async Task<IReadOnlyList<AttachmentRow>> RowsAsync(ConsultingDbContext db, AttachmentOwner kind, Guid ownerId, CancellationToken ct) =>
        [.. (await db.Attachments.Where(a => a.OwnerKind == kind && a.OwnerId == ownerId).OrderBy(a => a.UploadedAtUtc).AsNoTracking().ToListAsync(ct)).Select(Row)];

    /// <summary>
    /// The name as the user knew it, safe to store and to send back: no folders, no control characters, composed
    /// Hangul (a Mac sends names decomposed), at most <see cref="Attachment.FileNameMaxLength"/> characters.
    /// </summary>
    public static string CleanName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Normalize(NormalizationForm.FormC);
        name = new string([.. name.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)]).Trim();
        if (name.Length == 0 || Path.GetFileNameWithoutExtension(name).Trim().Length == 0)
        {
            throw new DomainException("attachment.name-required", "The file has no name.");
        }

        if (name.Length > Attachment.FileNameMaxLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(Attachment.FileNameMaxLength - extension.Length)] + extension;
        }

        return name;
    }

    private async Task<(long Size, string Sha256)> CopyLimitedAsync(Stream source, Stream target, CancellationToken ct)
    {
        var limit = options.Value.MaxFileBytes;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[CopyBuffer];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new DomainException("attachment.too-large", "The file is larger than allowed.", limit / (1024d * 1024));
            }

            hash.AppendData(chunk, 0, read);
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }

        if (total == 0)
        {
            throw new DomainException("attachment.empty", "The file is empty.");
        }

        await target.FlushAsync(ct);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The bytes go in with Npgsql directly (a Stream parameter), in the transaction that added the row.</summary>
    private static async Task WriteContentAsync(ConsultingDbContext db, Guid attachmentId, Stream content, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand("INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, $2)", connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            Parameters =
            {
                new NpgsqlParameter { Value = attachmentId },
                new NpgsqlParameter { Value = content, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea, Size = (int)content.Length },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> CanSeeOwnerAsync(ConsultingDbContext db, Attachment attachment, CancellationToken ct) => attachment.OwnerKind switch
    {
        AttachmentOwner.VisitLog => await (await db.VisibleLogsAsync(currentUser, ct)).AnyAsync(l => l.Id == attachment.OwnerId, ct),
        AttachmentOwner.Recommendation => await (await db.VisibleRecommendationsAsync(currentUser, ct)).AnyAsync(r => r.Id == attachment.OwnerId, ct),
        _ => false,
    };

    private static AttachmentRow Row(Attachment a) => new(a.Id, a.FileName, a.Kind, a.ContentType, a.SizeBytes, a.UploadedByName, a.UploadedAtUtc);

    private sealed class Owner(NpgsqlDataReader reader, NpgsqlCommand command, ConsultingDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
