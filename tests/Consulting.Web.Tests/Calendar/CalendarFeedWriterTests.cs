using System.Text;
using Consulting.Web.Features.Calendar;

namespace Consulting.Web.Tests.Calendar;

/// <summary>The visit feed, read back through <see cref="StrictICalendarReader"/>.</summary>
public class CalendarFeedWriterTests
{
    private static readonly DateTime Now = new(2025, 6, 1, 0, 30, 0, DateTimeKind.Utc);

    private static FeedEvent Visit(Guid? id = null) => new(
        id ?? Guid.Parse("6f1c1c1e-3d6b-4f0e-9a57-0b5d2a9e4c11"),
        Sequence: 0,
        StartUtc: new DateTime(2025, 6, 3, 1, 0, 0, DateTimeKind.Utc),
        EndUtc: new DateTime(2025, 6, 3, 3, 0, 0, DateTimeKind.Utc),
        Summary: "해솔 종합사회복지관 · 조직 관리 1회차",
        Location: "서울특별시 중구 세종대로 110",
        Description: "기관 현황 점검",
        Status: FeedEventStatus.Confirmed,
        LastModifiedUtc: new DateTime(2025, 5, 20, 8, 15, 0, DateTimeKind.Utc));

    private static string Feed(params FeedEvent[] events) => CalendarFeedWriter.Write("김민준 방문 일정", events, Now);

    private static IReadOnlyDictionary<string, string> ReadSingle(FeedEvent visit) =>
        Assert.Single(StrictICalendarReader.Read(Feed(visit)).Events);

    private static List<byte[]> PhysicalLines(string feed) =>
        [.. feed.Split("\r\n")[..^1].Select(Encoding.UTF8.GetBytes)];

    [Fact]
    public void WritesThePublishingCalendarHeaders()
    {
        var calendar = StrictICalendarReader.Read(CalendarFeedWriter.Write("김민준 컨설턴트, 방문 일정; 2025", [Visit()], Now)).Calendar;

        Assert.Equal("2.0", calendar["VERSION"]);
        Assert.Equal(CalendarFeedWriter.ProductId, calendar["PRODID"]);
        Assert.Equal("GREGORIAN", calendar["CALSCALE"]);
        Assert.Equal("PUBLISH", calendar["METHOD"]);
        Assert.Equal("김민준 컨설턴트, 방문 일정; 2025", calendar["X-WR-CALNAME"]);
        Assert.Equal("Asia/Seoul", calendar["X-WR-TIMEZONE"]);
    }

