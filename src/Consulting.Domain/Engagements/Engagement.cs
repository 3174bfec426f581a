using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Consultants;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Engagements;

/// <summary>
/// 분야별 컨설팅 배정: one selected agency in one area of a programme, with the area's planned visits, the consultant
/// an official matched to it (and who it was before) and its numbered visits. It guards what only it can see: visit k
/// comes after visit k−1 and inside the programme's period; clashes with other engagements are the service's and the
/// database's to refuse.
/// </summary>
public class Engagement
{
    public const int ReasonMaxLength = 1000;
    public const int ClosingOpinionMaxLength = 4000;

    private readonly List<Visit> _visits = [];
    private readonly List<EngagementAssignment> _assignments = [];

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

    /// <summary>The consultant (registry id); null until an official assigns one.</summary>
    public Guid? ConsultantId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>종합 의견: the consultant's closing opinion, written once every planned visit is completed.</summary>
    public string? ClosingOpinion { get; private set; }

    public DateTime? ClosingOpinionAtUtc { get; private set; }

    public string? ClosingOpinionByName { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<Visit> Visits => _visits;

    public IReadOnlyList<EngagementAssignment> Assignments => _assignments;

    /// <summary>
    /// Matches <paramref name="consultant"/> to the engagement. A reassignment needs a reason, is kept in the history
    /// and takes the visits still to come along; visits already held stay with whoever held them.
    /// </summary>
    public void Assign(Consultant consultant, string areaCode, string? reason, Actor by, DateTime nowUtc)
    {
        if (!consultant.IsActive)
        {
            throw new DomainException("assignment.consultant-inactive", "The consultant is inactive.", consultant.Name);
        }

        if (!consultant.Covers(areaCode))
        {
            throw new DomainException("assignment.expertise", "The consultant's expertise does not cover this area.", consultant.Name);
        }

        if (ConsultantId == consultant.Id)
        {
            throw new DomainException("assignment.same", "The consultant is already assigned.", consultant.Name);
        }

        var why = FreeText.Optional(reason, ReasonMaxLength);
        if (ConsultantId is not null && why is null)
        {
            throw new DomainException("assignment.reason-required", "Say why the consultant changes.");
        }

        _assignments.Add(new EngagementAssignment(Id, consultant.Id, ConsultantId, why, by, nowUtc));
        ConsultantId = consultant.Id;
        foreach (var visit in FutureVisits(nowUtc))
        {
            visit.Reassign(consultant.Id, by, why, nowUtc);
        }
    }

    /// <summary>
    /// Writes (or rewrites) the consultant's closing opinion; allowed once every planned visit is completed, as long as
    /// the programme is open.
    /// </summary>
    public void WriteClosingOpinion(ConsultingProgram program, int completedVisits, string text, Actor by, DateTime nowUtc)
    {
        if (program.IsClosed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        if (completedVisits < PlannedVisits)
        {
            throw new DomainException("engagement.not-finished", "The closing opinion is written once every planned visit is completed.", PlannedVisits);
        }

        ClosingOpinion = FreeText.Required(text, ClosingOpinionMaxLength, "engagement.opinion-required", "Write the closing opinion.");
        ClosingOpinionAtUtc = nowUtc;
        ClosingOpinionByName = by.Name;
    }

    /// <summary>The visits a reassignment moves to the new consultant: not completed or cancelled, not yet started.</summary>
    public IEnumerable<Visit> FutureVisits(DateTime nowUtc) =>
        _visits.Where(v => v.Status is VisitStatus.Planned or VisitStatus.Confirmed or VisitStatus.Postponed && v.StartsAtUtc >= nowUtc);

    /// <summary>The smallest visit number not yet scheduled, or null when every planned visit has a time.</summary>
    public int? NextUnscheduledNumber() =>
        Enumerable.Range(1, PlannedVisits).Cast<int?>().FirstOrDefault(n => _visits.All(v => v.Number != n));

    public Visit Schedule(ConsultingProgram program, int number, VisitPlan plan, Actor by, string? reason, IReadOnlyList<VisitWarning> overridden, DateTime nowUtc)
    {
        EnsureCanPlace(program, number, plan, null);
        var visit = new Visit(this, number, plan, by, reason, overridden, nowUtc);
        _visits.Add(visit);
        return visit;
    }

    public void Move(ConsultingProgram program, Guid visitId, VisitPlan plan, Actor by, string? reason, IReadOnlyList<VisitWarning> overridden, DateTime nowUtc)
    {
        var visit = FindVisit(visitId);
        EnsureCanPlace(program, visit.Number, plan, visit);
        visit.Move(plan, by, reason, overridden, nowUtc);
    }

    public Visit FindVisit(Guid visitId) =>
        _visits.SingleOrDefault(v => v.Id == visitId) ?? throw new DomainException("visit.not-found", "The visit does not exist.");

    /// <summary>The slot-holding visit right before number <paramref name="number"/>, if any.</summary>
    public Visit? PreviousOf(int number, Guid? except = null) =>
        _visits.Where(v => v.HoldsSlot && v.Number < number && v.Id != except).MaxBy(v => v.Number);

    public Visit? NextOf(int number, Guid? except = null) =>
        _visits.Where(v => v.HoldsSlot && v.Number > number && v.Id != except).MinBy(v => v.Number);

    private void EnsureSchedulable(ConsultingProgram program)
    {
        if (program.IsClosed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        if (ConsultantId is null)
        {
            throw new DomainException("visit.needs-consultant", "Assign a consultant before scheduling visits.");
        }
    }

    /// <summary>
    /// Refuses a time for visit <paramref name="number"/> (a new one, or <paramref name="moving"/>) that breaks the
    /// engagement's rules: a consultant first, a number in 1..n not yet taken, a day inside the programme's period, after
    /// the visit before and before the visit after.
    /// </summary>
    public void EnsureCanPlace(ConsultingProgram program, int number, VisitPlan plan, Visit? moving)
    {
        EnsureSchedulable(program);
        if (moving is null)
        {
            if (number < 1 || number > PlannedVisits)
            {
                throw new DomainException("visit.number-range", $"Visits are numbered 1 to {PlannedVisits}.", PlannedVisits);
            }

            if (_visits.Any(v => v.Number == number))
            {
                throw new DomainException("visit.number-taken", $"Visit {number} is already scheduled.", number);
            }
        }
        else if (moving.Status == VisitStatus.Completed)
        {
            throw new DomainException("visit.completed-locked", "A completed visit cannot be moved.");
        }

        plan.Validate();
        if (!program.ConsultingPeriod.Contains(plan.SeoulDate))
        {
            throw new DomainException(
                "visit.outside-period", "The visit must lie inside the programme's consulting period.", program.ConsultingStart, program.ConsultingEnd);
        }

        if (PreviousOf(number, moving?.Id) is { } previous && previous.EndsAtUtc > plan.StartsAtUtc)
        {
            throw new DomainException(
                "visit.before-previous", $"Visit {number} must come after visit {previous.Number}.",
                number, previous.Number, SeoulTime.ToSeoul(previous.StartsAtUtc));
        }

        if (NextOf(number, moving?.Id) is { } next && plan.EndsAtUtc > next.StartsAtUtc)
        {
            throw new DomainException(
                "visit.after-next", $"Visit {number} must come before visit {next.Number}.",
                number, next.Number, SeoulTime.ToSeoul(next.StartsAtUtc));
        }
    }
}

/// <summary>One line of an engagement's assignment history: who was matched, instead of whom, when, by whom and why.</summary>
public class EngagementAssignment
{
    private EngagementAssignment()
    {
    }

    internal EngagementAssignment(Guid engagementId, Guid consultantId, Guid? previousConsultantId, string? reason, Actor by, DateTime atUtc)
    {
        Id = IdGenerator.New();
        EngagementId = engagementId;
        ConsultantId = consultantId;
        PreviousConsultantId = previousConsultantId;
        Reason = reason;
        ByUserId = by.UserId;
        ByName = by.Name;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid EngagementId { get; private set; }

    public Guid ConsultantId { get; private set; }

    public Guid? PreviousConsultantId { get; private set; }

    public string? Reason { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
