using System.ComponentModel.DataAnnotations;
using Consulting.Domain.Common;

namespace Consulting.Domain.Agencies;

/// <summary>A welfare agency (기관) or a township welfare team that takes part in programmes.</summary>
public class Agency
{
    public const int NameMaxLength = 200;
    public const int DistrictMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    private Agency()
    {
    }

    public Agency(string name, string typeCode, string district)
    {
        Id = IdGenerator.New();
        Rename(name);
        ChangeType(typeCode);
        MoveTo(district);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string TypeCode { get; private set; } = "";

    public AgencyType? Type { get; private set; }

    /// <summary>시·군·구 or 읍·면 where the agency works.</summary>
    public string District { get; private set; } = "";

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public bool IsActive { get; private set; } = true;

    [Timestamp]
    public uint Version { get; set; }

    public void Rename(string name) =>
        Name = Required(name, NameMaxLength, "agency.name-required", "An agency needs a name.");

    public void ChangeType(string typeCode) =>
        TypeCode = Required(typeCode, AgencyType.CodeMaxLength, "agency.type-required", "An agency needs a type.");

    public void MoveTo(string district) =>
        District = Required(district, DistrictMaxLength, "agency.district-required", "An agency needs a district.");

    public void SetContact(string? address, string? phone, string? email)
    {
        Address = Optional(address, AddressMaxLength);
        Phone = Optional(phone, PhoneMaxLength);
        Email = Optional(email, EmailMaxLength);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    private static string Required(string value, int maxLength, string code, string message)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, message);
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException("common.too-long", $"At most {maxLength} characters.");
    }

    private static string? Optional(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException("common.too-long", $"At most {maxLength} characters.");
    }
}
