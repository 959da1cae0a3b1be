using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;

namespace Subscriptions.Lifecycle;

/// <summary>
/// The plan terms a subscription runs under, copied from the catalog plan when the contract is made or changes plan,
/// so that later catalog edits do not change a running contract.
/// </summary>
/// <param name="PlanId">The catalog plan's id.</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Recurrence">How often it renews.</param>
/// <param name="CustomerAccess">What the customer may change alone.</param>
/// <param name="CustomerMayClose">Whether the customer may close the contract alone.</param>
/// <param name="InvoicingMode">Charge the saved payment method, or send the invoice.</param>
/// <param name="AutoCloseAfterDaysUnpaid">Close for payment failure after this many days unpaid, or never.</param>
public sealed record SubscriptionTerms(
    string PlanId,
    string PlanName,
    Recurrence Recurrence,
    CustomerAccessLevel CustomerAccess,
    bool CustomerMayClose,
    InvoicingMode InvoicingMode,
    int? AutoCloseAfterDaysUnpaid)
{
    /// <summary>Copies the terms of a catalog plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="plan"/> is null.</exception>
    public static SubscriptionTerms From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.Name, plan.Recurrence, plan.CustomerAccess, plan.CustomerMayClose, plan.InvoicingMode, plan.AutoCloseAfterDaysUnpaid);
    }
}

/// <summary>
/// The billing schedule of a subscription in stored form: when it starts, on which day it bills, in advance or in
/// arrears, and for how long.
/// </summary>
/// <param name="Start">The first day served.</param>
/// <param name="BillingDay">The billing day of the month (1-31) for month- and year-based plans, or 0 for the anniversary of the start.</param>
/// <param name="Timing">Billed in advance or in arrears.</param>
/// <param name="TermPeriods">The number of periods of a fixed term, or null for an open-ended contract.</param>
/// <param name="AutoRenew">Whether a fixed term renews by itself at its end.</param>
public sealed record ScheduleTerms(LocalDate Start, int BillingDay, BillingTiming Timing, int? TermPeriods, bool AutoRenew)
{
    /// <summary>Builds the billing schedule for a recurrence (period n always from the anchor, SCHEDULING.md).</summary>
    /// <param name="recurrence">The plan's recurrence.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="SchedulingException">Thrown when the billing day does not suit the recurrence.</exception>
    public BillingSchedule ToSchedule(Recurrence recurrence)
    {
        var anchor = BillingDay == 0 || recurrence.Unit is RecurrenceUnit.Day or RecurrenceUnit.Week
            ? BillingAnchor.Anniversary
            : BillingAnchor.DayOfMonth(BillingDay);
        var term = TermPeriods is { } periods ? BillingTerm.ForPeriods(periods, AutoRenew) : BillingTerm.OpenEnded;
        return new BillingSchedule(Start, recurrence, anchor, Timing, term);
    }
}
