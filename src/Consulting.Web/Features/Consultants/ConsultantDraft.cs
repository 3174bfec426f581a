using Consulting.Domain.Consultants;

namespace Consulting.Web.Features.Consultants;

/// <summary>The registry form while the official types: <see cref="ConsultantInput"/> is immutable, the form binds to this.</summary>
public sealed class ConsultantDraft
{
    public string Name { get; set; } = "";

    public string? Affiliation { get; set; }

    public HashSet<string> Expertise { get; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Region { get; set; }

    public int MaxVisitsPerWeek { get; set; } = Consultant.DefaultMaxVisitsPerWeek;

    public string? Notes { get; set; }

    public bool Has(string code) => Expertise.Contains(code);

    public void Toggle(string code, bool chosen)
    {
        if (chosen)
        {
            Expertise.Add(code);
        }
        else
        {
            Expertise.Remove(code);
        }
    }

    public static ConsultantDraft From(ConsultantDetails details)
    {
        var draft = new ConsultantDraft
        {
            Name = details.Name,
            Affiliation = details.Affiliation,
            Phone = details.Phone,
            Email = details.Email,
            Region = details.Region,
            MaxVisitsPerWeek = details.MaxVisitsPerWeek,
            Notes = details.Notes,
        };
        draft.Expertise.UnionWith(details.Expertise);
        return draft;
    }

    // Kept in the registry's order, so the saved list reads the same way as the checkboxes.
    public ConsultantInput ToInput() => new()
    {
        Name = Name,
        Affiliation = Affiliation,
        Expertise = [.. ConsultantExpertise.All.Where(Expertise.Contains)],
        Phone = Phone,
        Email = Email,
        Region = Region,
        MaxVisitsPerWeek = MaxVisitsPerWeek,
        Notes = Notes,
    };
}
