using Consulting.Domain.Agencies;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Data;

/// <summary>
/// The demo year: "2025 품질관리 컨설팅" with its seven selected agencies and "2025 상반기 사례관리 모니터링"
/// with eleven township teams, plus one demo account per role. Every agency and person is fictional.
/// Loaded only when configured (never in Production) and only once.
/// </summary>
public static class DemoData
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

    private static readonly (string Name, string Type, string District)[] OtherAgencies =
    [
        ("늘봄 노인복지관", AgencyTypeCodes.SeniorWelfareCenter, "가온시 누리구"),
        ("한빛나래 장애인복지관", AgencyTypeCodes.DisabilityWelfareCenter, "가온시 별마루구"),
        ("새싹키움 지역아동센터", AgencyTypeCodes.CommunityChildCenter, "가온시 해솔구"),
    ];

    private static readonly string[] Townships =
        ["다솜읍", "솔내읍", "누리면", "한울면", "별빛면", "은솔면", "푸른면", "다온면", "새뜰면", "마루면", "하늬면"];

    /// <summary>Seeds the demo year unless a programme already exists. Returns true when it wrote anything.</summary>
    public static async Task<bool> SeedAsync(ConsultingDbContext db, UserManager<ApplicationUser> users, CancellationToken ct = default)
    {
        if (await db.Programs.AnyAsync(ct))
        {
            return false;
        }

        var selected = SelectedAgencies.Select(Create).ToList();
        var others = OtherAgencies.Select(Create).ToList();
        var teams = Townships.Select(t => Create(($"{t} 맞춤형복지팀", AgencyTypeCodes.TownshipWelfareTeam, $"다솜군 {t}"))).ToList();
        db.Agencies.AddRange([.. selected, .. others, .. teams]);

        db.Programs.Add(ConsultingYear(selected));
        db.Programs.Add(MonitoringHalfYear(teams));
        await db.SaveChangesAsync(ct);

        await CreateUser(users, OfficialEmail, "한가람 (데모 사업 담당자)", Roles.Official, agencyId: null);
        await CreateUser(users, ConsultantEmail, "윤슬기 (데모 컨설턴트)", Roles.Consultant, agencyId: null);
        await CreateUser(users, AgencyEmail, "서다온 (데모 기관 담당자)", Roles.AgencyStaff, selected[3].Id);
        return true;
    }

    private static Agency Create((string Name, string Type, string District) row)
    {
        var agency = new Agency(row.Name, row.Type, row.District);
        agency.SetContact($"{row.District} 데모로 {row.Name.Length * 7}", "031-000-0000", null);
        return agency;
    }

    private static ConsultingProgram ConsultingYear(List<Agency> selected)
    {
        var program = new ConsultingProgram(
            ConsultingProgramName,
            ProgramKind.Consulting,
            2025,
            new DateRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)),
            new DateRange(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16)));
        program.Describe("현장 최일선에서 복지서비스를 제공하는 기관의 서비스 품질 향상을 위한 분야별 전문가 현장 컨설팅", selected.Count);
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        var applied = new DateTime(2025, 5, 2, 1, 0, 0, DateTimeKind.Utc);
        foreach (var agency in selected)
        {
            program.Apply(agency.Id, applied);
        }

        program.StartSelection();
        var decided = new DateTime(2025, 5, 23, 6, 0, 0, DateTimeKind.Utc);
        foreach (var agency in selected)
        {
            program.Decide(agency.Id, selected: true, decided);
        }

        program.Start();
        return program;
    }

    private static ConsultingProgram MonitoringHalfYear(List<Agency> teams)
    {
        var program = new ConsultingProgram(
            MonitoringProgramName,
            ProgramKind.Monitoring,
            2025,
            new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)));
        program.Describe("읍·면 맞춤형복지팀 사례관리 담당자를 찾아가는 모니터링과 통합사례관리사의 동료멘토링(피어코칭)", teams.Count);
        DefaultAreas.AddTo(program);
        var enrolled = new DateTime(2025, 2, 20, 0, 0, 0, DateTimeKind.Utc);
        foreach (var team in teams)
        {
            program.Enroll(team.Id, enrolled);
        }

        program.Start();
        return program;
    }

    private static async Task CreateUser(UserManager<ApplicationUser> users, string email, string displayName, string role, Guid? agencyId)
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
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
