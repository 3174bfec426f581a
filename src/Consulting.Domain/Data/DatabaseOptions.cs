using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Data;

public static class DatabaseOptions
{
    /// <summary>The one place the provider is configured, shared by the app, the tests and the design-time factory.</summary>
    public static TBuilder UseConsultingDatabase<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        return builder;
    }
}
