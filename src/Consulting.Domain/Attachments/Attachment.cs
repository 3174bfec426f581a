using Consulting.Domain.Common;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Attachments;

/// <summary>
/// A file kept with a record (a visit log's photos, documents and slides). The row holds what lists and downloads
/// need; the bytes live in <c>attachment_contents</c>, written and streamed with raw Npgsql so they never pass
/// through a tracked entity. The type is what <see cref="FileSniffer"/> read from the content.
/// </summary>
public class Attachment
{
    public const int FileNameMaxLength = 200;

    private Attachment()
    {
    }

    internal Attachment(AttachmentOwner ownerKind, Guid ownerId, Guid agencyId, string fileName, FileKind kind, long sizeBytes, string sha256, Actor by, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        OwnerKind = ownerKind;
        OwnerId = ownerId;
        AgencyId = agencyId;
        FileName = fileName;
        Kind = kind;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedByUserId = by.UserId;
        UploadedByName = by.Name;
        UploadedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public AttachmentOwner OwnerKind { get; private set; }

    /// <summary>The record the file belongs to (for <see cref="AttachmentOwner.VisitLog"/>, the log's id).</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The agency whose record it is, so ownership can be checked without knowing the owner's kind.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The name as uploaded (Unicode NFC, no path), Korean kept.</summary>
    public string FileName { get; private set; } = "";

    public FileKind Kind { get; private set; }

    public string ContentType => FileSniffer.ContentTypeOf(Kind);

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, hex: lets an export or an audit show the file was not changed.</summary>
    public string Sha256 { get; private set; } = "";

    public Guid UploadedByUserId { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }
}

public enum AttachmentOwner
{
    VisitLog,

    /// <summary>Evidence the agency attaches to a recommendation's follow-up.</summary>
    Recommendation,
}

/// <summary>Settings under "Consulting:Attachments".</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Consulting:Attachments";

    /// <summary>The largest file accepted, in bytes (20 MB unless configured).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxFilesPerRecord { get; set; } = 20;
}

/// <summary>A file's row as lists show it.</summary>
public sealed record AttachmentRow(Guid Id, string FileName, FileKind Kind, string ContentType, long SizeBytes, string UploadedByName, DateTime UploadedAtUtc)
{
    public bool IsImage => FileSniffer.IsImage(Kind);
}

/// <summary>An open download: the caller copies <see cref="Content"/> to the response, then disposes (which closes the connection).</summary>
public sealed class AttachmentDownload(AttachmentRow file, Stream content, IAsyncDisposable owner) : IAsyncDisposable
{
    public AttachmentRow File { get; } = file;

    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        await owner.DisposeAsync();
    }
}
