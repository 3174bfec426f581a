using System.Net;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Consulting.Web.Tests.Hosting;

public class HttpTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/official")]
    [InlineData("/consultant")]
    [InlineData("/agency")]
    [InlineData("/programs/0193a000-0000-7000-8000-000000000001")]
    public async Task AnonymousRequestsGoToSignIn(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReportsHealthyWithTheDatabase()
    {
        var response = await Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInPageIsKoreanWithATitleAndLabelledInputs()
    {
        var html = await Client().GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]+</title>", html);
        Assert.Contains("<label for=\"email\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">", html, StringComparison.Ordinal);
        Assert.Contains("비밀번호", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorBannerIsHiddenBeforeAnyStylesheetLoads()
    {
        var html = await Client().GetStringAsync("/account/login");

        // blazor.web.js shows it by setting display:block; until then the attribute alone keeps it (and its role="alert") away.
        Assert.Matches(@"<div id=""blazor-error-ui""[^>]*\shidden[\s>]", html);
    }

    [Fact]
    public async Task LanguageSwitchRemembersEnglishInACookie()
    {
        var client = Client();

        var response = await client.GetAsync("/culture?culture=en-US&returnUrl=/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task LanguageSwitchNeverRedirectsOffSite(string returnUrl)
    {
        var response = await Client().GetAsync("/culture?culture=ko-KR&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LanguageSwitchRejectsAnUnsupportedCulture()
    {
        var response = await Client().GetAsync("/culture?culture=fr-FR");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOutRefusesAPostWithoutAnAntiforgeryToken()
    {
        var response = await Client().PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task BlazorScriptIsServed()
    {
        var response = await Client().GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Blazor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
