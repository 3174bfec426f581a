using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Consulting.Domain.Data;

/// <summary>Used by `dotnet ef` only (see README, "Adding a migration"); it never connects to build a migration.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConsultingDbContext>
{
    public ConsultingDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Consulting")
            ?? "Host=127.0.0.1;Port=55432;Database=consulting;Username=consulting;Password=consulting";
        var options = new DbContextOptionsBuilder<ConsultingDbContext>().UseConsultingDatabase(connectionString).Options;
        return new ConsultingDbContext(options);
    }
}
