using System.Text;
using System.Text.RegularExpressions;

namespace Consulting.Web.Tests.Calendar;

/// <summary>Which rule an iCalendar stream broke; each rejection names exactly one.</summary>
public enum ICalendarRule
{
    Empty,
    MissingFinalLineBreak,
    BareLineFeed,
    BareCarriageReturn,
    LineTooLong,
    SplitCharacter,
    EmptyLine,
    ContinuationWithoutLine,
    MalformedContentLine,
    UnknownProperty,
    ControlCharacter,
    InvalidEscape,
    UnescapedSeparator,
    InvalidValue,
    NotACalendar,
    Unbalanced,
    DuplicateProperty,
    MissingProperty,
}

public sealed class InvalidICalendarException(ICalendarRule rule, string message) : Exception($"{rule}: {message}")
{
    public ICalendarRule Rule { get; } = rule;
}

/// <summary>The calendar's own properties and each VEVENT's properties, unfolded and with TEXT values unescaped.</summary>
public sealed record ICalendarDocument(
    IReadOnlyDictionary<string, string> Calendar,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Events);

/// <summary>
/// Reads the iCalendar feeds we write and refuses what RFC 5545 forbids. It is stricter than the RFC in three
/// places where our writer has no excuse: a fold inside a UTF-8 sequence (the RFC tolerates it on reading), a
/// property name we never write (usually a value's line break that escaped onto its own line) and a repeated
/// property.
/// </summary>
public static partial class StrictICalendarReader
{
    private const int MaxLineOctets = 75;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> CalendarProperties = ["PRODID", "VERSION", "CALSCALE", "METHOD"];
    private static readonly HashSet<string> EventProperties =
    [
        "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "LAST-MODIFIED", "CREATED", "SUMMARY",
        "LOCATION", "DESCRIPTION", "STATUS", "TRANSP", "CLASS", "URL", "ORGANIZER", "ATTENDEE", "CATEGORIES",
    ];
    // TEXT values (RFC 5545 3.3.11): the only ones in which escapes are unescaped and ';' ',' must be escaped.
    private static readonly HashSet<string> TextProperties =
        ["PRODID", "X-WR-CALNAME", "X-WR-TIMEZONE", "UID", "SUMMARY", "LOCATION", "DESCRIPTION"];
    private static readonly HashSet<string> UtcDateTimeProperties = ["DTSTAMP", "LAST-MODIFIED", "CREATED"];
    private static readonly HashSet<string> DateTimeProperties = ["DTSTART", "DTEND"];
    private static readonly HashSet<string> EventStatuses = ["TENTATIVE", "CONFIRMED", "CANCELLED"];

    public static ICalendarDocument Read(string feed) => Read(Encoding.UTF8.GetBytes(feed));

