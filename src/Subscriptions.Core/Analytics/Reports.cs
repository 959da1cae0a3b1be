using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>The MRR movements of one period (or one period and one attribute value), in the reporting currency.</summary>
/// <remarks>
/// Amounts are positive (contraction and churn are amounts lost) and unrounded. <see cref="NetNew"/> is
/// <c>new + expansion + reactivation − contraction − churn</c> (METRICS.md §3); the <c>fx</c> line is apart from it.
/// Counts are events in the event-level view and customers in the per-customer net view.
/// </remarks>
/// <param name="New">MRR from customers that never had MRR before.</param>
/// <param name="Expansion">MRR gained from customers that stay active.</param>
/// <param name="Contraction">MRR lost from customers that stay active (including a pause and closing one of several subscriptions).</param>
/// <param name="Churn">MRR lost from customers that stop being active.</param>
/// <param name="Reactivation">MRR from customers that had MRR before, stopped being active, and come back.</param>
/// <param name="Fx">The change of converted MRR from exchange rates alone.</param>
/// <param name="NewCount">The number of new-business movements.</param>
/// <param name="ExpansionCount">The number of expansion movements.</param>
/// <param name="ContractionCount">The number of contraction movements.</param>
/// <param name="ChurnCount">The number of churn movements.</param>
/// <param name="ReactivationCount">The number of reactivation movements.</param>
public sealed record MrrMovements(
    Money New,
    Money Expansion,
    Money Contraction,
    Money Churn,
    Money Reactivation,
    Money Fx,
    int NewCount,
    int ExpansionCount,
    int ContractionCount,
    int ChurnCount,
    int ReactivationCount)
{
    /// <summary>Gets the net new MRR: new + expansion + reactivation − contraction − churn (fx excluded).</summary>
    public Money NetNew => New + Expansion + Reactivation - Contraction - Churn;
}

/// <summary>One period of an MRR movement table (waterfall).</summary>
/// <param name="Period">The period.</param>
/// <param name="StartMrr">The MRR at the start of the period.</param>
/// <param name="Movements">The movements in the period.</param>
/// <param name="EndMrr">The MRR at the end of the period: start + net new + fx.</param>
public sealed record MrrMovementRow(AnalyticsPeriod Period, Money StartMrr, MrrMovements Movements, Money EndMrr);

/// <summary>The MRR movement tables of a range, in both views METRICS.md §3 asks for.</summary>
/// <param name="Granularity">The length of the periods.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="EventLevel">The event-level view: every change is a movement (ChartMogul, Stripe, ProfitWell waterfalls).</param>
/// <param name="CustomerNet">The per-customer net view: each customer's start-of-period vs end-of-period MRR is one movement (the basis of the rate metrics).</param>
public sealed record MrrMovementReport(PeriodGranularity Granularity, Currency Currency, IReadOnlyList<MrrMovementRow> EventLevel, IReadOnlyList<MrrMovementRow> CustomerNet)
{
    /// <summary>Returns the report as text rows, header first: one row per view and period.</summary>
    /// <returns>Rows with invariant formatting, amounts rounded half-up to the minor unit.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["view", "period_start", "period_end", "currency", "start_mrr", "new", "expansion", "contraction", "churn", "reactivation", "fx", "net_new", "end_mrr", "new_count", "expansion_count", "contraction_count", "churn_count", "reactivation_count"];
        foreach (var (view, rows) in new[] { ("event", EventLevel), ("customer_net", CustomerNet) })
        {
            foreach (var row in rows)
            {
                var m = row.Movements;
                yield return [view, Format.Date(row.Period.Start), Format.Date(row.Period.End), Currency.Code, Format.Amount(row.StartMrr), .. Format.Movements(m), Format.Amount(row.EndMrr), .. Format.Counts(m)];
            }
        }
    }
}

/// <summary>The movements of one period attributed to one value of a dimension.</summary>
/// <param name="Period">The period.</param>
/// <param name="Key">The plan, salesperson or country key (0 = none).</param>
/// <param name="Movements">The movements.</param>
public sealed record DimensionMovementRow(AnalyticsPeriod Period, int Key, MrrMovements Movements);

/// <summary>The event-level movements per period broken down by plan, salesperson or country.</summary>
/// <param name="Dimension">The attribute.</param>
/// <param name="Granularity">The length of the periods.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Rows">One row per period and key that had a movement, by period then key.</param>
public sealed record DimensionMovementReport(AnalyticsDimension Dimension, PeriodGranularity Granularity, Currency Currency, IReadOnlyList<DimensionMovementRow> Rows)
{
    /// <summary>Returns the report as text rows, header first.</summary>
    /// <returns>Rows with invariant formatting, amounts rounded half-up to the minor unit.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["period_start", "period_end", Format.DimensionName(Dimension), "currency", "new", "expansion", "contraction", "churn", "reactivation", "fx", "net_new", "new_count", "expansion_count", "contraction_count", "churn_count", "reactivation_count"];
        foreach (var row in Rows)
        {
            yield return [Format.Date(row.Period.Start), Format.Date(row.Period.End), Format.Int(row.Key), Currency.Code, .. Format.Movements(row.Movements), .. Format.Counts(row.Movements)];
        }
    }
}

