namespace Subscriptions.Storage.Conformance;

// The request types reject bad input when they are built, before any store sees it; these tests pin that
// down once for all adapters, and the store-level checks live next to the operations they guard.
public abstract partial class StoreConformanceTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void StreamAppend_BlankStreamId_ThrowsArgumentException(string streamId)
    {
        var error = Assert.Throws<ArgumentException>(() => new StreamAppend(streamId, 0, Event("a")));
        Assert.Equal("streamId", error.ParamName);
    }

    [Fact]
    public void StreamAppend_NullOrTooLongStreamId_ThrowsArgumentErrors()
    {
        Assert.Throws<ArgumentNullException>(() => new StreamAppend(null!, 0, Event("a")));
        Assert.Throws<ArgumentException>(() => new StreamAppend(new string('s', StorageLimits.MaxIdLength + 1), 0, Event("a")));
    }

    [Fact]
    public void StreamAppend_NegativeExpectedVersion_ThrowsArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StreamAppend("s", -1, Event("a")));
        Assert.Equal("expectedVersion", error.ParamName);
    }

    [Fact]
    public void StreamAppend_NoEventsOrDuplicateIds_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StreamAppend("s", 0));
        Assert.Throws<ArgumentException>(() => new StreamAppend("s", 0, Event("a"), Event("a", "{\"x\":1}")));
        Assert.Throws<ArgumentNullException>(() => new StreamAppend("s", 0, (EventData)null!));
    }

    [Fact]
    public void EventData_OversizedPayload_ThrowsPayloadTooLarge()
    {
        var big = new byte[StorageLimits.MaxPayloadBytes + 1];

        var error = Assert.Throws<PayloadTooLargeException>(() => new EventData("a", "t", big));
        Assert.Equal("storage.payload_too_large", error.ErrorCode);
        Assert.Equal(StorageLimits.MaxPayloadBytes + 1, error.Size);
        Assert.Throws<PayloadTooLargeException>(() => new EventData("a", "t", Json("{}"), big));
        Assert.Throws<PayloadTooLargeException>(() => new OutboxMessage("m", "t", big));
    }

    [Fact]
    public async Task Commit_PayloadAtTheLimit_IsStored()
    {
        var payload = new byte[StorageLimits.MaxPayloadBytes];
        payload.AsSpan().Fill((byte)'x');

        await Store.CommitAsync(Append("big", 0, new EventData("a", "t", payload)), None);

        var stored = Assert.Single(await ReadStream("big"));
        Assert.Equal(StorageLimits.MaxPayloadBytes, stored.Payload.Length);
    }

    [Fact]
    public void EventData_BlankIdOrType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new EventData("", "t", Json("{}")));
        Assert.Throws<ArgumentException>(() => new EventData("a", " ", Json("{}")));
        Assert.Throws<ArgumentNullException>(() => new EventData(null!, "t", Json("{}")));
        Assert.Throws<ArgumentException>(() => new OutboxMessage("", "t", Json("{}")));
        Assert.Throws<ArgumentException>(() => ScheduleChange.Set("", T0));
        Assert.Throws<ArgumentException>(() => ScheduleChange.Remove(" "));
    }

    [Fact]
    public void Commit_EmptyOrDuplicated_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new Commit([], [], []));
        Assert.Throws<ArgumentException>(() => new Commit(new StreamAppend("s", 0, Event("a")), new StreamAppend("s", 1, Event("b"))));
        Assert.Throws<ArgumentException>(() => new Commit([], [new OutboxMessage("m", "t", Json("{}")), new OutboxMessage("m", "t", Json("{}"))]));
        Assert.Throws<ArgumentException>(() => new Commit([], null, [ScheduleChange.Set("k", T0), ScheduleChange.Remove("k")]));
        Assert.Throws<ArgumentNullException>(() => new Commit((IEnumerable<StreamAppend>)null!));
    }

    [Fact]
    public async Task EventData_CopiesItsBytes_SoLaterMutationDoesNotLeakIntoTheStore()
    {
        var payload = Json("{\"n\":1}");
        var data = new EventData("a", "t", payload);
        payload[5] = (byte)'9';

        await Store.CommitAsync(Append("s", 0, data), None);

        Assert.Equal("{\"n\":1}", Text(Assert.Single(await ReadStream("s")).Payload));
    }
}
