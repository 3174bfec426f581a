namespace Consulting.Domain.Common;

/// <summary>Who is asking. Services decide what a user may read or change from this, never from the UI alone.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>One of <see cref="Identity.Roles"/>, or null when anonymous.</summary>
    string? Role { get; }

    /// <summary>The agency an AgencyStaff account belongs to.</summary>
    Guid? AgencyId { get; }
}

public static class CurrentUserExtensions
{
    public static bool IsOfficial(this ICurrentUser user) => user.Role == Identity.Roles.Official;

    public static bool IsConsultant(this ICurrentUser user) => user.Role == Identity.Roles.Consultant;

    public static bool IsAgencyStaff(this ICurrentUser user) => user.Role == Identity.Roles.AgencyStaff && user.AgencyId is not null;
}

/// <summary>Thrown when the current user may not see or do something.</summary>
public sealed class AccessDeniedException() : Exception("Access denied.");
