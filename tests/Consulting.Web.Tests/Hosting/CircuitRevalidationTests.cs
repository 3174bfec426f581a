using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using Consulting.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Web.Tests.Hosting;

/// <summary>An open circuit keeps its user only while the account is active and its security stamp unchanged.</summary>
public class CircuitRevalidationTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private async Task<bool> StillValidAfterAsync(string email, Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        _ = app.Services; // starts the host, which seeds the demo accounts
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        Assert.True(await RevalidatingIdentityStateProvider.IsStillValidAsync(users, principal, options));

        await change(users, user);

        return await RevalidatingIdentityStateProvider.IsStillValidAsync(users, principal, options);
    }

    [Fact]
    public async Task AnUnchangedAccountStaysSignedIn() =>
        Assert.True(await StillValidAfterAsync(DemoData.ConsultantEmail, (_, _) => Task.CompletedTask));

    [Fact]
    public async Task ADeactivatedAccountLosesItsCircuit() =>
        Assert.False(await StillValidAfterAsync(DemoData.AgencyEmail, async (users, user) =>
        {
            user.IsActive = false;
            await users.UpdateAsync(user);
        }));

    [Fact]
    public async Task ANewSecurityStampEndsTheCircuit() =>
        Assert.False(await StillValidAfterAsync(DemoData.OfficialEmail, (users, user) => users.UpdateSecurityStampAsync(user)));
}
