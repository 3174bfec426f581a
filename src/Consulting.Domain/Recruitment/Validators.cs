using FluentValidation;

namespace Consulting.Domain.Recruitment;

public sealed class ApplicationInputValidator : AbstractValidator<ApplicationInput>
{
    public ApplicationInputValidator()
    {
        RuleFor(x => x.ContactName).NotEmpty().WithErrorCode("application.contact-required")
            .MaximumLength(ProgramApplication.ContactNameMaxLength).WithErrorCode("common.too-long");
        RuleFor(x => x.ContactPhone).MaximumLength(ProgramApplication.ContactPhoneMaxLength).WithErrorCode("common.too-long");
        RuleFor(x => x.ContactEmail).EmailAddress().WithErrorCode("application.contact-email")
            .MaximumLength(ProgramApplication.ContactEmailMaxLength).WithErrorCode("common.too-long");
        RuleFor(x => x.Areas).NotEmpty().WithErrorCode("application.needs-area");
        RuleForEach(x => x.Areas).ChildRules(area =>
        {
            area.RuleFor(a => a.Needs).MaximumLength(AreaRequest.TextMaxLength).WithErrorCode("common.too-long");
            area.RuleFor(a => a.HopedChange).MaximumLength(AreaRequest.TextMaxLength).WithErrorCode("common.too-long");
        });
    }
}
