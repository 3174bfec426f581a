using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength).IsRequired();
        builder.Property(a => a.District).HasMaxLength(Agency.DistrictMaxLength).IsRequired();
        builder.Property(a => a.Address).HasMaxLength(Agency.AddressMaxLength);
        builder.Property(a => a.Phone).HasMaxLength(Agency.PhoneMaxLength);
        builder.Property(a => a.Email).HasMaxLength(Agency.EmailMaxLength);
        builder.Property(a => a.TypeCode).HasMaxLength(AgencyType.CodeMaxLength).IsRequired();
        builder.HasOne(a => a.Type).WithMany().HasForeignKey(a => a.TypeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => new { a.TypeCode, a.District });
    }
}

internal sealed class AgencyTypeConfiguration : IEntityTypeConfiguration<AgencyType>
{
    public void Configure(EntityTypeBuilder<AgencyType> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(AgencyType.CodeMaxLength);
        builder.Property(t => t.NameKo).HasMaxLength(AgencyType.NameMaxLength).IsRequired();
        builder.Property(t => t.NameEn).HasMaxLength(AgencyType.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.NameKo).IsUnique();

        // Reference data every installation needs, so it ships with the schema rather than the demo data.
        builder.HasData(AgencyTypeCodes.Defaults());
    }
}
