namespace Subscriptions.Storage;

internal static class Guard
{
    internal static void Claim(int max, string owner, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        StorageLimits.CheckId(owner, nameof(owner));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }

    internal static void Commits(IReadOnlyList<Commit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            throw new ArgumentException("Expected at least one commit.", nameof(commits));
        }

        foreach (var commit in commits)
        {
            if (commit is null)
            {
                throw new ArgumentNullException(nameof(commits), "Expected no null commit.");
            }
        }
    }

    internal static void Read(long after, int batchSize, string afterName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after, afterName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
    }
}
