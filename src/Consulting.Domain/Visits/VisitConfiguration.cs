using Consulting.Domain.Agencies;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        // Ids are made by the entity, so EF adds a new visit found in an engagement's collection instead of updating it.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Place).HasMaxLength(Visit.PlaceMaxLength);
        builder.Property(v => v.StatusReason).HasMaxLength(Visit.ReasonMaxLength);
        builder.Property(v => v.ChangeRequest).HasMaxLength(Visit.ReasonMaxLength);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(v => v.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(v => v.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consultant>().WithMany().HasForeignKey(v => v.ConsultantId).OnDelete(DeleteBehavior.Restrict);

        // Visit k of an engagement exists once; the clash rules are exclusion constraints written in the migration
        // (EF cannot model them): ex_visits_consultant_overlap and ex_visits_agency_overlap.
        builder.HasIndex(v => new { v.EngagementId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.ProgramId, v.StartsAtUtc });
        builder.HasIndex(v => new { v.ConsultantId, v.StartsAtUtc });
        builder.HasIndex(v => new { v.AgencyId, v.StartsAtUtc });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_visits_number", "number >= 1");
            t.HasCheckConstraint("ck_visits_time", "ends_at_utc > starts_at_utc");
        });

        builder.HasMany(v => v.Changes).WithOne().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Changes).HasField("_changes");
    }
}

internal sealed class VisitChangeConfiguration : IEntityTypeConfiguration<VisitChange>
{
    public void Configure(EntityTypeBuilder<VisitChange> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.ToTable("visit_changes");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OldStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.NewStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(Visit.ReasonMaxLength);
        builder.Property(c => c.OverriddenWarnings).HasMaxLength(VisitChange.WarningsMaxLength);
        builder.HasIndex(c => new { c.VisitId, c.AtUtc });
    }
}

internal sealed class EngagementAssignmentConfiguration : IEntityTypeConfiguration<EngagementAssignment>
{
    public void Configure(EntityTypeBuilder<EngagementAssignment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.ToTable("engagement_assignments");
        builder.Property(a => a.Reason).HasMaxLength(Engagement.ReasonMaxLength);
        builder.Property(a => a.ByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.HasOne<Consultant>().WithMany().HasForeignKey(a => a.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consultant>().WithMany().HasForeignKey(a => a.PreviousConsultantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EngagementId, a.AtUtc });
    }
}
