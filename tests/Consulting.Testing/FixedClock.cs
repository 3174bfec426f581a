namespace Consulting.Testing;

/// <summary>A clock that says what the test wants it to say.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Noon in Seoul on the given day.</summary>
    public static FixedClock At(DateOnly seoulDay) => new(new DateTimeOffset(seoulDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(9)));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
