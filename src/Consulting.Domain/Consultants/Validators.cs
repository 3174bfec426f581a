using FluentValidation;

namespace Consulting.Domain.Consultants;

public sealed class ConsultantInputValidator : AbstractValidator<ConsultantInput>
{
    public ConsultantInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithErrorCode("consultant.name-required")
            .MaximumLength(Consultant.NameMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Affiliation).MaximumLength(Consultant.AffiliationMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Phone).MaximumLength(Consultant.PhoneMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Email).EmailAddress().WithErrorCode("consultant.email-invalid")
            .MaximumLength(Consultant.EmailMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Region).MaximumLength(Consultant.RegionMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Notes).MaximumLength(Consultant.NotesMaxLength).WithErrorCode("common.too-long");
        RuleFor(c => c.Expertise).NotEmpty().WithErrorCode("consultant.expertise-required");
        RuleForEach(c => c.Expertise).Must(e => ConsultantExpertise.All.Contains(e)).WithErrorCode("consultant.expertise-unknown");
        RuleFor(c => c.MaxVisitsPerWeek).InclusiveBetween(1, Consultant.MaxVisitsPerWeekLimit).WithErrorCode("consultant.weekly-max-range");
    }
}

public sealed class ConsultantListQueryValidator : AbstractValidator<ConsultantListQuery>
{
    public ConsultantListQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(ConsultantListQuery.SearchMaxLength).WithErrorCode("common.too-long");
        RuleFor(q => q.Expertise).Must(e => e is null || ConsultantExpertise.All.Contains(e)).WithErrorCode("consultant.expertise-unknown");
        RuleFor(q => q.PageIndex).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ConsultantListQuery.MaxPageSize);
    }
}

public sealed class UnavailabilityInputValidator : AbstractValidator<UnavailabilityInput>
{
    public UnavailabilityInputValidator()
    {
        RuleFor(u => u.End).GreaterThanOrEqualTo(u => u.Start).WithErrorCode("range.end-before-start");
        RuleFor(u => u.Kind).IsInEnum();
        RuleFor(u => u.Note).MaximumLength(Unavailability.NoteMaxLength).WithErrorCode("common.too-long");
    }
}
