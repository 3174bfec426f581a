using Consulting.Web.Features.Notifications;
using Consulting.Web.Tests.Components;

namespace Consulting.Web.Tests.Notifications;

/// <summary>The header bell's markup: the unread count shown and spoken, nothing shown when there is none.</summary>
public class BellLinkTests
{
    private static Task<string> RenderAsync(int count, string culture = "ko-KR") =>
        ComponentRenderer.RenderAsync<BellLink>(new Dictionary<string, object?> { [nameof(BellLink.Count)] = count }, culture);

    [Fact]
    public async Task NoUnreadNotificationsShowNoCount()
    {
        var html = await RenderAsync(0);

        Assert.Contains("<a id=\"notification-bell\" class=\"notification-bell\" href=\"/notifications\" aria-label=\"알림 (읽지 않은 알림 없음)\">", html, StringComparison.Ordinal);
        Assert.Contains(">알림</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bell-count", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadNotificationsAreCountedAndSpoken()
    {
        var html = await RenderAsync(3);

        Assert.Contains("<span class=\"bell-count\">3</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"알림 (읽지 않은 알림 3건)\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBellSpeaksEnglishInEnglish()
    {
        var html = await RenderAsync(1200, "en-US");

        Assert.Contains("<span class=\"bell-count\">1,200</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Notifications (1,200 unread)\"", html, StringComparison.Ordinal);
    }
}
