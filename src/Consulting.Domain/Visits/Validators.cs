using FluentValidation;

namespace Consulting.Domain.Visits;

public sealed class VisitInputValidator : AbstractValidator<VisitInput>
{
    public VisitInputValidator()
    {
        RuleFor(v => v.End).GreaterThan(v => v.Start).When(v => v.End != TimeOnly.MinValue).WithErrorCode("visit.end-before-start");
        RuleFor(v => v.Mode).IsInEnum();
        RuleFor(v => v.Place).MaximumLength(Visit.PlaceMaxLength).WithErrorCode("common.too-long");
    }
}
