namespace Subscriptions.Storage;

/// <summary>Keyed due instants handed out to workers under leases (next billing of a subscription, a dunning retry).</summary>
/// <remarks>
/// <para>
/// Keys are set and removed by commits (<see cref="ScheduleChange"/>). A key is claimable when its due instant is
/// at or before <c>now</c> and it has no lease, or its lease has expired (at or before <c>now</c>). A claim leases
/// the key to one owner until <c>now + lease</c>: no other owner can claim it before then, so two workers never
/// hold the same key at once. A crashed worker's lease simply expires.
/// </para>
/// <para>
/// The methods that act on a claimed key succeed (return <see langword="true"/>) only for the owner of the
/// key's last lease, even if that lease has expired, as long as nobody else claimed the key since.
/// Instants are compared exactly; they are passed in by the caller (the store never reads a clock).
/// </para>
/// </remarks>
public interface ISchedule
{
    /// <summary>Claims up to <paramref name="max"/> due keys, earliest due first, under a lease for <paramref name="owner"/>.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="max">The most keys to claim.</param>
    /// <param name="owner">The claiming worker's id.</param>
    /// <param name="lease">How long the lease lasts.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The claimed keys, with their lease; empty when nothing is due.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="owner"/> is null, blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    Task<IReadOnlyList<ScheduleEntry>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Removes a claimed key from the schedule.</summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The owner of the key's lease.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the key was removed; <see langword="false"/> when <paramref name="owner"/> no longer holds it.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> or <paramref name="owner"/> is null, blank or too long.</exception>
    Task<bool> CompleteAsync(string key, string owner, CancellationToken cancellationToken);

    /// <summary>Sets a new due instant for a claimed key and ends the lease.</summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The owner of the key's lease.</param>
    /// <param name="due">The new due instant.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the key was rescheduled; <see langword="false"/> when <paramref name="owner"/> no longer holds it.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> or <paramref name="owner"/> is null, blank or too long.</exception>
    Task<bool> RescheduleAsync(string key, string owner, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Ends the lease on a claimed key without changing its due instant, so that it can be claimed again at once.</summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The owner of the key's lease.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the lease was released; <see langword="false"/> when <paramref name="owner"/> no longer holds it.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> or <paramref name="owner"/> is null, blank or too long.</exception>
    Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken);

    /// <summary>Gets a key's entry, or <see langword="null"/> when the key is not scheduled.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The entry, or null.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="key"/> is null, blank or too long.</exception>
    Task<ScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken);
}
