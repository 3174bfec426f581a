namespace Consulting.Domain.Common;

/// <summary>The programmes run on Korean calendar days, whatever the server's own time zone is.</summary>
public static class SeoulTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>A UTC instant as the wall-clock time in Seoul.</summary>
    public static DateTime ToSeoul(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in Seoul as the UTC instant stored in the database.</summary>
    public static DateTime ToUtc(DateTime seoul) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(seoul, DateTimeKind.Unspecified), Zone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToSeoul(utc));

    /// <summary>The Monday of the Seoul week that <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
