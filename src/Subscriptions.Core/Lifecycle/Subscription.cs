using NodaTime;
using Subscriptions.Analytics;
using Subscriptions.Payments;
using Subscriptions.Scheduling;

namespace Subscriptions.Lifecycle;

/// <summary>Where a subscription is in its life.</summary>
/// <remarks>The quotation stage lives in the quote (<c>Subscriptions.Sales</c>); a subscription exists from its confirmation.</remarks>
public enum SubscriptionStatus
{
    /// <summary>Not started: no event yet.</summary>
    None = 0,

    /// <summary>Running and billed every period.</summary>
    InProgress = 1,

    /// <summary>Paused: not billed, MRR 0.</summary>
    Paused = 2,

    /// <summary>Closed: not billed, MRR 0, until reopened.</summary>
    Closed = 3,
}

/// <summary>What was billed in advance for one line over one interval: the basis of a credit when the line changes.</summary>
/// <param name="Part">The interval billed.</param>
/// <param name="Amount">What was billed for it.</param>
public readonly record struct BilledItem(BillingPeriod Part, Money Amount);

/// <summary>A change scheduled for a future date.</summary>
/// <param name="ChangeId">Its id.</param>
/// <param name="EffectiveDate">When it takes effect.</param>
/// <param name="Change">What it does.</param>
public sealed record PendingChange(string ChangeId, LocalDate EffectiveDate, SubscriptionChange Change);

/// <summary>
/// A subscription contract, rebuilt from its events. It is an immutable value: <see cref="Apply"/> returns a new state,
/// and <see cref="SubscriptionDecider"/> decides the events of a command from it.
/// </summary>
public sealed record Subscription
{
    /// <summary>Gets the state before any event.</summary>
    public static Subscription Empty { get; } = new();

