namespace Subscriptions.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Commit_NewStream_NumbersEventsFromOne()
    {
        var result = await Store.CommitAsync(Append("s-1", 0, Event("a"), Event("b"), Event("c")), None);

        Assert.Equal([3L], result.StreamVersions);
        Assert.False(result.IsReplay);
        var events = await ReadStream("s-1");
        Assert.Equal(["a", "b", "c"], events.Select(e => e.EventId));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal("s-1", e.StreamId));
        Assert.Equal(3, await Store.GetStreamVersionAsync("s-1", None));
    }

    [Fact]
    public async Task Commit_RightExpectedVersion_Continues()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a")), None);

        var result = await Store.CommitAsync(Append("s-1", 1, Event("b"), Event("c")), None);

        Assert.Equal([3L], result.StreamVersions);
        Assert.Equal([1L, 2L, 3L], (await ReadStream("s-1")).Select(e => e.Version));
    }

    [Fact]
    public async Task Commit_PayloadTypeAndMetadata_RoundTripExactly()
    {
        var payload = "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"note\":\"caf\u00e9 \u20ac\"}";
        await Store.CommitAsync(Append("s-1", 0, Event("a", payload, "invoice.posted", "{\"by\":\"run-7\"}"), Event("b", "{}", "x")), None);

        var events = await ReadStream("s-1");

        Assert.Equal(payload, Text(events[0].Payload));
        Assert.Equal("invoice.posted", events[0].Type);
        Assert.Equal("{\"by\":\"run-7\"}", Text(events[0].Metadata));
        Assert.Equal(0, events[1].Metadata.Length);
    }

    [Fact]
    public async Task Commit_WrongExpectedVersion_ThrowsConflictNamingStreamAndBothVersions()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a"), Event("b")), None);

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => Store.CommitAsync(Append("s-1", 1, Event("c")), None));

        Assert.Equal("s-1", error.StreamId);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.Equal("storage.wrong_expected_version", error.ErrorCode);
        Assert.Contains("s-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await Store.GetStreamVersionAsync("s-1", None));
    }

    [Fact]
    public async Task Commit_NewStreamExpectedAboveZero_ThrowsConflict()
    {
        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => Store.CommitAsync(Append("s-new", 3, Event("a")), None));

        Assert.Equal(0, error.ActualVersion);
        Assert.Empty(await ReadStream("s-new"));
    }

    [Fact]
    public async Task Commit_OneStreamConflictsAmongSeveral_WritesNothingAtAll()
    {
        await Store.CommitAsync(Append("s-2", 0, Event("x")), None);
        var commit = new Commit(
            [new StreamAppend("s-1", 0, Event("a")), new StreamAppend("s-2", 0, Event("y"))],
            [new OutboxMessage("m-1", "email", Json("{}"))],
            [ScheduleChange.Set("k-1", T0)]);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.CommitAsync(commit, None));

        Assert.Equal(0, await Store.GetStreamVersionAsync("s-1", None));
        Assert.Single(await ReadAll());
        Assert.Empty(await Store.ClaimMessagesAsync(T0, 10, "w", TimeSpan.FromMinutes(1), None));
        Assert.Null(await Store.GetScheduleEntryAsync("k-1", None));
    }

    [Fact]
    public async Task Commit_MultiStreamWithOutboxAndSchedule_AppliesEverything()
    {
        var commit = new Commit(
            [new StreamAppend("s-1", 0, Event("a")), new StreamAppend("s-2", 0, Event("b"), Event("c"))],
            [new OutboxMessage("m-1", "email", Json("{\"to\":\"a@b.c\"}"))],
            [ScheduleChange.Set("k-1", T0)]);

        var result = await Store.CommitAsync(commit, None);

        Assert.Equal([1L, 2L], result.StreamVersions);
        Assert.Equal(3, (await ReadAll()).Count);
        var message = Assert.Single(await Store.ClaimMessagesAsync(T0, 10, "w", TimeSpan.FromMinutes(1), None));
        Assert.Equal("{\"to\":\"a@b.c\"}", Text(message.Payload));
        Assert.Equal(T0, (await Store.GetScheduleEntryAsync("k-1", None))!.Due);
    }

    [Fact]
    public async Task Commit_SameEventIdAndPayload_IsNoOpSuccess()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a", "{\"n\":1}"), Event("b")), None);

        var result = await Store.CommitAsync(Append("s-1", 0, Event("a", "{\"n\":1}"), Event("b")), None);

        Assert.True(result.IsReplay);
        Assert.Equal([2L], result.StreamVersions);
        Assert.Equal(2, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Commit_Replay_DoesNotReapplyOutboxOrSchedule()
    {
        Commit Make(DateTimeOffset due) => new(
            [new StreamAppend("s-1", 0, Event("a"))],
            [new OutboxMessage("m-1", "email", Json("{}"))],
            [ScheduleChange.Set("k-1", due)]);
        await Store.CommitAsync(Make(T0), None);
        var claimed = await Store.ClaimDueAsync(T0, 10, "w", TimeSpan.FromMinutes(5), None);
        Assert.Single(claimed);

        var result = await Store.CommitAsync(Make(T0.AddDays(1)), None);

        Assert.True(result.IsReplay);
        var entry = await Store.GetScheduleEntryAsync("k-1", None);
        Assert.Equal(T0, entry!.Due);
        Assert.Equal("w", entry.LeaseOwner);
    }

    [Fact]
    public async Task Commit_SameEventIdDifferentPayload_ThrowsEventIdConflictAndWritesNothing()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a", "{\"n\":1}")), None);
        var commit = new Commit(new StreamAppend("s-0", 0, Event("z")), new StreamAppend("s-1", 1, Event("b"), Event("a", "{\"n\":2}")));

        var error = await Assert.ThrowsAsync<EventIdConflictException>(() => Store.CommitAsync(commit, None));

        Assert.Equal("s-1", error.StreamId);
        Assert.Equal("a", error.EventId);
        Assert.Equal("storage.event_id_conflict", error.ErrorCode);
        Assert.Single(await ReadAll());
    }

    [Fact]
    public async Task Commit_SameEventIdDifferentType_ThrowsEventIdConflict()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a", "{}", "one")), None);

        await Assert.ThrowsAsync<EventIdConflictException>(() => Store.CommitAsync(Append("s-1", 0, Event("a", "{}", "two")), None));
    }

    [Fact]
    public async Task Commit_SameEventIdInAnotherStream_IsANewEvent()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a")), None);

        await Store.CommitAsync(Append("s-2", 0, Event("a", "{\"other\":true}")), None);

        Assert.Equal(2, (await ReadAll()).Count);
    }

    [Fact]
    public async Task Commit_ReplayWithStaleExpectedVersion_IsNoOp()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a")), None);
        await Store.CommitAsync(Append("s-1", 1, Event("b")), None);

        var result = await Store.CommitAsync(Append("s-1", 0, Event("a")), None);

        Assert.True(result.IsReplay);
        Assert.Equal([2L], result.StreamVersions);
    }

    [Fact]
    public async Task Commit_PartlyStoredEvents_AppendsOnlyTheNewOnes()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a"), Event("b")), None);

        var result = await Store.CommitAsync(Append("s-1", 2, Event("b"), Event("c")), None);

        Assert.False(result.IsReplay);
        Assert.Equal([3L], result.StreamVersions);
        Assert.Equal(["a", "b", "c"], (await ReadStream("s-1")).Select(e => e.EventId));
    }

    [Fact]
    public async Task Commit_LongAppendWithSomeStoredEvents_AppendsOnlyTheNewOnesInOrder()
    {
        EventData[] Range(int from, int to) => Enumerable.Range(from, to - from).Select(i => Event($"e{i}", $"{{\"i\":{i}}}")).ToArray();
        await Store.CommitAsync(Append("s-1", 0, Range(0, 10)), None);

        var result = await Store.CommitAsync(Append("s-1", 10, Range(5, 25)), None);
        var replay = await Store.CommitAsync(Append("s-1", 0, Range(0, 25)), None);

        Assert.Equal([25L], result.StreamVersions);
        Assert.True(replay.IsReplay);
        var events = await ReadStream("s-1");
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"e{i}"), events.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), events.Select(e => e.Version));
    }

    [Fact]
    public async Task Commit_PartlyStoredEventsWithStaleVersion_ThrowsConflict()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a"), Event("b")), None);

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => Store.CommitAsync(Append("s-1", 1, Event("b"), Event("c")), None));

        Assert.Equal(2, error.ActualVersion);
    }

    [Fact]
    public async Task CommitBatch_ChainsExpectedVersionsAcrossCommits()
    {
        var results = await Store.CommitBatchAsync(
            [Append("s-1", 0, Event("a")), Append("s-1", 1, Event("b")), Append("s-2", 0, Event("c"))], None);

        Assert.Equal([1L, 2L, 1L], results.Select(r => r.StreamVersions[0]));
        Assert.Equal(["a", "b", "c"], (await ReadAll()).Select(e => e.EventId));
    }

    [Fact]
    public async Task CommitBatch_LastCommitFails_WritesNothingOfTheBatch()
    {
        await Store.CommitAsync(Append("s-9", 0, Event("x")), None);
        Commit[] batch =
        [
            new([new StreamAppend("s-1", 0, Event("a"))], [new OutboxMessage("m-1", "t", Json("{}"))], [ScheduleChange.Set("k", T0)]),
            Append("s-1", 1, Event("b")),
            Append("s-9", 0, Event("y")),
        ];

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.CommitBatchAsync(batch, None));

        Assert.Single(await ReadAll());
        Assert.Null(await Store.GetScheduleEntryAsync("k", None));
        Assert.Empty(await Store.ClaimMessagesAsync(T0, 10, "w", TimeSpan.FromMinutes(1), None));
    }

    [Fact]
    public async Task CommitBatch_ManyDistinctStreams_KeepsCommitOrderInVersionsFeedAndOutbox()
    {
        for (var s = 0; s < 10; s++)
        {
            await Store.CommitAsync(Append($"s-{s}", 0, Event($"x{s}")), None);
        }

        // Every fourth commit continues an existing stream, the others start one; each has two events and a message.
        var batch = Enumerable.Range(0, 40).Select(i => new Commit(
            [new StreamAppend(i % 4 == 1 ? $"s-{i / 4}" : $"b-{i}", i % 4 == 1 ? 1 : 0, Event($"e{i}a"), Event($"e{i}b"))],
            [new OutboxMessage($"m{i}", "t", Json($"{{\"n\":{i}}}"))])).ToArray();

        var results = await Store.CommitBatchAsync(batch, None);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i % 4 == 1 ? 3L : 2L), results.Select(r => r.StreamVersions[0]));
        Assert.All(results, r => Assert.False(r.IsReplay));
        Assert.Equal(Enumerable.Range(0, 40).SelectMany(i => new[] { $"e{i}a", $"e{i}b" }), (await ReadAll()).Skip(10).Select(e => e.EventId));
        Assert.Equal(["x2", "e9a", "e9b"], (await ReadStream("s-2")).Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m{i}"), (await Store.ClaimMessagesAsync(T0, 100, "w", TimeSpan.FromMinutes(1), None)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task CommitBatch_OneStaleStreamAmongMany_ThrowsNamingItAndWritesNothing()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("x"), Event("y")), None);
        var batch = Enumerable.Range(0, 20).Select(i => i == 13 ? Append("s-1", 1, Event("late")) : Append($"b-{i}", 0, Event($"e{i}"))).ToArray();

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.CommitBatchAsync(batch, None));

        Assert.Equal("s-1", error.StreamId);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.Equal(2, (await ReadAll()).Count);
        Assert.Equal(0, await Store.GetStreamVersionAsync("b-0", None));
    }

    [Fact]
    public async Task CommitBatch_SameBatchTwice_SecondIsAReplayOfEveryCommit()
    {
        var batch = Enumerable.Range(0, 25).Select(i => Append($"b-{i}", 0, Event($"e{i}"))).ToArray();
        await Store.CommitBatchAsync(batch, None);

        var again = await Store.CommitBatchAsync(batch, None);

        Assert.All(again, r => Assert.True(r.IsReplay));
        Assert.Equal(25, (await ReadAll()).Count);
    }

    [Fact]
    public async Task CommitBatch_SameEventTwiceInBatch_SecondIsNoOp()
    {
        var results = await Store.CommitBatchAsync([Append("s-1", 0, Event("a")), Append("s-1", 0, Event("a"))], None);

        Assert.False(results[0].IsReplay);
        Assert.True(results[1].IsReplay);
        Assert.Single(await ReadAll());
    }

    [Fact]
    public async Task Commit_CancelledToken_WritesNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.CommitAsync(Append("s-1", 0, Event("a")), cts.Token));

        Assert.Equal(0, await Store.GetStreamVersionAsync("s-1", None));
    }

    [Fact]
    public async Task ReadStream_AfterVersion_ReturnsOnlyLaterEvents()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a"), Event("b"), Event("c")), None);

        Assert.Equal(["b", "c"], (await ReadStream("s-1", 1)).Select(e => e.EventId));
        Assert.Empty(await ReadStream("s-1", 3));
        Assert.Empty(await ReadStream("s-1", 10));
        Assert.Empty(await ReadStream("missing"));
    }

    [Fact]
    public async Task ReadStream_LongStream_ReadsEverythingInOrderAcrossBatches()
    {
        var commits = Enumerable.Range(0, 12).Select(c => Append("long", c * 100, Enumerable.Range(0, 100).Select(i => Event($"e{(c * 100) + i}")).ToArray())).ToArray();
        await Store.CommitBatchAsync(commits, None);

        var events = await ReadStream("long");

        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), events.Select(e => e.Version));
        Assert.Equal("e1199", events[^1].EventId);
    }

    [Fact]
    public async Task ReadAll_FollowsCommitOrderAcrossStreams()
    {
        await Store.CommitAsync(Append("s-1", 0, Event("a")), None);
        await Store.CommitAsync(new Commit(new StreamAppend("s-2", 0, Event("b")), new StreamAppend("s-1", 1, Event("c"))), None);
        await Store.CommitAsync(Append("s-3", 0, Event("d")), None);

        var all = await ReadAll();

        Assert.Equal(["a", "b", "c", "d"], all.Select(e => e.EventId));
        Assert.Equal(["s-1", "s-2", "s-1", "s-3"], all.Select(e => e.StreamId));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position), "positions grow in commit order");
    }

    [Fact]
    public async Task ReadAll_FromCheckpointInSmallBatches_ResumesAfterIt()
    {
        for (var i = 0; i < 25; i++)
        {
            await Store.CommitAsync(Append($"s-{i}", 0, Event($"e{i}")), None);
        }

        var all = await ReadAll(0, 4);
        var tail = await ReadAll(all[9].Position, 3);

        Assert.Equal(25, all.Count);
        Assert.Equal(all.Skip(10).Select(e => e.EventId), tail.Select(e => e.EventId));
        Assert.Empty(await ReadAll(all[^1].Position));
    }

    [Fact]
    public async Task ReadStream_BadArguments_ThrowEagerlyBeforeEnumeration()
    {
        Assert.Throws<ArgumentException>(() => Store.ReadStreamAsync("", 0, None));
        Assert.Throws<ArgumentNullException>(() => Store.ReadStreamAsync(null!, 0, None));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ReadStreamAsync("s", -1, None));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ReadAllAsync(-1, 10, None));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ReadAllAsync(0, 0, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetStreamVersionAsync(" ", None));
    }

    [Fact]
    public async Task CommitBatch_EmptyOrNull_ThrowsArgumentErrors()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitBatchAsync([], None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.CommitBatchAsync(null!, None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.CommitAsync(null!, None));
    }
}
