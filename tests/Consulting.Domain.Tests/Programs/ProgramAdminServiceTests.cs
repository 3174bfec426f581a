using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Programs;

public class ProgramAdminServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 4, 20);
    private readonly FixedClock _clock = FixedClock.At(Today);
    private Guid _agencyId;

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (!await db.Programs.AnyAsync())
        {
            await DemoSeeder.SeedAsync(database);
        }

        _agencyId = await db.Agencies.Where(a => a.Name == "해솔 종합사회복지관").Select(a => a.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ProgramAdminService As(ICurrentUser user) =>
        new(database.CreateFactory(), user, new ProgramInputValidator(), new AreaInputValidator());

    private static ProgramInput Consulting2026(string name = "2026 품질관리 컨설팅 시범") => new()
    {
        Name = name,
        Kind = ProgramKind.Consulting,
        Year = 2026,
        RecruitmentStart = new DateOnly(2026, 4, 1),
        RecruitmentEnd = new DateOnly(2026, 5, 15),
        ConsultingStart = new DateOnly(2026, 6, 1),
        ConsultingEnd = new DateOnly(2026, 11, 30),
        TargetAgencyCount = 7,
        Description = "시범 사업",
    };

    private static AreaInput Area(string nameKo, int visits, params string[] topics) =>
        new() { NameKo = nameKo, NameEn = nameKo + " (en)", PlannedVisits = visits, Topics = topics };

    [Fact]
    public async Task ANewConsultingProgrammeStartsFromTheFourDefaultAreas()
    {
        var service = As(TestUser.Official());

        var id = await service.CreateAsync(Consulting2026("기본 분야 확인"));

        var program = (await service.GetForEditAsync(id))!;
        Assert.Equal(ProgramStatus.Draft, program.Status);
        Assert.Equal(["조직 관리", "사업 기획·평가", "사례 관리", "지역사회조직화"], program.Areas.Select(a => a.NameKo));
        Assert.Equal(15, program.Areas.Sum(a => a.PlannedVisits));
        Assert.Contains("조직문화 개선", program.Areas[0].Topics);
        Assert.Equal(7, program.TargetAgencyCount);
    }

    [Fact]
    public async Task ANewMonitoringRoundStartsFromTheMonitoringTopics()
    {
        var input = Consulting2026("2026 상반기 모니터링") with { Kind = ProgramKind.Monitoring, RecruitmentStart = null, RecruitmentEnd = null };

        var id = await As(TestUser.Official()).CreateAsync(input);

        var program = (await As(TestUser.Official()).GetForEditAsync(id))!;
        Assert.Equal(ProgramKind.Monitoring, program.Kind);
        Assert.Equal(DefaultAreas.Monitoring.Select(t => t.NameKo), program.Areas.Select(a => a.NameKo));
        Assert.Contains(program.Areas, a => a.NameKo == "종결자 모니터링");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("year")]
    [InlineData("period")]
    [InlineData("half-window")]
    [InlineData("window-after-start")]
    [InlineData("target")]
    public async Task RefusesInvalidInput(string broken)
    {
        var input = Consulting2026() with { };
        switch (broken)
        {
            case "name": input.Name = "  "; break;
            case "year": input.Year = 1999; break;
            case "period": input.ConsultingEnd = new DateOnly(2026, 5, 1); break;
            case "half-window": input.RecruitmentEnd = null; break;
            case "window-after-start": input.RecruitmentEnd = new DateOnly(2026, 6, 10); break;
            case "target": input.TargetAgencyCount = 0; break;
        }

        await Assert.ThrowsAsync<ValidationException>(() => As(TestUser.Official()).CreateAsync(input));
    }

    [Fact]
    public async Task RefusesInvalidAreas()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("분야 검증"));
        var version = (await service.GetForEditAsync(id))!.Version;

        await Assert.ThrowsAsync<ValidationException>(() => service.AddAreaAsync(id, Area("", 2), version));
        await Assert.ThrowsAsync<ValidationException>(() => service.AddAreaAsync(id, Area("재무 관리", 21), version));
        await Assert.ThrowsAsync<ValidationException>(() =>
            service.AddAreaAsync(id, Area("재무 관리", 2, [.. Enumerable.Range(1, ProgramArea.MaxTopics + 1).Select(i => $"주제 {i}")]), version));
        await Assert.ThrowsAsync<ValidationException>(() => service.AddAreaAsync(id, Area("재무 관리", 2, new string('가', 201)), version));
    }

    [Fact]
    public async Task OnlyOfficialsChangeProgrammes()
    {
        var staff = As(TestUser.StaffOf(_agencyId));
        var consultant = As(TestUser.Consultant());
        var id = await As(TestUser.Official()).CreateAsync(Consulting2026("권한 확인"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.CreateAsync(Consulting2026()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => consultant.UpdateAsync(id, Consulting2026(), 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.OpenRecruitmentAsync(id, 0));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.CopyToNextYearAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.Anonymous).GetForEditAsync(id));
    }

    [Fact]
    public async Task AreasAreEditedWhileDraftAndLockedOnceRecruiting()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("분야 편집"));
        var program = (await service.GetForEditAsync(id))!;
        var organisation = program.Areas[0];

        var version = await service.UpdateAreaAsync(id, organisation.Id, Area("조직 관리", 4, "조직 구조", "인사 관리"), program.Version);
        version = await service.AddAreaAsync(id, Area("재무 관리", 2, "회계 투명성"), version);
        version = await service.RemoveAreaAsync(id, program.Areas[3].Id, version);
        program = (await service.GetForEditAsync(id))!;
        Assert.Equal(version, program.Version);
        Assert.Equal(["조직 관리", "사업 기획·평가", "사례 관리", "재무 관리"], program.Areas.Select(a => a.NameKo));
        Assert.Equal([4, 6, 3, 2], program.Areas.Select(a => a.PlannedVisits));
        Assert.Equal(["조직 구조", "인사 관리"], program.Areas[0].Topics);

        version = await service.OpenRecruitmentAsync(id, version);

        var locked = await Assert.ThrowsAsync<DomainException>(() => service.UpdateAreaAsync(id, organisation.Id, Area("조직 관리", 5), version));
        Assert.Equal("program.areas-locked", locked.Code);
        await Assert.ThrowsAsync<DomainException>(() => service.AddAreaAsync(id, Area("홍보", 1), version));
        await Assert.ThrowsAsync<DomainException>(() => service.RemoveAreaAsync(id, organisation.Id, version));
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndNothingIsOverwritten()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("동시 수정"));
        var loaded = (await service.GetForEditAsync(id))!;

        await service.UpdateAsync(id, loaded.ToInput() with { Description = "먼저 저장" }, loaded.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.UpdateAsync(id, loaded.ToInput() with { Description = "나중 저장" }, loaded.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            service.UpdateAreaAsync(id, loaded.Areas[0].Id, Area("조직 관리", 5), loaded.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.OpenRecruitmentAsync(id, loaded.Version));
        var now = (await service.GetForEditAsync(id))!;
        Assert.Equal("먼저 저장", now.Description);
        Assert.Equal(3, now.Areas[0].PlannedVisits);
        Assert.Equal(ProgramStatus.Draft, now.Status);
    }

    [Fact]
    public async Task AProgrammeRunsThroughTheYearWithASelectedAgency()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("전체 단계"));
        var version = (await service.GetForEditAsync(id))!.Version;
        version = await service.OpenRecruitmentAsync(id, version);

        var recruitment = new RecruitmentService(database.CreateFactory(), TestUser.StaffOf(_agencyId), _clock, new ApplicationInputValidator());
        var areaId = (await service.GetForEditAsync(id))!.Areas[0].Id;
        var applicationId = await recruitment.SubmitAsync(id, new ApplicationInput("담당자", null, null, [new AreaRequestInput(areaId, null, null)]));

        version = await service.StartSelectionAsync(id, version);
        var official = new RecruitmentService(database.CreateFactory(), TestUser.Official(), _clock, new ApplicationInputValidator());
        await official.SelectAsync(applicationId, (await official.GetAsync(applicationId))!.Version);
        version = await service.StartAsync(id, version);
        Assert.Equal(ProgramStatus.InProgress, (await service.GetForEditAsync(id))!.Status);

        version = await service.CloseAsync(id, version);
        var closed = (await service.GetForEditAsync(id))!;
        Assert.Equal(ProgramStatus.Closed, closed.Status);
        Assert.Equal(version, closed.Version);
        var again = await Assert.ThrowsAsync<DomainException>(() => service.CloseAsync(id, version));
        Assert.Equal("program.bad-transition", again.Code);
    }

    [Fact]
    public async Task StartingWithoutASelectedAgencyIsRefused()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("선정 없음"));
        var version = (await service.GetForEditAsync(id))!.Version;
        version = await service.OpenRecruitmentAsync(id, version);
        version = await service.StartSelectionAsync(id, version);

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.StartAsync(id, version));

        Assert.Equal("program.needs-selection", refused.Code);
        Assert.Equal(ProgramStatus.Selecting, (await service.GetForEditAsync(id))!.Status);
    }

    [Fact]
    public async Task StatusMovesAreCheckedAndOnlyForward()
    {
        var service = As(TestUser.Official());
        var noWindow = await service.CreateAsync(Consulting2026("모집 기간 없음") with { RecruitmentStart = null, RecruitmentEnd = null });
        var version = (await service.GetForEditAsync(noWindow))!.Version;

        Assert.Equal("program.needs-window", (await Assert.ThrowsAsync<DomainException>(() => service.OpenRecruitmentAsync(noWindow, version))).Code);
        Assert.Equal("program.bad-transition", (await Assert.ThrowsAsync<DomainException>(() => service.StartSelectionAsync(noWindow, version))).Code);
        Assert.Equal("program.bad-transition", (await Assert.ThrowsAsync<DomainException>(() => service.CloseAsync(noWindow, version))).Code);
    }

    [Fact]
    public async Task CopiesToNextYearWithTheSameAreasAsADraft()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("2025 복사 원본") with { Year = 2025, RecruitmentStart = new DateOnly(2025, 4, 1), RecruitmentEnd = new DateOnly(2025, 5, 15), ConsultingStart = new DateOnly(2025, 6, 1), ConsultingEnd = new DateOnly(2025, 11, 30) });
        var source = (await service.GetForEditAsync(id))!;
        await service.UpdateAreaAsync(id, source.Areas[1].Id, Area("사업 기획·평가", 5, "주요 사업 검토"), source.Version);
        source = (await service.GetForEditAsync(id))!;
        await service.OpenRecruitmentAsync(id, source.Version);

        var copyId = await service.CopyToNextYearAsync(id);

        var copy = (await service.GetForEditAsync(copyId))!;
        Assert.Equal("2026 복사 원본", copy.Name);
        Assert.Equal(2026, copy.Year);
        Assert.Equal(ProgramStatus.Draft, copy.Status);
        Assert.Equal(new DateOnly(2026, 6, 1), copy.ConsultingStart);
        Assert.Equal(source.Areas.Select(a => (a.Code, a.NameKo, a.PlannedVisits)), copy.Areas.Select(a => (a.Code, a.NameKo, a.PlannedVisits)));
        Assert.Equal(["주요 사업 검토"], copy.Areas[1].Topics);

        // A second copy would be a duplicate of next year's draft.
        var again = await Assert.ThrowsAsync<DomainException>(() => service.CopyToNextYearAsync(id));
        Assert.Equal("program.copy-exists", again.Code);
    }

    [Fact]
    public async Task TheKindCannotChange()
    {
        var service = As(TestUser.Official());
        var id = await service.CreateAsync(Consulting2026("구분 고정"));
        var loaded = (await service.GetForEditAsync(id))!;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            service.UpdateAsync(id, loaded.ToInput() with { Kind = ProgramKind.Monitoring }, loaded.Version));

        Assert.Equal("program.kind-fixed", refused.Code);
    }
}
