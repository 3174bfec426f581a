using Consulting.Domain.Agencies;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Domain.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Data;

/// <summary>
/// The demo year: "2025 품질관리 컨설팅" with the applications of its seven agencies (and two more) and "2025 상반기 사례관리 모니터링"
/// with eleven township teams (and the closed round before it, "2024 하반기", for the half-year comparison), the consultant
/// registry (eight experts, one of them the demo consultant) and one demo account per role. Every agency and person is fictional.
/// Loaded only when configured (never in Production) and only once.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Demo!2025";
    public const string OfficialEmail = "official@demo.consulting.kr";
    public const string ConsultantEmail = "consultant@demo.consulting.kr";
    public const string AgencyEmail = "agency@demo.consulting.kr";

    public const string ConsultingProgramName = "2025 품질관리 컨설팅";
    public const string MonitoringProgramName = "2025 상반기 사례관리 모니터링";

    private static readonly (string Name, string Type, string District)[] SelectedAgencies =
    [
        ("햇살나무 공동생활가정", AgencyTypeCodes.GroupHome, "가온시 해솔구"),
        ("푸른둥지 공동생활가정", AgencyTypeCodes.GroupHome, "가온시 별마루구"),
        ("온새미 공동생활가정", AgencyTypeCodes.GroupHome, "가온시 누리구"),
        ("해솔 종합사회복지관", AgencyTypeCodes.CommunityWelfareCenter, "가온시 해솔구"),
        ("별마루 종합사회복지관", AgencyTypeCodes.CommunityWelfareCenter, "가온시 별마루구"),
        ("가온 노인인력개발센터", AgencyTypeCodes.SeniorEmploymentCenter, "가온시 누리구"),
        ("무지개다리 이주여성쉼터", AgencyTypeCodes.MigrantWomenShelter, "가온시 해솔구"),
    ];

    // They apply too; the official declines them (or not) when running the selection.
    private static readonly (string Name, string Type, string District)[] OtherApplicants =
    [
        ("늘봄 노인복지관", AgencyTypeCodes.SeniorWelfareCenter, "가온시 누리구"),
        ("새싹키움 지역아동센터", AgencyTypeCodes.CommunityChildCenter, "가온시 해솔구"),
    ];

    private static readonly (string Name, string Type, string District)[] RegisteredOnly =
    [
        ("한빛나래 장애인복지관", AgencyTypeCodes.DisabilityWelfareCenter, "가온시 별마루구"),
    ];

    // The registry: experts for the four areas and the county's integrated case managers for peer coaching.
    private static readonly (string Name, string Affiliation, string[] Expertise, int MaxPerWeek)[] Experts =
    [
        ("윤슬기", "가온사회복지연구소", ["planning-evaluation", "organisation"], 4),
        ("강하늘", "한빛경영컨설팅", ["organisation", "case-management"], 4),
        ("임채원", "가온대학교 사회복지학과", ["planning-evaluation", "community-organising"], 3),
        ("오누리", "누리지역복지연대", ["community-organising", "organisation"], 4),
        ("문바다", "다솜군 통합사례관리사", ["case-management", "peer-coaching"], 5),
        ("배솔빛", "다솜군 통합사례관리사", ["peer-coaching", "case-management"], 5),
        ("조은결", "다솜군 통합사례관리사", ["peer-coaching"], 5),
        ("정다운", "다솜군 통합사례관리사", ["peer-coaching"], 5),
    ];

    private static readonly string[] Townships =
        ["다솜읍", "솔내읍", "누리면", "한울면", "별빛면", "은솔면", "푸른면", "다온면", "새뜰면", "마루면", "하늬면"];

    /// <summary>
    /// Seeds the demo year unless a programme already exists. The consulting programme is left where a newcomer can
    /// run its selection: recruiting, its call closed, nine applications in (the seven of the seed for all four areas,
    /// two more). The monitoring round is under way with its eleven teams enrolled, its visits held, logged and scored,
    /// and the closed round before it (2024 하반기) run the same way, so the half-year comparison has something to
    /// compare (see DemoData.Monitoring.cs; it needs the registry's peer coaches, so it is written last). The consultant
    /// registry is seeded on its own when it is empty, so a database made before the registry existed gets it too.
    /// Returns true when it wrote anything.
    /// </summary>
    public static async Task<bool> SeedAsync(ConsultingDbContext db, UserManager<ApplicationUser> users, CancellationToken ct = default)
    {
        var wrote = false;
        (List<Agency> Teams, ConsultingProgram Round, List<Engagement> Engagements, Actor Official)? monitoringHistory = null;
        if (!await db.Programs.AnyAsync(ct))
        {
            var seven = SelectedAgencies.Select(Create).ToList();
            var others = OtherApplicants.Select(Create).ToList();
            var registered = RegisteredOnly.Select(Create).ToList();
            var teams = Townships.Select(t => Create(($"{t} 맞춤형복지팀", AgencyTypeCodes.TownshipWelfareTeam, $"다솜군 {t}"))).ToList();
            db.Agencies.AddRange([.. seven, .. others, .. registered, .. teams]);

            var consulting = ConsultingYear();
            db.Programs.Add(consulting);
            db.Applications.AddRange(Applications(consulting, [.. seven, .. others]));

            var (monitoring, enrolled, engagements) = MonitoringHalfYear(teams);
            db.Programs.Add(monitoring);
            db.Applications.AddRange(enrolled);
            db.Engagements.AddRange(engagements);
            await db.SaveChangesAsync(ct);

            var official = await CreateUser(users, OfficialEmail, "한가람 (데모 사업 담당자)", Roles.Official, agencyId: null);
            await CreateUser(users, ConsultantEmail, "윤슬기 (데모 컨설턴트)", Roles.Consultant, agencyId: null);
            await CreateUser(users, AgencyEmail, "서다온 (데모 기관 담당자)", Roles.AgencyStaff, seven[3].Id);
            monitoringHistory = (teams, monitoring, engagements, new Actor(official.Id, official.DisplayName));
            wrote = true;
        }

        if (!await db.Consultants.AnyAsync(ct))
        {
            var registry = Experts.Select(e => new Consultant(
                new ConsultantProfile(e.Name, e.Affiliation, e.Expertise, "010-0000-0000", null, e.Affiliation.StartsWith("다솜군", StringComparison.Ordinal) ? "다솜군" : "가온시", e.MaxPerWeek, null),
                new DateTime(2025, 5, 20, 0, 0, 0, DateTimeKind.Utc))).ToList();
            if (await db.Users.Where(u => u.Email == ConsultantEmail).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct) is { } consultantUser)
            {
                registry[0].LinkAccount(consultantUser);
            }

            registry[0].DeclareUnavailable(new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, "여름 휴가");
            db.Consultants.AddRange(registry);
            await db.SaveChangesAsync(ct);
            wrote = true;
        }

        // The rounds' history needs the registry's peer coaches, so it comes last.
        if (monitoringHistory is { } history)
        {
            await SeedMonitoringHistoryAsync(db, history.Teams, history.Round, history.Engagements, history.Official, ct);
        }

        return wrote;
    }

    private static Agency Create((string Name, string Type, string District) row)
    {
        var agency = new Agency(row.Name, row.Type, row.District);
        agency.SetContact($"{row.District} 데모로 {row.Name.Length * 7}", "031-000-0000", null);
        return agency;
    }

    private static readonly DateOnly ApplicationDay = new(2025, 5, 2);

    private static ConsultingProgram ConsultingYear()
    {
        var program = new ConsultingProgram(
            ConsultingProgramName,
            ProgramKind.Consulting,
            2025,
            new DateRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)),
            new DateRange(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16)));
        program.Describe("현장 최일선에서 복지서비스를 제공하는 기관의 서비스 품질 향상을 위한 분야별 전문가 현장 컨설팅", 7);
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        return program;
    }

    private static IEnumerable<ProgramApplication> Applications(ConsultingProgram program, List<Agency> applicants)
    {
        var submitted = new DateTime(2025, 5, 2, 1, 0, 0, DateTimeKind.Utc);
        foreach (var agency in applicants)
        {
            var requests = program.Areas
                .Select(a => new AreaRequest(a.Id, $"{a.NameKo} 분야의 현황 진단과 개선 방향 자문", $"{a.NameKo} 체계 정비"))
                .ToList();
            yield return ProgramApplication.Submit(
                program, agency.Id, new ApplicationContact("데모 담당자", "031-000-0000", null), requests, ApplicationDay, submitted);
        }
    }

    private static (ConsultingProgram, List<ProgramApplication>, List<Engagement>) MonitoringHalfYear(List<Agency> teams)
    {
        var program = new ConsultingProgram(
            MonitoringProgramName,
            ProgramKind.Monitoring,
            2025,
            new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        program.Describe("읍·면 맞춤형복지팀 사례관리 담당자를 찾아가는 모니터링과 통합사례관리사의 동료멘토링(피어코칭)", teams.Count);
        DefaultAreas.AddTo(program);
        var enrolled = new DateTime(2025, 2, 20, 0, 0, 0, DateTimeKind.Utc);
        var applications = new List<ProgramApplication>();
        var engagements = new List<Engagement>();
        foreach (var team in teams)
        {
            var (application, created) = ProgramApplication.Enroll(
                program, team.Id, new ApplicationContact("사례관리 담당자", null, null), Guid.Empty, enrolled);
            applications.Add(application);
            engagements.AddRange(created);
        }

        program.Start(applications.Count);
        return (program, applications, engagements);
    }

    private static async Task<ApplicationUser> CreateUser(UserManager<ApplicationUser> users, string email, string displayName, string role, Guid? agencyId)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            AgencyId = agencyId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
