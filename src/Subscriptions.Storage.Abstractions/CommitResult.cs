namespace Subscriptions.Storage;

/// <summary>What a commit did: the version of each appended stream after it.</summary>
public sealed class CommitResult
{
    /// <summary>Initializes a new instance of the <see cref="CommitResult"/> class (for adapters).</summary>
    /// <param name="streamVersions">The stream versions after the commit, one per append, in append order.</param>
    /// <param name="isReplay">Whether every append was already stored, so nothing was written.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="streamVersions"/> is null.</exception>
    public CommitResult(IReadOnlyList<long> streamVersions, bool isReplay)
    {
        ArgumentNullException.ThrowIfNull(streamVersions);
        StreamVersions = streamVersions;
        IsReplay = isReplay;
    }

    /// <summary>Gets the version of each appended stream after the commit, in append order.</summary>
    /// <remarks>For a no-op append (a replay) this is the stream's current version.</remarks>
    public IReadOnlyList<long> StreamVersions { get; }

    /// <summary>Gets a value indicating whether the commit was a replay: it had appends, all already stored, so nothing was written.</summary>
    public bool IsReplay { get; }
}
