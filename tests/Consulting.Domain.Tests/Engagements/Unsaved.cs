using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Engagements;

/// <summary>
/// Programmes, consultants and engagements built the way the app builds them, without a database: the 2025 programme
/// (June–November, the four default areas) and one agency selected for all four areas.
/// </summary>
internal static class Unsaved
{
    /// <summary>Before the consulting period, so every visit in it lies ahead.</summary>
    public static readonly DateTime Now = new(2025, 5, 26, 0, 0, 0, DateTimeKind.Utc);

    public static readonly Actor Official = new(Guid.NewGuid(), "한가람");

    public static ConsultingProgram Programme()
    {
        var program = new ConsultingProgram("2025 품질관리 컨설팅", ProgramKind.Consulting, 2025,
            new DateRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30)),
            new DateRange(new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 16)));
        DefaultAreas.AddTo(program);
        program.OpenRecruitment();
        return program;
    }

    /// <summary>One agency selected for every area of <paramref name="program"/>, which moves on to selecting.</summary>
    public static IReadOnlyList<Engagement> Select(ConsultingProgram program)
    {
        var application = ProgramApplication.Submit(program, Guid.NewGuid(), new ApplicationContact("담당자", null, null),
            [.. program.Areas.Select(a => new AreaRequest(a.Id, null, null))], new DateOnly(2025, 5, 2), Now);
        program.StartSelection();
        return application.Select(program, null, Guid.NewGuid(), Now);
    }

    /// <summary>The engagement of a fresh programme in <paramref name="areaCode"/>, with its programme.</summary>
    public static (ConsultingProgram Program, Engagement Engagement) Engagement(string areaCode)
    {
        var program = Programme();
        var engagements = Select(program);
        var area = program.Areas.Single(a => a.Code == areaCode);
        return (program, engagements.Single(e => e.AreaId == area.Id));
    }

    /// <summary>As <see cref="Engagement(string)"/>, with <paramref name="consultant"/> (or a fitting new one) assigned.</summary>
    public static (ConsultingProgram Program, Engagement Engagement, Consultant Consultant) Assigned(string areaCode, Consultant? consultant = null)
    {
        var (program, engagement) = Engagement(areaCode);
        consultant ??= Consultant("강하늘", areaCode);
        engagement.Assign(consultant, areaCode, null, Official, Now);
        return (program, engagement, consultant);
    }

    public static Consultant Consultant(string name, params string[] expertise) =>
        new(new ConsultantProfile(name, "한빛경영컨설팅", expertise, null, null, null, global::Consulting.Domain.Consultants.Consultant.DefaultMaxVisitsPerWeek, null), Now);

    /// <summary>A visit on <paramref name="day"/> (Seoul) from <paramref name="hour"/> o'clock for <paramref name="hours"/> hours.</summary>
    public static VisitPlan Plan(DateOnly day, int hour = 10, int hours = 2) =>
        new(Utc(day, hour), Utc(day, hour).AddHours(hours), VisitMode.OnSite, "기관 회의실");

    public static DateTime Utc(DateOnly day, int hour) => SeoulTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));

    public static Visit Schedule(this Engagement engagement, ConsultingProgram program, int number, DateOnly day, int hour = 10) =>
        engagement.Schedule(program, number, Plan(day, hour), Official, null, [], Now);
}
