using Consulting.Domain.Common;
using Consulting.Domain.Data;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Domain.Identity;

/// <summary>
/// User accounts: officials list, create, deactivate, reactivate and reset them; every user changes their own
/// password. Writes go through Identity's <see cref="UserManager{TUser}"/>, each in its own DI scope so a Blazor
/// circuit never keeps a long-lived, stale user store; concurrent edits are caught by Identity's ConcurrencyStamp.
/// </summary>
public sealed class UserAccountService(
    IServiceScopeFactory scopes,
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    IOptions<IdentityOptions> identityOptions,
    IValidator<UserListQuery> listValidator,
    IValidator<NewUserInput> newUserValidator,
    IValidator<PasswordChangeInput> passwordValidator)
{
    /// <summary>What a deactivated account's lockout ends at: never, in practice.</summary>
    public static readonly DateTimeOffset DeactivatedLockoutEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<UserPage> ListAsync(UserListQuery query, CancellationToken ct = default)
    {
        EnsureOfficial();
        await listValidator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, LikePattern.Escape) || EF.Functions.ILike(u.Email!, pattern, LikePattern.Escape));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }

        if (query.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        var total = await users.CountAsync(ct);
        var rows = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip(query.PageIndex * query.PageSize)
            .Take(query.PageSize)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault(),
                u.IsActive,
                u.MustChangePassword))
            .ToListAsync(ct);
        return new UserPage(rows, total);
    }

    public async Task<UserDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users
            .Where(u => u.Id == id)
            .Select(u => new UserDetails(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.AgencyId,
                db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault(),
                u.IsActive,
                u.MustChangePassword,
                u.ConcurrencyStamp ?? ""))
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The active agencies a new AgencyStaff account can belong to, by name.</summary>
    public async Task<IReadOnlyList<AgencyChoice>> ListAgenciesAsync(CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agencies
            .Where(a => a.IsActive)
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new AgencyChoice(a.Id, a.Name))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>Creates the account with a one-time password, which the caller shows once; the user must replace it at first sign-in.</summary>
    public async Task<CreatedUser> CreateAsync(NewUserInput input, CancellationToken ct = default)
    {
        EnsureOfficial();
        var clean = new NewUserInput
        {
            Email = input.Email?.Trim() ?? "",
            DisplayName = input.DisplayName?.Trim() ?? "",
            Role = input.Role?.Trim() ?? "",
            AgencyId = input.Role == Roles.AgencyStaff ? input.AgencyId : null,
        };
        await newUserValidator.ValidateAndThrowAsync(clean, ct);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ConsultingDbContext>();
        if (clean.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
        {
            throw new DomainException("user.agency-unavailable", "The agency does not exist or is inactive.");
        }

        var user = new ApplicationUser
        {
            UserName = clean.Email,
            Email = clean.Email,
            EmailConfirmed = true,
            DisplayName = clean.DisplayName,
            AgencyId = clean.AgencyId,
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        var password = OneTimePassword.Generate(identityOptions.Value.Password);

        // The account and its role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password), nameof(NewUserInput.Email));
        Check(await users.AddToRoleAsync(user, clean.Role), nameof(NewUserInput.Role));
        await transaction.CommitAsync(ct);
        return new CreatedUser(user.Id, password);
    }

    /// <summary>
    /// Corrects the account's name and, for agency staff, moves it to another active agency. The new security stamp
    /// makes the user's sessions pick up the change (the agency decides everything they may see).
    /// </summary>
    public async Task UpdateProfileAsync(Guid id, string expectedStamp, string displayName, Guid? agencyId, CancellationToken ct = default)
    {
        EnsureOfficial();
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException("user.name-required", "Enter the user's name.");
        }

        if (name.Length > ApplicationUser.DisplayNameMaxLength)
        {
            throw new DomainException("common.too-long", $"At most {ApplicationUser.DisplayNameMaxLength} characters.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var current = await db.Users.Where(u => u.Id == id).Select(u => new { u.AgencyId }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("user.not-found", "The user does not exist.");
            if (current.AgencyId is not null && current.AgencyId != agencyId
                && (agencyId is not { } target || !await db.Agencies.AnyAsync(a => a.Id == target && a.IsActive, ct)))
            {
                throw new DomainException("user.agency-unavailable", "The agency does not exist or is inactive.");
            }
        }

        await ChangeAsync(id, expectedStamp, user =>
        {
            user.DisplayName = name;
            if (user.AgencyId is not null)
            {
                // Only agency staff belong to an agency; other roles never gain one here.
                user.AgencyId = agencyId;
            }

            return null;
        }, ct);
    }

    /// <summary>
    /// Ends the account's access: sign-in is refused (and locked out for good, as a second guard) and the new
    /// security stamp ends its existing sessions. An official cannot deactivate their own account.
    /// </summary>
    public async Task DeactivateAsync(Guid id, string expectedStamp, CancellationToken ct = default)
    {
        EnsureOfficial();
        if (id == currentUser.UserId)
        {
            throw new DomainException("user.cannot-deactivate-self", "You cannot deactivate your own account.");
        }

        await ChangeAsync(id, expectedStamp, user =>
        {
            user.IsActive = false;
            user.LockoutEnabled = true;
            user.LockoutEnd = DeactivatedLockoutEnd;
            return null;
        }, ct);
    }

    public async Task ReactivateAsync(Guid id, string expectedStamp, CancellationToken ct = default)
    {
        EnsureOfficial();
        await ChangeAsync(id, expectedStamp, user =>
        {
            user.IsActive = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return null;
        }, ct);
    }

    /// <summary>Replaces the password with a new one-time password (returned, to show once) and ends the account's sessions.</summary>
    public async Task<string> ResetPasswordAsync(Guid id, string expectedStamp, CancellationToken ct = default)
    {
        EnsureOfficial();
        var password = OneTimePassword.Generate(identityOptions.Value.Password);
        await ChangeAsync(id, expectedStamp, user =>
        {
            user.MustChangePassword = true;
            user.AccessFailedCount = 0;
            if (user.IsActive)
            {
                // A reset also lifts a lockout from failed attempts; an inactive account stays locked.
                user.LockoutEnd = null;
            }

            return password;
        }, ct);
        return password;
    }

    /// <summary>The signed-in user replaces their password, which also clears <see cref="ApplicationUser.MustChangePassword"/>.</summary>
    public async Task ChangeOwnPasswordAsync(PasswordChangeInput input, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            throw new AccessDeniedException();
        }

        await passwordValidator.ValidateAndThrowAsync(input, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.IsActive)
        {
            throw new AccessDeniedException();
        }

        user.MustChangePassword = false;
        Check(await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword), nameof(PasswordChangeInput.NewPassword));
    }

    /// <summary>
    /// Loads the account in a fresh scope, applies <paramref name="change"/> (which may return a new password) and
    /// saves once, with a new security stamp, refused if the account changed since <paramref name="expectedStamp"/>.
    /// </summary>
    private async Task ChangeAsync(Guid id, string expectedStamp, Func<ApplicationUser, string?> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ConsultingDbContext>();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new DomainException("user.not-found", "The user does not exist.");
        if (user.ConcurrencyStamp != expectedStamp)
        {
            throw new ConcurrencyConflictException(nameof(ApplicationUser));
        }

        // The stamp is also the row's concurrency token, so a change saved between this load and the update is refused too.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = expectedStamp;
        if (change(user) is { } newPassword)
        {
            await ValidatePasswordAsync(users, user, newPassword);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        }

        Check(await users.UpdateSecurityStampAsync(user), "");
    }

    private static async Task ValidatePasswordAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, password), nameof(PasswordChangeInput.NewPassword));
        }
    }

    /// <summary>Turns Identity's refusals into what the UI explains: a rule, a validation message or a concurrent edit.</summary>
    private static void Check(IdentityResult result, string property)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConcurrencyConflictException(nameof(ApplicationUser));
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) || codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new DomainException("user.email-taken", "Another account already uses this e-mail address.");
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw new DomainException("password.wrong-current", "The current password is not correct.");
        }

        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(property, e.Description) { ErrorCode = "identity." + e.Code }));
    }

    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }

}
