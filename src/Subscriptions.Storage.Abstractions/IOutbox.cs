namespace Subscriptions.Storage;

/// <summary>The transactional outbox: messages committed with events, claimed by dispatchers, delivered at least once.</summary>
/// <remarks>
/// A message is claimable while it is not done and has no unexpired lease (expiry at or before <c>now</c>).
/// Messages are claimed in commit order. Done messages are kept, never handed out again.
/// </remarks>
public interface IOutbox
{
    /// <summary>Claims up to <paramref name="max"/> pending messages, oldest first, under a lease for <paramref name="owner"/>.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="max">The most messages to claim.</param>
    /// <param name="owner">The dispatcher's id.</param>
    /// <param name="lease">How long the lease lasts.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The claimed messages; empty when there is none.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="owner"/> is null, blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="max"/> or <paramref name="lease"/> is not positive.</exception>
    Task<IReadOnlyList<OutboxEntry>> ClaimMessagesAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a message delivered, so that it is never handed out again.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the message was pending; <see langword="false"/> when it was already done or is unknown.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="messageId"/> is null, blank or too long.</exception>
    Task<bool> MarkDoneAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Ends the lease on a claimed message (a failed delivery), so that it can be claimed again at once.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="owner">The owner of the message's lease.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns><see langword="true"/> when the lease was released; <see langword="false"/> when <paramref name="owner"/> no longer holds it or it is done.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="messageId"/> or <paramref name="owner"/> is null, blank or too long.</exception>
    Task<bool> ReleaseMessageAsync(string messageId, string owner, CancellationToken cancellationToken);
}
