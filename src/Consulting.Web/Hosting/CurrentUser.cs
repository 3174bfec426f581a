using System.Security.Claims;
using Consulting.Domain.Common;
using Consulting.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Consulting.Web.Hosting;

/// <summary>
/// The signed-in user for the domain services: from the circuit's authentication state in interactive
/// components, from the request while a page renders on the server.
/// </summary>
internal sealed class CurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentUser
{
    public Guid? UserId => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Role => Roles.All.FirstOrDefault(Principal.IsInRole);

    public Guid? AgencyId => Guid.TryParse(Principal.FindFirstValue(ConsultingClaimTypes.AgencyId), out var id) ? id : null;

    private ClaimsPrincipal Principal
    {
        get
        {
            try
            {
                // The server's provider holds a completed task for the circuit's lifetime, and while a page
                // renders on the server it holds the request's user.
                var state = authenticationState.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully && state.Result.User.Identity?.IsAuthenticated == true)
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // Outside a component (an endpoint or middleware): the provider has no state yet.
            }

            return httpContext.HttpContext?.User ?? new ClaimsPrincipal();
        }
    }
}

public static class ConsultingClaimTypes
{
    public const string AgencyId = "consulting:agency_id";
    public const string DisplayName = "consulting:display_name";

    /// <summary>Present while the account still has a one-time password; <see cref="PasswordChangeGate"/> holds the user on the change page.</summary>
    public const string MustChangePassword = "consulting:must_change_password";
}

/// <summary>Adds the agency and the display name to the sign-in cookie, so no page has to look them up.</summary>
internal sealed class ConsultingClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ConsultingClaimTypes.DisplayName, user.DisplayName));
        if (user.AgencyId is { } agencyId)
        {
            identity.AddClaim(new Claim(ConsultingClaimTypes.AgencyId, agencyId.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ConsultingClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