    [Fact]
    public void EndsEveryLineWithCrlf()
    {
        var feed = Feed(Visit() with { Description = "첫 줄\n둘째 줄\r\n셋째 줄" });

        Assert.EndsWith("END:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.Equal(feed.Split('\n').Length - 1, feed.Split("\r\n").Length - 1);
        Assert.Equal(feed.Split('\r').Length - 1, feed.Split("\r\n").Length - 1);
    }

    [Fact]
    public void FoldsLongKoreanSummaryAndDescriptionAndRoundTripsExactly()
    {
        var summary = string.Concat(Enumerable.Repeat("해솔 종합사회복지관 사례 관리 3회차 방문 — ", 5)); // 130 characters
        var description = string.Join('\n', Enumerable.Repeat("지난 회차 권고 사항의 이행 여부를 확인하고 사례 회의록을 함께 검토합니다.", 6));
        Assert.True(summary.Length > 100);

        var feed = Feed(Visit() with { Summary = summary, Description = description });
        var visit = Assert.Single(StrictICalendarReader.Read(feed).Events);

        Assert.Equal(summary, visit["SUMMARY"]);
        Assert.Equal(description, visit["DESCRIPTION"]);
        var lines = PhysicalLines(feed);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 75));
        Assert.True(lines.Count(l => l[0] == (byte)' ') >= 10, "the long values were folded onto continuation lines");
        // Full lines are filled up to the limit, short of a 3-octet syllable at most.
        Assert.Contains(lines, l => l.Length >= 73);
    }

    [Fact]
    public void FillsFoldedLinesToExactlySeventyFiveOctets()
    {
        var feed = Feed(Visit() with { Summary = new string('a', 300) });

        var summaryLines = PhysicalLines(feed).SkipWhile(l => !l.AsSpan().StartsWith("SUMMARY:"u8)).Take(4).ToList();

        Assert.All(summaryLines, l => Assert.Equal(75, l.Length));
        Assert.Equal(new string('a', 300), ReadSingle(Visit() with { Summary = new string('a', 300) })["SUMMARY"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NeverFoldsInsideACharacterWhereverTheBoundaryFalls(int asciiPrefix)
    {
        // Two- three- and four-octet characters; the last two (an emoji and a CJK Extension B ideograph) are
        // surrogate pairs in .NET strings, which a char-by-char folder splits.
        var summary = new string('x', asciiPrefix) + string.Concat(Enumerable.Repeat("é가😀𠮷", 40));

        var feed = Feed(Visit() with { Summary = summary });

        Assert.Equal(summary, Assert.Single(StrictICalendarReader.Read(Encoding.UTF8.GetBytes(feed)).Events)["SUMMARY"]);
        Assert.DoesNotContain('\uFFFD', feed);
    }

    [Fact]
    public void EscapesSemicolonCommaBackslashAndNewlines()
    {
        var visit = Visit() with
        {
            Summary = @"조직 관리; 2회차, 점검 \ 보고",
            Location = "서울시 중구, 3층; \"대회의실\" \\\\nas",
            Description = "첫 줄\n둘째 줄\r\n셋째 줄\r넷째 줄\n\n",
        };

        var feed = Feed(visit);
        var read = Assert.Single(StrictICalendarReader.Read(feed).Events);

        Assert.Contains(@"SUMMARY:조직 관리\; 2회차\, 점검 \\ 보고" + "\r\n", feed, StringComparison.Ordinal);
        Assert.Equal(visit.Summary, read["SUMMARY"]);
        Assert.Equal(visit.Location, read["LOCATION"]);
        Assert.Equal("첫 줄\n둘째 줄\n셋째 줄\n넷째 줄\n\n", read["DESCRIPTION"]);
    }

    [Fact]
    public void DropsControlCharactersButKeepsTabs()
    {
        var read = ReadSingle(Visit() with { Summary = "방문\u0007 일정\t(확정)\u001b" });

        Assert.Equal("방문 일정\t(확정)", read["SUMMARY"]);
    }

    [Fact]
    public void WritesEveryTimeInUtcWithZ()
    {
        var read = ReadSingle(Visit());

        Assert.Equal("20250603T010000Z", read["DTSTART"]);
        Assert.Equal("20250603T030000Z", read["DTEND"]);
        Assert.Equal("20250601T003000Z", read["DTSTAMP"]);
        Assert.Equal("20250520T081500Z", read["LAST-MODIFIED"]);
    }

    [Fact]
    public void TreatsUnspecifiedKindAsUtc()
    {
        var visit = Visit();
        var unspecified = visit with
        {
            StartUtc = DateTime.SpecifyKind(visit.StartUtc, DateTimeKind.Unspecified),
            EndUtc = DateTime.SpecifyKind(visit.EndUtc, DateTimeKind.Unspecified),
        };

        Assert.Equal("20250603T010000Z", ReadSingle(unspecified)["DTSTART"]);
    }

    [Fact]
    public void UidComesFromTheVisitIdAndStaysTheSameAcrossChanges()
    {
        var first = Visit();
        var changed = first with { Sequence = 3, Summary = "일정 변경", StartUtc = first.StartUtc.AddDays(1), EndUtc = first.EndUtc.AddDays(1) };

        var before = StrictICalendarReader.Read(CalendarFeedWriter.Write("일정", [first], Now)).Events[0]["UID"];
        var after = StrictICalendarReader.Read(CalendarFeedWriter.Write("일정", [changed], Now.AddHours(5))).Events[0]["UID"];
        var other = ReadSingle(Visit(Guid.NewGuid()))["UID"];

        Assert.Equal("6f1c1c1e-3d6b-4f0e-9a57-0b5d2a9e4c11@consulting", before);
        Assert.Equal(before, after);
        Assert.NotEqual(before, other);
    }

    [Fact]
    public void WritesTheSequenceOfTheVisit() =>
        Assert.Equal("7", ReadSingle(Visit() with { Sequence = 7 })["SEQUENCE"]);

    [Theory]
    [InlineData(FeedEventStatus.Tentative, "TENTATIVE")]
    [InlineData(FeedEventStatus.Confirmed, "CONFIRMED")]
    [InlineData(FeedEventStatus.Cancelled, "CANCELLED")]
    public void WritesTheStatus(FeedEventStatus status, string expected) =>
        Assert.Equal(expected, ReadSingle(Visit() with { Status = status })["STATUS"]);

    [Fact]
    public void CancelledVisitStaysInTheFeedMarkedCancelled()
    {
        var kept = Visit(Guid.NewGuid());
        var cancelled = Visit(Guid.NewGuid()) with { Status = FeedEventStatus.Cancelled, Sequence = 2 };

        var events = StrictICalendarReader.Read(Feed(kept, cancelled)).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal("CONFIRMED", events[0]["STATUS"]);
        Assert.Equal($"{cancelled.Id}@consulting", events[1]["UID"]);
        Assert.Equal("CANCELLED", events[1]["STATUS"]);
        Assert.Equal("2", events[1]["SEQUENCE"]);
    }

    [Fact]
    public void OmitsLocationAndDescriptionWhenThereAreNone()
    {
        var read = ReadSingle(Visit() with { Location = null, Description = "  " });

        Assert.False(read.ContainsKey("LOCATION"));
        Assert.False(read.ContainsKey("DESCRIPTION"));
        Assert.Equal("해솔 종합사회복지관 · 조직 관리 1회차", read["SUMMARY"]);
    }

    [Fact]
    public void EmptyCalendarIsValid()
    {
        var feed = CalendarFeedWriter.Write("방문 일정", [], Now);

        var calendar = StrictICalendarReader.Read(feed);

        Assert.Empty(calendar.Events);
        Assert.Equal("방문 일정", calendar.Calendar["X-WR-CALNAME"]);
        Assert.Equal("PUBLISH", calendar.Calendar["METHOD"]);
    }

    [Fact]
    public void RefusesAVisitThatEndsBeforeItStarts()
    {
        var visit = Visit();

        Assert.Throws<ArgumentException>(() => Feed(visit with { EndUtc = visit.StartUtc.AddMinutes(-1) }));
        Assert.Throws<ArgumentException>(() => Feed(visit with { EndUtc = visit.StartUtc }));
    }
}
