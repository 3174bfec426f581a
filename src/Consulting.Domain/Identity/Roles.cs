namespace Consulting.Domain.Identity;

public static class Roles
{
    public const string Official = "Official";
    public const string Consultant = "Consultant";
    public const string AgencyStaff = "AgencyStaff";

    public static readonly IReadOnlyList<string> All = [Official, Consultant, AgencyStaff];
}
