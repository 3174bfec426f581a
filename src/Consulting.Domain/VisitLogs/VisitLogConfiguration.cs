using Consulting.Domain.Agencies;
using Consulting.Domain.Consultants;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.VisitLogs;

internal sealed class VisitLogConfiguration : IEntityTypeConfiguration<VisitLog>
{
    public void Configure(EntityTypeBuilder<VisitLog> builder)
    {
        builder.ToTable("visit_logs");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.TemplateCode).HasMaxLength(LogTemplate.CodeMaxLength).IsRequired();
        builder.Property(l => l.Attendees).HasJsonConversion();
        builder.Property(l => l.Topics).HasJsonConversion();
        builder.Property(l => l.Sections).HasJsonConversion();
        builder.Property(l => l.NextSteps).HasJsonConversion();
        builder.Property(l => l.Agenda).HasJsonConversion();
        builder.Property(l => l.PrivateNote).HasMaxLength(VisitLog.NoteMaxLength);
        builder.Property(l => l.ReturnComment).HasMaxLength(VisitLog.CommentMaxLength);

        // One log a visit; the queue reads submitted logs oldest first; the agency reads its own.
        builder.HasIndex(l => l.VisitId).IsUnique();
        builder.HasIndex(l => new { l.Status, l.SubmittedAtUtc });
        builder.HasIndex(l => new { l.AgencyId, l.Status });
        builder.HasIndex(l => l.EngagementId);
        builder.HasIndex(l => l.ConsultantId);
        builder.HasOne<Visit>().WithMany().HasForeignKey(l => l.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(l => l.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(l => l.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consultant>().WithMany().HasForeignKey(l => l.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_visit_logs_time", "actual_ends_at_utc IS NULL OR actual_starts_at_utc IS NULL OR actual_ends_at_utc > actual_starts_at_utc"));

        builder.HasMany(l => l.Events).WithOne().HasForeignKey(e => e.LogId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Events).HasField("_events");
        builder.HasMany(l => l.Amendments).WithOne().HasForeignKey(a => a.LogId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Amendments).HasField("_amendments");
    }
}

internal sealed class VisitLogEventConfiguration : IEntityTypeConfiguration<VisitLogEvent>
{
    public void Configure(EntityTypeBuilder<VisitLogEvent> builder)
    {
        builder.ToTable("visit_log_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.Property(e => e.Comment).HasMaxLength(VisitLog.CommentMaxLength);
        builder.HasIndex(e => new { e.LogId, e.AtUtc });
    }
}

internal sealed class VisitLogAmendmentConfiguration : IEntityTypeConfiguration<VisitLogAmendment>
{
    public void Configure(EntityTypeBuilder<VisitLogAmendment> builder)
    {
        builder.ToTable("visit_log_amendments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SectionKey).HasMaxLength(LogTemplate.CodeMaxLength);
        builder.Property(a => a.Text).HasMaxLength(VisitLog.SectionTextMaxLength).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(VisitLog.CommentMaxLength).IsRequired();
        builder.Property(a => a.ByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.HasIndex(a => new { a.LogId, a.Number }).IsUnique();
    }
}

internal sealed class LogTemplateConfiguration : IEntityTypeConfiguration<LogTemplate>
{
    public void Configure(EntityTypeBuilder<LogTemplate> builder)
    {
        builder.ToTable("log_templates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Code).HasMaxLength(LogTemplate.CodeMaxLength).IsRequired();
        builder.Property(t => t.NameKo).HasMaxLength(LogTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.NameEn).HasMaxLength(LogTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.AreaCodes).HasJsonConversion();
        builder.Property(t => t.Sections).HasJsonConversion();
        builder.Property(t => t.UpdatedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();

        // The default templates ship with the schema, like the roles: every installation starts with them.
        builder.HasData(DefaultLogTemplates.All.Select(t => new
        {
            t.Id,
            t.Code,
            t.NameKo,
            t.NameEn,
            t.AreaCodes,
            t.Sections,
        }));
    }
}
