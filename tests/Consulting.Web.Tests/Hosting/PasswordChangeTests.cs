using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Hosting;

/// <summary>An account with a one-time password is held on the change-password page until it has chosen its own.</summary>
public partial class PasswordChangeTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private const string OneTime = "OneTime!2025x";

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> CreateAgencyStaffAsync(bool mustChangePassword, bool active = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var agencyId = (await users.FindByEmailAsync(DemoData.AgencyEmail))!.AgencyId;
        var email = $"staff-{Guid.NewGuid():N}@web.test";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = "시험 담당자",
            AgencyId = agencyId,
            MustChangePassword = mustChangePassword,
            IsActive = active,
            LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(user, OneTime)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.AgencyStaff)).Succeeded);
        return email;
    }

    [Fact]
    public async Task SignInWithAOneTimePasswordLeadsToTheChangePage()
    {
        var client = Client();
        var email = await CreateAgencyStaffAsync(mustChangePassword: true);

        var signIn = await SignInForm.PostAsync(client, email, OneTime);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/change-password", PathOf(signIn));
    }

    [Theory]
    [InlineData("/agency")]
    [InlineData("/agency/applications")]
    [InlineData("/account/access-denied")]
    public async Task EveryOtherPageRedirectsToTheChangePageUntilThePasswordIsChanged(string path)
    {
        var client = Client();
        var email = await CreateAgencyStaffAsync(mustChangePassword: true);
        await SignInForm.PostAsync(client, email, OneTime);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/change-password", PathOf(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task AfterChangingThePasswordTheUserLandsOnTheirHomePage()
    {
        var client = Client();
        var email = await CreateAgencyStaffAsync(mustChangePassword: true);
        await SignInForm.PostAsync(client, email, OneTime);

        var changed = await PostChangeAsync(client, OneTime, "Chosen!2025", "Chosen!2025");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/agency", PathOf(changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);

        var again = await SignInForm.PostAsync(Client(), email, "Chosen!2025");
        Assert.Equal("/agency", PathOf(again));
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsExplainedAndKeepsTheUserOnThePage()
    {
        var client = Client();
        var email = await CreateAgencyStaffAsync(mustChangePassword: true);
        await SignInForm.PostAsync(client, email, OneTime);

        var refused = await PostChangeAsync(client, "Wrong!2025", "Chosen!2025", "Chosen!2025");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("현재 비밀번호가 올바르지 않습니다", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agency")).StatusCode);
    }

    [Fact]
    public async Task ADeactivatedAccountCannotSignIn()
    {
        var client = Client();
        var email = await CreateAgencyStaffAsync(mustChangePassword: false, active: false);

        var response = await SignInForm.PostAsync(client, email, OneTime);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("이메일 또는 비밀번호가 올바르지 않습니다", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/agency")).StatusCode);
    }

    [Fact]
    public async Task EverySignedInUserCanOpenTheChangePage()
    {
        var client = Client();
        await SignInForm.PostAsync(client, DemoData.ConsultantEmail, DemoData.Password);

        var html = await client.GetStringAsync("/account/change-password");

        Assert.Contains("<label for=\"current-password\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"new-password\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"confirm-password\">", html, StringComparison.Ordinal);
    }

    /// <summary>Where a redirect points, whether the app wrote an absolute or a relative location.</summary>
    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : response.Headers.Location!.OriginalString.Split('?')[0];

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm)
    {
        var page = await client.GetStringAsync("/account/change-password");
        var token = Token().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