/// <summary>The balances at the close of a day (METRICS.md §4-§5).</summary>
/// <param name="AsOf">The day; the changes effective on it are included.</param>
/// <param name="Mrr">The MRR.</param>
/// <param name="Contracts">The subscriptions with MRR above zero or paused.</param>
/// <param name="PayingSubscriptions">The subscriptions with MRR above zero.</param>
/// <param name="ActiveCustomers">The customers with MRR above zero or a paused subscription.</param>
/// <param name="PayingCustomers">The customers with MRR above zero.</param>
public sealed record KpiSnapshot(LocalDate AsOf, Money Mrr, int Contracts, int PayingSubscriptions, int ActiveCustomers, int PayingCustomers)
{
    /// <summary>Gets the annual run rate: 12 × MRR, not truncated.</summary>
    public Money Arr => Mrr * 12m;

    /// <summary>Gets the average revenue per account: MRR / paying customers (paused customers excluded); <see langword="null"/> when there are none.</summary>
    public Money? Arpa => PayingCustomers > 0 ? Mrr / PayingCustomers : null;

    /// <summary>Gets the revenue per subscription: MRR / paying subscriptions; <see langword="null"/> when there are none.</summary>
    public Money? RevenuePerSubscription => PayingSubscriptions > 0 ? Mrr / PayingSubscriptions : null;

    /// <summary>Returns the snapshot as text rows: a header and one row.</summary>
    /// <returns>Rows with invariant formatting, amounts rounded half-up to the minor unit.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["as_of", "currency", "mrr", "arr", "contracts", "paying_subscriptions", "active_customers", "paying_customers", "arpa", "revenue_per_subscription"];
        yield return
        [
            Format.Date(AsOf), Mrr.Currency.Code, Format.Amount(Mrr), Format.Amount(Arr), Format.Int(Contracts), Format.Int(PayingSubscriptions),
            Format.Int(ActiveCustomers), Format.Int(PayingCustomers), Format.Amount(Arpa), Format.Amount(RevenuePerSubscription),
        ];
    }
}

/// <summary>The KPIs of one period.</summary>
/// <remarks>Rates are fractions (0.05 = 5 %), unrounded, and <see langword="null"/> when their base is empty.</remarks>
/// <param name="Period">The period.</param>
/// <param name="Start">The balances at the start of the period (as of the day before it).</param>
/// <param name="End">The balances at the end of the period (as of its last day).</param>
/// <param name="Movements">The event-level movements of the period.</param>
/// <param name="CustomerNetMovements">The per-customer net movements of the period, which the rates are computed from.</param>
/// <param name="NetRevenue">Untaxed invoiced revenue minus credit notes, by invoice date, at the invoice-date rate.</param>
/// <param name="NonRecurringRevenue">The one-time and setup part of <paramref name="NetRevenue"/> (Odoo's "NRR", named explicitly here).</param>
/// <param name="ChurnedCustomers">Customers active at start and not active at end.</param>
/// <param name="LogoChurnRate">Churned customers / customers active at start.</param>
/// <param name="GrossRevenueChurnRate">Σ max(0, start_c − end_c) / Σ start_c over customers with MRR at start.</param>
/// <param name="NetRevenueChurnRate">(Σ start_c − Σ end_c) / Σ start_c over customers with MRR at start; negative with net expansion.</param>
/// <param name="NetRevenueRetention">NRR = Σ end_c / Σ start_c over customers with MRR at start = 1 − net revenue churn.</param>
/// <param name="GrossRevenueRetention">GRR = Σ min(end_c, start_c) / Σ start_c = 1 − gross revenue churn.</param>
/// <param name="Ltv">Customer lifetime value: ARPA at end / logo churn rate (current or trailing, see <see cref="KpiOptions"/>); <see langword="null"/> when churn is 0.</param>
/// <param name="QuickRatio">(new + expansion) / (contraction + churn), Baremetrics' formula without reactivation; <see langword="null"/> when nothing was lost.</param>
public sealed record KpiRow(
    AnalyticsPeriod Period,
    KpiSnapshot Start,
    KpiSnapshot End,
    MrrMovements Movements,
    MrrMovements CustomerNetMovements,
    Money NetRevenue,
    Money NonRecurringRevenue,
    int ChurnedCustomers,
    decimal? LogoChurnRate,
    decimal? GrossRevenueChurnRate,
    decimal? NetRevenueChurnRate,
    decimal? NetRevenueRetention,
    decimal? GrossRevenueRetention,
    Money? Ltv,
    decimal? QuickRatio);

/// <summary>Options of <see cref="MrrHistory.Kpis"/>.</summary>
public class KpiOptions
{
    /// <summary>Gets or sets how many periods of logo churn rate LTV averages (the current one and those before it in the report).</summary>
    /// <value>The default value is 1: the current period. ChartMogul uses a 6-month trailing average.</value>
    public int LtvChurnPeriods { get; set; } = 1;
}

