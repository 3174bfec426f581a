using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Visits;
using Consulting.Domain.VisitLogs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.Home;

/// <summary>
/// The agency's portal: the next visits with what to prepare (the next steps agreed in the last approved log of that
/// engagement), its recommendations by area with progress, the latest approved logs and its programmes. Every list
/// comes from a service that shows agency staff their own agency only.
/// </summary>
public partial class AgencyHome
{
    private const int UpcomingShown = 5;
    private const int LatestLogsShown = 5;

    private readonly Dictionary<Guid, ProgramOverview?> expanded = [];

    [Inject]
    private ProgramService ProgramService { get; set; } = default!;

    [Inject]
    private AgencyService Agencies { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private VisitService Visits { get; set; } = default!;

    [Inject]
    private VisitLogService VisitLogs { get; set; } = default!;

    [Inject]
    private FollowUpService FollowUp { get; set; } = default!;

    [Inject]
    private Consulting.Domain.Assessments.AssessmentService Assessments { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    // Carried from the prerender into the circuit, so the lists do not flash back to "loading".
    [PersistentState]
    public AgencyProfile? Agency { get; set; }

    [PersistentState]
    public List<ProgramSummary>? Programs { get; set; }

    [PersistentState]
    public List<LogListRow>? LatestLogs { get; set; }

    [PersistentState]
    public List<UpcomingVisit>? Upcoming { get; set; }

    [PersistentState]
    public List<FollowUpRow>? Recommendations { get; set; }

    [PersistentState]
    public List<Consulting.Domain.Assessments.AgencyAssessmentRow>? Measuring { get; set; }

    /// <summary>A visit to come and the next steps agreed for it at the engagement's last approved visit.</summary>
    public sealed record UpcomingVisit(CalendarVisit Visit, List<string> Prepare);

    protected override async Task OnInitializedAsync()
    {
        if (Agency is null && CurrentUser.AgencyId is { } agencyId)
        {
            Agency = await Agencies.GetProfileAsync(agencyId);
        }

        Upcoming ??= await UpcomingAsync();
        Recommendations ??= [.. await FollowUp.ForMyAgencyAsync()];
        Measuring ??= [.. await Assessments.MyAgencyAsync()];
        LatestLogs ??= [.. await VisitLogs.ListAsync(new LogListQuery(Status: VisitLogStatus.Approved, Take: LatestLogsShown))];
        Programs ??= [.. await ProgramService.ListAsync(new ProgramListQuery())];
    }

    private async Task<List<UpcomingVisit>> UpcomingAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var visits = (await Visits.ListAsync(new CalendarQuery(now, now.AddYears(1))))
            .Where(v => v.StartsAtUtc >= now && v.Status != VisitStatus.Completed)
            .Take(UpcomingShown)
            .ToList();
        if (visits.Count == 0)
        {
            return [];
        }

        // The latest approved log of each engagement (newest visit first in the list); its agreed next steps are what to prepare.
        var approved = await VisitLogs.ListAsync(new LogListQuery(Status: VisitLogStatus.Approved));
        var wanted = visits.Select(v => v.EngagementId).ToHashSet();
        var steps = new Dictionary<Guid, List<string>>();
        foreach (var log in approved)
        {
            if (steps.Count == wanted.Count)
            {
                break;
            }

            if (!visits.Any(v => v.AreaName == log.Area && !steps.ContainsKey(v.EngagementId)))
            {
                continue;
            }

            var view = await VisitLogs.GetAsync(log.Id);
            if (view is not null && wanted.Contains(view.EngagementId) && !steps.ContainsKey(view.EngagementId))
            {
                steps[view.EngagementId] = [.. view.NextSteps.Select(s => s.Text)];
            }
        }

        return [.. visits.Select(v => new UpcomingVisit(v, steps.GetValueOrDefault(v.EngagementId) ?? []))];
    }

    private async Task ToggleAsync(Guid programId)
    {
        if (!expanded.Remove(programId))
        {
            expanded[programId] = await ProgramService.GetOverviewAsync(programId);
        }
    }
}
