using Consulting.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Consultants;

internal sealed class ConsultantConfiguration : IEntityTypeConfiguration<Consultant>
{
    public void Configure(EntityTypeBuilder<Consultant> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Consultant.NameMaxLength).IsRequired();
        builder.Property(c => c.Affiliation).HasMaxLength(Consultant.AffiliationMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Consultant.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Consultant.EmailMaxLength);
        builder.Property(c => c.Region).HasMaxLength(Consultant.RegionMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Consultant.NotesMaxLength);
        builder.Property(c => c.Expertise).HasColumnType("text[]");
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<Consultant>(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasIndex(c => c.Name);
        builder.ToTable(t => t.HasCheckConstraint("ck_consultants_max_visits_per_week", $"max_visits_per_week BETWEEN 1 AND {Consultant.MaxVisitsPerWeekLimit}"));

        builder.OwnsMany(c => c.UnavailableDates, u =>
        {
            u.ToTable("consultant_unavailability", t => t.HasCheckConstraint("ck_consultant_unavailability_range", "\"end\" >= start"));
            u.WithOwner().HasForeignKey("ConsultantId");
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).ValueGeneratedNever();
            u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            u.Property(x => x.Note).HasMaxLength(Unavailability.NoteMaxLength);
            u.HasIndex("ConsultantId", nameof(Unavailability.Start));
        });
        builder.Navigation(c => c.UnavailableDates).AutoInclude();
    }
}
