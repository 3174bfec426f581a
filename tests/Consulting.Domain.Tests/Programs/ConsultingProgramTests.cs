using Consulting.Domain.Common;
using Consulting.Domain.Programs;

namespace Consulting.Domain.Tests.Programs;

public class ConsultingProgramTests
{
    private static readonly DateRange JuneToNovember = new(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30));
    private static readonly DateRange AprilToMay = new(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16));

    private static ConsultingProgram NewConsulting() =>
        new("2025 품질관리 컨설팅", ProgramKind.Consulting, 2025, JuneToNovember, AprilToMay);

    [Fact]
    public void DefaultConsultingAreasPlanFifteenVisitsPerAgency()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);

        Assert.Equal(["조직 관리", "사업 기획·평가", "사례 관리", "지역사회조직화"], program.Areas.Select(a => a.NameKo));
        Assert.Equal([3, 6, 3, 3], program.Areas.Select(a => a.PlannedVisits));
        Assert.Equal(15, program.PlannedVisitsPerParticipant);
    }

    [Fact]
    public void MovesForwardThroughTheYear()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        program.StartSelection();
        program.Start(selectedAgencies: 7);
        program.Close();

        Assert.Equal(ProgramStatus.Closed, program.Status);
    }

    [Fact]
    public void RefusesRecruitingWithoutAreas()
    {
        var program = NewConsulting();

        var error = Assert.Throws<DomainException>(program.OpenRecruitment);
        Assert.Equal("program.needs-area", error.Code);
        Assert.Equal(ProgramStatus.Draft, program.Status);
    }

    [Fact]
    public void RefusesRecruitingWithoutAWindow()
    {
        var program = new ConsultingProgram("무창 사업", ProgramKind.Consulting, 2025, JuneToNovember);
        DefaultAreas.AddTo(program);

        Assert.Equal("program.needs-window", Assert.Throws<DomainException>(program.OpenRecruitment).Code);
    }

    [Fact]
    public void RefusesStartingWithoutASelectedAgency()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        program.StartSelection();

        Assert.Equal("program.needs-selection", Assert.Throws<DomainException>(() => program.Start(0)).Code);
    }

    [Fact]
    public void NeverMovesBackwards()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();

        Assert.Equal("program.bad-transition", Assert.Throws<DomainException>(program.OpenRecruitment).Code);
        Assert.Equal("program.bad-transition", Assert.Throws<DomainException>(program.Close).Code);
    }

    [Fact]
    public void LocksAreasOnceRecruiting()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();

        var error = Assert.Throws<DomainException>(() => program.AddArea("extra", "추가", "Extra", 1, []));
        Assert.Equal("program.areas-locked", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void RejectsPlannedVisitsOutOfRange(int visits)
    {
        var program = NewConsulting();

        var error = Assert.Throws<DomainException>(() => program.AddArea("x", "분야", "Area", visits, []));
        Assert.Equal("area.planned-visits-range", error.Code);
    }

    [Fact]
    public void RejectsADuplicateArea()
    {
        var program = NewConsulting();
        program.AddArea("organisation", "조직 관리", "Organisation", 3, []);

        Assert.Equal("area.duplicate", Assert.Throws<DomainException>(() => program.AddArea("other", "조직 관리", "Again", 3, [])).Code);
    }

    [Fact]
    public void RejectsRecruitmentEndingAfterConsultingStarts()
    {
        var lateWindow = new DateRange(new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 15));

        var error = Assert.Throws<DomainException>(() =>
            new ConsultingProgram("늦은 모집", ProgramKind.Consulting, 2025, JuneToNovember, lateWindow));
        Assert.Equal("program.recruitment-after-start", error.Code);
    }

    [Fact]
    public void RejectsAPeriodThatEndsBeforeItStarts()
    {
        var error = Assert.Throws<DomainException>(() => new DateRange(new DateOnly(2025, 11, 30), new DateOnly(2025, 6, 1)));
        Assert.Equal("range.end-before-start", error.Code);
    }

    [Fact]
    public void MonitoringRoundStartsFromDraftWithItsTopics()
    {
        var program = new ConsultingProgram("2025 상반기 사례관리 모니터링", ProgramKind.Monitoring, 2025,
            new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        DefaultAreas.AddTo(program);

        program.Start(selectedAgencies: 11);

        Assert.Equal(ProgramStatus.InProgress, program.Status);
        Assert.Equal(["복지사각지대 발굴 현황", "사례관리 대상자 관리 실태", "종결자 모니터링", "동료멘토링(피어코칭)"], program.Areas.Select(a => a.NameKo));
    }

    [Fact]
    public void TakesApplicationsOnlyWhileRecruitingInsideTheWindow()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        Assert.False(program.IsTakingApplications(new DateOnly(2025, 5, 1)));

        program.OpenRecruitment();

        Assert.False(program.IsTakingApplications(new DateOnly(2025, 4, 13)));
        Assert.True(program.IsTakingApplications(new DateOnly(2025, 4, 14)));
        Assert.True(program.IsTakingApplications(new DateOnly(2025, 5, 16)));
        Assert.False(program.IsTakingApplications(new DateOnly(2025, 5, 17)));
    }

    [Fact]
    public void CopiesToNextYearAsADraftWithItsAreas()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();

        var copy = program.CopyToNextYear();

        Assert.Equal("2026 품질관리 컨설팅", copy.Name);
        Assert.Equal(2026, copy.Year);
        Assert.Equal(ProgramStatus.Draft, copy.Status);
        Assert.Equal(new DateOnly(2026, 6, 1), copy.ConsultingStart);
        Assert.Equal(new DateOnly(2026, 4, 14), copy.RecruitmentStart);
        Assert.Equal(program.Areas.Select(a => (a.Code, a.PlannedVisits)), copy.Areas.Select(a => (a.Code, a.PlannedVisits)));
        Assert.NotEqual(program.Areas[0].Id, copy.Areas[0].Id);
    }

    [Fact]
    public void AClosedProgrammeCannotBeChanged()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        program.StartSelection();
        program.Start(1);
        program.Close();

        Assert.Equal("program.closed", Assert.Throws<DomainException>(() => program.Rename("새 이름")).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RequiresAName(string name)
    {
        Assert.Equal("program.name-required", Assert.Throws<DomainException>(() =>
            new ConsultingProgram(name, ProgramKind.Consulting, 2025, JuneToNovember)).Code);
    }
}
