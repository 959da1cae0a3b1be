namespace Subscriptions.Storage;

/// <summary>A key in the schedule: when it is due and who holds it, if anyone.</summary>
public sealed class ScheduleEntry
{
    /// <summary>Initializes a new instance of the <see cref="ScheduleEntry"/> class (for adapters).</summary>
    /// <param name="key">The schedule key.</param>
    /// <param name="due">The instant from which the key may be claimed.</param>
    /// <param name="leaseOwner">The owner of the current lease, or null.</param>
    /// <param name="leaseExpiresAt">When the current lease expires, or null.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is null.</exception>
    public ScheduleEntry(string key, DateTimeOffset due, string? leaseOwner, DateTimeOffset? leaseExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Due = due;
        LeaseOwner = leaseOwner;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>Gets the schedule key.</summary>
    public string Key { get; }

    /// <summary>Gets the instant (UTC) from which the key may be claimed.</summary>
    public DateTimeOffset Due { get; }

    /// <summary>Gets the owner of the last lease, or <see langword="null"/> when the key was never claimed or was released.</summary>
    /// <remarks>A lease whose <see cref="LeaseExpiresAt"/> has passed no longer protects the key, although its owner is still shown.</remarks>
    public string? LeaseOwner { get; }

    /// <summary>Gets the instant (UTC) when the lease expires, or <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; }
}
