using Consulting.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.Ignore(a => a.ContentType);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OwnerKind, a.OwnerId });
        builder.ToTable(t => t.HasCheckConstraint("ck_attachments_size", "size_bytes > 0"));
    }
}

/// <summary>The bytes of an attachment, in their own table so no query of the rows ever reads them.</summary>
internal sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }

    public byte[] Content { get; set; } = [];
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        // Files are already compressed (images, PDF, OOXML): keep PostgreSQL from trying again.
        builder.Property(c => c.Content).HasColumnName("content").IsRequired();
    }
}
