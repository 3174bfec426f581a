using System.Globalization;
using System.Text;

namespace Consulting.Web.Features.Calendar;

public enum FeedEventStatus { Tentative, Confirmed, Cancelled }

/// <summary>One visit as a calendar feed shows it. Times are UTC; <see cref="Sequence"/> grows with every change a subscriber must notice.</summary>
public sealed record FeedEvent(
    Guid Id,
    int Sequence,
    DateTime StartUtc,
    DateTime EndUtc,
    string Summary,
    string? Location,
    string? Description,
    FeedEventStatus Status,
    DateTime LastModifiedUtc);

/// <summary>
/// Writes an RFC 5545 calendar (METHOD:PUBLISH) for calendar apps to subscribe to. Hand-written because
/// Ical.Net 5.2.4 folds between the two halves of a surrogate pair (docs/decisions.md).
/// </summary>
public static class CalendarFeedWriter
{
    public const string ProductId = "-//Consulting//Visit calendar 1.0//KO";
    public const string UidDomain = "consulting";
    private const int MaxLineOctets = 75;

    /// <summary>The whole feed with CRLF line endings; send it as UTF-8 without a byte-order mark.</summary>
    /// <param name="nowUtc">Becomes every event's DTSTAMP: the moment this copy of the feed was made.</param>
    /// <exception cref="ArgumentException">An event ends before it starts or has a negative sequence.</exception>
    public static string Write(string calendarName, IEnumerable<FeedEvent> events, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(events);

        var feed = new StringBuilder();
        AppendLine(feed, "BEGIN:VCALENDAR");
        AppendLine(feed, "VERSION:2.0");
        AppendLine(feed, "PRODID:" + Text(ProductId));
        AppendLine(feed, "CALSCALE:GREGORIAN");
        AppendLine(feed, "METHOD:PUBLISH");
        AppendLine(feed, "X-WR-CALNAME:" + Text(calendarName));
        // Times are written in UTC; this only tells clients which zone the visits are planned in.
        AppendLine(feed, "X-WR-TIMEZONE:Asia/Seoul");
        var stamp = DateTimeValue(nowUtc);
        foreach (var visit in events)
        {
            AppendEvent(feed, visit, stamp);
        }
        AppendLine(feed, "END:VCALENDAR");
        return feed.ToString();
    }

    private static void AppendEvent(StringBuilder feed, FeedEvent visit, string stamp)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (ToUtc(visit.EndUtc) <= ToUtc(visit.StartUtc))
        {
            throw new ArgumentException($"Event {visit.Id} ends ({visit.EndUtc:O}) before it starts ({visit.StartUtc:O}).", nameof(visit));
        }
        if (visit.Sequence < 0)
        {
            throw new ArgumentException($"Event {visit.Id} has a negative sequence ({visit.Sequence}).", nameof(visit));
        }

        AppendLine(feed, "BEGIN:VEVENT");
        AppendLine(feed, $"UID:{visit.Id:D}@{UidDomain}");
        AppendLine(feed, "DTSTAMP:" + stamp);
        AppendLine(feed, "DTSTART:" + DateTimeValue(visit.StartUtc));
        AppendLine(feed, "DTEND:" + DateTimeValue(visit.EndUtc));
        AppendLine(feed, "SEQUENCE:" + visit.Sequence.ToString(CultureInfo.InvariantCulture));
        AppendLine(feed, "LAST-MODIFIED:" + DateTimeValue(visit.LastModifiedUtc));
        AppendLine(feed, "SUMMARY:" + Text(visit.Summary ?? ""));
        if (!string.IsNullOrWhiteSpace(visit.Location))
        {
            AppendLine(feed, "LOCATION:" + Text(visit.Location));
        }
        if (!string.IsNullOrWhiteSpace(visit.Description))
        {
            AppendLine(feed, "DESCRIPTION:" + Text(visit.Description));
        }
        AppendLine(feed, "STATUS:" + visit.Status switch
        {
            FeedEventStatus.Tentative => "TENTATIVE",
            FeedEventStatus.Confirmed => "CONFIRMED",
            FeedEventStatus.Cancelled => "CANCELLED",
            _ => throw new ArgumentOutOfRangeException(nameof(visit), visit.Status, "Unknown event status."),
        });
        AppendLine(feed, "END:VEVENT");
    }

    // Unspecified comes from the database as UTC; only Local needs converting.
    private static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

    private static string DateTimeValue(DateTime value) =>
        ToUtc(value).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT: backslash, semicolon and comma escaped, any line break as \n, other control characters dropped.</summary>
    private static string Text(string value)
    {
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    text.Append('\\').Append(c);
                    break;
                case '\r':
                    text.Append("\\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append(c);
                    break;
                default:
                    // TEXT allows no other controls (RFC 5545 3.3.11 TSAFE-CHAR).
                    if (!char.IsControl(c))
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Folds one content line so that no physical line exceeds 75 octets of UTF-8, counting the leading space
    /// of a continuation, and never between the octets (or UTF-16 halves) of one character.
    /// </summary>
    private static void AppendLine(StringBuilder feed, string line)
    {
        var octets = 0;
        Span<char> utf16 = stackalloc char[2];
        // Runes, not chars: a surrogate pair is one 4-octet character; a lone surrogate becomes U+FFFD.
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > MaxLineOctets)
            {
                feed.Append("\r\n ");
                octets = 1;
            }
            feed.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            octets += length;
        }
        feed.Append("\r\n");
    }
}
