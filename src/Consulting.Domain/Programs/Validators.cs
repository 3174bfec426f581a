using FluentValidation;

namespace Consulting.Domain.Programs;

public sealed class ProgramListQueryValidator : AbstractValidator<ProgramListQuery>
{
    public ProgramListQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(ProgramListQuery.SearchMaxLength);
        RuleFor(q => q.Year).InclusiveBetween(ConsultingProgram.MinYear, ConsultingProgram.MaxYear);
    }
}

/// <summary>The shape of the programme form; the entity checks the same rules again when it is changed.</summary>
public sealed class ProgramInputValidator : AbstractValidator<ProgramInput>
{
    public ProgramInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithErrorCode("program.name-required")
            .MaximumLength(ConsultingProgram.NameMaxLength).WithErrorCode("common.too-long");
        RuleFor(p => p.Kind).IsInEnum().WithErrorCode("program.kind-required");
        RuleFor(p => p.Year).InclusiveBetween(ConsultingProgram.MinYear, ConsultingProgram.MaxYear).WithErrorCode("program.year-range");
        RuleFor(p => p.ConsultingStart).NotNull().WithErrorCode("program.period-required");
        RuleFor(p => p.ConsultingEnd).NotNull().WithErrorCode("program.period-required")
            .GreaterThanOrEqualTo(p => p.ConsultingStart).When(p => p.ConsultingStart is not null).WithErrorCode("range.end-before-start");

        // A window is both dates or none; half a window would let agencies apply forever.
        RuleFor(p => p.RecruitmentEnd).NotNull().When(p => p.RecruitmentStart is not null).WithErrorCode("program.window-incomplete");
        RuleFor(p => p.RecruitmentStart).NotNull().When(p => p.RecruitmentEnd is not null).WithErrorCode("program.window-incomplete");
        RuleFor(p => p.RecruitmentEnd)
            .GreaterThanOrEqualTo(p => p.RecruitmentStart).When(p => p.RecruitmentStart is not null && p.RecruitmentEnd is not null)
            .WithErrorCode("range.end-before-start")
            .LessThan(p => p.ConsultingStart).When(p => p.RecruitmentEnd is not null && p.ConsultingStart is not null)
            .WithErrorCode("program.recruitment-after-start");
        RuleFor(p => p.TargetAgencyCount).GreaterThanOrEqualTo(1).When(p => p.TargetAgencyCount is not null).WithErrorCode("program.target-positive");
        RuleFor(p => p.Description).MaximumLength(ConsultingProgram.DescriptionMaxLength).WithErrorCode("common.too-long");
    }
}

public sealed class AreaInputValidator : AbstractValidator<AreaInput>
{
    public AreaInputValidator()
    {
        RuleFor(a => a.NameKo).NotEmpty().WithErrorCode("area.name-required")
            .MaximumLength(ProgramArea.NameMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.NameEn).NotEmpty().WithErrorCode("area.name-required")
            .MaximumLength(ProgramArea.NameMaxLength).WithErrorCode("common.too-long");
        RuleFor(a => a.PlannedVisits).InclusiveBetween(1, ProgramArea.MaxPlannedVisits).WithErrorCode("area.planned-visits-range");
        RuleFor(a => a.Topics).Must(t => t.Count <= ProgramArea.MaxTopics).WithErrorCode("area.topics-too-many");
        RuleForEach(a => a.Topics).MaximumLength(ProgramArea.TopicMaxLength).WithErrorCode("area.topics-too-many");
    }
}
