using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Account;

/// <summary>The app with SMTP delivery configured: its background sender hands the outbox to an SMTP server in the test process.</summary>
public sealed class SmtpWebFactory : ConsultingWebFactory
{
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Consulting:Mail:Delivery", "Smtp");
        builder.UseSetting("Consulting:Mail:Host", TestSmtpServer.Host);
        builder.UseSetting("Consulting:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Consulting:Mail:Security", "None");
        builder.UseSetting("Consulting:Mail:PollSeconds", "1");
        builder.UseSetting("Consulting:Mail:FromAddress", "consulting@welfare.example.kr");
        builder.UseSetting("Consulting:Mail:PublicBaseUrl", "https://consulting.example.kr/");
    }
}

public partial class MailDeliveryWebTests(SmtpWebFactory app) : IClassFixture<SmtpWebFactory>
{
    [Fact]
    public async Task TheBackgroundSenderDeliversTheResetEmailBySmtp()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/forgot-password");
        var posted = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["_handler"] = "forgot-password",
            ["Input.Email"] = DemoData.ConsultantEmail,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        // The sender polls every second; this only waits for it, bounded so a broken sender fails the test.
        for (var i = 0; i < 300 && app.Smtp.RawMessages.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        var mail = Assert.Single(app.Smtp.Messages);
        Assert.Equal(DemoData.ConsultantEmail, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("consulting@welfare.example.kr", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("[복지기관 품질관리 컨설팅] 비밀번호 재설정", mail.Subject);
        Assert.Contains("https://consulting.example.kr/account/reset-password?user=", mail.TextBody, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Topic == PasswordResetService.Topic && m.ToAddress == DemoData.ConsultantEmail);
        for (var i = 0; i < 100 && row.SentAtUtc is null; i++)
        {
            await Task.Delay(100);
            row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id);
        }

        Assert.Equal((1, true), (row.Attempts, row.SentAtUtc is not null));
        Assert.Equal($"{row.Id:N}@consulting", mail.MessageId);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
