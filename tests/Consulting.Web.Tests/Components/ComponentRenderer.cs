using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Consulting.Web.Tests.Components;

/// <summary>
/// Renders a component to HTML with ASP.NET Core's HtmlRenderer (bUnit does not restore here), with the app's
/// localization, in the given culture. The HTML comes back decoded, so tests read text as a person would. Interaction is the browser tests' job.
/// </summary>
internal static class ComponentRenderer
{
    /// <summary>The app's localizer, answering in the current UI culture.</summary>
    public static IStringLocalizer Localizer() =>
        new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources")
            .BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();

    public static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters, string culture = "ko-KR")
        where TComponent : IComponent
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddLocalization(options => options.ResourcesPath = "Resources")
                .AddSingleton<IJSRuntime, SilentJSRuntime>()
                .BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
                return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>Components that call JavaScript (copy to clipboard) get no answer: the HTML is what is tested.</summary>
    private sealed class SilentJSRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
