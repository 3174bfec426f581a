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
