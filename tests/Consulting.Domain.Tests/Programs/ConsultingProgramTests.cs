using Consulting.Domain.Common;
using Consulting.Domain.Programs;

namespace Consulting.Domain.Tests.Programs;

public class ConsultingProgramTests
{
    private static readonly DateRange JuneToNovember = new(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30));
    private static readonly DateRange AprilToMay = new(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16));
    private static readonly DateTime Now = new(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);

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
        var agency = Guid.NewGuid();

        program.OpenRecruitment();
        program.Apply(agency, Now);
        program.StartSelection();
        program.Decide(agency, selected: true, Now);
        program.Start();
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
        program.Apply(Guid.NewGuid(), Now);
        program.StartSelection();

        Assert.Equal("program.needs-selection", Assert.Throws<DomainException>(program.Start).Code);
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
    public void RejectsAnAgencyApplyingTwice()
    {
        var program = NewConsulting();
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        var agency = Guid.NewGuid();
        program.Apply(agency, Now);

        Assert.Equal("program.already-participant", Assert.Throws<DomainException>(() => program.Apply(agency, Now)).Code);
    }

    [Fact]
    public void MonitoringRoundEnrolsTeamsAndStartsFromDraft()
    {
        var program = new ConsultingProgram("2025 상반기 사례관리 모니터링", ProgramKind.Monitoring, 2025,
            new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        DefaultAreas.AddTo(program);
        program.Enroll(Guid.NewGuid(), Now);

        program.Start();

        Assert.Equal(ProgramStatus.InProgress, program.Status);
        Assert.Contains(program.Areas, a => a.NameKo == "종결자 모니터링");
    }

    [Fact]
    public void ConsultingProgrammeCannotEnrolWithoutACall()
    {
        var program = NewConsulting();

        Assert.Equal("program.enroll-monitoring-only", Assert.Throws<DomainException>(() => program.Enroll(Guid.NewGuid(), Now)).Code);
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
