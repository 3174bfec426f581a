using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consulting.Domain.Notifications;

/// <summary>
/// Tells users about a change: a notification row for each recipient and, for those who have not opted out of this
/// kind, an e-mail in the outbox, written in their language. Everything is added to the caller's DbContext, so it is
/// saved in the caller's transaction with the change itself, or not at all.
/// </summary>
public sealed class Notifier(IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>
    /// Adds the notifications (not saved). The user who made the change (<paramref name="except"/>) is not told about
    /// it; inactive accounts are skipped.
    /// </summary>
    internal async Task NotifyAsync(
        ConsultingDbContext db,
        NotificationKind kind,
        IEnumerable<Guid> recipients,
        string link,
        IReadOnlyList<BilingualName> args,
        Guid? except = null,
        string? template = null,
        CancellationToken ct = default)
    {
        var ids = recipients.Where(id => id != except).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var users = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .AsNoTracking()
            .ToListAsync(ct);
        var optedOut = await db.EmailOptOuts.Where(o => ids.Contains(o.UserId) && o.Kind == kind).Select(o => o.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = template ?? kind.ToString();
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification(user.Id, kind, key, args, link, now));
            if (!string.IsNullOrWhiteSpace(user.Email) && !optedOut.Contains(user.Id))
            {
                var culture = NotificationTexts.CultureOf(user.PreferredCulture);
                db.OutboxMessages.Add(Compose(
                    kind.ToString(), user.Id, user.Email, user.DisplayName,
                    NotificationTexts.Title(key, args, culture), NotificationTexts.Body(key, args, culture), link, culture, now));
            }
        }
    }

    /// <summary>An e-mail that is not a notification (a password reset link): always sent, never in the bell.</summary>
    internal OutboxMessage Email(string topic, Guid userId, string toAddress, string toName, string subject, string body, string link, string? preferredCulture) =>
        Compose(topic, userId, toAddress, toName, subject, body, link, NotificationTexts.CultureOf(preferredCulture), clock.GetUtcNow().UtcDateTime, "Mail.FooterAccount");

    /// <summary>The absolute address of an app-relative link, for e-mail.</summary>
    public string AbsoluteUrl(string link) => mail.Value.PublicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');

    private OutboxMessage Compose(
        string topic, Guid userId, string toAddress, string toName, string title, string body, string link, System.Globalization.CultureInfo culture, DateTime now,
        string footer = "Mail.Footer")
    {
        var subject = string.Format(culture, NotificationTexts.Text("Mail.Subject", culture), title);
        var text = string.Join(
            "\n",
            string.Format(culture, NotificationTexts.Text("Mail.Greeting", culture), toName),
            "",
            body,
            "",
            string.Format(culture, NotificationTexts.Text("Mail.Open", culture), AbsoluteUrl(link)),
            "",
            "--",
            string.Format(culture, NotificationTexts.Text(footer, culture), AbsoluteUrl("/account/notifications")));
        return new OutboxMessage(topic, userId, toAddress, toName, subject, text, now);
    }
}