/// <summary>The KPIs per period of a range.</summary>
/// <param name="Granularity">The length of the periods.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Rows">One row per period.</param>
public sealed record KpiReport(PeriodGranularity Granularity, Currency Currency, IReadOnlyList<KpiRow> Rows)
{
    /// <summary>Returns the report as text rows, header first.</summary>
    /// <returns>Rows with invariant formatting: amounts rounded half-up to the minor unit, rates to 6 decimals, empty when undefined.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["period_start", "period_end", "currency", "mrr", "arr", "contracts", "paying_subscriptions", "active_customers", "paying_customers", "arpa", "revenue_per_subscription", "net_new_mrr", "net_revenue", "non_recurring_revenue", "churned_customers", "logo_churn_rate", "gross_revenue_churn_rate", "net_revenue_churn_rate", "net_revenue_retention", "gross_revenue_retention", "ltv", "quick_ratio"];
        foreach (var r in Rows)
        {
            yield return
            [
                Format.Date(r.Period.Start), Format.Date(r.Period.End), Currency.Code, Format.Amount(r.End.Mrr), Format.Amount(r.End.Arr),
                Format.Int(r.End.Contracts), Format.Int(r.End.PayingSubscriptions), Format.Int(r.End.ActiveCustomers), Format.Int(r.End.PayingCustomers),
                Format.Amount(r.End.Arpa), Format.Amount(r.End.RevenuePerSubscription), Format.Amount(r.Movements.NetNew),
                Format.Amount(r.NetRevenue), Format.Amount(r.NonRecurringRevenue), Format.Int(r.ChurnedCustomers),
                Format.Rate(r.LogoChurnRate), Format.Rate(r.GrossRevenueChurnRate), Format.Rate(r.NetRevenueChurnRate),
                Format.Rate(r.NetRevenueRetention), Format.Rate(r.GrossRevenueRetention), Format.Amount(r.Ltv), Format.Rate(r.QuickRatio),
            ];
        }
    }
}

/// <summary>The churned customers and closed subscriptions of one close reason in one period.</summary>
/// <param name="Period">The period.</param>
/// <param name="CloseReasonId">The close reason key (0 = none given).</param>
/// <param name="ChurnedCustomers">Customers that stopped being active on a change with this reason.</param>
/// <param name="ChurnedMrr">Their MRR lost (the churn movement).</param>
/// <param name="ClosedSubscriptions">Subscriptions closed with this reason, including those whose customer stays active.</param>
/// <param name="ClosedMrr">The MRR of those subscriptions before their close.</param>
public sealed record ChurnReasonRow(AnalyticsPeriod Period, int CloseReasonId, int ChurnedCustomers, Money ChurnedMrr, int ClosedSubscriptions, Money ClosedMrr);

/// <summary>Churn and closes per period and close reason.</summary>
/// <param name="Granularity">The length of the periods.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Rows">One row per period and reason that had a churn or close, by period then reason.</param>
public sealed record ChurnReasonReport(PeriodGranularity Granularity, Currency Currency, IReadOnlyList<ChurnReasonRow> Rows)
{
    /// <summary>Returns the report as text rows, header first.</summary>
    /// <returns>Rows with invariant formatting, amounts rounded half-up to the minor unit.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["period_start", "period_end", "close_reason", "currency", "churned_customers", "churned_mrr", "closed_subscriptions", "closed_mrr"];
        foreach (var r in Rows)
        {
            yield return [Format.Date(r.Period.Start), Format.Date(r.Period.End), Format.Int(r.CloseReasonId), Currency.Code, Format.Int(r.ChurnedCustomers), Format.Amount(r.ChurnedMrr), Format.Int(r.ClosedSubscriptions), Format.Amount(r.ClosedMrr)];
        }
    }
}

/// <summary>One month of a forecast.</summary>
/// <param name="Month">The month number: 0 is the starting point, 1..n the projected months.</param>
/// <param name="Date">The day the value is as of (the contract-book method), or the start date plus <paramref name="Month"/> months.</param>
/// <param name="Mrr">The projected MRR.</param>
/// <param name="Contracts">The projected number of contracts (fractional in the growth methods).</param>
public sealed record ForecastPoint(int Month, LocalDate Date, Money Mrr, decimal Contracts);

/// <summary>A forecast of MRR and contracts month by month.</summary>
/// <param name="Method">The method: <c>contract_book</c>, <c>linear</c> or <c>exponential</c>.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Points">The starting point (month 0) then one point per month.</param>
public sealed record ForecastReport(string Method, Currency Currency, IReadOnlyList<ForecastPoint> Points)
{
    /// <summary>Returns the forecast as text rows, header first.</summary>
    /// <returns>Rows with invariant formatting: MRR rounded half-up to the minor unit, contracts to 2 decimals.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["method", "month", "date", "currency", "mrr", "contracts"];
        foreach (var p in Points)
        {
            yield return [Method, Format.Int(p.Month), Format.Date(p.Date), Currency.Code, Format.Amount(p.Mrr), Format.Decimal(p.Contracts, 2)];
        }
    }
}
