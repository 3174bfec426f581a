using System.Globalization;
using Consulting.Domain.Common;
using Consulting.Domain.VisitLogs;

namespace Consulting.Web.Features.VisitLogs;

/// <summary>
/// What the log editor holds while the consultant types: plain strings bound to the inputs (so the values the browser
/// keeps for a lost connection compare equal), turned into <see cref="LogContent"/> for each save.
/// </summary>
public sealed class LogDraft
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public string Date { get; set; } = "";

    public string Start { get; set; } = "";

    public string End { get; set; } = "";

    public List<AttendeeRow> Attendees { get; } = [];

    /// <summary>Which of the area's topics are ticked, by their position in the area's list.</summary>
    public List<bool> AreaTopics { get; } = [];

    public List<string> FreeTopics { get; } = [];

    /// <summary>Section texts by section key, in the template's order.</summary>
    public Dictionary<string, string> Sections { get; } = [];

    public List<NextStepRow> NextSteps { get; } = [];

    public Dictionary<Guid, AgendaRow> Agenda { get; } = [];

    public string Note { get; set; } = "";

    private IReadOnlyList<string> _areaTopicNames = [];

    public static LogDraft From(VisitLogView log)
    {
        var draft = new LogDraft { _areaTopicNames = log.AreaTopics, Note = log.PrivateNote ?? "" };
        var start = log.ActualStartsAtUtc ?? log.VisitStartsAtUtc;
        var end = log.ActualEndsAtUtc ?? log.VisitEndsAtUtc;
        draft.Date = SeoulTime.ToSeoul(start).ToString(DateFormat, CultureInfo.InvariantCulture);
        draft.Start = SeoulTime.ToSeoul(start).ToString(TimeFormat, CultureInfo.InvariantCulture);
        draft.End = SeoulTime.ToSeoul(end).ToString(TimeFormat, CultureInfo.InvariantCulture);
        draft.Attendees.AddRange(log.Attendees.Select(a => new AttendeeRow { Name = a.Name, Position = a.Position ?? "", Kind = a.Kind }));
        draft.AreaTopics.AddRange(log.AreaTopics.Select(t => log.Topics.Contains(t)));
        draft.FreeTopics.AddRange(log.Topics.Where(t => !log.AreaTopics.Contains(t)));
        foreach (var section in log.Sections)
        {
            draft.Sections[section.Key] = section.Text;
        }

        draft.NextSteps.AddRange(log.NextSteps.Select(n => new NextStepRow { Id = n.Id, Text = n.Text }));
        foreach (var item in log.Agenda)
        {
            draft.Agenda[item.SourceId] = new AgendaRow { Discussed = item.Discussed, Done = item.Done };
        }

        return draft;
    }

    /// <summary>The content to save. Rows left wholly empty are not sent, so an added blank row does not stop the autosave.</summary>
    public LogContent ToContent()
    {
        DateTime? startUtc = null, endUtc = null;
        if (DateOnly.TryParseExact(Date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && TryTime(Start, out var start) && TryTime(End, out var end))
        {
            startUtc = SeoulTime.ToUtc(day.ToDateTime(start));
            endUtc = SeoulTime.ToUtc(day.ToDateTime(end));
        }

        return new LogContent(
            startUtc,
            endUtc,
            [.. Attendees
                .Where(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Position))
                .Select(a => new LogAttendee(a.Name, string.IsNullOrWhiteSpace(a.Position) ? null : a.Position, a.Kind))],
            [.. _areaTopicNames.Where((_, i) => i < AreaTopics.Count && AreaTopics[i]), .. FreeTopics],
            Sections.ToDictionary(s => s.Key, s => (string?)s.Value),
            [.. NextSteps.Where(n => !string.IsNullOrWhiteSpace(n.Text)).Select(n => new LogNextStep(n.Id, n.Text))],
            [.. Agenda.Select(a => new AgendaMark(a.Key, a.Value.Discussed || a.Value.Done, a.Value.Done))],
            string.IsNullOrWhiteSpace(Note) ? null : Note);
    }

    public void AddAttendee() => Attendees.Add(new AttendeeRow());

    public void AddNextStep() => NextSteps.Add(new NextStepRow { Id = Guid.CreateVersion7() });

    // ---- the copy the browser keeps (wwwroot/js/visit-log-draft.js) ----
    // Each input carries data-draft="<key>"; the script stores key → value (checkboxes "true"/"false").

    public static string DateKey => "date";

    public static string StartKey => "start";

    public static string EndKey => "end";

    public static string NoteKey => "note";

    public static string SectionKey(string key) => "section." + key;

    public static string AttendeeKey(int index, string part) => $"attendee.{index}.{part}";

    public static string NextStepKey(int index) => $"next.{index}";

    public static string AreaTopicKey(int index) => $"topic.{index}";

    public static string AgendaKey(Guid id, string part) => $"agenda.{id:N}.{part}";

    /// <summary>The form's values as the browser's copy holds them.</summary>
    public Dictionary<string, string> ToFields()
    {
        var fields = new Dictionary<string, string>
        {
            [DateKey] = Date,
            [StartKey] = Start,
            [EndKey] = End,
            [NoteKey] = Note,
        };
        for (var i = 0; i < Attendees.Count; i++)
        {
            fields[AttendeeKey(i, "name")] = Attendees[i].Name;
            fields[AttendeeKey(i, "position")] = Attendees[i].Position;
            fields[AttendeeKey(i, "kind")] = Attendees[i].Kind.ToString();
        }

        for (var i = 0; i < AreaTopics.Count; i++)
        {
            fields[AreaTopicKey(i)] = Bool(AreaTopics[i]);
        }

        foreach (var (key, text) in Sections)
        {
            fields[SectionKey(key)] = text;
        }

        for (var i = 0; i < NextSteps.Count; i++)
        {
            fields[NextStepKey(i)] = NextSteps[i].Text;
        }

        foreach (var (id, row) in Agenda)
        {
            fields[AgendaKey(id, "discussed")] = Bool(row.Discussed);
            fields[AgendaKey(id, "done")] = Bool(row.Done);
        }

        return fields;
    }

    /// <summary>Whether the browser's copy holds anything the form does not (an empty field the form lacks does not count).</summary>
    public bool DiffersFrom(IReadOnlyDictionary<string, string> local)
    {
        var mine = ToFields();
        return local.Any(f => mine.TryGetValue(f.Key, out var value) ? value != f.Value : f.Value.Length > 0 && f.Value != "false");
    }

    /// <summary>Takes the browser's copy: texts, times, ticks, and the rows typed into before the connection was lost.</summary>
    public void Apply(IReadOnlyDictionary<string, string> local)
    {
        foreach (var (key, value) in local)
        {
            var parts = key.Split('.');
            switch (parts)
            {
                case ["date"]: Date = value; break;
                case ["start"]: Start = value; break;
                case ["end"]: End = value; break;
                case ["note"]: Note = value; break;
                case ["section", _] when Sections.ContainsKey(parts[1]):
                    Sections[parts[1]] = value;
                    break;
                case ["attendee", var index, var part] when int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i is >= 0 and < VisitLog.MaxAttendees:
                    while (Attendees.Count <= i)
                    {
                        AddAttendee();
                    }

                    if (part == "name")
                    {
                        Attendees[i].Name = value;
                    }
                    else if (part == "position")
                    {
                        Attendees[i].Position = value;
                    }
                    else if (part == "kind" && Enum.TryParse<AttendeeKind>(value, out var kind))
                    {
                        Attendees[i].Kind = kind;
                    }

                    break;
                case ["next", var index] when int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i is >= 0 and < VisitLog.MaxNextSteps:
                    while (NextSteps.Count <= i)
                    {
                        AddNextStep();
                    }

                    NextSteps[i].Text = value;
                    break;
                case ["topic", var index] when int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < AreaTopics.Count:
                    AreaTopics[i] = value == "true";
                    break;
                case ["agenda", var id, var part] when Guid.TryParseExact(id, "N", out var sourceId) && Agenda.TryGetValue(sourceId, out var row):
                    if (part == "discussed")
                    {
                        row.Discussed = value == "true";
                    }
                    else if (part == "done")
                    {
                        row.Done = value == "true";
                    }

                    break;
            }
        }
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, [TimeFormat, "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Bool(bool value) => value ? "true" : "false";

    public sealed class AttendeeRow
    {
        public string Name { get; set; } = "";

        public string Position { get; set; } = "";

        public AttendeeKind Kind { get; set; } = AttendeeKind.AgencyStaff;
    }

    public sealed class NextStepRow
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = "";
    }

    public sealed class AgendaRow
    {
        public bool Discussed { get; set; }

        public bool Done { get; set; }
    }
}
