using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Visits;

namespace Consulting.Domain.VisitLogs;

/// <summary>
/// 방문 기록 (컨설팅 일지): what happened at one visit, written by the visit's consultant. Draft (saved as it is typed)
/// → Submitted (completes the visit) → Returned with the official's comment (editable again) or Approved (locked; a
/// correction is an <see cref="VisitLogAmendment"/> beside the original, never an edit of it).
/// </summary>
public class VisitLog
{
    public const int SectionTextMaxLength = 4000;
    public const int NoteMaxLength = 2000;
    public const int CommentMaxLength = 1000;
    public const int NameMaxLength = 100;
    public const int TopicMaxLength = 200;
    public const int MaxAttendees = 40;
    public const int MaxTopics = 30;
    public const int MaxNextSteps = 20;
    public const int MaxAmendments = 50;

    private readonly List<VisitLogEvent> _events = [];
    private readonly List<VisitLogAmendment> _amendments = [];

    private VisitLog()
    {
    }

    internal VisitLog(Visit visit, Guid consultantId, Actor by, LogTemplate template, IReadOnlyList<LogAgendaItem> agenda, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        VisitId = visit.Id;
        EngagementId = visit.EngagementId;
        ProgramId = visit.ProgramId;
        AgencyId = visit.AgencyId;
        AreaId = visit.AreaId;
        ConsultantId = consultantId;
        AuthorUserId = by.UserId;
        TemplateCode = template.Code;
        Status = VisitLogStatus.Draft;
        Sections = [.. template.Sections.Select(s => new LogSection(s.Key, s.TitleKo, s.TitleEn, s.PromptKo, s.PromptEn, s.Required, ""))];
        Agenda = agenda;

        // The planned time is the best first guess of when the visit actually took place.
        ActualStartsAtUtc = visit.StartsAtUtc;
        ActualEndsAtUtc = visit.EndsAtUtc;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Record(VisitLogEventKind.Created, by, null, nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid EngagementId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The consultant (registry id) who held the visit and writes its log.</summary>
    public Guid ConsultantId { get; private set; }

    public Guid AuthorUserId { get; private set; }

    /// <summary>The template the sections were copied from; later edits of the template leave this log as it was.</summary>
    public string TemplateCode { get; private set; } = "";

    public VisitLogStatus Status { get; private set; }

    public DateTime? ActualStartsAtUtc { get; private set; }

    public DateTime? ActualEndsAtUtc { get; private set; }

    public IReadOnlyList<LogAttendee> Attendees { get; private set; } = [];

    /// <summary>The area's topics covered, and free ones.</summary>
    public IReadOnlyList<string> Topics { get; private set; } = [];

    public IReadOnlyList<LogSection> Sections { get; private set; } = [];

    /// <summary>합의된 후속 조치: carried to the next visit's agenda until one of its logs marks them done.</summary>
    public IReadOnlyList<LogNextStep> NextSteps { get; private set; } = [];

    /// <summary>Open items of earlier visits of the engagement, to go through at this one.</summary>
    public IReadOnlyList<LogAgendaItem> Agenda { get; private set; } = [];

    /// <summary>For the official only; agency staff never see it.</summary>
    public string? PrivateNote { get; private set; }

    /// <summary>The official's comment when the log was last returned.</summary>
    public string? ReturnComment { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<VisitLogEvent> Events => _events;

    public IReadOnlyList<VisitLogAmendment> Amendments => _amendments;

    /// <summary>Whether the consultant may still change the content (and its recommendations and files).</summary>
    public bool IsEditable => Status is VisitLogStatus.Draft or VisitLogStatus.Returned;

    /// <summary>Saves what the consultant has written so far; nothing is required until the log is submitted.</summary>
    public void SaveDraft(LogContent content, DateTime nowUtc)
    {
        EnsureEditable();
        var sections = Sections.ToDictionary(s => s.Key);
        foreach (var key in content.Sections.Keys.Where(k => !sections.ContainsKey(k)))
        {
            throw new DomainException("visitlog.unknown-section", "The log has no such section.", key);
        }

        if (content.ActualStartsAtUtc is { } start && content.ActualEndsAtUtc is { } end)
        {
            CheckTimes(start, end);
        }

        if (content.Attendees.Count > MaxAttendees)
        {
            throw new DomainException("visitlog.too-many-attendees", $"At most {MaxAttendees} attendees.", MaxAttendees);
        }

        if (content.NextSteps.Count > MaxNextSteps)
        {
            throw new DomainException("visitlog.too-many-next-steps", $"At most {MaxNextSteps} next steps.", MaxNextSteps);
        }

        var topics = content.Topics.Select(t => FreeText.Optional(t, TopicMaxLength)).OfType<string>().Distinct().ToList();
        if (topics.Count > MaxTopics)
        {
            throw new DomainException("visitlog.too-many-topics", $"At most {MaxTopics} topics.", MaxTopics);
        }

        var agenda = Agenda.ToDictionary(a => a.SourceId);
        foreach (var mark in content.Agenda)
        {
            if (!agenda.TryGetValue(mark.SourceId, out var item))
            {
                throw new DomainException("visitlog.unknown-agenda-item", "The agenda has no such item.");
            }

            if (mark.Done && item.Kind != LogAgendaKind.NextStep)
            {
                throw new DomainException("visitlog.agenda-done-next-steps-only", "Only a next step can be marked done here; recommendations are followed up on their own page.");
            }

            agenda[mark.SourceId] = item with { Discussed = mark.Discussed || mark.Done, Done = mark.Done };
        }

        // Every part is cleaned before any is kept: a refused part leaves the log as it was.
        List<LogAttendee> attendees = [.. content.Attendees.Select(a => a.Cleaned())];
        List<LogSection> written = [.. Sections.Select(s => s with
        {
            Text = content.Sections.TryGetValue(s.Key, out var text) ? FreeText.Optional(text, SectionTextMaxLength) ?? "" : s.Text,
        })];
        List<LogNextStep> nextSteps = [.. content.NextSteps
            .Select(n => new LogNextStep(n.Id == Guid.Empty ? IdGenerator.New() : n.Id, FreeText.Optional(n.Text, SectionTextMaxLength) ?? ""))
            .Where(n => n.Text.Length > 0)];
        var privateNote = FreeText.Optional(content.PrivateNote, NoteMaxLength);

        ActualStartsAtUtc = content.ActualStartsAtUtc;
        ActualEndsAtUtc = content.ActualEndsAtUtc;
        Attendees = attendees;
        Topics = topics;
        Sections = written;
        NextSteps = nextSteps;
        Agenda = [.. Agenda.Select(a => agenda[a.SourceId])];
        PrivateNote = privateNote;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Hands the log to the officials; everything a log needs must be there.</summary>
    public void Submit(Actor by, DateTime nowUtc)
    {
        EnsureEditable();
        if (ActualStartsAtUtc is not { } start || ActualEndsAtUtc is not { } end)
        {
            throw new DomainException("visitlog.times-required", "Give the actual start and end of the visit.");
        }

        CheckTimes(start, end);
        if (start > nowUtc)
        {
            throw new DomainException("visitlog.future", "A visit can be logged only once it has started.");
        }

        if (Attendees.Count == 0)
        {
            throw new DomainException("visitlog.attendees-required", "List at least one attendee.");
        }

        if (Topics.Count == 0)
        {
            throw new DomainException("visitlog.topics-required", "Choose at least one topic covered.");
        }

        if (Sections.FirstOrDefault(s => s.Required && string.IsNullOrWhiteSpace(s.Text)) is { } missing)
        {
            throw new DomainException("visitlog.section-required", $"Fill in \"{missing.TitleEn}\".", new BilingualName(missing.TitleKo, missing.TitleEn));
        }

        var resubmitted = Status == VisitLogStatus.Returned;
        Status = VisitLogStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Record(resubmitted ? VisitLogEventKind.Resubmitted : VisitLogEventKind.Submitted, by, null, nowUtc);
    }

    public void Approve(Actor by, string? comment, DateTime nowUtc)
    {
        EnsureSubmitted();
        Status = VisitLogStatus.Approved;
        ApprovedAtUtc = nowUtc;
        ReturnComment = null;
        UpdatedAtUtc = nowUtc;
        Record(VisitLogEventKind.Approved, by, FreeText.Optional(comment, CommentMaxLength), nowUtc);
    }

    /// <summary>Sends the log back to the consultant with what to fix.</summary>
    public void Return(Actor by, string comment, DateTime nowUtc)
    {
        EnsureSubmitted();
        var text = FreeText.Required(comment, CommentMaxLength, "visitlog.comment-required", "Say what should be fixed.");
        Status = VisitLogStatus.Returned;
        ReturnComment = text;
        UpdatedAtUtc = nowUtc;
        Record(VisitLogEventKind.Returned, by, text, nowUtc);
    }

    /// <summary>Corrects an approved log: the correction and its reason are shown beside the original, which stays as it was.</summary>
    public VisitLogAmendment Amend(string? sectionKey, string text, string reason, Actor by, DateTime nowUtc)
    {
        if (Status != VisitLogStatus.Approved)
        {
            throw new DomainException("visitlog.amend-approved-only", "Only an approved log is corrected by an amendment; until then, edit it.");
        }

        if (sectionKey is not null && Sections.All(s => s.Key != sectionKey))
        {
            throw new DomainException("visitlog.unknown-section", "The log has no such section.", sectionKey);
        }

        if (_amendments.Count >= MaxAmendments)
        {
            throw new DomainException("visitlog.too-many-amendments", $"At most {MaxAmendments} amendments.", MaxAmendments);
        }

        var amendment = new VisitLogAmendment(
            Id, _amendments.Count + 1, sectionKey,
            FreeText.Required(text, SectionTextMaxLength, "visitlog.amendment-text-required", "Write the correction."),
            FreeText.Required(reason, CommentMaxLength, "visitlog.amendment-reason-required", "Say why the log is corrected."),
            by, nowUtc);
        _amendments.Add(amendment);
        UpdatedAtUtc = nowUtc;
        Record(VisitLogEventKind.Amended, by, amendment.Reason, nowUtc);
        return amendment;
    }

    /// <summary>Adds open items of earlier visits that appeared after the draft was opened (an earlier log approved since).</summary>
    internal bool MergeAgenda(IReadOnlyList<LogAgendaItem> open)
    {
        if (!IsEditable)
        {
            return false;
        }

        var known = Agenda.Select(a => a.SourceId).ToHashSet();
        var added = open.Where(a => !known.Contains(a.SourceId)).ToList();
        if (added.Count == 0)
        {
            return false;
        }

        Agenda = [.. Agenda, .. added];
        return true;
    }

    internal void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw Status == VisitLogStatus.Approved
                ? new DomainException("visitlog.locked", "An approved log is locked; add an amendment instead.")
                : new DomainException("visitlog.under-review", "The log is with the officials for review.");
        }
    }

    private void EnsureSubmitted()
    {
        if (Status != VisitLogStatus.Submitted)
        {
            throw new DomainException("visitlog.review-submitted-only", "Only a submitted log can be approved or returned.");
        }
    }

    private static void CheckTimes(DateTime start, DateTime end)
    {
        if (end <= start)
        {
            throw new DomainException("visit.end-before-start", "A visit must end after it starts.");
        }

        if (end - start > Visit.MaxDuration)
        {
            throw new DomainException("visit.too-long", $"A visit lasts at most {Visit.MaxDuration.TotalHours} hours.", Visit.MaxDuration.TotalHours);
        }
    }

    private void Record(VisitLogEventKind kind, Actor by, string? comment, DateTime nowUtc) =>
        _events.Add(new VisitLogEvent(Id, kind, by, comment, nowUtc));
}

public enum VisitLogStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

public enum AttendeeKind
{
    AgencyStaff,
    Other,
}

/// <summary>참석자: who took part, and whether they work at the agency.</summary>
public sealed record LogAttendee(string Name, string? Position, AttendeeKind Kind)
{
    internal LogAttendee Cleaned() => new(
        FreeText.Required(Name, VisitLog.NameMaxLength, "visitlog.attendee-name-required", "Give each attendee's name."),
        FreeText.Optional(Position, VisitLog.NameMaxLength),
        Enum.IsDefined(Kind) ? Kind : throw new DomainException("visitlog.attendee-kind", "Choose whether the attendee is agency staff."));
}

/// <summary>One section of the log as its template set it out, with what the consultant wrote.</summary>
public sealed record LogSection(string Key, string TitleKo, string TitleEn, string? PromptKo, string? PromptEn, bool Required, string Text)
{
    public BilingualName Title => new(TitleKo, TitleEn);
}

public sealed record LogNextStep(Guid Id, string Text);

public enum LogAgendaKind
{
    NextStep,
    Recommendation,
}

/// <summary>An open item of an earlier visit, and whether it was discussed (and, for a next step, done) at this one.</summary>
public sealed record LogAgendaItem(LogAgendaKind Kind, Guid SourceId, int FromVisitNumber, string Text, bool Discussed, bool Done);

/// <summary>What the consultant's form holds; the log keeps only what its rules allow.</summary>
public sealed record LogContent(
    DateTime? ActualStartsAtUtc,
    DateTime? ActualEndsAtUtc,
    IReadOnlyList<LogAttendee> Attendees,
    IReadOnlyList<string> Topics,
    IReadOnlyDictionary<string, string?> Sections,
    IReadOnlyList<LogNextStep> NextSteps,
    IReadOnlyList<AgendaMark> Agenda,
    string? PrivateNote);

public sealed record AgendaMark(Guid SourceId, bool Discussed, bool Done);

/// <summary>One step of a log's life, shown as its history.</summary>
public class VisitLogEvent
{
    private VisitLogEvent()
    {
    }

    internal VisitLogEvent(Guid logId, VisitLogEventKind kind, Actor by, string? comment, DateTime atUtc)
    {
        Id = IdGenerator.New();
        LogId = logId;
        Kind = kind;
        ByUserId = by.UserId;
        ByName = by.Name;
        Comment = comment;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid LogId { get; private set; }

    public VisitLogEventKind Kind { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string? Comment { get; private set; }

    public DateTime AtUtc { get; private set; }
}

public enum VisitLogEventKind
{
    Created,
    Submitted,
    Returned,
    Resubmitted,
    Approved,
    Amended,
}

/// <summary>정정: a correction of an approved log, shown beside the original text.</summary>
public class VisitLogAmendment
{
    private VisitLogAmendment()
    {
    }

    internal VisitLogAmendment(Guid logId, int number, string? sectionKey, string text, string reason, Actor by, DateTime atUtc)
    {
        Id = IdGenerator.New();
        LogId = logId;
        Number = number;
        SectionKey = sectionKey;
        Text = text;
        Reason = reason;
        ByUserId = by.UserId;
        ByName = by.Name;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid LogId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The section corrected, or null for the log as a whole.</summary>
    public string? SectionKey { get; private set; }

    public string Text { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
