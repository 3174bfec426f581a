using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Consulting.Testing;

/// <summary>
/// The PostgreSQL server the tests use: CONSULTING_TEST_DB when set (scripts/test starts one cluster for the whole
/// run and sets it), otherwise a throwaway cluster this process starts through scripts/lib/pg-cluster and stops at exit.
/// </summary>
public static class TestDatabaseServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;

    public static async Task<string> GetConnectionStringAsync()
    {
        if (_connectionString is not null)
        {
            return _connectionString;
        }

        await Gate.WaitAsync();
        try
        {
            _connectionString ??= Environment.GetEnvironmentVariable("CONSULTING_TEST_DB") is { Length: > 0 } configured
                ? configured
                : await StartThrowawayClusterAsync();
            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartThrowawayClusterAsync()
    {
        var root = RepositoryRoot();
        var directory = Path.Combine(Path.GetTempPath(), $"consulting-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var port = FreePort();
        // pg-cluster stops the cluster itself once this process has gone, however the test host ends.
        await RunAsync(
            root,
            "start",
            directory,
            port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "consulting",
            Password = "consulting",
            Database = "postgres",
        }.ConnectionString;
    }

    private static async Task RunAsync(string root, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "lib", "pg-cluster"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg-cluster {string.Join(' ', args)} failed: {await output}{await error}");
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Consulting.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Consulting.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
