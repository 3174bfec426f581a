using System.Security.Cryptography;
using System.Text;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Consulting.Testing;

/// <summary>
/// A fresh database for one test class, cloned from a template that is migrated once per schema version
/// (CREATE DATABASE … TEMPLATE is a file copy: far faster than migrating each time).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..20];

    public async Task InitializeAsync()
    {
        var server = await TestDatabaseServer.GetConnectionStringAsync();
        var template = await TemplateDatabase.EnsureAsync(server);
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\" TEMPLATE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var server = await TestDatabaseServer.GetConnectionStringAsync();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public ConsultingDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<ConsultingDbContext>().UseConsultingDatabase(ConnectionString).Options);

    public IDbContextFactory<ConsultingDbContext> CreateFactory() => new Factory(this);

    private sealed class Factory(TestDatabase database) : IDbContextFactory<ConsultingDbContext>
    {
        public ConsultingDbContext CreateDbContext() => database.CreateContext();
    }
}

internal static class TemplateDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _name;

    /// <summary>Creates the template for the current migrations once; other test processes wait on an advisory lock.</summary>
    public static async Task<string> EnsureAsync(string server)
    {
        if (_name is not null)
        {
            return _name;
        }

        await Gate.WaitAsync();
        try
        {
            if (_name is not null)
            {
                return _name;
            }

            var name = "consulting_tpl_" + SchemaHash();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await Execute(connection, "SELECT pg_advisory_lock(727001)");
            try
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = name + "_building";
                    await Execute(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await Execute(connection, $"CREATE DATABASE \"{building}\"");
                    var target = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
                    await using (var db = new ConsultingDbContext(new DbContextOptionsBuilder<ConsultingDbContext>().UseConsultingDatabase(target).Options))
                    {
                        await db.Database.MigrateAsync();
                    }

                    // Renamed only when complete, so a crash never leaves a half-built template behind.
                    await Execute(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await Execute(connection, "SELECT pg_advisory_unlock(727001)");
            }

            _name = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The template's name follows the migrations, so a reused server never serves an old schema.</summary>
    private static string SchemaHash()
    {
        using var db = new ConsultingDbContext(new DbContextOptionsBuilder<ConsultingDbContext>().UseConsultingDatabase("Host=unused").Options);
        var ids = string.Join(",", db.Database.GetMigrations());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
    }
}