    /// <summary>Gets the subscription's id.</summary>
    public SubscriptionId Id { get; private init; }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; private init; }

    /// <summary>Gets the status.</summary>
    public SubscriptionStatus Status { get; private init; }

    /// <summary>Gets the number of events applied (the stream version).</summary>
    public long Version { get; private set; }

    /// <summary>Gets the plan terms, or null before the start.</summary>
    public SubscriptionTerms? Terms { get; private init; }

    /// <summary>Gets the schedule terms, or null before the start.</summary>
    public ScheduleTerms? ScheduleTerms { get; private init; }

    /// <summary>Gets the contract's currency.</summary>
    public Currency Currency { get; private init; }

    /// <summary>Gets the lines, recurring and one-time.</summary>
    public IReadOnlyList<SubscriptionLine> Lines { get; private init; } = [];

    /// <summary>Gets the contact details, or null before the start.</summary>
    public ContactDetails? Contact { get; private init; }

    /// <summary>Gets the saved payment method, or null.</summary>
    public PaymentMethodToken? PaymentMethod { get; private init; }

    /// <summary>Gets the customer's IANA time zone id.</summary>
    public string TimeZoneId { get; private init; } = "UTC";

    /// <summary>Gets the salesperson, or null.</summary>
    public string? Salesperson { get; private init; }

    /// <summary>Gets the quote the contract came from, or null.</summary>
    public string? QuoteId { get; private init; }

    /// <summary>Gets the pricelist, or null.</summary>
    public string? PricelistId { get; private init; }

    /// <summary>Gets the fiscal position, or null.</summary>
    public string? FiscalPositionId { get; private init; }

    /// <summary>Gets the current monthly recurring revenue (0 while paused or closed).</summary>
    public Money Mrr { get; private set; }

    /// <summary>Gets the day the subscription was paused, or null.</summary>
    public LocalDate? PausedOn { get; private init; }

    /// <summary>Gets the day a paused subscription resumes by itself, or null.</summary>
    public LocalDate? ResumeOn { get; private init; }

    /// <summary>Gets the first day no longer served after closing, or null while open.</summary>
    public LocalDate? ClosedOn { get; private init; }

    /// <summary>Gets the reason of the last close, or null.</summary>
    public string? CloseReason { get; private init; }

    /// <summary>Gets who closed it last, or null.</summary>
    public ClosedBy? ClosedBy { get; private init; }

    /// <summary>Gets the day a scheduled close takes effect, or null.</summary>
    public LocalDate? CloseScheduledOn { get; private init; }

    /// <summary>Gets the version that portal links must carry; links of an older version are revoked.</summary>
    public int PortalTokenVersion { get; private init; }

    /// <summary>Gets the changes scheduled for later dates.</summary>
    public IReadOnlyList<PendingChange> PendingChanges { get; private set; } = [];

    /// <summary>Gets, per line, what was last billed in advance after a change (the basis of the next credit).</summary>
    public IReadOnlyDictionary<string, BilledItem> BilledItems { get; private init; } = new Dictionary<string, BilledItem>();

    /// <summary>Gets the billing schedule, or null before the start.</summary>
    /// <remarks>Built from <see cref="Terms"/> and <see cref="ScheduleTerms"/> on each call: keep the result when using it many times.</remarks>
    public BillingSchedule? Schedule => Terms is null || ScheduleTerms is null ? null : ScheduleTerms.ToSchedule(Terms.Recurrence);

    /// <summary>Gets the customer's time zone.</summary>
    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    /// <summary>Rebuilds a subscription from its events, in order.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="events"/> or an event is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an event's version is not the next one.</exception>
    public static Subscription Replay(IEnumerable<SubscriptionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = Empty;
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        return state;
    }

    /// <summary>Returns the state after one more event.</summary>
    /// <param name="e">The event, whose version must be <see cref="Version"/> + 1.</param>
    /// <returns>The new state.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="e"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the event's version is not the next one, or it belongs to another subscription.</exception>
    public Subscription Apply(SubscriptionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Version != Version + 1)
        {
            throw new ArgumentException($"Event version {e.Version} does not follow version {Version}.", nameof(e));
        }

        if (Version > 0 && e.SubscriptionId != Id)
        {
            throw new ArgumentException($"Event of subscription {e.SubscriptionId} applied to {Id}.", nameof(e));
        }

        // One copy per event: the event's own changes, then the envelope on the fresh copy (never on a shared state).
        var next = Evolve(e);
        next.Version = e.Version;
        next.Mrr = e.MrrAfter;
        if (e.ScheduledChangeId is { } done && next.PendingChanges.Count > 0)
        {
            next.PendingChanges = [.. next.PendingChanges.Where(c => c.ChangeId != done)];
        }

        return next;
    }

    private Subscription Evolve(SubscriptionEvent e)
    {
        var next = this;
        return e switch
        {
            SubscriptionStarted s => next with
            {
                Id = s.SubscriptionId,
                CustomerId = s.CustomerId,
                Status = SubscriptionStatus.InProgress,
                Terms = s.Terms,
                ScheduleTerms = s.Schedule,
                Currency = s.Currency,
                Lines = s.Lines,
                Contact = s.Contact,
                PaymentMethod = s.PaymentMethod,
                TimeZoneId = s.TimeZoneId,
                Salesperson = s.Salesperson,
                QuoteId = s.QuoteId,
                PricelistId = s.PricelistId,
                FiscalPositionId = s.FiscalPositionId,
            },
            SubscriptionLinesChanged c => next with { Lines = c.Lines, BilledItems = Billed(next.BilledItems, c.Prorations, c.Lines) },
            SubscriptionPlanChanged p => next with
            {
                Terms = p.Terms,
                ScheduleTerms = p.Schedule,
                Lines = [.. next.Lines.Where(l => !l.IsRecurring), .. p.Lines],
                BilledItems = Billed(new Dictionary<string, BilledItem>(), p.Prorations, p.Lines),
            },
            SubscriptionPaused p => next with { Status = SubscriptionStatus.Paused, PausedOn = p.EffectiveDate, ResumeOn = p.ResumeOn },
            SubscriptionResumed => next with { Status = SubscriptionStatus.InProgress, PausedOn = null, ResumeOn = null },
            SubscriptionRenewed r => next with { ScheduleTerms = r.Schedule },
            SubscriptionCloseScheduled c => next with { CloseScheduledOn = c.CloseOn, CloseReason = c.Reason, ClosedBy = c.ClosedBy },
            SubscriptionClosed c => next with
            {
                Status = SubscriptionStatus.Closed,
                ClosedOn = c.EffectiveDate,
                CloseReason = c.Reason,
                ClosedBy = c.ClosedBy,
                CloseScheduledOn = null,
                PendingChanges = [],
                BilledItems = new Dictionary<string, BilledItem>(),
                PausedOn = null,
                ResumeOn = null,
            },
            SubscriptionReopened r => next with
            {
                Status = SubscriptionStatus.InProgress,
                ClosedOn = null,
                BilledItems = Billed(new Dictionary<string, BilledItem>(), r.Prorations, next.Lines),
            },
            ContactDetailsChanged c => next with { Contact = c.Contact },
            PortalLinksRevoked r => next with { PortalTokenVersion = r.TokenVersion },
            PaymentMethodChanged p => next with { PaymentMethod = p.PaymentMethod },
            SubscriptionChangeScheduled s => next with
            {
                PendingChanges = [.. next.PendingChanges, new PendingChange(s.ChangeId, s.Change.EffectiveDate ?? s.EffectiveDate, s.Change)],
                CloseScheduledOn = s.Change is CloseSubscription { AtPeriodEnd: false } ? s.Change.EffectiveDate : next.CloseScheduledOn,
            },
            SubscriptionChangeCancelled c => next with { PendingChanges = [.. next.PendingChanges.Where(p => p.ChangeId != c.ChangeId)] },
            _ => throw new ArgumentException($"Unknown subscription event {e.GetType().Name}.", nameof(e)),
        };
    }

    /// <summary>Returns the monthly recurring revenue of a set of lines under a recurrence (METRICS.md: recurring lines, after discounts, untaxed).</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="recurrence">The recurrence the unit prices are for.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The MRR, exact (round only for display).</returns>
    public static Money MrrOf(IEnumerable<SubscriptionLine> lines, Recurrence recurrence, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = Money.Zero(currency);
        foreach (var line in lines)
        {
            if (line.IsRecurring)
            {
                total += MrrNormalization.Monthly(line.UnitPrice, line.Quantity, line.DiscountPercent / 100m, recurrence);
            }
        }

        return total;
    }

    private static Dictionary<string, BilledItem> Billed(IReadOnlyDictionary<string, BilledItem> before, IReadOnlyList<ProrationItem> prorations, IReadOnlyList<SubscriptionLine> lines)
    {
        var billed = new Dictionary<string, BilledItem>(before.Count + prorations.Count, StringComparer.Ordinal);
        foreach (var (lineId, item) in before)
        {
            if (lines.Any(l => l.LineId == lineId))
            {
                billed[lineId] = item;
            }
        }

        foreach (var item in prorations)
        {
            if (item.Kind == ProrationItemKind.Credit)
            {
                // A credit: the old item is used up from here; only a charge that follows sets the new one.
                billed.Remove(item.LineId);
            }
        }

        foreach (var item in prorations)
        {
            if (item.Kind == ProrationItemKind.Charge && lines.Any(l => l.LineId == item.LineId))
            {
                billed[item.LineId] = new BilledItem(new BillingPeriod(item.From, item.To), item.Amount);
            }
        }

        return billed;
    }
}
