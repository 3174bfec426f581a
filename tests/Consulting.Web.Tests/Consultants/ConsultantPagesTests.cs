using System.Net;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consulting.Web.Tests.Consultants;

public class ConsultantPagesTests(ConsultingWebFactory app) : IClassFixture<ConsultingWebFactory>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string email, string password = DemoData.Password)
    {
        var client = Client();
        await SignInForm.PostAsync(client, email, password);
        return client;
    }

    /// <summary>The demo year is seeded when the host starts, so ask after the first client exists.</summary>
    private async Task<Guid> ConsultantIdAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return await db.Consultants.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task TheRegistryIsPrerenderedForOfficials()
    {
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultants"));

        Assert.Contains("<h1>컨설턴트 관리</h1>", html, StringComparison.Ordinal);
        Assert.Contains("for=\"consultant-search\"", html, StringComparison.Ordinal);
        Assert.Contains("for=\"consultant-expertise\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/consultants/new\"", html, StringComparison.Ordinal);
        Assert.Contains("가온사회복지연구소", html, StringComparison.Ordinal);
        // Expertise by name in the registry's order, whatever order it was typed in.
        Assert.Contains("<span>조직 관리, 사업 기획·평가</span>", html, StringComparison.Ordinal);
        Assert.Contains("컨설턴트 8명", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficialsOpenAConsultantWithTheirAccountAndDeclaredDates()
    {
        var client = await SignedInAsync(DemoData.OfficialEmail);
        var id = await ConsultantIdAsync("윤슬기");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/consultants/{id}"));

        Assert.Contains("<h1>컨설턴트 정보</h1>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"윤슬기\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"expertise-organisation\"[^>]*checked", html);
        Assert.DoesNotMatch("id=\"expertise-case-management\"[^>]*checked", html);
        Assert.Contains($"로그인 계정: {DemoData.ConsultantEmail}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"account-email\"", html, StringComparison.Ordinal);
        Assert.Contains("여름 휴가", html, StringComparison.Ordinal);
        Assert.Contains("for=\"unavailability-start\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultantWithoutAccountOffersToCreateOneForTheirEmail()
    {
        var client = await SignedInAsync(DemoData.OfficialEmail);
        var id = await ConsultantIdAsync("강하늘");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/consultants/{id}"));

        Assert.Contains("<label for=\"account-email\">로그인 계정 이메일", html, StringComparison.Ordinal);
        Assert.Contains("로그인 계정 만들기", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewFormOffersTheFiveAreasOfExpertise()
    {
        var client = await SignedInAsync(DemoData.OfficialEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultants/new"));

        Assert.Contains("<h1>컨설턴트 등록</h1>", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("type=\"checkbox\"").Length - 1);
        Assert.Contains("<label for=\"expertise-peer-coaching\">사례관리 동료멘토링(피어코칭)</label>", html, StringComparison.Ordinal);
        // A registry entry without a saved record has no account, status or dates to manage yet.
        Assert.DoesNotContain("id=\"account-email\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unavailability-start", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.ConsultantEmail, "/consultants")]
    [InlineData(DemoData.AgencyEmail, "/consultants")]
    [InlineData(DemoData.ConsultantEmail, "/consultants/new")]
    [InlineData(DemoData.AgencyEmail, "/consultant/profile")]
    [InlineData(DemoData.OfficialEmail, "/consultant/profile")]
    public async Task OtherRolesAreRefused(string email, string path)
    {
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AConsultantCannotOpenTheOfficialsFormEvenForThemselves()
    {
        var client = await SignedInAsync(DemoData.ConsultantEmail);
        var id = await ConsultantIdAsync("윤슬기");

        var response = await client.GetAsync($"/consultants/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TheConsultantSeesTheirOwnDetailsWithOnlyTheContactEditable()
    {
        var client = await SignedInAsync(DemoData.ConsultantEmail);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultant/profile"));

        Assert.Contains("<h1>내 정보</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>윤슬기</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>가온사회복지연구소</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"my-phone\">전화번호</label>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"010-0000-0000\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"consultant-name\"", html, StringComparison.Ordinal);
        Assert.Contains("여름 휴가", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultantAccountOutsideTheRegistryIsToldSo()
    {
        const string email = "unlinked.consultant@example.kr";
        const string password = "Unlinked!2025";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "명단 밖 컨설턴트", LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Consultant)).Succeeded);
        }

        var client = await SignedInAsync(email, password);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/consultant/profile"));

        Assert.Contains("<h1>내 정보</h1>", html, StringComparison.Ordinal);
        Assert.Contains("컨설턴트 명단과 연결되어 있지 않습니다", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"my-phone\"", html, StringComparison.Ordinal);
    }
}
