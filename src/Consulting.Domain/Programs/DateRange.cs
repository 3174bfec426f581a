using Consulting.Domain.Common;

namespace Consulting.Domain.Programs;

/// <summary>An inclusive span of calendar days.</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new DomainException("range.end-before-start", "The end date comes before the start date.");
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
