using Microsoft.AspNetCore.Identity;

namespace Consulting.Domain.Identity;

public class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>Identity's own column length for e-mail and user name.</summary>
    public const int EmailMaxLength = 256;

    public ApplicationUser()
    {
        Id = Common.IdGenerator.New();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    /// <summary>Set for AgencyStaff accounts: the one agency whose records they may see.</summary>
    public Guid? AgencyId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set for a new account or after a reset: the user must choose a password before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The secret in the user's private calendar feed URL (consultants and agency staff); null until they ask for one.
    /// Regenerating it makes the old URL show nothing.
    /// </summary>
    public string? CalendarToken { get; set; }

    /// <summary>"ko" or "en"; null follows the browser.</summary>
    public string? PreferredCulture { get; set; }
}
