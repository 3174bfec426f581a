using Consulting.Domain.Agencies;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Recruitment;

internal sealed class ProgramApplicationConfiguration : IEntityTypeConfiguration<ProgramApplication>
{
    public void Configure(EntityTypeBuilder<ProgramApplication> builder)
    {
        builder.ToTable("applications");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ContactName).HasMaxLength(ProgramApplication.ContactNameMaxLength).IsRequired();
        builder.Property(a => a.ContactPhone).HasMaxLength(ProgramApplication.ContactPhoneMaxLength);
        builder.Property(a => a.ContactEmail).HasMaxLength(ProgramApplication.ContactEmailMaxLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(ProgramApplication.ReasonMaxLength);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);

        // One application per agency and programme: a withdrawn one is reopened, not duplicated.
        builder.HasIndex(a => new { a.ProgramId, a.AgencyId }).IsUnique();
        builder.HasIndex(a => new { a.ProgramId, a.Status });
        builder.HasIndex(a => a.AgencyId);

        builder.OwnsMany(a => a.AreaRequests, request =>
        {
            request.ToTable("application_areas");
            request.WithOwner().HasForeignKey("ApplicationId");
            request.HasKey("ApplicationId", nameof(AreaRequest.AreaId));
            request.Property(r => r.Needs).HasMaxLength(AreaRequest.TextMaxLength);
            request.Property(r => r.HopedChange).HasMaxLength(AreaRequest.TextMaxLength);
            request.HasOne<ProgramArea>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(a => a.AreaRequests).AutoInclude();
    }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("engagements");
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(e => e.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Consultants.Consultant>().WithMany().HasForeignKey(e => e.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Visits).WithOne().HasForeignKey(v => v.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Assignments).WithOne().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);

        // The database, not only the code, refuses a second engagement for the same agency and area.
        builder.HasIndex(e => new { e.ProgramId, e.AgencyId, e.AreaId }).IsUnique();
        builder.HasIndex(e => e.AgencyId);
        builder.HasIndex(e => e.ConsultantId);
        builder.ToTable(t => t.HasCheckConstraint("ck_engagements_planned_visits", "planned_visits >= 1"));
        builder.Property(e => e.ClosingOpinion).HasMaxLength(Engagement.ClosingOpinionMaxLength);
        builder.Property(e => e.ClosingOpinionByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength);
    }
}
