namespace Consulting.Domain.Consultants;

/// <summary>What an official types into the registry form.</summary>
public sealed record ConsultantInput
{
    public string Name { get; init; } = "";

    public string? Affiliation { get; init; }

    public IReadOnlyList<string> Expertise { get; init; } = [];

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Region { get; init; }

    public int MaxVisitsPerWeek { get; init; } = Consultant.DefaultMaxVisitsPerWeek;

    public string? Notes { get; init; }

    public ConsultantProfile ToProfile() => new(Name, Affiliation, Expertise, Phone, Email, Region, MaxVisitsPerWeek, Notes);
}

public sealed record ConsultantListQuery(string? Search = null, string? Expertise = null, bool? Active = true, int PageIndex = 0, int PageSize = 25)
{
    public const int SearchMaxLength = 100;
    public const int MaxPageSize = 100;
}

public sealed record ConsultantRow(
    Guid Id,
    string Name,
    string? Affiliation,
    IReadOnlyList<string> Expertise,
    string? Region,
    int MaxVisitsPerWeek,
    bool IsActive,
    bool HasAccount,
    int OpenEngagements);

public sealed record ConsultantPage(IReadOnlyList<ConsultantRow> Rows, int Total);

public sealed record ConsultantDetails(
    Guid Id,
    string Name,
    string? Affiliation,
    IReadOnlyList<string> Expertise,
    string? Phone,
    string? Email,
    string? Region,
    int MaxVisitsPerWeek,
    string? Notes,
    bool IsActive,
    Guid? UserId,
    string? AccountEmail,
    IReadOnlyList<UnavailabilityRow> Unavailable,
    uint Version)
{
    public ConsultantInput ToInput() => new()
    {
        Name = Name,
        Affiliation = Affiliation,
        Expertise = Expertise,
        Phone = Phone,
        Email = Email,
        Region = Region,
        MaxVisitsPerWeek = MaxVisitsPerWeek,
        Notes = Notes,
    };
}

public sealed record UnavailabilityRow(Guid Id, DateOnly Start, DateOnly End, UnavailabilityKind Kind, string? Note);

public sealed record UnavailabilityInput(DateOnly Start, DateOnly End, UnavailabilityKind Kind, string? Note);
