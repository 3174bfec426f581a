using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.Agencies;

/// <summary>A kind of agency from the managed list (종합사회복지관, 공동생활가정 …).</summary>
public class AgencyType
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private AgencyType()
    {
    }

    public AgencyType(string code, string nameKo, string nameEn, int sortOrder)
    {
        Code = code;
        SortOrder = sortOrder;
        Rename(nameKo, nameEn);
    }

    public string Code { get; private set; } = "";

    public string NameKo { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; } = true;

    [Timestamp]
    public uint Version { get; set; }

    public string Name(bool korean) => korean ? NameKo : NameEn;

    /// <summary>A type added by an official: a generated code, since agencies refer to it and names may change.</summary>
    public static AgencyType Custom(string nameKo, string nameEn, int sortOrder) =>
        new("custom-" + IdGenerator.New().ToString("N")[..12], nameKo, nameEn, sortOrder);

    public void Rename(string nameKo, string nameEn)
    {
        var ko = Required(nameKo);
        var en = Required(nameEn);
        (NameKo, NameEn) = (ko, en);
    }

    /// <summary>A deactivated type stays on the agencies that have it but is no longer offered for new ones.</summary>
    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    private static string Required(string name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException("agency-type.name-required", "An agency type needs a Korean and an English name.");
        }

        return trimmed.Length <= NameMaxLength
            ? trimmed
            : throw new DomainException("common.too-long", $"At most {NameMaxLength} characters.");
    }
}

/// <summary>The types a new installation starts with.</summary>
public static class AgencyTypeCodes
{
    public const string CommunityWelfareCenter = "community-welfare-center";
    public const string GroupHome = "group-home";
    public const string SeniorEmploymentCenter = "senior-employment-center";
    public const string MigrantWomenShelter = "migrant-women-shelter";
    public const string SeniorWelfareCenter = "senior-welfare-center";
    public const string DisabilityWelfareCenter = "disability-welfare-center";
    public const string CommunityChildCenter = "community-child-center";
    public const string TownshipWelfareTeam = "township-welfare-team";

    public static IReadOnlyList<AgencyType> Defaults() =>
    [
        new(CommunityWelfareCenter, "종합사회복지관", "Community welfare centre", 10),
        new(GroupHome, "공동생활가정", "Group home", 20),
        new(SeniorEmploymentCenter, "노인인력개발센터", "Senior employment centre", 30),
        new(MigrantWomenShelter, "이주여성쉼터", "Migrant women's shelter", 40),
        new(SeniorWelfareCenter, "노인복지관", "Senior welfare centre", 50),
        new(DisabilityWelfareCenter, "장애인복지관", "Disability welfare centre", 60),
        new(CommunityChildCenter, "지역아동센터", "Community child centre", 70),
        new(TownshipWelfareTeam, "읍·면 맞춤형복지팀", "Township customised welfare team", 80),
    ];
}
