using Consulting.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Consulting.Testing;

/// <summary>The notifier services get in tests built by hand: real, writing to the same database, default mail settings.</summary>
public static class TestNotifier
{
    public static Notifier For(TimeProvider clock) => new(Options.Create(new MailOptions()), clock);
}
