using Consulting.Domain.Common;

namespace Consulting.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change it tells about, so a change that fails
/// sends nothing and a change that succeeds is never left untold. The background sender claims due rows (one sender a
/// row, even with several app instances), sends them by SMTP and marks them sent, or schedules a retry.
/// </summary>
public class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    private OutboxMessage()
    {
    }

    internal OutboxMessage(string topic, Guid? userId, string toAddress, string toName, string subject, string textBody, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        Topic = topic;
        UserId = userId;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        TextBody = textBody;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>A notification kind's name, or "PasswordReset".</summary>
    public string Topic { get; private set; } = "";

    public Guid? UserId { get; private set; }

    public string ToAddress { get; private set; } = "";

    public string ToName { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Sending attempts started so far (a claim counts as one).</summary>
    public int Attempts { get; private set; }

    /// <summary>Not before this time.</summary>
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>A sender holds the row until then; another sender may take it only after the lease has run out.</summary>
    public DateTime? LockedUntilUtc { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Given up after the last retry.</summary>
    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }
}
