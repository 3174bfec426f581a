namespace Consulting.Domain.Notifications;

/// <summary>How e-mail leaves the app: settings under "Consulting:Mail" (environment Consulting__Mail__…).</summary>
public sealed class MailOptions
{
    public const string Section = "Consulting:Mail";

    /// <summary>Smtp sends through <see cref="Host"/>; Pickup writes .eml files to <see cref="PickupDirectory"/>; Off keeps mail in the outbox.</summary>
    public MailDelivery Delivery { get; set; } = MailDelivery.Off;

    public string? PickupDirectory { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's choice by port).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@consulting.local";

    public string FromName { get; set; } = "Consulting";

    /// <summary>The address users reach the app at, for links in e-mail.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the sender looks for due mail.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How many messages one pass claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claimed message is held by its sender (longer than one SMTP conversation can take).</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>The name a sender writes into the rows it claims; empty: machine, process id and a random part.</summary>
    public string? SenderInstance { get; set; }

    /// <summary>SMTP connect and command timeout.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

public enum MailDelivery
{
    Off,
    Pickup,
    Smtp,
}
