using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>Thrown when a conversion to the reporting currency needs an exchange rate the host did not provide.</summary>
/// <remarks>Error code <c>analytics.missing_exchange_rate</c>.</remarks>
public sealed class MissingExchangeRateException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "analytics.missing_exchange_rate";

    /// <summary>Initializes a new instance of the <see cref="MissingExchangeRateException"/> class.</summary>
    /// <param name="from">The currency to convert from.</param>
    /// <param name="to">The reporting currency.</param>
    /// <param name="date">The date the rate was needed for.</param>
    public MissingExchangeRateException(Currency from, Currency to, LocalDate date)
        : base(Code, $"No {from.Code}->{to.Code} exchange rate is in force on {PeriodMath.Iso(date)}: add a rate effective on or before that date.")
    {
        From = from;
        To = to;
        Date = date;
    }

    /// <summary>Gets the currency to convert from.</summary>
    public Currency From { get; }

    /// <summary>Gets the reporting currency.</summary>
    public Currency To { get; }

    /// <summary>Gets the date the rate was needed for.</summary>
    public LocalDate Date { get; }
}

/// <summary>
/// Thrown when an MRR history does not add up: a change whose MRR before is not the subscription's MRR after its
/// previous change (a missing or misordered change), or a subscription that moves to another customer.
/// </summary>
/// <remarks>Error code <c>analytics.inconsistent_history</c>.</remarks>
public sealed class InconsistentMrrHistoryException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "analytics.inconsistent_history";

    /// <summary>Initializes a new instance of the <see cref="InconsistentMrrHistoryException"/> class.</summary>
    /// <param name="change">The change that does not follow from the previous one.</param>
    /// <param name="reason">What does not add up.</param>
    public InconsistentMrrHistoryException(MrrChange change, string reason)
        : base(Code, $"The MRR change of subscription {change.SubscriptionId} on {PeriodMath.Iso(change.EffectiveDate)} does not follow its previous change: {reason}")
    {
        Change = change;
    }

    /// <summary>Gets the change that does not follow from the previous one.</summary>
    public MrrChange Change { get; }
}

/// <summary>Thrown when an MRR change is invalid in itself: a negative MRR, a paused subscription with MRR, no currency.</summary>
/// <remarks>Error code <c>analytics.invalid_change</c>.</remarks>
public sealed class InvalidMrrChangeException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "analytics.invalid_change";

    /// <summary>Initializes a new instance of the <see cref="InvalidMrrChangeException"/> class.</summary>
    /// <param name="change">The invalid change.</param>
    /// <param name="reason">What is wrong with it.</param>
    public InvalidMrrChangeException(MrrChange change, string reason)
        : base(Code, $"The MRR change of subscription {change.SubscriptionId} on {PeriodMath.Iso(change.EffectiveDate)} is invalid: {reason}")
    {
        Change = change;
    }

    /// <summary>Gets the invalid change.</summary>
    public MrrChange Change { get; }
}
