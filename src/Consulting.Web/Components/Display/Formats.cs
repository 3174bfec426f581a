using System.Globalization;

namespace Consulting.Web.Components.Display;

/// <summary>How dates and numbers are shown: by the current culture, in the configured time zone (Asia/Seoul).</summary>
public static class Formats
{
    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Period(DateOnly start, DateOnly end) => $"{Date(start)} ~ {Date(end)}";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Today's date where the users are, not where the server is.</summary>
    public static DateOnly Today(TimeProvider clock) => Consulting.Domain.Common.SeoulTime.Today(clock);

    /// <summary>An instant stored in UTC, shown as the date and time in Seoul.</summary>
    public static string Instant(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Consulting.Domain.Common.SeoulTime.Zone)
            .ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The wall-clock time in Seoul of an instant stored in UTC, on the 24-hour clock both languages read alike.</summary>
    public static string Time(DateTime utc) => Consulting.Domain.Common.SeoulTime.ToSeoul(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A visit's day (with its weekday, since weekends matter) and its start and end in Seoul.</summary>
    public static string VisitTime(DateTime startUtc, DateTime endUtc)
    {
        var day = Consulting.Domain.Common.SeoulTime.DateOf(startUtc);
        return $"{Date(day)} ({day.ToString("ddd", CultureInfo.CurrentCulture)}) {Time(startUtc)}–{Time(endUtc)}";
    }
}
