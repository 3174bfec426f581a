namespace Consulting.Web.Hosting;

/// <summary>The app's log events, source-generated so a disabled level costs nothing.</summary>
internal static partial class LogEvents
{
    [LoggerMessage(1, LogLevel.Information, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms")]
    public static partial void Request(ILogger logger, string method, PathString path, int statusCode, double elapsed);

    [LoggerMessage(2, LogLevel.Information, "Database migrated")]
    public static partial void Migrated(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Demo data loaded")]
    public static partial void DemoLoaded(ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Demo:Seed is ignored in Production: demo accounts have published passwords")]
    public static partial void DemoRefused(ILogger logger);

    [LoggerMessage(5, LogLevel.Information, "User {UserId} signed in")]
    public static partial void SignedIn(ILogger logger, Guid userId);

    [LoggerMessage(6, LogLevel.Warning, "Sign-in locked out for {UserId}")]
    public static partial void LockedOut(ILogger logger, Guid userId);
}
