using FluentValidation;

namespace Consulting.Domain.Identity;

public sealed class UserListQueryValidator : AbstractValidator<UserListQuery>
{
    public UserListQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(UserListQuery.SearchMaxLength).WithErrorCode("common.too-long");
        RuleFor(q => q.Role).Must(r => r is null || Roles.All.Contains(r)).WithErrorCode("user.role-invalid");
        RuleFor(q => q.PageIndex).GreaterThanOrEqualTo(0);
        RuleFor(q => q.PageSize).InclusiveBetween(1, UserListQuery.MaxPageSize);
    }
}

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(u => u.Email).NotEmpty().WithErrorCode("user.email-required")
            .MaximumLength(ApplicationUser.EmailMaxLength).WithErrorCode("common.too-long")
            .EmailAddress().WithErrorCode("user.email-invalid");
        RuleFor(u => u.DisplayName).NotEmpty().WithErrorCode("user.name-required")
            .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithErrorCode("common.too-long");
        RuleFor(u => u.Role).Must(r => Roles.All.Contains(r)).WithErrorCode("user.role-invalid");
        RuleFor(u => u.AgencyId).NotNull().When(u => u.Role == Roles.AgencyStaff).WithErrorCode("user.agency-required");
    }
}

public sealed class PasswordChangeInputValidator : AbstractValidator<PasswordChangeInput>
{
    public PasswordChangeInputValidator()
    {
        RuleFor(p => p.CurrentPassword).NotEmpty().WithErrorCode("password.current-required")
            .MaximumLength(PasswordChangeInput.MaxLength).WithErrorCode("common.too-long");
        RuleFor(p => p.NewPassword).NotEmpty().WithErrorCode("password.new-required")
            .MaximumLength(PasswordChangeInput.MaxLength).WithErrorCode("common.too-long")
            .NotEqual(p => p.CurrentPassword).WithErrorCode("password.same-as-current");
        RuleFor(p => p.ConfirmPassword).Equal(p => p.NewPassword).WithErrorCode("password.confirm-mismatch");
    }
}