    public static ICalendarDocument Read(byte[] octets)
    {
        ArgumentNullException.ThrowIfNull(octets);
        var contentLines = Unfold(PhysicalLines(octets));

        Dictionary<string, string>? calendar = null;
        var events = new List<IReadOnlyDictionary<string, string>>();
        var open = new Stack<(string Name, Dictionary<string, string> Properties)>();
        var closed = false;
        foreach (var (number, line) in contentLines)
        {
            if (closed)
            {
                throw Reject(ICalendarRule.NotACalendar, number, "content after END:VCALENDAR");
            }
            var (name, value) = Split(number, line);
            if (calendar is null && !(name == "BEGIN" && value == "VCALENDAR"))
            {
                throw Reject(ICalendarRule.NotACalendar, number, "the stream must start with BEGIN:VCALENDAR");
            }
            if (name == "BEGIN")
            {
                RequireToken(number, value);
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                if (value == "VCALENDAR")
                {
                    if (calendar is not null)
                    {
                        throw Reject(ICalendarRule.Unbalanced, number, "a second VCALENDAR");
                    }
                    calendar = properties;
                }
                open.Push((value, properties));
                continue;
            }
            if (name == "END")
            {
                RequireToken(number, value);
                if (open.Count == 0 || open.Peek().Name != value)
                {
                    throw Reject(ICalendarRule.Unbalanced, number,
                        $"END:{value} does not close {(open.Count == 0 ? "anything" : "BEGIN:" + open.Peek().Name)}");
                }
                var (component, properties) = open.Pop();
                RequireProperties(number, component, properties);
                if (component == "VEVENT" && open.Peek().Name == "VCALENDAR")
                {
                    events.Add(properties);
                }
                closed = component == "VCALENDAR";
                continue;
            }
            var current = open.Peek();
            var known = current.Name switch
            {
                "VCALENDAR" => CalendarProperties,
                "VEVENT" => EventProperties,
                _ => null,
            };
            if (known is not null && !known.Contains(name) && !name.StartsWith("X-", StringComparison.Ordinal))
            {
                throw Reject(ICalendarRule.UnknownProperty, number, $"{name} in {current.Name}");
            }
            if (!current.Properties.TryAdd(name, Value(number, name, value)))
            {
                throw Reject(ICalendarRule.DuplicateProperty, number, $"{name} twice in {current.Name}");
            }
        }
        if (open.Count > 0)
        {
            throw Reject(ICalendarRule.Unbalanced, contentLines.Count, $"BEGIN:{open.Peek().Name} is never closed");
        }
        return new ICalendarDocument(calendar!, events);
    }

