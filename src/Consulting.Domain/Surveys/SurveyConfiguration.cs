using Consulting.Domain.Agencies;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Surveys;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    private static readonly string[] ScoreColumns = ["expertise", "usefulness", "communication", "schedule_fit", "overall"];

    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses", t =>
        {
            foreach (var column in ScoreColumns)
            {
                t.HasCheckConstraint($"ck_survey_responses_{column}", $"{column} BETWEEN 1 AND 5");
            }
        });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Comment).HasMaxLength(SurveyResponse.CommentMaxLength);

        // One response per engagement: the database refuses the second of two sent at once.
        builder.HasIndex(r => r.EngagementId).IsUnique();
        builder.HasIndex(r => new { r.ProgramId, r.AreaId });
        builder.HasIndex(r => r.ConsultantId);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ConsultingProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgramArea>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consultant>().WithMany().HasForeignKey(r => r.ConsultantId).OnDelete(DeleteBehavior.Restrict);
    }
}
