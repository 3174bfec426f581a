using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Visits;

/// <summary>Spot checks of the maintained holiday list against the official calendars for 2025–2027.</summary>
public class KoreanHolidaysTests
{
    private static readonly DateOnly[] SubstituteHolidays =
    [
        new(2025, 3, 3), new(2025, 5, 6), new(2025, 10, 8),
        new(2026, 3, 2), new(2026, 5, 25), new(2026, 8, 17), new(2026, 10, 5),
        new(2027, 2, 9), new(2027, 8, 16), new(2027, 10, 4), new(2027, 10, 11), new(2027, 12, 27),
    ];

    [Fact]
    public void TheSubstituteHolidaysAreExactlyTheOfficialOnes()
    {
        var listed = KoreanHolidays.All.Where(h => h.Name.Ko == "대체공휴일").Select(h => h.Date);

        Assert.Equal(SubstituteHolidays, listed);
    }

    [Fact]
    public void EverySubstituteHolidayFallsOnAWeekday()
    {
        Assert.All(KoreanHolidays.All.Where(h => h.Name.Ko == "대체공휴일"), h => Assert.False(KoreanHolidays.IsWeekend(h.Date), h.Date.ToString("O")));
    }

    [Theory]
    [InlineData(2025, 1, 1, "신정")]
    [InlineData(2025, 1, 27, "임시공휴일")]
    [InlineData(2025, 1, 29, "설날")]
    [InlineData(2025, 5, 5, "어린이날")]
    [InlineData(2025, 6, 3, "제21대 대통령 선거일")]
    [InlineData(2025, 6, 6, "현충일")]
    [InlineData(2025, 10, 6, "추석")]
    [InlineData(2025, 10, 9, "한글날")]
    [InlineData(2026, 2, 17, "설날")]
    [InlineData(2026, 5, 24, "부처님오신날")]
    [InlineData(2026, 6, 3, "제9회 전국동시지방선거일")]
    [InlineData(2026, 9, 25, "추석")]
    [InlineData(2027, 2, 7, "설날")]
    [InlineData(2027, 5, 13, "부처님오신날")]
    [InlineData(2027, 9, 15, "추석")]
    [InlineData(2027, 12, 25, "성탄절")]
    public void KnowsTheHolidaysOfTheYearsItCovers(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);

        Assert.True(KoreanHolidays.IsHoliday(date));
        Assert.Equal(name, KoreanHolidays.NameOf(date)?.Ko);
        Assert.False(KoreanHolidays.IsWorkingDay(date));
    }

    [Fact]
    public void ThePresidentialElectionOf2025IsADayOff()
    {
        var name = KoreanHolidays.NameOf(new DateOnly(2025, 6, 3));

        Assert.Equal("Presidential election day", name?.En);
    }

    [Theory]
    [InlineData(2025, 6, 10)]
    [InlineData(2026, 10, 6)]
    [InlineData(2027, 3, 2)]
    public void AnOrdinaryWeekdayIsAWorkingDay(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.False(KoreanHolidays.IsHoliday(date));
        Assert.Null(KoreanHolidays.NameOf(date));
        Assert.True(KoreanHolidays.IsWorkingDay(date));
    }

    [Fact]
    public void AWeekendIsNoWorkingDayThoughNoHoliday()
    {
        var saturday = new DateOnly(2025, 6, 14);

        Assert.False(KoreanHolidays.IsHoliday(saturday));
        Assert.False(KoreanHolidays.IsWorkingDay(saturday));
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2027, true)]
    [InlineData(2028, false)]
    public void SaysWhichYearsItCovers(int year, bool covered)
    {
        Assert.Equal(covered, KoreanHolidays.Covers(year));
    }

    [Fact]
    public void EveryListedDayLiesInTheCoveredYearsInDateOrder()
    {
        Assert.All(KoreanHolidays.All, h => Assert.True(KoreanHolidays.Covers(h.Date.Year)));
        Assert.Equal(KoreanHolidays.All.Select(h => h.Date).Order(), KoreanHolidays.All.Select(h => h.Date));
    }
}
