using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Subscriptions.Lifecycle;
using Subscriptions.Sales;
using Subscriptions.Storage;

namespace Subscriptions.Serialization;

/// <summary>
/// Turns domain events into stored events and back, with one stable type name per event
/// (<c>subscription.started.v1</c>, <c>quote.drafted.v1</c>...) and a source-generated System.Text.Json context.
/// </summary>
internal static class EventSerializer
{
    private static readonly (string Name, Type Type, JsonTypeInfo Info)[] Types =
    [
        ("subscription.started.v1", typeof(SubscriptionStarted), EventJsonContext.Default.SubscriptionStarted),
        ("subscription.lines_changed.v1", typeof(SubscriptionLinesChanged), EventJsonContext.Default.SubscriptionLinesChanged),
        ("subscription.plan_changed.v1", typeof(SubscriptionPlanChanged), EventJsonContext.Default.SubscriptionPlanChanged),
        ("subscription.paused.v1", typeof(SubscriptionPaused), EventJsonContext.Default.SubscriptionPaused),
        ("subscription.resumed.v1", typeof(SubscriptionResumed), EventJsonContext.Default.SubscriptionResumed),
        ("subscription.renewed.v1", typeof(SubscriptionRenewed), EventJsonContext.Default.SubscriptionRenewed),
        ("subscription.close_scheduled.v1", typeof(SubscriptionCloseScheduled), EventJsonContext.Default.SubscriptionCloseScheduled),
        ("subscription.closed.v1", typeof(SubscriptionClosed), EventJsonContext.Default.SubscriptionClosed),
        ("subscription.reopened.v1", typeof(SubscriptionReopened), EventJsonContext.Default.SubscriptionReopened),
        ("subscription.contact_changed.v1", typeof(ContactDetailsChanged), EventJsonContext.Default.ContactDetailsChanged),
        ("subscription.payment_method_changed.v1", typeof(PaymentMethodChanged), EventJsonContext.Default.PaymentMethodChanged),
        ("subscription.change_scheduled.v1", typeof(SubscriptionChangeScheduled), EventJsonContext.Default.SubscriptionChangeScheduled),
        ("subscription.change_cancelled.v1", typeof(SubscriptionChangeCancelled), EventJsonContext.Default.SubscriptionChangeCancelled),
        ("subscription.portal_links_revoked.v1", typeof(PortalLinksRevoked), EventJsonContext.Default.PortalLinksRevoked),
        ("quote.drafted.v1", typeof(QuoteDrafted), EventJsonContext.Default.QuoteDrafted),
        ("quote.sent.v1", typeof(QuoteSent), EventJsonContext.Default.QuoteSent),
        ("quote.option_added.v1", typeof(QuoteOptionAdded), EventJsonContext.Default.QuoteOptionAdded),
        ("quote.revised.v1", typeof(QuoteRevised), EventJsonContext.Default.QuoteRevised),
        ("quote.signed.v1", typeof(QuoteSigned), EventJsonContext.Default.QuoteSigned),
        ("quote.paid.v1", typeof(QuotePaid), EventJsonContext.Default.QuotePaid),
        ("quote.confirmed.v1", typeof(QuoteConfirmed), EventJsonContext.Default.QuoteConfirmed),
        ("quote.cancelled.v1", typeof(QuoteCancelled), EventJsonContext.Default.QuoteCancelled),
        ("quote.links_revoked.v1", typeof(QuoteLinksRevoked), EventJsonContext.Default.QuoteLinksRevoked),
    ];

    private static readonly Dictionary<string, JsonTypeInfo> ByName = Types.ToDictionary(t => t.Name, t => t.Info, StringComparer.Ordinal);
    private static readonly Dictionary<Type, (string Name, JsonTypeInfo Info)> ByType = Types.ToDictionary(t => t.Type, t => (t.Name, t.Info));

    /// <summary>Gets every stable type name, for the tests.</summary>
    internal static IEnumerable<string> TypeNames => Types.Select(t => t.Name);

    internal static string TypeNameOf(object e) =>
        ByType.TryGetValue(e.GetType(), out var known) ? known.Name : throw new ArgumentException($"{e.GetType().Name} has no stable type name.", nameof(e));

    /// <summary>Encodes an event under a given id, or, without one, under <paramref name="position"/> plus a hash of its content.</summary>
    /// <remarks>
    /// Content-derived ids are deterministic (a replay of the same decision is a no-op) yet differ between two racing
    /// decisions at the same version, so that the store reports a version conflict and the engine decides again.
    /// </remarks>
    internal static EventData Encode(string? eventId, string position, object e)
    {
        var (name, info) = ByType.TryGetValue(e.GetType(), out var known) ? known : throw new ArgumentException($"{e.GetType().Name} has no stable type name.", nameof(e));
        var payload = JsonSerializer.SerializeToUtf8Bytes(e, info);
        return new EventData(eventId ?? $"{position}#{Convert.ToHexStringLower(SHA256.HashData(payload), 0, 8)}", name, payload);
    }

    internal static object Decode(RecordedEvent stored)
    {
        if (!ByName.TryGetValue(stored.Type, out var info))
        {
            throw new UnknownEventTypeException(stored.StreamId, stored.Version, stored.Type);
        }

        return JsonSerializer.Deserialize(stored.Payload.Span, info)
            ?? throw new JsonException($"Event {stored.Version} of stream '{stored.StreamId}' is null.");
    }
}

[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(PeriodJsonConverter), typeof(DateTimeZoneJsonConverter), typeof(RecurrenceJsonConverter)])]
[JsonSerializable(typeof(SubscriptionStarted))]
[JsonSerializable(typeof(SubscriptionLinesChanged))]
[JsonSerializable(typeof(SubscriptionPlanChanged))]
[JsonSerializable(typeof(SubscriptionPaused))]
[JsonSerializable(typeof(SubscriptionResumed))]
[JsonSerializable(typeof(SubscriptionRenewed))]
[JsonSerializable(typeof(SubscriptionCloseScheduled))]
[JsonSerializable(typeof(SubscriptionClosed))]
[JsonSerializable(typeof(SubscriptionReopened))]
[JsonSerializable(typeof(ContactDetailsChanged))]
[JsonSerializable(typeof(PaymentMethodChanged))]
[JsonSerializable(typeof(SubscriptionChangeScheduled))]
[JsonSerializable(typeof(SubscriptionChangeCancelled))]
[JsonSerializable(typeof(PortalLinksRevoked))]
[JsonSerializable(typeof(QuoteDrafted))]
[JsonSerializable(typeof(QuoteSent))]
[JsonSerializable(typeof(QuoteOptionAdded))]
[JsonSerializable(typeof(QuoteRevised))]
[JsonSerializable(typeof(QuoteSigned))]
[JsonSerializable(typeof(QuotePaid))]
[JsonSerializable(typeof(QuoteConfirmed))]
[JsonSerializable(typeof(QuoteCancelled))]
[JsonSerializable(typeof(QuoteLinksRevoked))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
