using System.Text.RegularExpressions;
using Consulting.Domain.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Consulting.EndToEnd;

/// <summary>Steps every journey shares: signing in and out through the real pages, waiting for the circuit.</summary>
public static class Journey
{
    public static async Task SignInAsync(IPage page, string email, string password = DemoData.Password)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("비밀번호").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("로그아웃되었습니다");
    }

    /// <summary>Pages are prerendered; a click or input before the circuit takes over would be lost.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Expect(page.Locator("main[data-interactive]")).ToHaveCountAsync(1);

    /// <summary>Goes to <paramref name="path"/> and waits until the page is interactive.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }
}
