using Subscriptions.Portal;
using Subscriptions.Scheduling;

namespace Subscriptions;

/// <summary>The engine's settings, bound from configuration (section <c>Subscriptions</c>) or set in code.</summary>
/// <remarks>Validated once, when the engine is registered: every problem is reported at once.</remarks>
public class SubscriptionsOptions
{
    /// <summary>Gets the close reasons a customer chooses from when closing a contract in the portal.</summary>
    /// <value>The default value is the list: Too expensive, Missing features, Switched to a competitor, No longer needed, Other.</value>
    public IList<string> CloseReasons { get; } = ["Too expensive", "Missing features", "Switched to a competitor", "No longer needed", "Other"];

    /// <summary>Gets or sets how many times a command is decided again after another writer changed the same subscription.</summary>
    /// <value>The default value is 5 (0 to 100).</value>
    public int MaxConcurrencyRetries { get; set; } = 5;

    /// <summary>Gets or sets when prorations of mid-period changes are billed.</summary>
    /// <value>The default value is <see cref="ProrationBehavior.NextInvoice"/>.</value>
    public ProrationBehavior ProrationBehavior { get; set; } = ProrationBehavior.NextInvoice;

    /// <summary>Gets or sets how prorations are measured.</summary>
    /// <value>The default value is <see cref="ProrationMethod.ByDay"/> (SCHEDULING.md).</value>
    public ProrationMethod ProrationMethod { get; set; } = ProrationMethod.ByDay;

    /// <summary>Gets or sets the keys that sign and verify portal links; required for portal links.</summary>
    /// <value>The default value is null: set it in code, or bind <see cref="PortalSigningKeyId"/> and <see cref="PortalSigningKey"/>.</value>
    public AccessTokenKeyRing? PortalKeys { get; set; }

    /// <summary>Gets or sets the id of the portal signing key, when the key comes from configuration.</summary>
    /// <value>The default value is null.</value>
    public string? PortalSigningKeyId { get; set; }

    /// <summary>Gets or sets the portal signing key, base64, at least 32 bytes, when the key comes from configuration.</summary>
    /// <value>The default value is null.</value>
    public string? PortalSigningKey { get; set; }

    /// <summary>Gets or sets how long a portal link stays valid.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan PortalLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the name this engine instance uses when it claims scheduled work (unique per worker).</summary>
    /// <value>The default value is <c>engine</c>.</value>
    public string WorkerId { get; set; } = "engine";

    /// <summary>Gets or sets how many rebuilt subscriptions the engine keeps in memory, so that a command reads only new events.</summary>
    /// <value>The default value is 10,000 (0 turns the cache off).</value>
    public int StateCacheSize { get; set; } = 10_000;

    /// <summary>Gets or sets how long a claimed scheduled item stays reserved for this worker.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan ScheduleLease { get; set; } = TimeSpan.FromMinutes(5);
}
