using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Programs;

namespace Consulting.Domain.Engagements;

/// <summary>
/// 분야별 컨설팅 배정: one selected agency in one area of a programme, with the area's planned visits.
/// The consultant is assigned later (scheduling).
/// </summary>
public class Engagement
{
    private Engagement()
    {
    }

    internal Engagement(ConsultingProgram program, Guid agencyId, ProgramArea area, Guid applicationId, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        ProgramId = program.Id;
        AgencyId = agencyId;
        AreaId = area.Id;
        ApplicationId = applicationId;
        PlannedVisits = area.PlannedVisits;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int PlannedVisits { get; private set; }

    /// <summary>The consultant's user id; null until an official assigns one.</summary>
    public Guid? ConsultantId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    [Timestamp]
    public uint Version { get; set; }
}
