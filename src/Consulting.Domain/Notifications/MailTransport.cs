using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consulting.Domain.Notifications;

/// <summary>Hands one e-mail on: to an SMTP server, or to a folder. Throws when the message was not taken.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>Sends through the SMTP server in <see cref="MailOptions"/>, one connection a message, with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            throw new InvalidOperationException("Consulting:Mail:Host is not set; SMTP delivery needs a server.");
        }

        using var client = new SmtpClient { Timeout = checked(Math.Max(1, mail.TimeoutSeconds) * 1000) };
        await client.ConnectAsync(mail.Host, mail.Port, SecurityOf(mail.Security), ct);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await client.AuthenticateAsync(mail.UserName, mail.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>The configured security word as MailKit's option; an unknown word is a configuration error.</summary>
    public static SecureSocketOptions SecurityOf(string? security) => security?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "auto" or "" or null => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Consulting:Mail:Security '{security}' is not one of None, StartTls, SslOnConnect, Auto."),
    };
}

/// <summary>
/// Writes each message as <c>&lt;id&gt;.eml</c> into <see cref="MailOptions.PickupDirectory"/> (made when missing), so
/// in development nothing leaves the machine and every e-mail can be opened in a mail program. The file is written
/// under a temporary name and renamed when complete, so a reader never sees half a message.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var directory = options.Value.PickupDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new InvalidOperationException("Consulting:Mail:PickupDirectory is not set; pickup delivery needs a folder.");
        }

        Directory.CreateDirectory(directory);
        // As a 7-bit SMTP server would get it (Korean text base64-encoded, with its Content-Transfer-Encoding): any mail program reads it.
        message.Prepare(EncodingConstraint.SevenBit);
        var name = FileNameOf(message);
        var target = Path.Combine(directory, name + ".eml");
        var temporary = Path.Combine(directory, "." + name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await message.WriteToAsync(file, ct);
                await file.FlushAsync(ct);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The Message-Id's local part (the outbox row's id), or a new id; only letters, digits and '-'.</summary>
    internal static string FileNameOf(MimeMessage message)
    {
        var id = message.MessageId?.Split('@')[0] ?? "";
        var clean = new string([.. id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return clean.Length > 0 ? clean : Guid.NewGuid().ToString("N");
    }
}

/// <summary>Delivery is Off: the outbox keeps the mail and nothing should try to send it.</summary>
public sealed class DisabledMailTransport : IMailTransport
{
    public Task SendAsync(MimeMessage message, CancellationToken ct = default) =>
        throw new InvalidOperationException("Mail delivery is Off (Consulting:Mail:Delivery).");
}

/// <summary>Picks the transport that <see cref="MailOptions.Delivery"/> names.</summary>
public static class MailTransportFactory
{
    public static IMailTransport Create(IOptions<MailOptions> options) => options.Value.Delivery switch
    {
        MailDelivery.Smtp => new SmtpMailTransport(options),
        MailDelivery.Pickup => new PickupDirectoryTransport(options),
        _ => new DisabledMailTransport(),
    };
}
