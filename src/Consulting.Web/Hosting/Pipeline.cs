using System.Diagnostics;
using Consulting.Web.Components;
using Consulting.Web.Features.Account;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace Consulting.Web.Hosting;

internal static class Pipeline
{
    public static void UseConsultingPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.Use(LogRequest);
        // Re-executing a POST would run the page's form handling on a request whose token was already refused.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRequestLocalization();

        // Routing after the status-code pages, so a re-executed request finds its page (and its [AllowAnonymous]).
        app.UseRouting();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false }).AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        Features.Agencies.AgencyExportEndpoint.MapAgencyExport(app);
        Features.Calendar.CalendarFeedEndpoint.MapCalendarFeed(app);
        Features.VisitLogs.AttachmentEndpoint.MapAttachmentDownload(app);
        Features.Reports.AgencyReportEndpoint.MapAgencyReportDocument(app);
        Features.Dashboards.ProgramResultsEndpoints.MapProgramResults(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>One line per request, in place of Serilog.AspNetCore's request logging (not served here).</summary>
    private static async Task LogRequest(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Consulting.Requests");
            if (!context.Request.Path.StartsWithSegments("/_blazor") && !context.Request.Path.StartsWithSegments("/_content"))
            {
                LogEvents.Request(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>
    /// The language switch: remembers the choice in the culture cookie for a year, and for a signed-in user without an
    /// e-mail language yet, as that language too.
    /// </summary>
    private static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture", async (string? culture, string? returnUrl, HttpContext context, Domain.Notifications.NotificationService notifications) =>
        {
            if (culture is null || !ServiceSetup.SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            await notifications.RememberCultureAsync(culture, context.RequestAborted);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
