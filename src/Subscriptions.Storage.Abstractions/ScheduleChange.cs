namespace Subscriptions.Storage;

/// <summary>A change to the schedule made in a commit: set a key's due instant, or remove the key.</summary>
/// <remarks>
/// A change replaces whatever the key had, including a lease: the commit that bills a subscription sets its
/// next due instant and so hands the key back to the schedule in the same transaction.
/// </remarks>
public sealed class ScheduleChange
{
    private ScheduleChange(string key, DateTimeOffset? due)
    {
        Key = Guard.Id(key, nameof(key));
        Due = due?.ToUniversalTime();
    }

    /// <summary>Gets the schedule key.</summary>
    public string Key { get; }

    /// <summary>Gets the new due instant (UTC), or <see langword="null"/> when the change removes the key.</summary>
    public DateTimeOffset? Due { get; }

    /// <summary>Creates a change that sets (adds or replaces) the key's due instant and clears any lease.</summary>
    /// <param name="key">The schedule key, such as <c>billing-S42</c>.</param>
    /// <param name="due">The instant from which the key may be claimed.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> is blank or too long.</exception>
    public static ScheduleChange Set(string key, DateTimeOffset due) => new(key, due);

    /// <summary>Creates a change that removes the key from the schedule (a no-op when it is absent).</summary>
    /// <param name="key">The schedule key.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> is blank or too long.</exception>
    public static ScheduleChange Remove(string key) => new(key, null);
}
