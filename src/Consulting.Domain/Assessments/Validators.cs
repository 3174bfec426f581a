using FluentValidation;

namespace Consulting.Domain.Assessments;

/// <summary>An area's indicators as an official typed them, checked field by field before the checklist's own rules.</summary>
public sealed record ChecklistInput(IReadOnlyList<Indicator> Indicators);

public sealed class ChecklistInputValidator : AbstractValidator<ChecklistInput>
{
    public ChecklistInputValidator()
    {
        RuleFor(c => c.Indicators).NotNull().Must(i => i.Count is > 0 and <= AssessmentChecklist.MaxIndicators)
            .WithErrorCode("checklist.count").WithMessage($"A checklist has between 1 and {AssessmentChecklist.MaxIndicators} indicators.");
        RuleForEach(c => c.Indicators).ChildRules(indicator =>
        {
            indicator.RuleFor(i => i.TextKo).NotEmpty().WithErrorCode("checklist.text-required").WithMessage("Every indicator needs a text.")
                .MaximumLength(Indicator.TextMaxLength).WithErrorCode("common.too-long");
            indicator.RuleFor(i => i.TextEn).MaximumLength(Indicator.TextMaxLength).WithErrorCode("common.too-long");
            indicator.RuleFor(i => i.Levels).NotNull().Must(l => l.Count == Indicator.LevelCount)
                .WithErrorCode("checklist.levels").WithMessage("Describe each of the five levels.");
            indicator.RuleForEach(i => i.Levels).NotEmpty().WithErrorCode("checklist.levels").WithMessage("Describe each of the five levels.")
                .MaximumLength(Indicator.LevelMaxLength).WithErrorCode("common.too-long");
        });
    }
}
