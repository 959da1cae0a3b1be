using NodaTime;

namespace Subscriptions.Testing;

/// <summary>A clock the test sets and advances (NodaTime.Testing is absent from this feed).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private long _ticks = now.ToUnixTimeTicks();

    /// <summary>Gets or sets the current instant.</summary>
    public Instant Now
    {
        get => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));
        set => Interlocked.Exchange(ref _ticks, value.ToUnixTimeTicks());
    }

    /// <summary>Returns a clock at midday UTC of a date.</summary>
    public static FakeClock At(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 12, 0));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(Duration duration) => Now += duration;

    /// <summary>Moves the clock to midday UTC of a date.</summary>
    public void SetDate(int year, int month, int day) => Now = Instant.FromUtc(year, month, day, 12, 0);
}
