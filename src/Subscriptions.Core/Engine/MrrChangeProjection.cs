using Subscriptions.Analytics;
using Subscriptions.Lifecycle;

namespace Subscriptions;

/// <summary>
/// Turns subscription events into the compact history of MRR changes that the analytics read
/// (<see cref="MrrHistory"/>), with dense integer keys for subscriptions, customers, plans, salespeople, countries and
/// close reasons, and their names to label the reports.
/// </summary>
/// <remarks>
/// <para>
/// Every event whose MRR before and after differ becomes one <see cref="MrrChange"/>: the start, quantity, option,
/// price and plan changes, pauses (flagged <see cref="MrrChange.Paused"/>), resumptions, closes (with their reason key,
/// and the day the close was requested when it was scheduled for a period's end) and reactivations. Events that leave
/// the MRR as it was (contact details, payment method, scheduled changes not yet due) add nothing.
/// </para>
/// <para>Events of one subscription must come in version order; subscriptions may interleave, as in the store's global feed.</para>
/// </remarks>
public sealed class MrrChangeProjection
{
    private readonly List<MrrChange> _changes = [];
    private readonly Keys _subscriptions = new();
    private readonly Keys _customers = new();
    private readonly Keys _plans = new();
    private readonly Keys _salespeople = new();
    private readonly Keys _countries = new();
    private readonly Keys _closeReasons = new();
    private readonly Dictionary<int, Context> _contexts = [];

    /// <summary>Gets the MRR changes projected so far, in the order of the events.</summary>
    public IReadOnlyList<MrrChange> Changes => _changes;

    /// <summary>Gets the subscription ids by key (index 0 is unused).</summary>
    public IReadOnlyList<string> Subscriptions => _subscriptions.Names;

    /// <summary>Gets the customer ids by key (index 0 is unused).</summary>
    public IReadOnlyList<string> Customers => _customers.Names;

    /// <summary>Gets the plan ids by key (index 0 is none).</summary>
    public IReadOnlyList<string> Plans => _plans.Names;

    /// <summary>Gets the salespeople by key (index 0 is none).</summary>
    public IReadOnlyList<string> Salespeople => _salespeople.Names;

    /// <summary>Gets the customers' countries by key (index 0 is none).</summary>
    public IReadOnlyList<string> Countries => _countries.Names;

    /// <summary>Gets the close reasons by key (index 0 is none).</summary>
    public IReadOnlyList<string> CloseReasons => _closeReasons.Names;

    /// <summary>Adds one event.</summary>
    /// <param name="e">The event; the events of one subscription in version order.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="e"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a subscription's first event is not its start.</exception>
    public void Add(SubscriptionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var subscription = _subscriptions.Of(e.SubscriptionId.Value);
        if (e is SubscriptionStarted started)
        {
            _contexts[subscription] = new Context(
                _customers.Of(started.CustomerId.Value),
                _plans.Of(started.Terms.PlanId),
                _salespeople.OfOptional(started.Salesperson),
                _countries.OfOptional(started.Contact.BillingAddress.Country),
                started.Terms.Recurrence);
        }

        if (!_contexts.TryGetValue(subscription, out var context))
        {
            throw new ArgumentException($"The first event of subscription {e.SubscriptionId} must be its start, not {e.GetType().Name}.", nameof(e));
        }

        switch (e)
        {
            case SubscriptionPlanChanged plan:
                context.Plan = _plans.Of(plan.Terms.PlanId);
                context.Interval = plan.Terms.Recurrence;
                break;
            case ContactDetailsChanged contact:
                context.Country = _countries.OfOptional(contact.Contact.BillingAddress.Country);
                break;
            case SubscriptionCloseScheduled scheduled:
                context.CloseRequested = scheduled.EffectiveDate;
                break;
        }

        if (e is SubscriptionStarted || e.MrrBefore.Amount != e.MrrAfter.Amount || e is SubscriptionPaused or SubscriptionClosed)
        {
            var closed = e as SubscriptionClosed;
            _changes.Add(new MrrChange(subscription, context.Customer, e.EffectiveDate, e is SubscriptionStarted ? 0m : e.MrrBefore.Amount, e.MrrAfter.Amount, e.MrrAfter.Currency)
            {
                PlanId = context.Plan,
                SalespersonId = context.Salesperson,
                CountryId = context.Country,
                CloseReasonId = closed is null ? 0 : _closeReasons.Of(closed.Reason),
                Paused = e is SubscriptionPaused,
                RequestDate = closed is not null && context.CloseRequested is { } requested && requested < e.EffectiveDate ? requested : null,
                BillingInterval = context.Interval,
            });
        }

        if (e is SubscriptionClosed or SubscriptionReopened)
        {
            context.CloseRequested = null;
        }
    }

    /// <summary>Adds events in order.</summary>
    /// <param name="events">The events.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="events"/> is null.</exception>
    public void AddRange(IEnumerable<SubscriptionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Add(e);
        }
    }

    private sealed class Context(int customer, int plan, int salesperson, int country, Scheduling.Recurrence interval)
    {
        public int Customer { get; } = customer;

        public int Plan { get; set; } = plan;

        public int Salesperson { get; } = salesperson;

        public int Country { get; set; } = country;

        public Scheduling.Recurrence Interval { get; set; } = interval;

        public NodaTime.LocalDate? CloseRequested { get; set; }
    }

    private sealed class Keys
    {
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        private readonly List<string> _names = [string.Empty];

        public IReadOnlyList<string> Names => _names;

        public int Of(string name)
        {
            if (!_keys.TryGetValue(name, out var key))
            {
                key = _names.Count;
                _keys.Add(name, key);
                _names.Add(name);
            }

            return key;
        }

        public int OfOptional(string? name) => string.IsNullOrEmpty(name) ? 0 : Of(name);
    }
}
