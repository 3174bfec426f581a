using Consulting.Domain.Common;

namespace Consulting.Domain.Notifications;

/// <summary>
/// One line in a user's notification centre. The text is not stored: <see cref="Template"/> names it in
/// NotificationTexts and <see cref="Args"/> fill it, so it shows in whichever language the reader uses now.
/// </summary>
public class Notification
{
    public const int LinkMaxLength = 300;

    private Notification()
    {
    }

    internal Notification(Guid userId, NotificationKind kind, string template, IReadOnlyList<BilingualName> args, string link, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        UserId = userId;
        Kind = kind;
        Template = template;
        Args = args;
        Link = link;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The text's key in NotificationTexts (usually the kind's name).</summary>
    public string Template { get; private set; } = "";

    /// <summary>The values the text's placeholders take, each in Korean and English.</summary>
    public IReadOnlyList<BilingualName> Args { get; private set; } = [];

    /// <summary>The app-relative page the notification points to.</summary>
    public string Link { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    internal void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

/// <summary>A user who does not want e-mail for one kind of notification (everything is e-mailed unless opted out).</summary>
public class EmailOptOut
{
    private EmailOptOut()
    {
    }

    internal EmailOptOut(Guid userId, NotificationKind kind)
    {
        UserId = userId;
        Kind = kind;
    }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }
}

/// <summary>
/// A reminder already sent: the daily job inserts one row per item, kind and key (a date) before notifying, so a
/// second run on the same day, or a second app instance, sends nothing again.
/// </summary>
public class ReminderDelivery
{
    private ReminderDelivery()
    {
    }

    internal ReminderDelivery(Guid subjectId, NotificationKind kind, DateOnly key, DateTime nowUtc)
    {
        SubjectId = subjectId;
        Kind = kind;
        Key = key;
        SentAtUtc = nowUtc;
    }

    /// <summary>The recommendation (due-soon, overdue) or the official (weekly digest).</summary>
    public Guid SubjectId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What makes a reminder distinct: the due date, the day or the week it is for.</summary>
    public DateOnly Key { get; private set; }

    public DateTime SentAtUtc { get; private set; }
}
