using Consulting.Domain.Identity;
using Consulting.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Consulting.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login" + (Pipeline.IsLocal(returnUrl) ? "?signedOut=true" : ""));
        }).AllowAnonymous();

    /// <summary>Where each role lands after signing in.</summary>
    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Official) ? "/official"
        : user.IsInRole(Roles.Consultant) ? "/consultant"
        : user.IsInRole(Roles.AgencyStaff) ? "/agency"
        : "/account/access-denied";
}
