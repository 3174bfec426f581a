using Consulting.Domain.Agencies;
using Consulting.Domain.Data;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Assessments;

internal sealed class AssessmentChecklistConfiguration : IEntityTypeConfiguration<AssessmentChecklist>
{
    public void Configure(EntityTypeBuilder<AssessmentChecklist> builder)
    {
        builder.ToTable("assessment_checklists");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Indicators).HasJsonConversion();
        builder.Property(c => c.UpdatedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength);
        builder.HasIndex(c => new { c.ProgramId, c.AreaId }).IsUnique();
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Items).HasJsonConversion();
        builder.Property(a => a.SubmittedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength);
        builder.Property(a => a.RatedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength);

        // One assessment per engagement and phase, also when two people start it at once.
        builder.HasIndex(a => new { a.EngagementId, a.Phase }).IsUnique();
        builder.HasIndex(a => new { a.ProgramId, a.AreaId, a.Status });
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(a => a.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
