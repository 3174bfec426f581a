using System.Diagnostics;
using System.Text.Json;

namespace Consulting.EndToEnd;

/// <summary>
/// Reads a feed with a parser we did not write: Debian's python3-icalendar (scripts/test installs it). It counts the
/// events and collects what the parser complains about; a missing parser fails the test rather than skipping it.
/// </summary>
public static class IndependentICalendarParser
{
    private const string Script = """
        import json, sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        errors = [str(e) for c in cal.walk() for e in getattr(c, 'errors', [])]
        events = [c for c in cal.walk('VEVENT')]
        for e in events:
            e.decoded('DTSTART'); e.decoded('DTEND'); str(e.get('SUMMARY'))
        print(json.dumps({'events': len(events), 'errors': errors}))
        """;

    public sealed record Result(int Events, IReadOnlyList<string> Errors);

    public static Result Parse(byte[] feed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"consulting-e2e-{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(path, feed);
        try
        {
            foreach (var python in new[] { "python3", "/usr/bin/python3" })
            {
                var (exitCode, output, _) = Run(python, "-c", Script, path);
                if (exitCode == 0)
                {
                    using var json = JsonDocument.Parse(output);
                    return new Result(
                        json.RootElement.GetProperty("events").GetInt32(),
                        [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? "")]);
                }
            }

            throw new InvalidOperationException("No python3 with the icalendar module could read the feed (apt-get install python3-icalendar).");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
