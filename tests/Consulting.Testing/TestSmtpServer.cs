using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Consulting.Testing;

/// <summary>
/// A real SMTP server inside the test process (the SmtpServer package) on 127.0.0.1 and a free port: the app's
/// MailKit client holds the whole SMTP conversation with it. It keeps every message it accepted as received (raw
/// bytes, parsed with MimeKit on request) and can be told to refuse the next messages, as a failing server would.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Store _store = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _disposed;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp.local")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public static string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The raw messages accepted so far, in order.</summary>
    public IReadOnlyList<byte[]> RawMessages => [.. _store.Received];

    /// <summary>The accepted messages, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _store.Received.Select(raw => MimeMessage.Load(new MemoryStream(raw)))];

    /// <summary>How many messages were refused so far.</summary>
    public int Refused => _store.RefusedCount;

    /// <summary>Starts listening on a port that was free a moment ago.</summary>
    public static TestSmtpServer Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    /// <summary>
    /// Refuses the next <paramref name="count"/> messages after their DATA: with 452 (try again later) unless
    /// <paramref name="permanent"/>, then with 554 (transaction failed).
    /// </summary>
    public void RefuseNext(int count, bool permanent = false)
    {
        _store.Permanent = permanent;
        Interlocked.Exchange(ref _store.ToRefuse, count);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public int ToRefuse;
        private int _refused;

        public bool Permanent { get; set; }

        public ConcurrentQueue<byte[]> Received { get; } = new();

        public int RefusedCount => Volatile.Read(ref _refused);

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Take one refusal if any are left.
            while (true)
            {
                var left = Volatile.Read(ref ToRefuse);
                if (left <= 0)
                {
                    break;
                }

                if (Interlocked.CompareExchange(ref ToRefuse, left - 1, left) == left)
                {
                    Interlocked.Increment(ref _refused);
                    return Task.FromResult(Permanent
                        ? new SmtpResponse(SmtpReplyCode.TransactionFailed, "refused by the test")
                        : new SmtpResponse(SmtpReplyCode.InsufficientStorage, "try again later (test)"));
                }
            }

            Received.Enqueue(buffer.ToArray());
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
