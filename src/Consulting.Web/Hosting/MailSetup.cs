using Consulting.Domain.Identity;
using Consulting.Domain.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Consulting.Web.Hosting;

/// <summary>
/// E-mail: the settings under "Consulting:Mail" (environment Consulting__Mail__…), the reset links' lifetime, and the
/// background sender that delivers the outbox. With Delivery Off (the default) mail stays in the outbox.
/// </summary>
internal static class MailSetup
{
    public static void AddConsultingMail(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .PostConfigure(options =>
            {
                // A relative pickup folder is under the app's content root, not wherever the process was started.
                if (!string.IsNullOrWhiteSpace(options.PickupDirectory) && !Path.IsPathRooted(options.PickupDirectory))
                {
                    options.PickupDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.PickupDirectory));
                }
            })
            .Validate(o => o.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.Host), "Consulting:Mail:Delivery is Smtp but Consulting:Mail:Host is not set.")
            .Validate(o => o.Delivery != MailDelivery.Pickup || !string.IsNullOrWhiteSpace(o.PickupDirectory), "Consulting:Mail:Delivery is Pickup but Consulting:Mail:PickupDirectory is not set.")
            .Validate(o => IsKnownSecurity(o.Security), "Consulting:Mail:Security must be None, StartTls, SslOnConnect or Auto.")
            .ValidateOnStart();
        // The password reset e-mail says how long its link works; Identity's token provider is told the same.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetService.LinkLifetime);
        builder.Services.AddHostedService<OutboxSenderService>();
    }

    private static bool IsKnownSecurity(string? security)
    {
        try
        {
            SmtpMailTransport.SecurityOf(security);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>
/// Works the outbox while the app runs: passes until one sends nothing, then a pause of PollSeconds. A failure is
/// logged and the loop goes on; the app never stops because mail could not be sent. Does nothing when Delivery is Off.
/// </summary>
internal sealed partial class OutboxSenderService(OutboxSender sender, IOptions<MailOptions> options, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (mail.Delivery == MailDelivery.Off)
        {
            DeliveryOff(logger);
            return;
        }

        Started(logger, mail.Delivery, mail.Delivery == MailDelivery.Pickup ? mail.PickupDirectory ?? "" : $"{mail.Host}:{mail.Port}", sender.InstanceId);
        var pause = TimeSpan.FromSeconds(Math.Max(1, mail.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    sent = await sender.SendDueAsync(stoppingToken);
                    if (sent > 0)
                    {
                        Sent(logger, sent);
                    }
                }
                while (sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                PassFailed(logger, ex);
            }

            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(201, LogLevel.Information, "E-mail delivery is Off: messages stay in the outbox")]
    private static partial void DeliveryOff(ILogger logger);

    [LoggerMessage(202, LogLevel.Information, "E-mail sender {Instance} started: {Delivery} to {Target}")]
    private static partial void Started(ILogger logger, MailDelivery delivery, string target, string instance);

    [LoggerMessage(203, LogLevel.Information, "{Count} e-mails sent")]
    private static partial void Sent(ILogger logger, int count);

    [LoggerMessage(204, LogLevel.Error, "E-mail sender pass failed; trying again after the pause")]
    private static partial void PassFailed(ILogger logger, Exception error);
}
