using Consulting.Domain.Common;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;

namespace Consulting.Domain.Tests.Recruitment;

public class ProgramApplicationTests
{
    private static readonly DateOnly InWindow = new(2025, 5, 2);
    private static readonly DateOnly AfterWindow = new(2025, 5, 17);
    private static readonly DateTime Now = new(2025, 5, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly ApplicationContact Contact = new("김데모", "031-000-0000", null);
    private static readonly Guid Official = Guid.NewGuid();

    private static ConsultingProgram Recruiting()
    {
        var program = new ConsultingProgram("2025 품질관리 컨설팅", ProgramKind.Consulting, 2025,
            new DateRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)),
            new DateRange(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16)));
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        return program;
    }

    private static List<AreaRequest> AllAreas(ConsultingProgram program) =>
        [.. program.Areas.Select(a => new AreaRequest(a.Id, "필요", "변화"))];

    [Fact]
    public void SelectionCreatesOneEngagementPerRequestedAreaWithItsPlannedVisits()
    {
        var program = Recruiting();
        var organisation = program.Areas.Single(a => a.Code == "organisation");
        var planning = program.Areas.Single(a => a.Code == "planning-evaluation");
        var application = ProgramApplication.Submit(program, Guid.NewGuid(), Contact,
            [new AreaRequest(organisation.Id, null, null), new AreaRequest(planning.Id, "성과평가", null)], InWindow, Now);
        program.StartSelection();

        var engagements = application.Select(program, null, Official, Now);

        Assert.Equal(ApplicationStatus.Selected, application.Status);
        Assert.Equal([(organisation.Id, 3), (planning.Id, 6)], engagements.Select(e => (e.AreaId, e.PlannedVisits)));
        Assert.All(engagements, e => Assert.Equal(application.AgencyId, e.AgencyId));
        Assert.All(engagements, e => Assert.Null(e.ConsultantId));
    }

    [Fact]
    public void SevenAgenciesInAllFourAreasMakeTwentyEightEngagementsAndOneHundredFiveVisits()
    {
        var program = Recruiting();
        var applications = Enumerable.Range(0, 7)
            .Select(_ => ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), InWindow, Now))
            .ToList();
        program.StartSelection();

        var engagements = applications.SelectMany(a => a.Select(program, null, Official, Now)).ToList();

        Assert.Equal(28, engagements.Count);
        Assert.Equal(105, engagements.Sum(e => e.PlannedVisits));
    }

    [Fact]
    public void RefusesApplicationsOutsideTheWindow()
    {
        var program = Recruiting();

        var error = Assert.Throws<DomainException>(() =>
            ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), AfterWindow, Now));
        Assert.Equal("application.window-closed", error.Code);
    }

    [Fact]
    public void RefusesApplicationsToADraft()
    {
        var program = new ConsultingProgram("초안", ProgramKind.Consulting, 2025,
            new DateRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)),
            new DateRange(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16)));
        DefaultAreas.AddTo(program);

        Assert.Equal("application.window-closed", Assert.Throws<DomainException>(() =>
            ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), InWindow, Now)).Code);
    }

    [Fact]
    public void NeedsAnAreaAndAContact()
    {
        var program = Recruiting();

        Assert.Equal("application.needs-area", Assert.Throws<DomainException>(() =>
            ProgramApplication.Submit(program, Guid.NewGuid(), Contact, [], InWindow, Now)).Code);
        Assert.Equal("application.contact-required", Assert.Throws<DomainException>(() =>
            ProgramApplication.Submit(program, Guid.NewGuid(), new ApplicationContact(" ", null, null), AllAreas(program), InWindow, Now)).Code);
    }

    [Fact]
    public void RefusesAnAreaOfAnotherProgramme()
    {
        var program = Recruiting();

        Assert.Equal("area.not-found", Assert.Throws<DomainException>(() =>
            ProgramApplication.Submit(program, Guid.NewGuid(), Contact, [new AreaRequest(Guid.NewGuid(), null, null)], InWindow, Now)).Code);
    }

    [Fact]
    public void CanBeEditedAndWithdrawnOnlyWhileTheWindowIsOpen()
    {
        var program = Recruiting();
        var application = ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), InWindow, Now);

        application.Update(program, Contact with { Name = "이데모" }, [AllAreas(program)[0]], InWindow, Now);
        Assert.Equal("이데모", application.ContactName);
        Assert.Single(application.AreaRequests);

        Assert.Equal("application.window-closed", Assert.Throws<DomainException>(() =>
            application.Withdraw(program, AfterWindow, Now)).Code);
        application.Withdraw(program, InWindow, Now);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);

        application.Resubmit(program, Contact, AllAreas(program), InWindow, Now);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void IsDecidedOnlyWhileSelectingAndOnlyOnce()
    {
        var program = Recruiting();
        var application = ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), InWindow, Now);

        Assert.Equal("program.not-selecting", Assert.Throws<DomainException>(() => application.Select(program, null, Official, Now)).Code);
        program.StartSelection();
        application.Decline(program, "정원 초과", Official, Now);

        Assert.Equal(ApplicationStatus.Declined, application.Status);
        Assert.Equal("정원 초과", application.DecisionReason);
        Assert.Equal("application.not-open", Assert.Throws<DomainException>(() => application.Select(program, null, Official, Now)).Code);
    }

    [Fact]
    public void DecliningNeedsAReason()
    {
        var program = Recruiting();
        var application = ProgramApplication.Submit(program, Guid.NewGuid(), Contact, AllAreas(program), InWindow, Now);
        program.StartSelection();

        Assert.Equal("application.reason-required", Assert.Throws<DomainException>(() => application.Decline(program, " ", Official, Now)).Code);
    }

    [Fact]
    public void MonitoringRoundEnrolsTeamsInEveryArea()
    {
        var program = new ConsultingProgram("2025 상반기 사례관리 모니터링", ProgramKind.Monitoring, 2025,
            new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        DefaultAreas.AddTo(program);

        var (application, engagements) = ProgramApplication.Enroll(program, Guid.NewGuid(), Contact, Official, Now);

        Assert.Equal(ApplicationStatus.Selected, application.Status);
        Assert.Equal(4, engagements.Count);
    }

    [Fact]
    public void AConsultingProgrammeDoesNotEnrolWithoutACall() =>
        Assert.Equal("program.enroll-monitoring-only", Assert.Throws<DomainException>(() =>
            ProgramApplication.Enroll(Recruiting(), Guid.NewGuid(), Contact, Official, Now)).Code);
}
