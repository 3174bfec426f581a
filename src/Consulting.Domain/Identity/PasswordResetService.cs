using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Notifications;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Domain.Identity;

/// <summary>
/// A forgotten password: a link with Identity's reset token goes to the account's e-mail through the outbox, and the
/// link lets the user choose a new password. Whether an address belongs to an account is never told.
/// </summary>
public sealed class PasswordResetService(IServiceScopeFactory scopes, Notifier notifier, TimeProvider clock)
{
    public const string Topic = "PasswordReset";

    /// <summary>How long a reset link works: the web host gives Identity's token provider this lifespan.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(60);

    /// <summary>At most one reset e-mail an account in this time, so the form cannot be used to flood a mailbox.</summary>
    public static readonly TimeSpan RequestInterval = TimeSpan.FromMinutes(2);

    public const string ResetPath = "/account/reset-password";

    /// <summary>
    /// Queues a reset e-mail when <paramref name="email"/> belongs to an active account that has not been sent one in
    /// the last <see cref="RequestInterval"/>; otherwise does nothing. Says nothing either way.
    /// </summary>
    public async Task RequestAsync(string? email, CancellationToken ct = default)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > ApplicationUser.EmailMaxLength)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ConsultingDbContext>();
        var user = await users.FindByEmailAsync(address);
        if (user is null || !user.IsActive || string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The account's row is held until the e-mail is queued: two requests at once send one e-mail.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {user.Id} FOR UPDATE", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RequestInterval;
        if (await db.OutboxMessages.AnyAsync(m => m.UserId == user.Id && m.Topic == Topic && m.CreatedAtUtc > since, ct))
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = LinkFor(user.Id, token);
        var culture = NotificationTexts.CultureOf(user.PreferredCulture);
        var minutes = NotificationTexts.Number((int)LinkLifetime.TotalMinutes);
        db.OutboxMessages.Add(notifier.Email(
            Topic, user.Id, user.Email, user.DisplayName,
            NotificationTexts.Title(Topic, [], culture), NotificationTexts.Body(Topic, [minutes], culture),
            link, user.PreferredCulture));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The app-relative address of the reset page for this token.</summary>
    public static string LinkFor(Guid userId, string token) => $"{ResetPath}?user={userId}&token={Uri.EscapeDataString(token)}";

    /// <summary>
    /// Sets the new password when the token is the one sent for this account (and still fresh); this also ends the
    /// one-time-password requirement, lifts a lockout from failed sign-ins and, with the new security stamp, ends the
    /// account's other sessions and makes the link useless from now on.
    /// </summary>
    public async Task ResetAsync(Guid userId, string? token, string? newPassword, string? confirmPassword, CancellationToken ct = default)
    {
        var failures = new List<ValidationFailure>();
        if (string.IsNullOrEmpty(newPassword))
        {
            failures.Add(Failure(nameof(PasswordChangeInput.NewPassword), "password.new-required", "Enter a new password."));
        }
        else if (newPassword.Length > PasswordChangeInput.MaxLength)
        {
            failures.Add(Failure(nameof(PasswordChangeInput.NewPassword), "common.too-long", $"At most {PasswordChangeInput.MaxLength} characters."));
        }

        if (!string.Equals(newPassword ?? "", confirmPassword ?? "", StringComparison.Ordinal))
        {
            failures.Add(Failure(nameof(PasswordChangeInput.ConfirmPassword), "password.confirm-mismatch", "The new password and its confirmation do not match."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var invalidLink = new DomainException("password.reset-link-invalid", "The link is not valid or has expired. Ask for a new one.");
        if (string.IsNullOrEmpty(token))
        {
            throw invalidLink;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive)
        {
            throw invalidLink;
        }

        // Saved only if the token and the password pass (Identity updates the user once, at the end).
        user.MustChangePassword = false;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var result = await users.ResetPasswordAsync(user, token, newPassword!);
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidToken)))
        {
            throw invalidLink;
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflictException(nameof(ApplicationUser));
        }

        throw new ValidationException(result.Errors.Select(e =>
            Failure(nameof(PasswordChangeInput.NewPassword), "identity." + e.Code, e.Description)));
    }

    private static ValidationFailure Failure(string property, string code, string message) => new(property, message) { ErrorCode = code };
}
