namespace Subscriptions.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private Task<CommitResult> Enqueue(params OutboxMessage[] messages) => Store.CommitAsync(new Commit([], messages), None);

    private static OutboxMessage Message(string id, string payload = "{}") => new(id, "email", Json(payload));

    [Fact]
    public async Task ClaimMessages_InCommitOrder_WithAttemptsAndLease()
    {
        await Enqueue(Message("m-2"), Message("m-1"));
        await Enqueue(Message("m-0", "{\"x\":1}"));

        var claimed = await Store.ClaimMessagesAsync(T0, 10, "d1", Lease, None);

        Assert.Equal(["m-2", "m-1", "m-0"], claimed.Select(m => m.MessageId));
        Assert.All(claimed, m => Assert.Equal(1, m.Attempts));
        Assert.All(claimed, m => Assert.Equal(T0 + Lease, m.LeaseExpiresAt));
        Assert.Equal("email", claimed[2].Type);
        Assert.Equal("{\"x\":1}", Text(claimed[2].Payload));
    }

    [Fact]
    public async Task ClaimMessages_Leased_NotHandedOutAgainUntilExpiry_ThenRedelivered()
    {
        await Enqueue(Message("m-1"), Message("m-2"));
        Assert.Single(await Store.ClaimMessagesAsync(T0, 1, "d1", Lease, None));

        var second = Assert.Single(await Store.ClaimMessagesAsync(T0, 10, "d2", Lease, None));
        Assert.Equal("m-2", second.MessageId);
        Assert.Empty(await Store.ClaimMessagesAsync(T0.AddMinutes(1), 10, "d3", Lease, None));

        var redelivered = await Store.ClaimMessagesAsync(T0 + Lease, 10, "d3", Lease, None);
        Assert.Equal(["m-1", "m-2"], redelivered.Select(m => m.MessageId));
        Assert.All(redelivered, m => Assert.Equal(2, m.Attempts));
    }

    [Fact]
    public async Task MarkDone_NeverHandedOutAgain()
    {
        await Enqueue(Message("m-1"), Message("m-2"));
        await Store.ClaimMessagesAsync(T0, 10, "d1", Lease, None);

        Assert.True(await Store.MarkDoneAsync("m-1", None));
        Assert.False(await Store.MarkDoneAsync("m-1", None));
        Assert.False(await Store.MarkDoneAsync("unknown", None));

        var later = await Store.ClaimMessagesAsync(T0.AddDays(1), 10, "d2", Lease, None);
        Assert.Equal(["m-2"], later.Select(m => m.MessageId));
    }

    [Fact]
    public async Task ReleaseMessage_ByOwner_MakesItClaimableAtOnce()
    {
        await Enqueue(Message("m-1"));
        await Store.ClaimMessagesAsync(T0, 10, "d1", Lease, None);

        Assert.False(await Store.ReleaseMessageAsync("m-1", "d2", None));
        Assert.True(await Store.ReleaseMessageAsync("m-1", "d1", None));

        var again = Assert.Single(await Store.ClaimMessagesAsync(T0, 10, "d2", Lease, None));
        Assert.Equal(2, again.Attempts);
        await Store.MarkDoneAsync("m-1", None);
        Assert.False(await Store.ReleaseMessageAsync("m-1", "d2", None));
    }

    [Fact]
    public async Task Commit_SameMessageIdAndPayload_IsNoOp()
    {
        await Enqueue(Message("m-1", "{\"a\":1}"));
        await Enqueue(Message("m-1", "{\"a\":1}"));

        Assert.Single(await Store.ClaimMessagesAsync(T0, 10, "d", Lease, None));
    }

    [Fact]
    public async Task Commit_SameMessageIdDifferentPayload_ThrowsAndWritesNothing()
    {
        await Enqueue(Message("m-1", "{\"a\":1}"));
        var commit = new Commit([new StreamAppend("s-1", 0, Event("a"))], [Message("m-0"), Message("m-1", "{\"a\":2}")]);

        var error = await Assert.ThrowsAsync<MessageIdConflictException>(() => Store.CommitAsync(commit, None));

        Assert.Equal("m-1", error.MessageId);
        Assert.Equal("storage.message_id_conflict", error.ErrorCode);
        Assert.Equal(0, await Store.GetStreamVersionAsync("s-1", None));
        Assert.Equal(["m-1"], (await Store.ClaimMessagesAsync(T0, 10, "d", Lease, None)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task ClaimMessages_BadArguments_ThrowArgumentErrors()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimMessagesAsync(T0, -1, "d", Lease, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimMessagesAsync(T0, 1, "d", TimeSpan.FromTicks(-1), None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ClaimMessagesAsync(T0, 1, "", Lease, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.MarkDoneAsync("", None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReleaseMessageAsync("m", "", None));
    }
}
