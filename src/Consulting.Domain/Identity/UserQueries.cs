namespace Consulting.Domain.Identity;

/// <summary>One page of the user list: search (name or e-mail), role and status filters are applied in the database.</summary>
public sealed record UserListQuery(
    string? Search = null,
    string? Role = null,
    bool? Active = null,
    int PageIndex = 0,
    int PageSize = 20)
{
    public const int SearchMaxLength = 100;
    public const int MaxPageSize = 100;
}

public sealed record UserRow(
    Guid Id,
    string DisplayName,
    string Email,
    string? Role,
    string? AgencyName,
    bool IsActive,
    bool MustChangePassword);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int TotalCount);

/// <summary>An account as the details page shows it, with the concurrency stamp a change must match.</summary>
public sealed record UserDetails(
    Guid Id,
    string DisplayName,
    string Email,
    string? Role,
    Guid? AgencyId,
    string? AgencyName,
    bool IsActive,
    bool MustChangePassword,
    string ConcurrencyStamp);

/// <summary>An active agency an AgencyStaff account can belong to.</summary>
public sealed record AgencyChoice(Guid Id, string Name);

/// <summary>What the new-account form binds to.</summary>
public sealed class NewUserInput
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = "";

    public Guid? AgencyId { get; set; }
}

/// <summary>The account just made and its one-time password, shown once and never stored in clear.</summary>
public sealed record CreatedUser(Guid Id, string OneTimePassword);

/// <summary>What the change-password form binds to.</summary>
public sealed class PasswordChangeInput
{
    public const int MaxLength = 100;

    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
