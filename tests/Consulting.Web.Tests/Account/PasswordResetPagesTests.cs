using System.Net;
using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Notifications;
using Consulting.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Web.Tests.Account;

/// <summary>A forgotten password through the real pages: the request form, the e-mail in the outbox, the reset form, signing in.</summary>
public partial class PasswordResetPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private const string Sent = "입력한 주소가 등록된 계정의 주소라면 비밀번호 재설정 링크를 보냈습니다";

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/account/forgot-password");
        return await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["_handler"] = "forgot-password",
            ["Input.Email"] = email,
        }));
    }

    /// <summary>Opens the reset page at <paramref name="link"/> and posts its form as a browser would, hidden fields and all.</summary>
    private static async Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password, string confirm)
    {
        var page = await client.GetStringAsync(link);
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);
        return await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["_handler"] = "reset-password",
            ["Input.User"] = Hidden("Input.User"),
            ["Input.Token"] = Hidden("Input.Token"),
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = confirm,
        }));
    }

    private async Task<List<OutboxMessage>> ResetMailsToAsync(string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Topic == PasswordResetService.Topic).ToListAsync();
    }

    /// <summary>The app-relative link in an e-mail's text.</summary>
    private static string LinkIn(OutboxMessage mail)
    {
        var match = MailLink().Match(mail.TextBody);
        Assert.True(match.Success, mail.TextBody);
        return match.Groups[1].Value;
    }

    private async Task<string> NewStaffAsync(string password)
    {
        var email = $"reset-{Guid.NewGuid():N}@web.test";
        await app.CreateAgencyStaffAsync("해솔 종합사회복지관", email, password);
        return email;
    }

    [Fact]
    public async Task TheSignInPageLinksToTheForgottenPasswordPage()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/account/login"));

        Assert.Contains("<a href=\"/account/forgot-password\">비밀번호를 잊으셨나요?</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForgotPasswordFormQueuesAnEmailForTheDemoOfficialAndSaysTheSameForAnUnknownAddress()
    {
        var form = await Client().GetStringAsync("/account/forgot-password");
        Assert.Contains("<label for=\"email\">", form, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(form, "<h1>"));

        var known = await RequestLinkAsync(Client(), DemoData.OfficialEmail);
        var unknown = await RequestLinkAsync(Client(), "nobody@demo.consulting.kr");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, unknown.StatusCode));
        var status = StatusOf(await HtmlAsync(known));
        Assert.Contains(Sent, status, StringComparison.Ordinal);
        Assert.Equal(status, StatusOf(await HtmlAsync(unknown)));
        var mail = Assert.Single(await ResetMailsToAsync(DemoData.OfficialEmail));
        Assert.StartsWith("/account/reset-password?user=", LinkIn(mail), StringComparison.Ordinal);
        Assert.Empty(await ResetMailsToAsync("nobody@demo.consulting.kr"));
    }

    [Fact]
    public async Task TheLinkFromTheEmailSetsANewPasswordAndSignInWorksWithIt()
    {
        var email = await NewStaffAsync("Before!2025");
        await RequestLinkAsync(Client(), email);
        var link = LinkIn(Assert.Single(await ResetMailsToAsync(email)));

        var reset = await ResetAsync(Client(), link, "After!2025x", "After!2025x");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var html = await HtmlAsync(reset);
        Assert.Contains("<p class=\"notice\" role=\"status\" id=\"reset-done\">비밀번호를 새로 정했습니다.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("After!2025x", html, StringComparison.Ordinal);

        var signIn = await SignInForm.PostAsync(Client(), email, "After!2025x");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.EndsWith("/agency", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var old = await SignInForm.PostAsync(Client(), email, "Before!2025");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task AnInvalidTokenShowsTheErrorAndChangesNothing()
    {
        var email = await NewStaffAsync("Before!2025");
        await using (var db = app.Database.CreateContext())
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

            var refused = await ResetAsync(Client(), $"/account/reset-password?user={id}&token=bm90LWEtdG9rZW4", "After!2025x", "After!2025x");

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await HtmlAsync(refused);
            Assert.Matches("<div class=\"error\" role=\"alert\">\\s*<ul>\\s*<li>비밀번호 재설정 링크가 올바르지 않거나 만료되었습니다", html);
            Assert.Contains("href=\"/account/forgot-password\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(Client(), email, "Before!2025")).StatusCode);
    }

    [Fact]
    public async Task ALinkWithoutItsTokenSaysSoAndOffersANewOne()
    {
        var html = await Client().GetStringAsync("/account/reset-password?user=" + Guid.NewGuid());

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-password\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/forgot-password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResetFormLabelsItsFieldsAndSpeaksEnglishToo()
    {
        var client = Client();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/reset-password?user=" + Guid.NewGuid() + "&token=abc"));
        Assert.Contains("<label for=\"new-password\">새 비밀번호</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"confirm-password\">", html, StringComparison.Ordinal);

        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/account/forgot-password"));
        Assert.Contains("Forgot your password", english, StringComparison.Ordinal);
        Assert.DoesNotContain("비밀번호 찾기", english, StringComparison.Ordinal);
    }

    private static string StatusOf(string html) => Regex.Match(html, "<p class=\"notice\" role=\"status\" id=\"forgot-sent\">([^<]*)</p>").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"http://localhost:5080(/account/reset-password\?\S+)")]
    private static partial Regex MailLink();
}
