namespace Subscriptions.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private Task<CommitResult> Schedule(params ScheduleChange[] changes) => Store.CommitAsync(new Commit([], null, changes), None);

    [Fact]
    public async Task ClaimDue_BeforeDue_ReturnsNothing_AtDue_ReturnsKey()
    {
        await Schedule(ScheduleChange.Set("k-1", T0));

        Assert.Empty(await Store.ClaimDueAsync(T0.AddTicks(-1), 10, "w1", Lease, None));
        var claimed = Assert.Single(await Store.ClaimDueAsync(T0, 10, "w1", Lease, None));

        Assert.Equal("k-1", claimed.Key);
        Assert.Equal(T0, claimed.Due);
        Assert.Equal("w1", claimed.LeaseOwner);
        Assert.Equal(T0 + Lease, claimed.LeaseExpiresAt);
    }

    [Fact]
    public async Task ClaimDue_EarliestFirst_AndAtMostMax()
    {
        await Schedule(ScheduleChange.Set("c", T0.AddHours(3)), ScheduleChange.Set("a", T0.AddHours(1)), ScheduleChange.Set("b", T0.AddHours(2)), ScheduleChange.Set("later", T0.AddDays(9)));

        var claimed = await Store.ClaimDueAsync(T0.AddDays(1), 2, "w1", Lease, None);

        Assert.Equal(["a", "b"], claimed.Select(c => c.Key));
        Assert.Equal(["c"], (await Store.ClaimDueAsync(T0.AddDays(1), 10, "w2", Lease, None)).Select(c => c.Key));
    }

    [Fact]
    public async Task ClaimDue_LeasedKey_IsNotHandedToAnotherOwnerUntilExpiry()
    {
        await Schedule(ScheduleChange.Set("k-1", T0));
        await Store.ClaimDueAsync(T0, 10, "w1", Lease, None);

        Assert.Empty(await Store.ClaimDueAsync(T0 + Lease - TimeSpan.FromTicks(10), 10, "w2", Lease, None));
        var reclaimed = Assert.Single(await Store.ClaimDueAsync(T0 + Lease, 10, "w2", Lease, None));

        Assert.Equal("w2", reclaimed.LeaseOwner);
        Assert.False(await Store.CompleteAsync("k-1", "w1", None));
        Assert.True(await Store.CompleteAsync("k-1", "w2", None));
        Assert.Null(await Store.GetScheduleEntryAsync("k-1", None));
    }

    [Fact]
    public async Task Complete_ByOwnerOfExpiredButUnclaimedLease_Succeeds()
    {
        await Schedule(ScheduleChange.Set("k-1", T0));
        await Store.ClaimDueAsync(T0, 10, "w1", Lease, None);

        Assert.True(await Store.CompleteAsync("k-1", "w1", None));
        Assert.Empty(await Store.ClaimDueAsync(T0.AddDays(1), 10, "w2", Lease, None));
    }

    [Fact]
    public async Task Release_MakesKeyClaimableAtOnce_KeepingItsDue()
    {
        await Schedule(ScheduleChange.Set("k-1", T0));
        await Store.ClaimDueAsync(T0, 10, "w1", Lease, None);

        Assert.False(await Store.ReleaseAsync("k-1", "w2", None));
        Assert.True(await Store.ReleaseAsync("k-1", "w1", None));

        var entry = await Store.GetScheduleEntryAsync("k-1", None);
        Assert.Equal(T0, entry!.Due);
        Assert.Null(entry.LeaseOwner);
        Assert.Null(entry.LeaseExpiresAt);
        Assert.Single(await Store.ClaimDueAsync(T0, 10, "w2", Lease, None));
    }

    [Fact]
    public async Task Reschedule_SetsNewDueAndEndsLease()
    {
        await Schedule(ScheduleChange.Set("k-1", T0));
        await Store.ClaimDueAsync(T0, 10, "w1", Lease, None);

        Assert.False(await Store.RescheduleAsync("k-1", "w2", T0.AddMonths(1), None));
        Assert.True(await Store.RescheduleAsync("k-1", "w1", T0.AddMonths(1), None));

        Assert.Empty(await Store.ClaimDueAsync(T0.AddDays(1), 10, "w2", Lease, None));
        Assert.Single(await Store.ClaimDueAsync(T0.AddMonths(1), 10, "w2", Lease, None));
    }

    [Fact]
    public async Task CompleteRescheduleRelease_UnknownKey_ReturnFalse()
    {
        Assert.False(await Store.CompleteAsync("nope", "w", None));
        Assert.False(await Store.RescheduleAsync("nope", "w", T0, None));
        Assert.False(await Store.ReleaseAsync("nope", "w", None));
        Assert.Null(await Store.GetScheduleEntryAsync("nope", None));
    }

    [Fact]
    public async Task ScheduleChange_InCommit_ReplacesDueAndClearsLease_RemoveDeletes()
    {
        await Schedule(ScheduleChange.Set("k-1", T0), ScheduleChange.Set("k-2", T0));
        await Store.ClaimDueAsync(T0, 10, "w1", Lease, None);

        await Store.CommitAsync(new Commit([new StreamAppend("s", 0, Event("billed"))], null, [ScheduleChange.Set("k-1", T0.AddMonths(1)), ScheduleChange.Remove("k-2")]), None);

        var entry = await Store.GetScheduleEntryAsync("k-1", None);
        Assert.Equal(T0.AddMonths(1), entry!.Due);
        Assert.Null(entry.LeaseOwner);
        Assert.Null(await Store.GetScheduleEntryAsync("k-2", None));
        Assert.False(await Store.CompleteAsync("k-1", "w1", None));
        await Schedule(ScheduleChange.Remove("never-there"));
    }

    [Fact]
    public async Task ClaimDue_InstantsWithOffsets_AreComparedAsUtc()
    {
        var dueInParis = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.FromHours(1));
        await Schedule(ScheduleChange.Set("k-1", dueInParis));

        var claimed = Assert.Single(await Store.ClaimDueAsync(T0, 10, "w", Lease, None));

        Assert.Equal(T0, claimed.Due);
        Assert.Equal(TimeSpan.Zero, claimed.Due.Offset);
    }

    [Fact]
    public async Task ClaimDue_BadArguments_ThrowArgumentErrors()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimDueAsync(T0, 0, "w", Lease, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimDueAsync(T0, 1, "w", TimeSpan.Zero, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ClaimDueAsync(T0, 1, "", Lease, None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.ClaimDueAsync(T0, 1, null!, Lease, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CompleteAsync("", "w", None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReleaseAsync("k", " ", None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RescheduleAsync("k", "", T0, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetScheduleEntryAsync("", None));
    }
}
