using Consulting.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Npgsql;

namespace Consulting.Domain.Notifications;

/// <summary>
/// Delivers the outbox. One pass claims up to <see cref="MailOptions.BatchSize"/> due messages in a single statement
/// (rows another sender has locked are skipped, and a claim holds a row for <see cref="MailOptions.LeaseSeconds"/>),
/// so two app instances never work the same message; then sends each and marks it sent, or schedules a retry with a
/// growing pause, and gives up after <see cref="MailOptions.MaxAttempts"/>. A sender that dies mid-send leaves its
/// rows locked only until the lease runs out; then another sender takes them.
/// </summary>
public sealed partial class OutboxSender(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>The pauses after the 1st, 2nd, … failed attempt; the last one repeats.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(3)];

    /// <summary>Who holds a claimed row: the configured name, or machine, process and a random part (unique per sender).</summary>
    public string InstanceId { get; } = Truncate(
        string.IsNullOrWhiteSpace(options.Value.SenderInstance)
            ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}"
            : options.Value.SenderInstance.Trim(),
        100);

    public static TimeSpan PauseAfter(int attempts) => Backoff[Math.Clamp(attempts, 1, Backoff.Count) - 1];

    /// <summary>The Message-Id of an outbox row's e-mail: the same on every attempt, so a receiver can spot a repeat.</summary>
    public static string MessageIdOf(Guid id) => $"{id:N}@consulting";

    /// <summary>Claims the due messages and works them; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var mail = options.Value;
        var claimed = await ClaimAsync(mail, ct);
        var sent = 0;
        foreach (var message in claimed)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                // Built inside the try: a row that cannot become a message fails alone, not the whole batch.
                await transport.SendAsync(Build(message, mail), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await FailedAsync(message, ex, mail, ct);
                continue;
            }

            if (await MarkSentAsync(message.Id, ct))
            {
                sent++;
            }
            else
            {
                // The lease ran out during the send and another sender took the row: it may be sent twice (same Message-Id).
                LeaseLost(logger, message.Id, InstanceId);
            }
        }

        return sent;
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(MailOptions mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            UPDATE outbox_messages
               SET locked_until_utc = @lease, locked_by = @me, attempts = attempts + 1
             WHERE id IN (
                   SELECT id FROM outbox_messages
                    WHERE sent_at_utc IS NULL AND failed_at_utc IS NULL AND next_attempt_at_utc <= @now
                      AND (locked_until_utc IS NULL OR locked_until_utc < @now)
                    ORDER BY next_attempt_at_utc
                    LIMIT @batch
                      FOR UPDATE SKIP LOCKED)
            RETURNING id, to_address, to_name, subject, text_body, attempts
            """,
            connection);
        command.Parameters.AddWithValue("lease", now.AddSeconds(Math.Max(1, mail.LeaseSeconds)));
        command.Parameters.AddWithValue("me", InstanceId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", Math.Max(1, mail.BatchSize));
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return claimed;
    }

    private static MimeMessage Build(ClaimedMessage row, MailOptions mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(row.ToName, row.ToAddress));
        message.Subject = row.Subject;
        message.MessageId = MessageIdOf(row.Id);
        var body = new TextPart(TextFormat.Plain);
        body.SetText(System.Text.Encoding.UTF8, row.TextBody);
        message.Body = body;
        return message;
    }

    /// <summary>Marks the row sent, only while it is still unsent and held by this sender.</summary>
    private async Task<bool> MarkSentAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.ExecuteSqlAsync(
            $"""
             UPDATE outbox_messages SET sent_at_utc = {now}, locked_until_utc = NULL, locked_by = NULL, last_error = NULL
              WHERE id = {id} AND sent_at_utc IS NULL AND locked_by = {InstanceId}
             """,
            ct);
        return rows == 1;
    }

    /// <summary>Releases the row for a later attempt, or gives it up after the last one.</summary>
    private async Task FailedAsync(ClaimedMessage row, Exception error, MailOptions mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var givenUp = row.Attempts >= Math.Max(1, mail.MaxAttempts);
        DateTime? failedAt = givenUp ? now : null;
        var next = now + PauseAfter(row.Attempts);
        var text = Truncate($"{error.GetType().Name}: {error.Message}", OutboxMessage.ErrorMaxLength);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.Database.ExecuteSqlAsync(
            $"""
             UPDATE outbox_messages
                SET last_error = {text}, next_attempt_at_utc = {next}, failed_at_utc = {failedAt}, locked_until_utc = NULL, locked_by = NULL
              WHERE id = {row.Id} AND sent_at_utc IS NULL AND locked_by = {InstanceId}
             """,
            CancellationToken.None);
        if (givenUp)
        {
            GaveUp(logger, error, row.Id, row.Attempts);
        }
        else
        {
            WillRetry(logger, row.Id, row.Attempts, next, error.Message);
        }
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;

    private sealed record ClaimedMessage(Guid Id, string ToAddress, string ToName, string Subject, string TextBody, int Attempts);

    [LoggerMessage(101, LogLevel.Information, "E-mail {MessageId} not sent (attempt {Attempts}); next attempt at {NextAttemptAtUtc:u}: {Error}")]
    private static partial void WillRetry(ILogger logger, Guid messageId, int attempts, DateTime nextAttemptAtUtc, string error);

    [LoggerMessage(102, LogLevel.Warning, "E-mail {MessageId} given up after {Attempts} attempts")]
    private static partial void GaveUp(ILogger logger, Exception error, Guid messageId, int attempts);

    [LoggerMessage(103, LogLevel.Warning, "E-mail {MessageId} was sent by {Instance} after its lease had run out; another sender holds it now")]
    private static partial void LeaseLost(ILogger logger, Guid messageId, string instance);
}
