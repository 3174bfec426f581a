using Consulting.Web.Features.Users;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Users;

public class OneTimePasswordBoxTests
{
    private static Task<string> Render(string culture) =>
        ComponentRenderer.RenderAsync<OneTimePasswordBox>(new Dictionary<string, object?>
        {
            [nameof(OneTimePasswordBox.Password)] = "6hZE@EvhV+%ZHx",
            [nameof(OneTimePasswordBox.Message)] = "계정을 만들었습니다.",
        }, culture);

    [Fact]
    public async Task ShowsThePasswordInALabelledReadOnlyFieldWithItsHint()
    {
        var html = await Render("ko-KR");

        Assert.Contains("<label for=\"one-time-password\">일회용 비밀번호</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"one-time-password\" type=\"text\" readonly value=\"6hZE@EvhV+%ZHx\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"otp-hint\"", html, StringComparison.Ordinal);
        Assert.Contains("<p role=\"status\">계정을 만들었습니다.</p>", html, StringComparison.Ordinal);
        Assert.Contains("한 번만 표시", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeaksEnglishInEnglish()
    {
        var html = await Render("en-US");

        Assert.DoesNotContain("일회용", html, StringComparison.Ordinal);
        Assert.Matches("<label for=\"one-time-password\">[A-Za-z -]+</label>", html);
    }
}
