using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;

namespace Consulting.Domain.Recruitment;

/// <summary>
/// 참여 신청: an agency's answer to a programme's recruitment call — the areas it wants, its needs and hopes per
/// area, a contact person — and the official's decision. A monitoring round enrols its teams directly.
/// </summary>
public class ProgramApplication
{
    public const int ContactNameMaxLength = 100;
    public const int ContactPhoneMaxLength = 30;
    public const int ContactEmailMaxLength = 254;
    public const int ReasonMaxLength = 1000;

    private readonly List<AreaRequest> _areaRequests = [];

    private ProgramApplication()
    {
    }

    private ProgramApplication(Guid programId, Guid agencyId, ApplicationContact contact, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        ProgramId = programId;
        AgencyId = agencyId;
        SetContact(contact);
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid AgencyId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string ContactName { get; private set; } = "";

    public string? ContactPhone { get; private set; }

    public string? ContactEmail { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public Guid? DecidedBy { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<AreaRequest> AreaRequests => _areaRequests;

    /// <summary>An agency applies while the call is open.</summary>
    public static ProgramApplication Submit(
        ConsultingProgram program, Guid agencyId, ApplicationContact contact, IReadOnlyCollection<AreaRequest> requests, DateOnly today, DateTime nowUtc)
    {
        EnsureOpen(program, today);
        var application = new ProgramApplication(program.Id, agencyId, contact, nowUtc) { Status = ApplicationStatus.Submitted };
        application.ReplaceRequests(program, requests);
        return application;
    }

    /// <summary>A monitoring round enrols a team in every area, selected at once.</summary>
    public static (ProgramApplication Application, IReadOnlyList<Engagement> Engagements) Enroll(
        ConsultingProgram program, Guid agencyId, ApplicationContact contact, Guid enrolledBy, DateTime nowUtc)
    {
        if (program.Kind != ProgramKind.Monitoring)
        {
            throw new DomainException("program.enroll-monitoring-only", "Only monitoring rounds enrol teams directly.");
        }

        if (program.IsClosed)
        {
            throw new DomainException("program.closed", "A closed programme cannot be changed.");
        }

        var application = new ProgramApplication(program.Id, agencyId, contact, nowUtc) { Status = ApplicationStatus.Submitted };
        application.ReplaceRequests(program, [.. program.Areas.Select(a => new AreaRequest(a.Id, null, null))]);
        return (application, application.Decide(program, selected: true, null, enrolledBy, nowUtc));
    }

    public void Update(ConsultingProgram program, ApplicationContact contact, IReadOnlyCollection<AreaRequest> requests, DateOnly today, DateTime nowUtc)
    {
        EnsureProgram(program);
        EnsureSubmitted();
        EnsureOpen(program, today);
        SetContact(contact);
        ReplaceRequests(program, requests);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>An agency that withdrew applies again while the call is still open.</summary>
    public void Resubmit(ConsultingProgram program, ApplicationContact contact, IReadOnlyCollection<AreaRequest> requests, DateOnly today, DateTime nowUtc)
    {
        EnsureProgram(program);
        if (Status != ApplicationStatus.Withdrawn)
        {
            throw new DomainException("application.not-withdrawn", "Only a withdrawn application can be submitted again.");
        }

        EnsureOpen(program, today);
        SetContact(contact);
        ReplaceRequests(program, requests);
        Status = ApplicationStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Withdraw(ConsultingProgram program, DateOnly today, DateTime nowUtc)
    {
        EnsureProgram(program);
        EnsureSubmitted();
        EnsureOpen(program, today);
        Status = ApplicationStatus.Withdrawn;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Selects the agency: one engagement per requested area, each with that area's planned visits.</summary>
    public IReadOnlyList<Engagement> Select(ConsultingProgram program, string? reason, Guid decidedBy, DateTime nowUtc)
    {
        EnsureSelecting(program);
        return Decide(program, selected: true, reason, decidedBy, nowUtc);
    }

    public void Decline(ConsultingProgram program, string reason, Guid decidedBy, DateTime nowUtc)
    {
        EnsureSelecting(program);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("application.reason-required", "Say why the application is declined.");
        }

        Decide(program, selected: false, reason, decidedBy, nowUtc);
    }

    private IReadOnlyList<Engagement> Decide(ConsultingProgram program, bool selected, string? reason, Guid decidedBy, DateTime nowUtc)
    {
        EnsureProgram(program);
        EnsureSubmitted();
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed?.Length > ReasonMaxLength)
        {
            throw new DomainException("common.too-long", $"At most {ReasonMaxLength} characters.");
        }

        Status = selected ? ApplicationStatus.Selected : ApplicationStatus.Declined;
        DecisionReason = trimmed;
        DecidedAtUtc = nowUtc;
        DecidedBy = decidedBy;
        UpdatedAtUtc = nowUtc;
        return selected
            ? [.. _areaRequests.Select(r => new Engagement(program, AgencyId, program.FindArea(r.AreaId), Id, nowUtc))]
            : [];
    }

    private void SetContact(ApplicationContact contact)
    {
        var name = contact.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException("application.contact-required", "Name a contact person.");
        }

        if (name.Length > ContactNameMaxLength || contact.Phone?.Trim().Length > ContactPhoneMaxLength || contact.Email?.Trim().Length > ContactEmailMaxLength)
        {
            throw new DomainException("common.too-long", "A contact detail is too long.");
        }

        ContactName = name;
        ContactPhone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim();
        ContactEmail = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email.Trim();
    }

    private void ReplaceRequests(ConsultingProgram program, IReadOnlyCollection<AreaRequest> requests)
    {
        if (requests.Count == 0)
        {
            throw new DomainException("application.needs-area", "Choose at least one area.");
        }

        if (requests.Select(r => r.AreaId).Distinct().Count() != requests.Count)
        {
            throw new DomainException("application.duplicate-area", "Each area can be chosen once.");
        }

        foreach (var request in requests)
        {
            program.FindArea(request.AreaId);
        }

        _areaRequests.Clear();
        _areaRequests.AddRange(requests.Select(r => new AreaRequest(r.AreaId, r.Needs, r.HopedChange)));
    }

    private void EnsureProgram(ConsultingProgram program)
    {
        if (program.Id != ProgramId)
        {
            throw new InvalidOperationException("The application belongs to another programme.");
        }
    }

    private void EnsureSubmitted()
    {
        if (Status != ApplicationStatus.Submitted)
        {
            throw new DomainException("application.not-open", "The application has already been decided or withdrawn.");
        }
    }

    private static void EnsureOpen(ConsultingProgram program, DateOnly today)
    {
        if (!program.IsTakingApplications(today))
        {
            throw new DomainException("application.window-closed", "The programme is not taking applications now.");
        }
    }

    private static void EnsureSelecting(ConsultingProgram program)
    {
        if (program.Status != ProgramStatus.Selecting)
        {
            throw new DomainException("program.not-selecting", "Agencies are selected only while the programme is selecting.");
        }
    }
}

public sealed record ApplicationContact(string Name, string? Phone, string? Email);

/// <summary>One area an agency asks for, with what it needs and what it hopes to change (free text).</summary>
public sealed class AreaRequest
{
    public const int TextMaxLength = 2000;

    private AreaRequest()
    {
    }

    public AreaRequest(Guid areaId, string? needs, string? hopedChange)
    {
        if (needs?.Length > TextMaxLength || hopedChange?.Length > TextMaxLength)
        {
            throw new DomainException("common.too-long", $"At most {TextMaxLength} characters.");
        }

        AreaId = areaId;
        Needs = string.IsNullOrWhiteSpace(needs) ? null : needs.Trim();
        HopedChange = string.IsNullOrWhiteSpace(hopedChange) ? null : hopedChange.Trim();
    }

    public Guid AreaId { get; private set; }

    public string? Needs { get; private set; }

    public string? HopedChange { get; private set; }
}
