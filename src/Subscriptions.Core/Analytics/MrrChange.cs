using NodaTime;
using Subscriptions.Scheduling;

namespace Subscriptions.Analytics;

/// <summary>
/// One change of one subscription's monthly recurring revenue (MRR): the compact input of every analytics report.
/// </summary>
/// <remarks>
/// <para>
/// A subscription's history is the sequence of its changes: its first change goes from MRR 0 (start), then every
/// price, quantity, discount, plan, pause, resume, renewal and close is one change whose <see cref="MrrBefore"/> is
/// the <see cref="MrrAfter"/> of the previous one. Amounts are the subscription's MRR in <see cref="Currency"/>:
/// recurring lines only, untaxed, after discounts, normalized to a month (see <see cref="MrrNormalization"/>),
/// kept at full precision. A paused subscription has MRR 0 and <see cref="Paused"/> set; its customer stays active.
/// Taxes, one-time and setup charges, metered charges, trials and free plans are not MRR; a past-due subscription
/// keeps its MRR until it is cancelled (METRICS.md ground rules, as Stripe).
/// </para>
/// <para>
/// <see cref="EffectiveDate"/> is the first day the new MRR applies: the change counts in the balance "as of" that day
/// and in the movements of the period containing it. For a cancellation, it is the day paid service ends (end of
/// term for a cancel-at-period-end); <see cref="RequestDate"/> carries the day the cancellation was requested, used
/// when churn is recognised at the request date (<see cref="ChurnRecognition.RequestDate"/>).
/// </para>
/// <para>
/// Multi-currency (METRICS.md): the MRR is converted at the rate of the start of the subscription's current service
/// period, <see cref="RateDate"/> (the effective date when <see langword="null"/>). A renewal of a foreign-currency
/// subscription is recorded as a change with <see cref="MrrBefore"/> = <see cref="MrrAfter"/> and the new
/// service-period start as its rate date: the difference in converted MRR goes to the <c>fx</c> line.
/// </para>
/// <para>
/// Ids are dense integer keys the host assigns (0 = none for plan, salesperson, country and close reason).
/// Changes are validated when an <see cref="MrrHistory"/> is created, not here, so that <c>with</c> and
/// <c>default</c> stay cheap.
/// </para>
/// </remarks>
/// <param name="SubscriptionId">The subscription (contract) key.</param>
/// <param name="CustomerId">The customer (account) key; a subscription never changes customer.</param>
/// <param name="EffectiveDate">The first day the new MRR applies (ISO calendar).</param>
/// <param name="MrrBefore">The subscription's MRR before the change, in its currency before the change (0 at start).</param>
/// <param name="MrrAfter">The subscription's MRR after the change, in <paramref name="Currency"/> (0 when closed or paused).</param>
/// <param name="Currency">The currency of <paramref name="MrrAfter"/>.</param>
public readonly record struct MrrChange(
    int SubscriptionId,
    int CustomerId,
    LocalDate EffectiveDate,
    decimal MrrBefore,
    decimal MrrAfter,
    Currency Currency)
{
    /// <summary>Gets the plan key after the change (0 = none).</summary>
    public int PlanId { get; init; }

    /// <summary>Gets the salesperson key after the change (0 = none).</summary>
    public int SalespersonId { get; init; }

    /// <summary>Gets the customer's country key (0 = none).</summary>
    public int CountryId { get; init; }

    /// <summary>Gets the close reason key of a change that closes the subscription (0 = none).</summary>
    public int CloseReasonId { get; init; }

    /// <summary>Gets a value indicating whether the subscription is paused after the change (its MRR after must be 0).</summary>
    public bool Paused { get; init; }

    /// <summary>Gets the day a cancellation was requested, when the change is a cancellation recognised later; otherwise <see langword="null"/>.</summary>
    public LocalDate? RequestDate { get; init; }

    /// <summary>Gets the start of the service period whose exchange rate converts <see cref="MrrAfter"/>; <see langword="null"/> means <see cref="EffectiveDate"/>.</summary>
    public LocalDate? RateDate { get; init; }

    /// <summary>Gets the billing interval after the change (default: unknown), used to report churn rates per billing interval.</summary>
    public Recurrence BillingInterval { get; init; }
}

/// <summary>The kind of a posted revenue document.</summary>
public enum RevenueDocumentKind
{
    /// <summary>A posted customer invoice: its amounts add to revenue.</summary>
    Invoice = 1,

    /// <summary>A posted credit note: its amounts subtract from revenue.</summary>
    CreditNote = 2,
}

/// <summary>A posted invoice or credit note, reduced to what net and non-recurring revenue need.</summary>
/// <remarks>
/// Amounts are untaxed and positive as printed on the document; a credit note counts negatively. Net revenue is
/// recognised on <see cref="Date"/> (the invoice date) and converted at that date's rate (METRICS.md, net and
/// non-recurring revenue). Non-recurring revenue is the one-time and setup lines only.
/// </remarks>
/// <param name="Date">The invoice date.</param>
/// <param name="Kind">Invoice or credit note.</param>
/// <param name="Untaxed">The untaxed total of the document, positive.</param>
/// <param name="NonRecurringUntaxed">The untaxed total of its one-time and setup lines, positive, in the same currency.</param>
public readonly record struct RevenueDocument(LocalDate Date, RevenueDocumentKind Kind, Money Untaxed, Money NonRecurringUntaxed);
