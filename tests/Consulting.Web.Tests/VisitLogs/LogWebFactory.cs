using Consulting.Domain.Attachments;
using Consulting.Domain.VisitLogs;
using Consulting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>
/// The app on 20 June 2025, a week after <see cref="CalendarScenario"/>'s visits (9, 11 and 13 June), so they can be
/// logged; with the services as the demo accounts would call them, for arranging what a test needs.
/// </summary>
public sealed class LogWebFactory : ConsultingWebFactory
{
    public const string OtherStaffEmail = "staff@byeolmaru.example.kr";

    private readonly SemaphoreSlim _planning = new(1, 1);
    private CalendarScenario.Week? _week;

    public FixedClock Clock { get; } = FixedClock.At(new DateOnly(2025, 6, 20));

    /// <summary>Starts the app (which seeds the demo year), plans the week and adds a staff account at the other agency, once per class.</summary>
    public async Task<CalendarScenario.Week> WeekAsync()
    {
        await _planning.WaitAsync();
        try
        {
            _ = Server;
            if (_week is null)
            {
                _week = await CalendarScenario.PlanAsync(Database);
                await CreateAgencyStaffAsync(CalendarScenario.OtherAgency, OtherStaffEmail, Domain.Data.DemoData.Password);
            }

            return _week;
        }
        finally
        {
            _planning.Release();
        }
    }

    public async Task<VisitLogService> LogsAsAsync(Func<TestDatabase, Task<TestUser>> who) =>
        new(Database.CreateFactory(), await who(Database), Clock, TestNotifier.For(Clock));

    public async Task<AttachmentService> AttachmentsAsConsultantAsync() =>
        new(Database.CreateFactory(), await DemoScenario.DemoConsultantAsync(Database), Clock, Options.Create(new AttachmentOptions()));

    /// <summary>Opens the visit's log as the consultant and submits it with everything a log needs; returns its id.</summary>
    public async Task<Guid> SubmitLogAsync(Guid visitId)
    {
        var logs = await LogsAsAsync(DemoScenario.DemoConsultantAsync);
        var id = await logs.OpenAsync(visitId);
        var log = (await logs.GetAsync(id))!;
        if (!log.Can.Edit)
        {
            return id; // another test of the class handed it in already
        }

        var content = new LogContent(
            log.VisitStartsAtUtc,
            log.VisitEndsAtUtc,
            [new LogAttendee("김담당", "팀장", AttendeeKind.AgencyStaff)],
            ["성과지표 점검"],
            log.Sections.ToDictionary(s => s.Key, s => (string?)"확인한 내용"),
            [],
            [],
            null);
        await logs.SubmitAsync(id, content, log.Version);
        return id;
    }

    public async Task ApproveAsync(Guid logId)
    {
        var logs = await LogsAsAsync(DemoScenario.DemoOfficialAsync);
        var log = (await logs.GetAsync(logId))!;
        await logs.ApproveAsync(logId, null, log.Version);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
