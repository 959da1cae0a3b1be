using NodaTime;

namespace Subscriptions.Sample.Console;

/// <summary>The sample's clock: it starts on a fixed day and the story moves it forward, so every run prints the same.</summary>
internal sealed class SampleClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public void Set(int year, int month, int day) => Now = Instant.FromUtc(year, month, day, 9, 0);
}
