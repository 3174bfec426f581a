using FluentValidation;

namespace Consulting.Domain.Agencies;

public sealed class AgencyListQueryValidator : AbstractValidator<AgencyListQuery>
{
    public AgencyListQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(AgencyListQuery.SearchMaxLength).WithErrorCode("common.too-long");
        RuleFor(q => q.District).MaximumLength(Agency.DistrictMaxLength).WithErrorCode("common.too-long");
        RuleFor(q => q.TypeCode).MaximumLength(AgencyType.CodeMaxLength).WithErrorCode("common.too-long");
        RuleFor(q => q.PageIndex).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, AgencyListQuery.MaxPageSize);
        RuleFor(q => q.Sort).IsInEnum();
    }
}

/// <summary>The shape of an agency's fields, used by the form and by each import row alike.</summary>
public sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public AgencyInputValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithErrorCode("agency.name-required")
            .MaximumLength(Agency.NameMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.TypeCode).NotEmpty().WithErrorCode("agency.type-required")
            .MaximumLength(AgencyType.CodeMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.District).NotEmpty().WithErrorCode("agency.district-required")
            .MaximumLength(Agency.DistrictMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.Address).MaximumLength(Agency.AddressMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.Phone).MaximumLength(Agency.PhoneMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.Email).MaximumLength(Agency.EmailMaxLength).WithErrorCode("common.too-long")
            .EmailAddress().WithErrorCode("agency.email-invalid");
    }
}
