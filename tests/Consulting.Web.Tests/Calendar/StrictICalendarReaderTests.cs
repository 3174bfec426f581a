using System.Text;

namespace Consulting.Web.Tests.Calendar;

/// <summary>The reader the writer is judged by must itself refuse each thing RFC 5545 forbids.</summary>
public class StrictICalendarReaderTests
{
    // Each bad input below is this valid calendar with exactly one thing broken.
    private static readonly string[] Valid =
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Test//KO",
        "X-WR-CALNAME:김컨설턴트 방문 일정",
        "BEGIN:VEVENT",
        "UID:1@consulting",
        "DTSTAMP:20250601T000000Z",
        "DTSTART:20250603T010000Z",
        "DTEND:20250603T030000Z",
        "SEQUENCE:2",
        "SUMMARY:해솔\\, 2회차\\; 조직 \\\\ 점검\\n끝",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ];

    private static string Crlf(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\r\n"));

    private static string With(string original, params string[] replacement) =>
        Crlf(Valid.SelectMany(l => l == original ? replacement : [l]));

    private static string Without(string line) => Crlf(Valid.Where(l => l != line));

    private static void AssertRejected(ICalendarRule rule, string feed) => AssertRejected(rule, Encoding.UTF8.GetBytes(feed));

    private static void AssertRejected(ICalendarRule rule, byte[] feed)
    {
        var refusal = Assert.Throws<InvalidICalendarException>(() => StrictICalendarReader.Read(feed));
        Assert.Equal(rule, refusal.Rule);
    }

    [Fact]
    public void ReadsTheValidCalendarUnfoldedAndUnescaped()
    {
        var folded = With("SUMMARY:해솔\\, 2회차\\; 조직 \\\\ 점검\\n끝",
            "SUMMARY:해솔\\, 2회차\\; 조",
            " 직 \\\\ 점검\\n끝");

        var calendar = StrictICalendarReader.Read(folded);

        Assert.Equal("김컨설턴트 방문 일정", calendar.Calendar["X-WR-CALNAME"]);
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("해솔, 2회차; 조직 \\ 점검\n끝", visit["SUMMARY"]);
        Assert.Equal("1@consulting", visit["UID"]);
        Assert.Equal("20250603T010000Z", visit["DTSTART"]);
    }

    [Fact]
    public void RejectsALineOfSeventySixOctets()
    {
        // 7 + 68 = 75 octets is allowed; one more is not.
        Assert.Single(StrictICalendarReader.Read(With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "X-NOTE:" + new string('a', 68))).Events);

        AssertRejected(ICalendarRule.LineTooLong, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "X-NOTE:" + new string('a', 69)));
    }

    [Fact]
    public void CountsOctetsNotCharacters()
    {
        // 30 characters, 7 + 23 * 3 = 76 octets.
        AssertRejected(ICalendarRule.LineTooLong, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "X-NOTE:" + new string('가', 23)));
    }

    [Fact]
    public void RejectsABareLineFeed() =>
        AssertRejected(ICalendarRule.BareLineFeed, Crlf(Valid).Replace("STATUS:CONFIRMED\r\n", "STATUS:CONFIRMED\n", StringComparison.Ordinal));

    [Fact]
    public void RejectsABareCarriageReturn() =>
        AssertRejected(ICalendarRule.BareCarriageReturn, Crlf(Valid).Replace("STATUS:CONFIRMED\r\n", "STATUS:CONFIRMED\r", StringComparison.Ordinal));

    [Fact]
    public void RejectsAMissingFinalLineBreak() =>
        AssertRejected(ICalendarRule.MissingFinalLineBreak, Crlf(Valid).TrimEnd('\r', '\n'));

    [Fact]
    public void RejectsAFoldThatSplitsAUtf8Sequence()
    {
        var feed = Encoding.UTF8.GetBytes(With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "X-NOTE:방문"));
        var note = Encoding.UTF8.GetBytes("X-NOTE:방");
        var at = IndexOf(feed, note) + note.Length - 1; // between the second and third octet of 방
        byte[] split = [.. feed[..at], .. "\r\n "u8.ToArray(), .. feed[at..]];

        AssertRejected(ICalendarRule.SplitCharacter, split);
    }

    [Fact]
    public void RejectsAnUnescapedNewlineInAValue()
    {
        AssertRejected(ICalendarRule.MalformedContentLine, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "DESCRIPTION:첫 줄", "둘째 줄"));
        AssertRejected(ICalendarRule.UnknownProperty, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "DESCRIPTION:첫 줄", "Note: 둘째 줄"));
    }

    [Fact]
    public void RejectsUnescapedSeparatorsAndUnknownEscapesInText()
    {
        AssertRejected(ICalendarRule.UnescapedSeparator, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "LOCATION:서울; 중구"));
        AssertRejected(ICalendarRule.UnescapedSeparator, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "LOCATION:서울, 중구"));
        AssertRejected(ICalendarRule.InvalidEscape, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "LOCATION:C:\\temp"));
        AssertRejected(ICalendarRule.InvalidEscape, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "LOCATION:끝\\"));
    }

    [Fact]
    public void RejectsControlCharactersInAValue() =>
        AssertRejected(ICalendarRule.ControlCharacter, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", "LOCATION:벨\u0007"));

    [Fact]
    public void RejectsAnEmptyLineAndAContinuationWithNothingToContinue()
    {
        AssertRejected(ICalendarRule.EmptyLine, With("STATUS:CONFIRMED", "STATUS:CONFIRMED", ""));
        AssertRejected(ICalendarRule.ContinuationWithoutLine, " " + Crlf(Valid));
    }

    [Fact]
    public void RejectsUnbalancedBeginAndEnd()
    {
        AssertRejected(ICalendarRule.Unbalanced, Without("END:VEVENT"));
        AssertRejected(ICalendarRule.Unbalanced, Without("END:VCALENDAR"));
        AssertRejected(ICalendarRule.Unbalanced, With("END:VEVENT", "END:VTODO"));
        AssertRejected(ICalendarRule.Unbalanced, With("END:VEVENT", "END:VEVENT", "END:VEVENT"));
        AssertRejected(ICalendarRule.NotACalendar, Without("BEGIN:VCALENDAR"));
        AssertRejected(ICalendarRule.NotACalendar, Crlf(Valid) + "BEGIN:VCALENDAR\r\n");
    }

    [Theory]
    [InlineData("UID:1@consulting")]
    [InlineData("DTSTAMP:20250601T000000Z")]
    [InlineData("DTSTART:20250603T010000Z")]
    [InlineData("PRODID:-//Test//Test//KO")]
    [InlineData("VERSION:2.0")]
    public void RejectsAComponentWithoutARequiredProperty(string line) =>
        AssertRejected(ICalendarRule.MissingProperty, Without(line));

    [Fact]
    public void RejectsARepeatedProperty() =>
        AssertRejected(ICalendarRule.DuplicateProperty, With("SEQUENCE:2", "SEQUENCE:2", "SEQUENCE:3"));

    [Theory]
    [InlineData("DTSTAMP:20250601T000000Z", "DTSTAMP:20250601T000000")]
    [InlineData("DTSTART:20250603T010000Z", "DTSTART:2025-06-03T01:00:00Z")]
    [InlineData("SEQUENCE:2", "SEQUENCE:-1")]
    [InlineData("STATUS:CONFIRMED", "STATUS:DONE")]
    [InlineData("VERSION:2.0", "VERSION:1.0")]
    public void RejectsMalformedValues(string original, string broken) =>
        AssertRejected(ICalendarRule.InvalidValue, With(original, broken));

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        throw new InvalidOperationException("not found");
    }
}
