using Consulting.Domain.Notifications;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first, a page at a time; opening one marks it read.</summary>
public partial class NotificationsPage
{
    /// <summary>How many notifications one "show more" adds.</summary>
    public const int PageSize = 20;

    private readonly FormFeedback feedback = new();
    private List<NotificationRow>? rows;
    private bool hasMore;
    private int unread;
    private string? notice;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var page = await Notifications.ListAsync(0, PageSize);
        (rows, hasMore) = ([.. page.Rows], page.HasMore);
        unread = await Notifications.UnreadCountAsync();
    }

    private Task MoreAsync() => feedback.RunAsync(
        async () =>
        {
            var page = await Notifications.ListAsync(rows?.Count ?? 0, PageSize);
            rows = [.. rows ?? [], .. page.Rows.Where(r => rows?.All(x => x.Id != r.Id) ?? true)];
            hasMore = page.HasMore;
        },
        L);

    private Task MarkAllReadAsync() => feedback.RunAsync(
        async () =>
        {
            notice = null;
            await Notifications.MarkAllReadAsync();
            var page = await Notifications.ListAsync(0, Math.Max(PageSize, rows?.Count ?? 0));
            (rows, hasMore) = ([.. page.Rows], page.HasMore);
            unread = 0;
            notice = L["Notifications.AllMarked"];
        },
        L);
}
