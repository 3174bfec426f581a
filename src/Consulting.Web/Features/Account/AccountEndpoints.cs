using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Consulting.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app) =>
        // A form post with an antiforgery token (minimal APIs check it for form bodies), never a GET link.
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn) =>
        {
            // UseAntiforgery checks the token but leaves refusing to form binding, which this endpoint has none of.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.BadRequest();
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=true");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AllowAnonymous();

    /// <summary>Where each role lands after signing in.</summary>
    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Official) ? "/official"
        : user.IsInRole(Roles.Consultant) ? "/consultant"
        : user.IsInRole(Roles.AgencyStaff) ? "/agency"
        : "/account/access-denied";
}