    /// <summary>Splits on CRLF and checks each physical line on its own: octets, UTF-8, no stray CR or LF.</summary>
    private static List<string> PhysicalLines(byte[] octets)
    {
        if (octets.Length == 0)
        {
            throw Reject(ICalendarRule.Empty, 0, "no octets");
        }
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < octets.Length; i++)
        {
            if (octets[i] == (byte)'\n')
            {
                throw Reject(ICalendarRule.BareLineFeed, lines.Count + 1, "LF without CR");
            }
            if (octets[i] != (byte)'\r')
            {
                continue;
            }
            if (i + 1 >= octets.Length || octets[i + 1] != (byte)'\n')
            {
                throw Reject(ICalendarRule.BareCarriageReturn, lines.Count + 1, "CR without LF");
            }
            var length = i - start;
            if (length > MaxLineOctets)
            {
                throw Reject(ICalendarRule.LineTooLong, lines.Count + 1, $"{length} octets (at most {MaxLineOctets})");
            }
            try
            {
                lines.Add(StrictUtf8.GetString(octets, start, length));
            }
            catch (DecoderFallbackException)
            {
                throw Reject(ICalendarRule.SplitCharacter, lines.Count + 1, "not UTF-8 on its own: a fold splits a character");
            }
            i++;
            start = i + 1;
        }
        if (start != octets.Length)
        {
            throw Reject(ICalendarRule.MissingFinalLineBreak, lines.Count + 1, "the last line does not end with CRLF");
        }
        return lines;
    }

    private static List<(int Number, string Line)> Unfold(List<string> physical)
    {
        var content = new List<(int Number, string Line)>();
        var current = new StringBuilder();
        var currentNumber = 0;
        for (var i = 0; i < physical.Count; i++)
        {
            var line = physical[i];
            if (line.Length == 0)
            {
                throw Reject(ICalendarRule.EmptyLine, i + 1, "an empty line");
            }
            if (line[0] is ' ' or '\t')
            {
                if (currentNumber == 0)
                {
                    throw Reject(ICalendarRule.ContinuationWithoutLine, i + 1, "a continuation before any line");
                }
                current.Append(line, 1, line.Length - 1);
                continue;
            }
            if (currentNumber != 0)
            {
                content.Add((currentNumber, current.ToString()));
            }
            current.Clear().Append(line);
            currentNumber = i + 1;
        }
        if (currentNumber != 0)
        {
            content.Add((currentNumber, current.ToString()));
        }
        return content;
    }

    /// <summary>name *(";" param) ":" value; parameters are checked for shape and dropped.</summary>
    private static (string Name, string Value) Split(int number, string line)
    {
        var match = ContentLine().Match(line);
        if (!match.Success)
        {
            throw Reject(ICalendarRule.MalformedContentLine, number, $"not name[;param]:value: '{line}'");
        }
        var value = match.Groups["value"].Value;
        foreach (var c in value)
        {
            if (char.IsControl(c) && c != '\t')
            {
                throw Reject(ICalendarRule.ControlCharacter, number, $"U+{(int)c:X4} in the value");
            }
        }
        return (match.Groups["name"].Value.ToUpperInvariant(), value);
    }

    private static string Value(int number, string name, string value)
    {
        if (TextProperties.Contains(name))
        {
            return Unescape(number, value);
        }
        if (UtcDateTimeProperties.Contains(name) && !UtcDateTime().IsMatch(value))
        {
            throw Reject(ICalendarRule.InvalidValue, number, $"{name} must be a UTC date-time: '{value}'");
        }
        if (DateTimeProperties.Contains(name) && !DateOrDateTime().IsMatch(value))
        {
            throw Reject(ICalendarRule.InvalidValue, number, $"{name} must be a date or date-time: '{value}'");
        }
        if (name == "SEQUENCE" && !NonNegativeInteger().IsMatch(value))
        {
            throw Reject(ICalendarRule.InvalidValue, number, $"SEQUENCE must be a non-negative integer: '{value}'");
        }
        if (name == "STATUS" && !EventStatuses.Contains(value))
        {
            throw Reject(ICalendarRule.InvalidValue, number, $"STATUS '{value}' is not an event status");
        }
        return value;
    }

    private static string Unescape(int number, string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is ';' or ',')
            {
                throw Reject(ICalendarRule.UnescapedSeparator, number, $"'{c}' in TEXT must be escaped");
            }
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            if (i + 1 >= value.Length)
            {
                throw Reject(ICalendarRule.InvalidEscape, number, "a backslash ends the value");
            }
            var escaped = value[++i];
            text.Append(escaped switch
            {
                '\\' or ';' or ',' => escaped,
                'n' or 'N' => '\n',
                _ => throw Reject(ICalendarRule.InvalidEscape, number, $"\\{escaped} is not an escape"),
            });
        }
        return text.ToString();
    }

    private static void RequireToken(int number, string value)
    {
        if (!Token().IsMatch(value))
        {
            throw Reject(ICalendarRule.MalformedContentLine, number, $"'{value}' is not a component name");
        }
    }

    private static void RequireProperties(int number, string component, Dictionary<string, string> properties)
    {
        string[] required = component switch
        {
            "VCALENDAR" => ["PRODID", "VERSION"],
            "VEVENT" => ["UID", "DTSTAMP", "DTSTART"],
            _ => [],
        };
        var missing = required.Where(p => !properties.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw Reject(ICalendarRule.MissingProperty, number, $"{component} without {string.Join(", ", missing)}");
        }
        if (component == "VCALENDAR" && properties["VERSION"] != "2.0")
        {
            throw Reject(ICalendarRule.InvalidValue, number, $"VERSION {properties["VERSION"]} (only 2.0 exists)");
        }
    }

    private static InvalidICalendarException Reject(ICalendarRule rule, int line, string message) =>
        new(rule, $"line {line}: {message}");

    // iana-token / x-name, then parameters (quoted values may hold ':' and ';'), then the value.
    [GeneratedRegex("""^(?<name>[A-Za-z0-9-]+)(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:(?<value>.*)$""", RegexOptions.Singleline)]
    private static partial Regex ContentLine();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex Token();

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex UtcDateTime();

    [GeneratedRegex("^[0-9]{8}(?:T[0-9]{6}Z?)?$")]
    private static partial Regex DateOrDateTime();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex NonNegativeInteger();
}
