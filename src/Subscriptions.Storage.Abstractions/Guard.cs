namespace Subscriptions.Storage;

// Argument checks shared by the port's types and every adapter (linked into the adapter projects as source,
// so that the adapters validate exactly like the reference store without a public helper).
internal static class Guard
{
    internal static string Id(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Expected a non-empty, non-blank id.", paramName);
        }

        if (value.Length > StorageLimits.MaxIdLength)
        {
            throw new ArgumentException($"Expected at most {StorageLimits.MaxIdLength} characters, got {value.Length}.", paramName);
        }

        return value;
    }

    internal static void Claim(int max, string owner, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        Id(owner, nameof(owner));
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
