using Microsoft.AspNetCore.Identity;

namespace Consulting.Domain.Identity;

/// <summary>
/// The account rules in one place: the web host applies them to Identity, the one-time passwords are generated to
/// pass them, and the tests use the same ones.
/// </summary>
public static class IdentitySettings
{
    public static void Apply(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 8;
    }
}
