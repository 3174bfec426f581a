namespace Consulting.Domain.Programs;

/// <summary>참여기관: an agency that applied to a programme, or was enrolled in it, and whether it was selected.</summary>
public class ProgramParticipant
{
    private ProgramParticipant()
    {
    }

    internal ProgramParticipant(Guid programId, Guid agencyId, ParticipationStatus status, DateTime atUtc)
    {
        ProgramId = programId;
        AgencyId = agencyId;
        Status = status;
        AppliedAtUtc = atUtc;
        if (status == ParticipationStatus.Selected)
        {
            DecidedAtUtc = atUtc;
        }
    }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public ParticipationStatus Status { get; private set; }

    public DateTime AppliedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    internal void Decide(bool selected, DateTime atUtc)
    {
        Status = selected ? ParticipationStatus.Selected : ParticipationStatus.NotSelected;
        DecidedAtUtc = atUtc;
    }
}
