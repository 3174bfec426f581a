using System.Text;
using Consulting.Domain.Visits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Calendar;

/// <summary>
/// GET /calendar/{token}.ics: a consultant's or an agency's visits for a phone calendar to subscribe to. The token is
/// the only credential (calendar apps cannot sign in), so an unknown one gets a bare 404 that tells nothing.
/// </summary>
internal static class CalendarFeedEndpoint
{
    public const string Template = "/calendar/{token}.ics";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The address a calendar app subscribes to.</summary>
    public static string UrlFor(string baseUri, string token) =>
        $"{baseUri.TrimEnd('/')}/calendar/{Uri.EscapeDataString(token)}.ics";

    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet(Template, async (
            string token, HttpContext context, CalendarFeedService feeds, IStringLocalizer<SharedResource> localizer,
            TimeProvider clock, CancellationToken ct) =>
        {
            // A stale copy in a proxy would outlive a regenerated token.
            context.Response.Headers.CacheControl = "no-store";
            var feed = await feeds.GetFeedAsync(token, ct);
            if (feed is null)
            {
                // Otherwise the status-code pages would answer with the app's whole "not found" page.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return Results.NotFound();
            }

            var text = CalendarFeedContent.Write(feed, localizer, clock.GetUtcNow().UtcDateTime);
            return Results.Text(text, "text/calendar; charset=utf-8", Utf8);
        })
        .AllowAnonymous();
}

/// <summary>What a subscriber's calendar shows for each visit, in the request's language (Korean for calendar apps, which send no culture cookie).</summary>
internal static class CalendarFeedContent
{
    public static string Write(CalendarFeed feed, IStringLocalizer localizer, DateTime nowUtc) =>
        CalendarFeedWriter.Write(
            localizer["Feed.CalendarName", feed.OwnerName],
            feed.Visits.Select(v => EventOf(v, localizer)),
            nowUtc);

    public static FeedEvent EventOf(FeedVisit visit, IStringLocalizer localizer)
    {
        var summary = localizer["Feed.Summary", visit.Number, visit.PlannedVisits, visit.AgencyName, visit.AreaName.ToString()].Value;
        if (visit.Status == VisitStatus.Postponed)
        {
            summary = localizer["Feed.PostponedSummary", summary].Value;
        }

        var description = new List<string>
        {
            localizer["Feed.Program", visit.ProgramName],
            localizer["Feed.Consultant", visit.ConsultantName ?? localizer["Feed.NoConsultant"].Value],
            localizer["Feed.Mode", localizer[$"VisitMode.{visit.Mode}"].Value],
            localizer["Feed.Status", localizer[$"VisitStatus.{visit.Status}"].Value],
        };
        // An online or phone visit without a place happens nowhere near the agency's address.
        var location = visit.Place ?? (visit.Mode == VisitMode.OnSite ? visit.AgencyAddress : null);
        return new FeedEvent(
            visit.Id, visit.Sequence, visit.StartsAtUtc, visit.EndsAtUtc, summary, location, string.Join('\n', description),
            StatusOf(visit.Status), visit.UpdatedAtUtc);
    }

    /// <summary>
    /// A postponed visit waits for a new time: it stays in the calendar as tentative (its summary says postponed) rather
    /// than disappearing as cancelled, and its reason stays in the app, since a feed URL may end up in other services.
    /// </summary>
    public static FeedEventStatus StatusOf(VisitStatus status) => status switch
    {
        VisitStatus.Planned or VisitStatus.Postponed => FeedEventStatus.Tentative,
        VisitStatus.Confirmed or VisitStatus.Completed => FeedEventStatus.Confirmed,
        VisitStatus.Cancelled => FeedEventStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown visit status."),
    };
}
