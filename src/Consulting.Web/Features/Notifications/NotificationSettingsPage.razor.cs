using Consulting.Domain.Notifications;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Notifications;

/// <summary>The user's choices: which notifications also come by e-mail, and the language e-mail is written in.</summary>
public partial class NotificationSettingsPage
{
    private static readonly (string Value, string Key, string Lang)[] Languages =
    [
        ("ko", "NotificationSettings.Korean", "ko"),
        ("en", "NotificationSettings.English", "en"),
    ];

    private readonly FormFeedback feedback = new();
    private readonly HashSet<NotificationKind> emailKinds = [];
    private NotificationSettings? settings;
    private string culture = "ko";
    private string? notice;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        settings = await Notifications.GetSettingsAsync();
        emailKinds.Clear();
        emailKinds.UnionWith(settings.Kinds.Where(k => k.Email).Select(k => k.Kind));
        culture = settings.PreferredCulture;
    }

    private void Toggle(NotificationKind kind, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            emailKinds.Add(kind);
        }
        else
        {
            emailKinds.Remove(kind);
        }
    }

    private Task SaveAsync() => feedback.RunAsync(
        async () =>
        {
            notice = null;
            await Notifications.SaveSettingsAsync([.. emailKinds], culture);
            notice = L["NotificationSettings.Saved"];
        },
        L);
}
