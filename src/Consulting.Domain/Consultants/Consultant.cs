using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.Consultants;

/// <summary>컨설턴트: an expert in the registry, matched to engagements in the areas their expertise covers.</summary>
public class Consultant
{
    public const int NameMaxLength = 100;
    public const int AffiliationMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int RegionMaxLength = 100;
    public const int NotesMaxLength = 2000;
    public const int MaxVisitsPerWeekLimit = 20;
    public const int DefaultMaxVisitsPerWeek = 4;
    public const int MaxUnavailabilityDays = 366;

    private readonly List<Unavailability> _unavailability = [];

    private Consultant()
    {
    }

    public Consultant(ConsultantProfile profile, DateTime nowUtc)
    {
        Id = IdGenerator.New();
        IsActive = true;
        CreatedAtUtc = nowUtc;
        Update(profile);
    }

    public Guid Id { get; private set; }

    /// <summary>The consultant's sign-in account; null until an official creates it.</summary>
    public Guid? UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Affiliation { get; private set; }

    /// <summary>Codes from <see cref="ConsultantExpertise"/>.</summary>
    public List<string> Expertise { get; private set; } = [];

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Region { get; private set; }

    /// <summary>The most visits a week the consultant accepts; more is a warning the official may override.</summary>
    public int MaxVisitsPerWeek { get; private set; }

    public string? Notes { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    [Timestamp]
    public uint Version { get; set; }

    public IReadOnlyList<Unavailability> UnavailableDates => _unavailability;

    public bool Covers(string areaCode) => ConsultantExpertise.Covers(Expertise, areaCode);

    /// <summary>What an official keeps in the registry.</summary>
    public void Update(ConsultantProfile profile)
    {
        Name = FreeText.Required(profile.Name, NameMaxLength, "consultant.name-required", "A consultant needs a name.");
        Affiliation = FreeText.Optional(profile.Affiliation, AffiliationMaxLength);
        Region = FreeText.Optional(profile.Region, RegionMaxLength);
        Notes = FreeText.Optional(profile.Notes, NotesMaxLength);
        UpdateContact(profile.Phone, profile.Email);
        var expertise = profile.Expertise.Distinct().ToList();
        if (expertise.Count == 0)
        {
            throw new DomainException("consultant.expertise-required", "Choose at least one area of expertise.");
        }

        if (expertise.Any(e => !ConsultantExpertise.All.Contains(e)))
        {
            throw new DomainException("consultant.expertise-unknown", "Unknown area of expertise.");
        }

        if (profile.MaxVisitsPerWeek is < 1 or > MaxVisitsPerWeekLimit)
        {
            throw new DomainException("consultant.weekly-max-range", $"Between 1 and {MaxVisitsPerWeekLimit} visits a week.", MaxVisitsPerWeekLimit);
        }

        Expertise = [.. ConsultantExpertise.All.Where(expertise.Contains)];
        MaxVisitsPerWeek = profile.MaxVisitsPerWeek;
    }

    /// <summary>What the consultant may correct themselves.</summary>
    public void UpdateContact(string? phone, string? email)
    {
        Phone = FreeText.Optional(phone, PhoneMaxLength);
        Email = FreeText.Optional(email, EmailMaxLength);
    }

    public void LinkAccount(Guid userId)
    {
        if (UserId is not null)
        {
            throw new DomainException("consultant.has-account", "The consultant already has a sign-in account.");
        }

        UserId = userId;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public Unavailability DeclareUnavailable(DateOnly start, DateOnly end, UnavailabilityKind kind, string? note)
    {
        if (end < start)
        {
            throw new DomainException("range.end-before-start", "The end date comes before the start date.");
        }

        if (end.DayNumber - start.DayNumber >= MaxUnavailabilityDays)
        {
            throw new DomainException("unavailability.too-long", "At most a year at a time.");
        }

        if (_unavailability.Any(u => u.Start <= end && start <= u.End))
        {
            throw new DomainException("unavailability.overlaps", "Those dates overlap dates already declared.");
        }

        var entry = new Unavailability(start, end, kind, FreeText.Optional(note, Unavailability.NoteMaxLength));
        _unavailability.Add(entry);
        return entry;
    }

    public void RemoveUnavailability(Guid id)
    {
        var entry = _unavailability.SingleOrDefault(u => u.Id == id)
            ?? throw new DomainException("unavailability.not-found", "Those dates are no longer declared.");
        _unavailability.Remove(entry);
    }

    /// <summary>The declared absence on <paramref name="day"/>, if any.</summary>
    public Unavailability? UnavailableOn(DateOnly day) => _unavailability.FirstOrDefault(u => u.Start <= day && day <= u.End);
}

/// <summary>Dates a consultant cannot visit (휴가, 다른 일정).</summary>
public class Unavailability
{
    public const int NoteMaxLength = 200;

    private Unavailability()
    {
    }

    internal Unavailability(DateOnly start, DateOnly end, UnavailabilityKind kind, string? note)
    {
        Id = IdGenerator.New();
        Start = start;
        End = end;
        Kind = kind;
        Note = note;
    }

    public Guid Id { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public UnavailabilityKind Kind { get; private set; }

    public string? Note { get; private set; }
}

public enum UnavailabilityKind
{
    Vacation,
    OtherCommitment,
}

public sealed record ConsultantProfile(
    string Name,
    string? Affiliation,
    IReadOnlyList<string> Expertise,
    string? Phone,
    string? Email,
    string? Region,
    int MaxVisitsPerWeek,
    string? Notes);

/// <summary>The areas a consultant can be matched to: the four consulting areas and peer coaching for monitoring rounds.</summary>
public static class ConsultantExpertise
{
    public const string PeerCoaching = "peer-coaching";

    public static readonly IReadOnlyList<string> All =
        ["organisation", "planning-evaluation", "case-management", "community-organising", PeerCoaching];

    private static readonly HashSet<string> MonitoringAreas =
        ["blind-spot-discovery", "client-management", "closed-case-monitoring", PeerCoaching];

    /// <summary>
    /// The expertise an area needs: a consulting area its own code, a monitoring topic peer coaching; an area an official
    /// added with a code of its own needs none, so any consultant may take it.
    /// </summary>
    public static string? NeededFor(string areaCode) =>
        All.Contains(areaCode) ? areaCode : MonitoringAreas.Contains(areaCode) ? PeerCoaching : null;

    public static bool Covers(IEnumerable<string> expertise, string areaCode) =>
        NeededFor(areaCode) is not { } needed || expertise.Contains(needed);
}
