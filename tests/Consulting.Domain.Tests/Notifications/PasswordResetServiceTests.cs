using System.Text.RegularExpressions;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Notifications;
using Consulting.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Domain.Tests.Notifications;

/// <summary>Password reset by e-mailed link, with Identity's real token provider and user store on PostgreSQL.</summary>
public sealed partial class PasswordResetServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string OldPassword = "Old!Pass2025";
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 6, 20, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _provider;

    public Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ConsultingDbContext>(o => o.UseConsultingDatabase(database.ConnectionString));
        services.AddDataProtection();
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConsultingDbContext>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetService.LinkLifetime);
        _provider = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private PasswordResetService Service => new(_provider!.GetRequiredService<IServiceScopeFactory>(), TestNotifier.For(_clock), _clock);

    private async Task<ApplicationUser> AccountAsync(bool active = true, string? culture = null)
    {
        await using var scope = _provider!.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"reset-{Guid.NewGuid():N}@accounts.test";
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = "재설정 사용자", IsActive = active, MustChangePassword = true, LockoutEnabled = true,
            PreferredCulture = culture,
        };
        Assert.True((await users.CreateAsync(user, OldPassword)).Succeeded);
        return user;
    }

    private async Task<List<OutboxMessage>> MailsOfAsync(Guid userId)
    {
        await using var db = database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAtUtc).ToListAsync();
    }

    private async Task<bool> PasswordIsAsync(Guid userId, string password)
    {
        await using var scope = _provider!.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password);
    }

    /// <summary>The token in the e-mail's link, decoded as the reset page receives it.</summary>
    private static (Guid User, string Token) LinkOf(OutboxMessage mail)
    {
        var match = Link().Match(mail.TextBody);
        Assert.True(match.Success, mail.TextBody);
        return (Guid.Parse(match.Groups["user"].Value), Uri.UnescapeDataString(match.Groups["token"].Value));
    }

    [GeneratedRegex(@"http://localhost:5080/account/reset-password\?user=(?<user>[0-9a-f-]{36})&token=(?<token>[^\s]+)")]
    private static partial Regex Link();

    [Fact]
    public async Task ARequestQueuesAnEmailWhoseLinkSetsANewPassword()
    {
        var user = await AccountAsync();

        await Service.RequestAsync("  " + user.Email!.ToUpperInvariant() + " ");

        var mail = Assert.Single(await MailsOfAsync(user.Id));
        Assert.Equal((PasswordResetService.Topic, user.Email, "재설정 사용자", (DateTime?)null), (mail.Topic, mail.ToAddress, mail.ToName, mail.SentAtUtc));
        Assert.Equal("[복지기관 품질관리 컨설팅] 비밀번호 재설정", mail.Subject);
        Assert.Contains("60분 안에", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("알림 설정에 따라", mail.TextBody, StringComparison.Ordinal);
        var (linkUser, token) = LinkOf(mail);
        Assert.Equal(user.Id, linkUser);

        await Service.ResetAsync(user.Id, token, "New!Pass2025", "New!Pass2025");

        Assert.True(await PasswordIsAsync(user.Id, "New!Pass2025"));
        Assert.False(await PasswordIsAsync(user.Id, OldPassword));
        await using var db = database.CreateContext();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.False(saved.MustChangePassword);
        Assert.NotEqual(user.SecurityStamp, saved.SecurityStamp);

        // The link works once: the new security stamp retires it.
        var again = await Assert.ThrowsAsync<DomainException>(() => Service.ResetAsync(user.Id, token, "Other!Pass2025", "Other!Pass2025"));
        Assert.Equal("password.reset-link-invalid", again.Code);
        Assert.True(await PasswordIsAsync(user.Id, "New!Pass2025"));
    }

    [Fact]
    public async Task TheEmailIsInTheAccountsLanguage()
    {
        var user = await AccountAsync(culture: "en");

        await Service.RequestAsync(user.Email);

        var mail = Assert.Single(await MailsOfAsync(user.Id));
        Assert.Equal("[Welfare agency consulting] Reset your password", mail.Subject);
        Assert.Contains("within 60 minutes", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTokenOrAnotherAccountsTokenIsRefused()
    {
        var user = await AccountAsync();
        var other = await AccountAsync();
        await Service.RequestAsync(other.Email);
        var (_, othersToken) = LinkOf(Assert.Single(await MailsOfAsync(other.Id)));

        var wrong = await Assert.ThrowsAsync<DomainException>(() => Service.ResetAsync(user.Id, "bm90IGEgdG9rZW4", "New!Pass2025", "New!Pass2025"));
        var borrowed = await Assert.ThrowsAsync<DomainException>(() => Service.ResetAsync(user.Id, othersToken, "New!Pass2025", "New!Pass2025"));
        var nobody = await Assert.ThrowsAsync<DomainException>(() => Service.ResetAsync(Guid.NewGuid(), othersToken, "New!Pass2025", "New!Pass2025"));

        Assert.Equal(["password.reset-link-invalid"], new[] { wrong.Code, borrowed.Code, nobody.Code }.Distinct());
        Assert.True(await PasswordIsAsync(user.Id, OldPassword));
        Assert.True(await PasswordIsAsync(other.Id, OldPassword));
    }

    [Fact]
    public async Task TheNewPasswordMustFollowTheRulesAndMatchItsConfirmation()
    {
        var user = await AccountAsync();
        await Service.RequestAsync(user.Email);
        var (_, token) = LinkOf(Assert.Single(await MailsOfAsync(user.Id)));

        var mismatch = await Assert.ThrowsAsync<ValidationException>(() => Service.ResetAsync(user.Id, token, "New!Pass2025", "New!Pass2026"));
        var weak = await Assert.ThrowsAsync<ValidationException>(() => Service.ResetAsync(user.Id, token, "short", "short"));

        Assert.Equal(["password.confirm-mismatch"], mismatch.Errors.Select(e => e.ErrorCode));
        Assert.Contains("identity.PasswordTooShort", weak.Errors.Select(e => e.ErrorCode));
        Assert.All(weak.Errors, e => Assert.Equal(nameof(PasswordChangeInput.NewPassword), e.PropertyName));
        Assert.True(await PasswordIsAsync(user.Id, OldPassword));
        await using var db = database.CreateContext();
        Assert.True((await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).MustChangePassword);
    }

    [Fact]
    public async Task AnUnknownOrInactiveAddressQueuesNothing()
    {
        var inactive = await AccountAsync(active: false);
        await using var db = database.CreateContext();
        var before = await db.OutboxMessages.CountAsync();

        await Service.RequestAsync("nobody-" + Guid.NewGuid().ToString("N") + "@accounts.test");
        await Service.RequestAsync(inactive.Email);
        await Service.RequestAsync("   ");

        Assert.Equal(before, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task ASecondRequestWithinTwoMinutesQueuesNothing()
    {
        var user = await AccountAsync();
        var start = _clock.Now;

        await Service.RequestAsync(user.Email);
        _clock.Now = start.AddSeconds(119);
        await Service.RequestAsync(user.Email);
        Assert.Single(await MailsOfAsync(user.Id));

        _clock.Now = start.AddMinutes(2).AddSeconds(1);
        await Service.RequestAsync(user.Email);
        Assert.Equal(2, (await MailsOfAsync(user.Id)).Count);
        _clock.Now = start;
    }
}
