using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Consulting.Domain.Identity;

/// <summary>The three roles exist in every installation, so they ship with the schema.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(
            Role("0193a000-0000-7000-8000-000000000001", Roles.Official),
            Role("0193a000-0000-7000-8000-000000000002", Roles.Consultant),
            Role("0193a000-0000-7000-8000-000000000003", Roles.AgencyStaff));

    private static IdentityRole<Guid> Role(string id, string name) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
