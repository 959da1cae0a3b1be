namespace Subscriptions.Storage;

/// <summary>The whole storage port: event streams, the schedule and the outbox of one database.</summary>
/// <remarks>Every adapter implements this interface; its commits cover all three parts in one transaction.</remarks>
public interface IStore : IEventStore, ISchedule, IOutbox
{
}
