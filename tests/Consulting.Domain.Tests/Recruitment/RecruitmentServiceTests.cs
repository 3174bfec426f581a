using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Recruitment;

public class RecruitmentServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 4, 20);
    private readonly FixedClock _clock = FixedClock.At(Today);
    private Dictionary<string, Guid> _agencies = [];
    private Guid _openProgramId;
    private Guid _demoProgramId;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (!await db.Programs.AnyAsync())
        {
            await DemoSeeder.SeedAsync(database);
        }

        _agencies = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id);
        _demoProgramId = await db.Programs.Where(p => p.Name == DemoData.ConsultingProgramName).Select(p => p.Id).SingleAsync();
        _openProgramId = await db.Programs.Where(p => p.Name == "2026 열린 모집").Select(p => p.Id).SingleOrDefaultAsync();
        if (_openProgramId == Guid.Empty)
        {
            var open = new ConsultingProgram("2026 열린 모집", ProgramKind.Consulting, 2026,
                new DateRange(new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 30)),
                new DateRange(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 15)));
            DefaultAreas.AddTo(open);
            open.OpenRecruitment();
            db.Programs.Add(open);
            await db.SaveChangesAsync();
            _openProgramId = open.Id;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private RecruitmentService As(ICurrentUser user) => new(database.CreateFactory(), user, _clock, new ApplicationInputValidator());

    private TestUser StaffOf(string agency) => TestUser.StaffOf(_agencies[agency]);

    private async Task<ApplicationInput> InputForAreasAsync(Guid programId, params string[] codes)
    {
        await using var db = database.CreateContext();
        var areas = await db.ProgramAreas.Where(a => a.ProgramId == programId && codes.Contains(a.Code)).ToListAsync();
        return new ApplicationInput("담당자", "031-000-0000", "contact@example.org",
            [.. areas.Select(a => new AreaRequestInput(a.Id, "필요한 점", "바라는 변화"))]);
    }

    [Fact]
    public async Task AnAgencyAppliesWhileTheCallIsOpenAndOfficialsSeeIt()
    {
        var staff = As(StaffOf("늘봄 노인복지관"));
        var calls = await staff.ListCallsAsync();
        Assert.Contains(calls, c => c.ProgramId == _openProgramId && c.IsOpen && c.ApplicationId is null);

        var id = await staff.SubmitAsync(_openProgramId, await InputForAreasAsync(_openProgramId, "organisation", "case-management"));

        var rows = await As(TestUser.Official()).ListAsync(_openProgramId, new ApplicationFilter());
        var row = Assert.Single(rows, r => r.Id == id);
        Assert.Equal(2, row.AreaIds.Count);
        Assert.Equal(ApplicationStatus.Submitted, (await staff.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task AnAgencySeesNothingOfAnotherAgencysApplication()
    {
        var id = await As(StaffOf("새싹키움 지역아동센터")).SubmitAsync(_openProgramId, await InputForAreasAsync(_openProgramId, "organisation"));
        var other = As(StaffOf("한빛나래 장애인복지관"));

        Assert.Null(await other.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.WithdrawAsync(id, 0));
        var calls = await other.ListCallsAsync();
        Assert.DoesNotContain(calls, c => c.ApplicationId == id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.ListAsync(_openProgramId, new ApplicationFilter()));
    }

    [Fact]
    public async Task ApplyingTwiceIsRefusedButWithdrawingAndApplyingAgainWorks()
    {
        var staff = As(StaffOf("해솔 종합사회복지관"));
        var input = await InputForAreasAsync(_openProgramId, "community-organising");
        var id = await staff.SubmitAsync(_openProgramId, input);

        var twice = await Assert.ThrowsAsync<DomainException>(() => staff.SubmitAsync(_openProgramId, input));
        Assert.Equal("application.already-applied", twice.Code);

        await staff.WithdrawAsync(id, (await staff.GetAsync(id))!.Version);
        Assert.Equal(id, await staff.SubmitAsync(_openProgramId, input));
        Assert.Equal(ApplicationStatus.Submitted, (await staff.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task AStaleEditIsRefusedAndTheNewerOneKept()
    {
        var staff = As(StaffOf("별마루 종합사회복지관"));
        var input = await InputForAreasAsync(_openProgramId, "organisation");
        var id = await staff.SubmitAsync(_openProgramId, input);
        var loaded = (await staff.GetAsync(id))!.Version;

        await staff.UpdateAsync(id, input with { ContactName = "첫 번째" }, loaded);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => staff.UpdateAsync(id, input with { ContactName = "두 번째" }, loaded));

        Assert.Equal("첫 번째", (await staff.GetAsync(id))!.ContactName);
    }

    [Fact]
    public async Task AClosedWindowRefusesApplications()
    {
        var staff = As(StaffOf("푸른둥지 공동생활가정"));
        var input = await InputForAreasAsync(_demoProgramId, "organisation");

        Assert.Null(await As(StaffOf("한빛나래 장애인복지관")).GetFormAsync(_demoProgramId));
        var error = await Assert.ThrowsAsync<DomainException>(() => staff.SubmitAsync(_demoProgramId, input));
        Assert.Equal("application.already-applied", error.Code);
        var late = await Assert.ThrowsAsync<DomainException>(() => As(StaffOf("한빛나래 장애인복지관")).SubmitAsync(_demoProgramId, input));
        Assert.Equal("application.window-closed", late.Code);
    }

    [Fact]
    public async Task InvalidInputIsRefusedWithItsRule()
    {
        var input = new ApplicationInput("", null, "not-an-email", []);

        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => As(StaffOf("온새미 공동생활가정")).SubmitAsync(_openProgramId, input));

        Assert.Contains(error.Errors, e => e.ErrorCode == "application.contact-required");
        Assert.Contains(error.Errors, e => e.ErrorCode == "application.contact-email");
        Assert.Contains(error.Errors, e => e.ErrorCode == "application.needs-area");
    }

    [Fact]
    public async Task SelectingTheSevenCreatesTwentyEightEngagementsAndOneHundredFiveVisits()
    {
        await MoveDemoProgrammeToSelectionAsync();
        var official = As(TestUser.Official());
        var applications = await official.ListAsync(_demoProgramId, new ApplicationFilter(Status: ApplicationStatus.Submitted));
        var seven = applications.Where(a => a.AgencyName is not ("늘봄 노인복지관" or "새싹키움 지역아동센터")).ToList();
        Assert.Equal(7, seven.Count);

        foreach (var application in seven)
        {
            Assert.Equal(4, await official.SelectAsync(application.Id, application.Version));
        }

        foreach (var application in applications.Except(seven))
        {
            await official.DeclineAsync(application.Id, "분야별 정원 초과", application.Version);
        }

        var summary = (await official.GetSummaryAsync(_demoProgramId))!;
        Assert.Equal(7, summary.Selected);
        Assert.Equal(2, summary.Declined);
        Assert.Equal(28, summary.Engagements);
        Assert.Equal(105, summary.PlannedVisits);
        Assert.Equal(3, summary.ByType.Single(t => t.TypeCode == AgencyTypeCodes.GroupHome).Selected);

        var declined = await As(StaffOf("늘봄 노인복지관")).ListCallsAsync();
        var mine = Assert.Single(declined, c => c.ProgramId == _demoProgramId);
        Assert.Equal(ApplicationStatus.Declined, mine.Status);
        Assert.Equal("분야별 정원 초과", mine.DecisionReason);
        var selected = await As(StaffOf("해솔 종합사회복지관")).ListCallsAsync();
        Assert.Equal(ApplicationStatus.Selected, selected.Single(c => c.ProgramId == _demoProgramId).Status);
    }

    [Fact]
    public async Task FiltersByTypeAreaAndStatusInTheDatabase()
    {
        var official = As(TestUser.Official());
        await using var db = database.CreateContext();
        var caseManagement = await db.ProgramAreas.Where(a => a.ProgramId == _demoProgramId && a.Code == "case-management").Select(a => a.Id).SingleAsync();

        var groupHomes = await official.ListAsync(_demoProgramId, new ApplicationFilter(TypeCode: AgencyTypeCodes.GroupHome));
        var inArea = await official.ListAsync(_demoProgramId, new ApplicationFilter(AreaId: caseManagement));
        var inDistrict = await official.ListAsync(_demoProgramId, new ApplicationFilter(District: "가온시 누리구"));

        Assert.Equal(3, groupHomes.Count);
        Assert.Equal(9, inArea.Count);
        Assert.All(inDistrict, r => Assert.Equal("가온시 누리구", r.District));
        Assert.NotEmpty(inDistrict);
    }

    [Fact]
    public async Task SelectingIsRefusedWhileRecruitingAndForNonOfficials()
    {
        var staff = As(StaffOf("온새미 공동생활가정"));
        var id = await staff.SubmitAsync(_openProgramId, await InputForAreasAsync(_openProgramId, "organisation"));
        var version = (await staff.GetAsync(id))!.Version;

        var error = await Assert.ThrowsAsync<DomainException>(() => As(TestUser.Official()).SelectAsync(id, version));
        Assert.Equal("program.not-selecting", error.Code);
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.SelectAsync(id, version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.Consultant()).DeclineAsync(id, "x", version));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Engagements.CountAsync(e => e.ProgramId == _openProgramId));
    }

    private async Task MoveDemoProgrammeToSelectionAsync()
    {
        await using var db = database.CreateContext();
        var program = await db.Programs.SingleAsync(p => p.Id == _demoProgramId);
        if (program.Status == ProgramStatus.Recruiting)
        {
            program.StartSelection();
            await db.SaveChangesAsync();
        }
    }
}
