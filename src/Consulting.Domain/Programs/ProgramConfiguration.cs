using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Programs;

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<ConsultingProgram>
{
    public void Configure(EntityTypeBuilder<ConsultingProgram> builder)
    {
        builder.ToTable("programs");
        builder.Property(p => p.Name).HasMaxLength(ConsultingProgram.NameMaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(ConsultingProgram.DescriptionMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.ConsultingPeriod);
        builder.Ignore(p => p.RecruitmentWindow);
        builder.Ignore(p => p.PlannedVisitsPerParticipant);
        builder.HasMany(p => p.Areas).WithOne().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Areas).AutoInclude(false);
        builder.HasIndex(p => new { p.Year, p.Kind });
        builder.ToTable(t => t.HasCheckConstraint("ck_programs_period", "consulting_end >= consulting_start"));
    }
}

internal sealed class ProgramAreaConfiguration : IEntityTypeConfiguration<ProgramArea>
{
    public void Configure(EntityTypeBuilder<ProgramArea> builder)
    {
        builder.ToTable("program_areas");
        builder.Property(a => a.Code).HasMaxLength(60).IsRequired();
        builder.Property(a => a.NameKo).HasMaxLength(ProgramArea.NameMaxLength).IsRequired();
        builder.Property(a => a.NameEn).HasMaxLength(ProgramArea.NameMaxLength).IsRequired();
        builder.Ignore(a => a.Topics);
        builder.Property<List<string>>("_topics").HasColumnName("topics");
        builder.HasIndex(a => new { a.ProgramId, a.Code }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_program_areas_planned_visits", $"planned_visits BETWEEN 1 AND {ProgramArea.MaxPlannedVisits}"));
    }
}
