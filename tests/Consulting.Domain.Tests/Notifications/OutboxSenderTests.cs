using Consulting.Domain.Notifications;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>
/// The outbox sender against PostgreSQL, delivering through MailKit to a real SMTP server in the test process:
/// retries, giving up, two senders at once, a lease that runs out, and the pickup folder.
/// </summary>
public sealed class OutboxSenderTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 6, 20, 3, 0, 0, TimeSpan.Zero));
    private TestSmtpServer? _smtp;

    private TestSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        // The tests of this class share the database; each starts with an empty outbox.
        await using var db = database.CreateContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private MailOptions Options(Action<MailOptions>? change = null)
    {
        var options = new MailOptions
        {
            Delivery = MailDelivery.Smtp,
            Host = TestSmtpServer.Host,
            Port = Smtp.Port,
            Security = "None",
            FromAddress = "consulting@test.local",
            FromName = "복지기관 품질관리 컨설팅",
            TimeoutSeconds = 20,
            LeaseSeconds = 300,
            MaxAttempts = 8,
            BatchSize = 20,
        };
        change?.Invoke(options);
        return options;
    }

    private OutboxSender Sender(MailOptions options, IMailTransport? transport = null) =>
        new(database.CreateFactory(), transport ?? new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(options)),
            Microsoft.Extensions.Options.Options.Create(options), _clock, NullLogger<OutboxSender>.Instance);

    private async Task<List<Guid>> QueueAsync(int count = 1, string subject = "[복지기관 품질관리 컨설팅] 방문 기록 승인: 해솔 종합사회복지관",
        string body = "윤슬기님, 안녕하세요.\n\n해솔 종합사회복지관 조직 관리 분야 2회차 방문 기록이 승인되었습니다. ✓")
    {
        await using var db = database.CreateContext();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var message = new OutboxMessage("LogApproved", null, $"user{i}@test.local", $"받는사람 {i}", subject, body, _clock.GetUtcNow().UtcDateTime);
            db.OutboxMessages.Add(message);
            ids.Add(message.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task TheSmtpTransportDeliversTheMessageThroughARealSmtpConversation()
    {
        var id = Assert.Single(await QueueAsync());
        var sender = Sender(Options());

        Assert.Equal(1, await sender.SendDueAsync());

        var received = Assert.Single(Smtp.Messages);
        Assert.Equal("[복지기관 품질관리 컨설팅] 방문 기록 승인: 해솔 종합사회복지관", received.Subject);
        Assert.Equal("윤슬기님, 안녕하세요.\n\n해솔 종합사회복지관 조직 관리 분야 2회차 방문 기록이 승인되었습니다. ✓", received.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        var from = Assert.Single(received.From.Mailboxes);
        Assert.Equal(("consulting@test.local", "복지기관 품질관리 컨설팅"), (from.Address, from.Name));
        var to = Assert.Single(received.To.Mailboxes);
        Assert.Equal(("user0@test.local", "받는사람 0"), (to.Address, to.Name));
        Assert.Equal($"{id:N}@consulting", received.MessageId);
        Assert.Equal("utf-8", Assert.IsType<TextPart>(received.Body).ContentType.Charset, ignoreCase: true);

        var row = await RowAsync(id);
        Assert.Equal((_clock.GetUtcNow().UtcDateTime, 1, (string?)null, (DateTime?)null, (string?)null), (row.SentAtUtc, row.Attempts, row.LockedBy, row.LockedUntilUtc, row.LastError));
        // Nothing left to do: a second pass sends nothing more.
        Assert.Equal(0, await sender.SendDueAsync());
        Assert.Single(Smtp.RawMessages);
    }

    [Fact]
    public async Task AFailedSendIsRetriedLaterAndDeliveredExactlyOnce()
    {
        var id = Assert.Single(await QueueAsync());
        var sender = Sender(Options());
        Smtp.RefuseNext(2);
        var start = _clock.Now;

        Assert.Equal(0, await sender.SendDueAsync());
        var row = await RowAsync(id);
        Assert.Equal((1, (DateTime?)null, (string?)null), (row.Attempts, row.SentAtUtc, row.LockedBy));
        Assert.Contains("try again later", row.LastError, StringComparison.Ordinal);
        Assert.Equal(start.UtcDateTime.AddMinutes(1), row.NextAttemptAtUtc);

        // Not due yet: the server is not asked again.
        Assert.Equal(0, await sender.SendDueAsync());
        Assert.Equal(1, Smtp.Refused);

        _clock.Now = start.AddMinutes(1);
        Assert.Equal(0, await sender.SendDueAsync());
        row = await RowAsync(id);
        Assert.Equal((2, 2), (row.Attempts, Smtp.Refused));
        Assert.Equal(start.UtcDateTime.AddMinutes(1 + 5), row.NextAttemptAtUtc);

        _clock.Now = start.AddMinutes(6);
        Assert.Equal(1, await sender.SendDueAsync());
        _clock.Now = start.AddHours(5);
        Assert.Equal(0, await sender.SendDueAsync());

        var received = Assert.Single(Smtp.Messages);
        Assert.Equal($"{id:N}@consulting", received.MessageId);
        row = await RowAsync(id);
        Assert.Equal((3, start.UtcDateTime.AddMinutes(6), (DateTime?)null, (string?)null), (row.Attempts, row.SentAtUtc, row.FailedAtUtc, row.LastError));
    }

    [Fact]
    public async Task AfterTheLastAttemptTheMessageIsGivenUpAndNotTriedAgain()
    {
        var id = Assert.Single(await QueueAsync());
        var sender = Sender(Options(o => o.MaxAttempts = 3));
        Smtp.RefuseNext(100, permanent: true);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(0, await sender.SendDueAsync());
            Assert.Equal(attempt, (await RowAsync(id)).Attempts);
            _clock.Now = _clock.Now.AddHours(4);
        }

        var row = await RowAsync(id);
        Assert.NotNull(row.FailedAtUtc);
        Assert.Null(row.SentAtUtc);
        Assert.Contains("refused by the test", row.LastError, StringComparison.Ordinal);

        _clock.Now = _clock.Now.AddDays(3);
        Assert.Equal(0, await sender.SendDueAsync());
        Assert.Equal((3, 3), ((await RowAsync(id)).Attempts, Smtp.Refused));
        Assert.Empty(Smtp.RawMessages);
        Smtp.RefuseNext(0);
    }

    [Fact]
    public async Task TwoSendersWorkingTheSameOutboxDeliverEachMessageOnce()
    {
        var ids = await QueueAsync(30);
        var options = Options(o => o.BatchSize = 4);
        var first = Sender(options);
        var second = Sender(options);
        Assert.NotEqual(first.InstanceId, second.InstanceId);

        static async Task<int> DrainAsync(OutboxSender sender)
        {
            var total = 0;
            int sent;
            while ((sent = await sender.SendDueAsync()) > 0)
            {
                total += sent;
            }

            return total;
        }

        var counts = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
        // One sender may stop when it finds nothing to claim while the other still works; a last pass mops up.
        var rest = await DrainAsync(first);

        Assert.Equal(30, counts.Sum() + rest);
        var messageIds = Smtp.Messages.Select(m => m.MessageId).ToList();
        Assert.Equal(30, messageIds.Count);
        Assert.Equal(ids.Select(id => $"{id:N}@consulting").Order(), messageIds.Order());
        await using var db = database.CreateContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
        Assert.All(rows, r => Assert.Equal((1, true), (r.Attempts, r.SentAtUtc is not null)));
    }

    [Fact]
    public async Task ASenderSkipsTheRowsAnotherSenderIsClaimingWithoutWaitingForIt()
    {
        var ids = await QueueAsync(4);
        var theirs = ids.Take(2).ToArray();
        var now = _clock.GetUtcNow().UtcDateTime;

        // Another instance is in the middle of its claim: its row locks are held, its transaction not yet committed.
        await using var other = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var claim = await other.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand(
            "UPDATE outbox_messages SET locked_by = 'other', locked_until_utc = @lease, attempts = attempts + 1 WHERE id = ANY(@ids)", other, claim))
        {
            command.Parameters.AddWithValue("lease", now.AddMinutes(5));
            command.Parameters.AddWithValue("ids", theirs);
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        // Waiting for those locks would never end while the claim is open: the guard turns that into a failure.
        var sent = await Sender(Options()).SendDueAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await claim.CommitAsync();

        Assert.Equal(2, sent);
        Assert.Equal(ids.Skip(2).Select(id => $"{id:N}@consulting").Order(), Smtp.Messages.Select(m => m.MessageId).Order());
        Assert.Equal(0, await Sender(Options()).SendDueAsync());
        Assert.All(await Task.WhenAll(theirs.Select(RowAsync)), r => Assert.Equal(("other", 1, (DateTime?)null), (r.LockedBy, r.Attempts, r.SentAtUtc)));
    }

    [Fact]
    public async Task ALeaseThatRanOutLetsAnotherSenderTakeTheMessage()
    {
        var id = Assert.Single(await QueueAsync());
        var options = Options(o => o.LeaseSeconds = 60);
        var stuck = new StuckTransport();
        var slow = Sender(options, stuck);
        var other = Sender(options);

        var slowPass = Task.Run(() => slow.SendDueAsync());
        await stuck.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(slow.InstanceId, (await RowAsync(id)).LockedBy);

        // While the lease holds, the other sender leaves the message alone.
        Assert.Equal(0, await other.SendDueAsync());
        Assert.Empty(Smtp.RawMessages);

        _clock.Now = _clock.Now.AddSeconds(61);
        Assert.Equal(1, await other.SendDueAsync());
        var row = await RowAsync(id);
        Assert.Equal((2, _clock.GetUtcNow().UtcDateTime), (row.Attempts, row.SentAtUtc));

        // The first sender finishes late: its "sent" does not count, the row stays as the other sender left it.
        stuck.Release.SetResult();
        Assert.Equal(0, await slowPass);
        Assert.Single(Smtp.RawMessages);
        Assert.Equal((2, row.SentAtUtc), ((await RowAsync(id)).Attempts, (await RowAsync(id)).SentAtUtc));
    }

    [Fact]
    public async Task ThePickupTransportWritesAReadableEmlFile()
    {
        var id = Assert.Single(await QueueAsync());
        var folder = Path.Combine(Path.GetTempPath(), "consulting-pickup-" + Guid.NewGuid().ToString("N"), "mail");
        try
        {
            var options = Options(o =>
            {
                o.Delivery = MailDelivery.Pickup;
                o.PickupDirectory = folder;
            });
            var transport = MailTransportFactory.Create(Microsoft.Extensions.Options.Options.Create(options));
            Assert.IsType<PickupDirectoryTransport>(transport);

            Assert.Equal(1, await Sender(options, transport).SendDueAsync());

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal($"{id:N}.eml", Path.GetFileName(file));
            Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 128));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("[복지기관 품질관리 컨설팅] 방문 기록 승인: 해솔 종합사회복지관", message.Subject);
            Assert.Contains("2회차 방문 기록이 승인되었습니다", message.TextBody, StringComparison.Ordinal);
            Assert.Equal("user0@test.local", Assert.Single(message.To.Mailboxes).Address);
            Assert.Equal($"{id:N}@consulting", message.MessageId);
            Assert.NotNull((await RowAsync(id)).SentAtUtc);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("None", MailKit.Security.SecureSocketOptions.None)]
    [InlineData("starttls", MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("SslOnConnect", MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("Auto", MailKit.Security.SecureSocketOptions.Auto)]
    public void TheSecuritySettingNamesMailKitsOption(string setting, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpMailTransport.SecurityOf(setting));

    [Fact]
    public void TheFactoryPicksTheTransportTheSettingsName()
    {
        Assert.IsType<SmtpMailTransport>(MailTransportFactory.Create(Microsoft.Extensions.Options.Options.Create(new MailOptions { Delivery = MailDelivery.Smtp })));
        Assert.IsType<DisabledMailTransport>(MailTransportFactory.Create(Microsoft.Extensions.Options.Options.Create(new MailOptions())));
        Assert.Throws<InvalidOperationException>(() => SmtpMailTransport.SecurityOf("tls-please"));
    }

    [Fact]
    public void TheBackoffGrowsAndThenRepeats()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(3)],
            Enumerable.Range(1, 6).Select(OutboxSender.PauseAfter));
    }

    /// <summary>A transport that hangs until released, as a sender whose process stalled mid-send; then reports success without sending.</summary>
    private sealed class StuckTransport : IMailTransport
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            Started.TrySetResult();
            await Release.Task;
        }
    }
}
