using System.Collections.Concurrent;

namespace Subscriptions.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Commit_EightConcurrentWritersOnOneStream_ExactlyOneWins()
    {
        await Store.CommitAsync(Append("contended", 0, Event("seed")), None);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Store.CommitAsync(Append("contended", 1, Event($"w{w}-a"), Event($"w{w}-b")), None);
                return w;
            }
            catch (StreamVersionConflictException error)
            {
                Assert.Equal("contended", error.StreamId);
                Assert.Equal(1, error.ExpectedVersion);
                Assert.Equal(3, error.ActualVersion);
                return -1;
            }
        })).ToArray();
        start.Set();

        var outcomes = await Task.WhenAll(tasks);

        var winner = Assert.Single(outcomes, o => o >= 0);
        var events = await ReadStream("contended");
        Assert.Equal(["seed", $"w{winner}-a", $"w{winner}-b"], events.Select(e => e.EventId));
    }

    [Fact]
    public async Task ClaimDue_EightConcurrentClaimersOverTenThousandKeys_EachKeyOnceNoneLost()
    {
        const int keys = 10_000;
        var commits = Enumerable.Range(0, keys / 1000)
            .Select(c => new Commit([], null, Enumerable.Range(c * 1000, 1000).Select(i => ScheduleChange.Set($"key-{i:D5}", T0.AddSeconds(-i)))))
            .ToArray();
        await Store.CommitBatchAsync(commits, None);
        var handedOut = new ConcurrentBag<(string Key, string Owner)>();

        var claimers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var owner = $"worker-{w}";
            while (true)
            {
                var batch = await Store.ClaimDueAsync(T0, 97, owner, TimeSpan.FromHours(1), None);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var entry in batch)
                {
                    Assert.Equal(owner, entry.LeaseOwner);
                    handedOut.Add((entry.Key, owner));
                }
            }
        })).ToArray();
        await Task.WhenAll(claimers);

        var all = handedOut.ToArray();
        Assert.Equal(keys, all.Length);
        Assert.Equal(keys, all.Select(h => h.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(await Store.ClaimDueAsync(T0, 10, "late", TimeSpan.FromHours(1), None));
        var sample = all[1234];
        Assert.Equal(sample.Owner, (await Store.GetScheduleEntryAsync(sample.Key, None))!.LeaseOwner);

        // After the leases expire every key is handed out again, exactly once.
        var again = new List<string>();
        IReadOnlyList<ScheduleEntry> next;
        while ((next = await Store.ClaimDueAsync(T0.AddHours(1), 1000, "second-round", TimeSpan.FromHours(1), None)).Count > 0)
        {
            again.AddRange(next.Select(e => e.Key));
        }

        Assert.Equal(keys, again.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys, again.Count);
    }

    [Fact]
    public async Task ClaimMessages_FourConcurrentDispatchers_EachMessageOnce()
    {
        await Store.CommitAsync(new Commit([], Enumerable.Range(0, 2000).Select(i => new OutboxMessage($"m-{i}", "t", Json("{}")))), None);
        var handedOut = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            IReadOnlyList<OutboxEntry> batch;
            while ((batch = await Store.ClaimMessagesAsync(T0, 50, $"d{w}", TimeSpan.FromHours(1), None)).Count > 0)
            {
                foreach (var m in batch)
                {
                    handedOut.Add(m.MessageId);
                }
            }
        })));

        Assert.Equal(2000, handedOut.Count);
        Assert.Equal(2000, handedOut.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Commit_ConcurrentWritersOnDistinctStreams_AllSucceedAndFeedIsComplete()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await Store.CommitAsync(Append($"w-{w}", i, Event($"e-{i}")), None);
            }
        })));

        var all = await ReadAll(0, 50);

        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Select(e => e.Position).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        foreach (var stream in all.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), stream.Select(e => e.Version));
        }
    }
}
