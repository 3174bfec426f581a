using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Consulting.Web.Features.Calendar;

namespace Consulting.Web.Tests.Calendar;

/// <summary>
/// A parser we did not write reads the feed: Debian's python3-icalendar (scripts/test installs it). Missing
/// Python or the module fails the test; a skipped check would look like a passed one.
/// </summary>
public class CalendarFeedIndependentParserTests
{
    // Prints what calendar apps would show, as ASCII-only JSON so the console encoding cannot matter.
    private const string Script = """
        import json, sys
        from icalendar import Calendar
        with open(sys.argv[1], 'rb') as f:
            cal = Calendar.from_ical(f.read())
        def text(component, name):
            value = component.get(name)
            return None if value is None else str(value)
        events = []
        for e in cal.walk('VEVENT'):
            events.append({
                'uid': text(e, 'UID'),
                'summary': text(e, 'SUMMARY'),
                'location': text(e, 'LOCATION'),
                'description': text(e, 'DESCRIPTION'),
                'dtstart': e.decoded('DTSTART').isoformat(),
                'dtend': e.decoded('DTEND').isoformat(),
                'status': text(e, 'STATUS'),
                'sequence': int(e.get('SEQUENCE')),
                'errors': [str(x) for x in getattr(e, 'errors', [])],
            })
        print(json.dumps({'name': text(cal, 'X-WR-CALNAME'), 'errors': [str(x) for x in getattr(cal, 'errors', [])], 'events': events}))
        """;

    [Fact]
    public void PythonIcalendarReadsTheKoreanFeed()
    {
        var confirmed = new FeedEvent(
            Guid.Parse("0b7a2f0e-52d4-4c8e-a1c3-8f0e4d6b9a21"), 1,
            new DateTime(2025, 6, 3, 1, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 3, 3, 0, 0, DateTimeKind.Utc),
            // Long enough to fold several times, with a 4-octet emoji somewhere in the folds. No backslash:
            // python3-icalendar 4.0.3 (Debian 12) unescapes "\\;" and "\\\\" wrongly; the strict reader covers those.
            Summary: string.Concat(Enumerable.Repeat("해솔 종합사회복지관 사례 관리 3회차 방문 🏠, ", 4)),
            Location: "서울특별시 중구 세종대로 110; 3층 대회의실",
            Description: "권고 사항 이행 점검\n사례 회의록 검토, 후속 일정 협의",
            FeedEventStatus.Confirmed, new DateTime(2025, 5, 20, 8, 15, 0, DateTimeKind.Utc));
        var cancelled = confirmed with
        {
            Id = Guid.Parse("d3f9c7a4-1e2b-4a6d-8c5f-7b9e0a1c2d34"),
            Sequence = 4,
            Summary = "다솜군 희망복지지원단 모니터링",
            Location = null,
            Description = null,
            Status = FeedEventStatus.Cancelled,
        };
        var feed = CalendarFeedWriter.Write("김민준 컨설턴트 방문 일정", [confirmed, cancelled], new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        using var parsed = JsonDocument.Parse(RunPython(feed));
        var root = parsed.RootElement;

        Assert.Equal("김민준 컨설턴트 방문 일정", root.GetProperty("name").GetString());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);

        var first = events[0];
        Assert.Equal("0b7a2f0e-52d4-4c8e-a1c3-8f0e4d6b9a21@consulting", first.GetProperty("uid").GetString());
        Assert.Equal(confirmed.Summary, first.GetProperty("summary").GetString());
        Assert.Equal(confirmed.Location, first.GetProperty("location").GetString());
        Assert.Equal(confirmed.Description, first.GetProperty("description").GetString());
        Assert.Equal("2025-06-03T01:00:00+00:00", first.GetProperty("dtstart").GetString());
        Assert.Equal("2025-06-03T03:00:00+00:00", first.GetProperty("dtend").GetString());
        Assert.Equal("CONFIRMED", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("sequence").GetInt32());
        Assert.Equal(0, first.GetProperty("errors").GetArrayLength());

        var second = events[1];
        Assert.Equal("d3f9c7a4-1e2b-4a6d-8c5f-7b9e0a1c2d34@consulting", second.GetProperty("uid").GetString());
        Assert.Equal("다솜군 희망복지지원단 모니터링", second.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("location").ValueKind);
        Assert.Equal("CANCELLED", second.GetProperty("status").GetString());
        Assert.Equal(4, second.GetProperty("sequence").GetInt32());
    }

    private static string RunPython(string feed)
    {
        var python = FindPythonWithIcalendar();
        var path = Path.Combine(Path.GetTempPath(), $"consulting-feed-{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(feed));
        try
        {
            var (exitCode, output, error) = Run(python, "-c", Script, path);
            Assert.True(exitCode == 0, $"python3-icalendar could not read the feed (exit {exitCode}):\n{error}\n--- feed ---\n{feed}");
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Python on PATH first; then Debian's own, which is where python3-icalendar lands when PATH has pyenv or a venv.</summary>
    private static string FindPythonWithIcalendar()
    {
        var tried = new List<string>();
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var (exitCode, _, error) = Run(candidate, "-c", "import icalendar");
                if (exitCode == 0)
                {
                    return candidate;
                }
                tried.Add($"{candidate}: {error.Trim()}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }
        Assert.Fail("The independent iCalendar check needs python3 with the icalendar module "
            + "(Debian: apt-get install python3-icalendar; scripts/test installs it). Tried:\n" + string.Join('\n', tried));
        return "";
    }

    private static (int ExitCode, string Output, string Error) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within 60 seconds");
        }
        return (process.ExitCode, output, error.Result);
    }
}
