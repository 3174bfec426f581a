using Consulting.Domain.Common;

namespace Consulting.Domain.Visits;

/// <summary>
/// 공휴일: Korea's public holidays 2025–2027, with substitute holidays (대체공휴일) and the designated ones (임시공휴일,
/// election days). Lunar holidays move every year and the government designates extra days, so this is a maintained
/// list, not a calculation: add the next year before its programmes are scheduled (see docs/decisions.md).
/// </summary>
public static class KoreanHolidays
{
    public static readonly int FirstYear = 2025;
    public static readonly int LastYear = 2027;

    private static readonly BilingualName NewYear = new("신정", "New Year's Day");
    private static readonly BilingualName Seollal = new("설날", "Seollal (Lunar New Year)");
    private static readonly BilingualName Independence = new("삼일절", "Independence Movement Day");
    private static readonly BilingualName Children = new("어린이날", "Children's Day");
    private static readonly BilingualName Buddha = new("부처님오신날", "Buddha's Birthday");
    private static readonly BilingualName Memorial = new("현충일", "Memorial Day");
    private static readonly BilingualName Liberation = new("광복절", "Liberation Day");
    private static readonly BilingualName Chuseok = new("추석", "Chuseok");
    private static readonly BilingualName Foundation = new("개천절", "National Foundation Day");
    private static readonly BilingualName Hangul = new("한글날", "Hangul Day");
    private static readonly BilingualName Christmas = new("성탄절", "Christmas Day");
    private static readonly BilingualName Substitute = new("대체공휴일", "Substitute holiday");
    private static readonly BilingualName Temporary = new("임시공휴일", "Temporary public holiday");
    private static readonly BilingualName PresidentialElection = new("제21대 대통령 선거일", "Presidential election day");
    private static readonly BilingualName LocalElection = new("제9회 전국동시지방선거일", "Local elections day");

    private static readonly Dictionary<DateOnly, BilingualName> Days = Build(
        // 2025
        (D(2025, 1, 1), NewYear),
        (D(2025, 1, 27), Temporary),
        (D(2025, 1, 28), Seollal), (D(2025, 1, 29), Seollal), (D(2025, 1, 30), Seollal),
        (D(2025, 3, 1), Independence), (D(2025, 3, 3), Substitute),
        (D(2025, 5, 5), Children), // also Buddha's Birthday this year
        (D(2025, 5, 6), Substitute),
        (D(2025, 6, 3), PresidentialElection),
        (D(2025, 6, 6), Memorial),
        (D(2025, 8, 15), Liberation),
        (D(2025, 10, 3), Foundation),
        (D(2025, 10, 5), Chuseok), (D(2025, 10, 6), Chuseok), (D(2025, 10, 7), Chuseok), (D(2025, 10, 8), Substitute),
        (D(2025, 10, 9), Hangul),
        (D(2025, 12, 25), Christmas),

        // 2026
        (D(2026, 1, 1), NewYear),
        (D(2026, 2, 16), Seollal), (D(2026, 2, 17), Seollal), (D(2026, 2, 18), Seollal),
        (D(2026, 3, 1), Independence), (D(2026, 3, 2), Substitute),
        (D(2026, 5, 5), Children),
        (D(2026, 5, 24), Buddha), (D(2026, 5, 25), Substitute),
        (D(2026, 6, 3), LocalElection),
        (D(2026, 6, 6), Memorial),
        (D(2026, 8, 15), Liberation), (D(2026, 8, 17), Substitute),
        (D(2026, 9, 24), Chuseok), (D(2026, 9, 25), Chuseok), (D(2026, 9, 26), Chuseok),
        (D(2026, 10, 3), Foundation), (D(2026, 10, 5), Substitute),
        (D(2026, 10, 9), Hangul),
        (D(2026, 12, 25), Christmas),

        // 2027
        (D(2027, 1, 1), NewYear),
        (D(2027, 2, 6), Seollal), (D(2027, 2, 7), Seollal), (D(2027, 2, 8), Seollal), (D(2027, 2, 9), Substitute),
        (D(2027, 3, 1), Independence),
        (D(2027, 5, 5), Children),
        (D(2027, 5, 13), Buddha),
        (D(2027, 6, 6), Memorial),
        (D(2027, 8, 15), Liberation), (D(2027, 8, 16), Substitute),
        (D(2027, 9, 14), Chuseok), (D(2027, 9, 15), Chuseok), (D(2027, 9, 16), Chuseok),
        (D(2027, 10, 3), Foundation), (D(2027, 10, 4), Substitute),
        (D(2027, 10, 9), Hangul), (D(2027, 10, 11), Substitute),
        (D(2027, 12, 25), Christmas), (D(2027, 12, 27), Substitute));

    /// <summary>Every listed day with its name, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, BilingualName Name)> All { get; } =
        [.. Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value))];

    public static BilingualName? NameOf(DateOnly day) => Days.GetValueOrDefault(day);

    public static bool IsHoliday(DateOnly day) => Days.ContainsKey(day);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && !IsHoliday(day);

    /// <summary>Whether the list covers <paramref name="year"/>; outside it only weekends are known.</summary>
    public static bool Covers(int year) => year >= FirstYear && year <= LastYear;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Dictionary<DateOnly, BilingualName> Build(params (DateOnly Date, BilingualName Name)[] days) =>
        days.ToDictionary(d => d.Date, d => d.Name);
}
