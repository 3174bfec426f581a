using Consulting.Domain.Agencies;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.VisitLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("recommendations");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(Recommendation.TitleMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Recommendation.DescriptionMaxLength).IsRequired();
        builder.Property(r => r.EvidenceExpected).HasMaxLength(Recommendation.EvidenceMaxLength);
        builder.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.StatusBeforeProposal).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.PlanWhat).HasMaxLength(Recommendation.PlanMaxLength);
        builder.Property(r => r.PlanOwner).HasMaxLength(Recommendation.OwnerMaxLength);
        builder.Property(r => r.NotAdoptedReason).HasMaxLength(Recommendation.NoteMaxLength);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(r => r.CreatedByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.HasOne<VisitLog>().WithMany().HasForeignKey(r => r.VisitLogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.VisitLogId);
        builder.HasIndex(r => new { r.AgencyId, r.DueDate });
        builder.HasIndex(r => new { r.EngagementId, r.Status });
        builder.HasIndex(r => new { r.ProgramId, r.Status, r.AreaId });
        builder.HasIndex(r => new { r.Status, r.DueDate });
    }
}

internal sealed class RecommendationEventConfiguration : IEntityTypeConfiguration<RecommendationEvent>
{
    public void Configure(EntityTypeBuilder<RecommendationEvent> builder)
    {
        builder.ToTable("recommendation_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ByName).HasMaxLength(Identity.ApplicationUser.DisplayNameMaxLength).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(Recommendation.PlanMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(Recommendation.OwnerMaxLength);
        builder.HasIndex(e => new { e.RecommendationId, e.AtUtc });
    }
}
