using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Testing;

/// <summary>The demo year moved on to where scheduling starts: the seed programme's seven agencies selected, the programme started.</summary>
public static class DemoScenario
{
    public static readonly string[] SevenAgencies =
    [
        "햇살나무 공동생활가정", "푸른둥지 공동생활가정", "온새미 공동생활가정", "해솔 종합사회복지관",
        "별마루 종합사회복지관", "가온 노인인력개발센터", "무지개다리 이주여성쉼터",
    ];

    /// <summary>Seeds the demo year if needed, selects the seven agencies of the seed programme and starts it; returns its id.</summary>
    public static async Task<Guid> SelectSevenAndStartAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        if (!await db.Programs.AnyAsync())
        {
            await DemoSeeder.SeedAsync(database);
        }

        var program = await db.Programs.Include(p => p.Areas).SingleAsync(p => p.Name == DemoData.ConsultingProgramName);
        if (program.Status != ProgramStatus.Recruiting)
        {
            return program.Id;
        }

        var official = await db.Users.Where(u => u.Email == DemoData.OfficialEmail).Select(u => u.Id).SingleAsync();
        program.StartSelection();
        var now = new DateTime(2025, 5, 25, 0, 0, 0, DateTimeKind.Utc);
        var applications = await (
                from a in db.Applications
                where a.ProgramId == program.Id
                join agency in db.Agencies on a.AgencyId equals agency.Id
                select new { Application = a, agency.Name })
            .ToListAsync();
        foreach (var row in applications)
        {
            if (SevenAgencies.Contains(row.Name))
            {
                db.Engagements.AddRange(row.Application.Select(program, null, official, now));
            }
            else
            {
                row.Application.Decline(program, "데모: 목표 기관 수 초과", official, now);
            }
        }

        program.Start(SevenAgencies.Length);
        await db.SaveChangesAsync();
        return program.Id;
    }

    /// <summary>The id of a demo account's user, for services that name who made a change.</summary>
    public static async Task<Guid> UserIdAsync(TestDatabase database, string email)
    {
        await using var db = database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static async Task<TestUser> DemoOfficialAsync(TestDatabase database) =>
        new(await UserIdAsync(database, DemoData.OfficialEmail), Roles.Official, null);

    public static async Task<TestUser> DemoConsultantAsync(TestDatabase database) =>
        new(await UserIdAsync(database, DemoData.ConsultantEmail), Roles.Consultant, null);
}
