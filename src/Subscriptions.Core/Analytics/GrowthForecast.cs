namespace Subscriptions.Analytics;

/// <summary>Odoo's growth forecasts of MRR or contracts (METRICS.md, growth forecasts): pure functions of their inputs.</summary>
/// <remarks>
/// For month i = 1..n: linear <c>v_i = v_{i−1} × (1 − churn/100) + linear_growth</c>; exponential
/// <c>v_i = v_{i−1} × (1 − churn/100) × (1 + growth/100)</c>. Defaults: 12 months, exponential growth 15 %.
/// Values are not rounded.
/// </remarks>
public static class GrowthForecast
{
    /// <summary>The default projection length: 12 months.</summary>
    public const int DefaultMonths = 12;

    /// <summary>The default exponential growth: 15 % a month.</summary>
    public const decimal DefaultGrowthPercent = 15m;

    /// <summary>Projects a value with linear growth.</summary>
    /// <param name="start">The starting value v_0 (current MRR or contract count).</param>
    /// <param name="churnPercent">The churn per month in percent (5 = 5 %).</param>
    /// <param name="linearGrowth">The amount added each month (current net new MRR, or net new contracts).</param>
    /// <param name="months">The number of months, at least 1.</param>
    /// <returns>v_1..v_n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="months"/> is below 1.</exception>
    public static IReadOnlyList<decimal> Linear(decimal start, decimal churnPercent, decimal linearGrowth, int months = DefaultMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var values = new decimal[months];
        var v = start;
        var keep = 1m - (churnPercent / 100m);
        for (var i = 0; i < months; i++)
        {
            v = (v * keep) + linearGrowth;
            values[i] = v;
        }

        return values;
    }

    /// <summary>Projects a value with exponential growth.</summary>
    /// <param name="start">The starting value v_0 (current MRR or contract count).</param>
    /// <param name="churnPercent">The churn per month in percent.</param>
    /// <param name="growthPercent">The growth per month in percent; 15 by default.</param>
    /// <param name="months">The number of months, at least 1.</param>
    /// <returns>v_1..v_n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="months"/> is below 1.</exception>
    public static IReadOnlyList<decimal> Exponential(decimal start, decimal churnPercent, decimal growthPercent = DefaultGrowthPercent, int months = DefaultMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var values = new decimal[months];
        var v = start;
        var factor = (1m - (churnPercent / 100m)) * (1m + (growthPercent / 100m));
        for (var i = 0; i < months; i++)
        {
            v *= factor;
            values[i] = v;
        }

        return values;
    }

    /// <summary>Projects MRR and contracts linearly from a KPI row, with Odoo's defaults.</summary>
    /// <param name="current">The current period (usually the last complete month).</param>
    /// <param name="months">The number of months; 12 by default.</param>
    /// <returns>Month 0 (the row's end balances) then the projection.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="current"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="months"/> is below 1.</exception>
    /// <remarks>
    /// Start = MRR (contracts) at the end of the row; churn = its gross revenue churn rate in percent (0 when
    /// undefined); linear growth = its net new MRR, and for contracts net new MRR / ARPA (0 without ARPA).
    /// </remarks>
    public static ForecastReport LinearFrom(KpiRow current, int months = DefaultMonths)
    {
        ArgumentNullException.ThrowIfNull(current);
        var churn = (current.GrossRevenueChurnRate ?? 0m) * 100m;
        var netNew = current.Movements.NetNew;
        var contractGrowth = current.End.Arpa is { IsZero: false } arpa ? netNew.Amount / arpa.Amount : 0m;
        var mrr = Linear(current.End.Mrr.Amount, churn, netNew.Amount, months);
        var contracts = Linear(current.End.Contracts, churn, contractGrowth, months);
        return Build("linear", current, mrr, contracts);
    }

    /// <summary>Projects MRR and contracts exponentially from a KPI row, with Odoo's defaults.</summary>
    /// <param name="current">The current period (usually the last complete month).</param>
    /// <param name="growthPercent">The growth per month in percent; 15 by default.</param>
    /// <param name="months">The number of months; 12 by default.</param>
    /// <returns>Month 0 (the row's end balances) then the projection.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="current"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="months"/> is below 1.</exception>
    /// <remarks>Start = MRR (contracts) at the end of the row; churn = its gross revenue churn rate in percent (0 when undefined).</remarks>
    public static ForecastReport ExponentialFrom(KpiRow current, decimal growthPercent = DefaultGrowthPercent, int months = DefaultMonths)
    {
        ArgumentNullException.ThrowIfNull(current);
        var churn = (current.GrossRevenueChurnRate ?? 0m) * 100m;
        var mrr = Exponential(current.End.Mrr.Amount, churn, growthPercent, months);
        var contracts = Exponential(current.End.Contracts, churn, growthPercent, months);
        return Build("exponential", current, mrr, contracts);
    }

    private static ForecastReport Build(string method, KpiRow current, IReadOnlyList<decimal> mrr, IReadOnlyList<decimal> contracts)
    {
        var currency = current.End.Mrr.Currency;
        var points = new ForecastPoint[mrr.Count + 1];
        points[0] = new ForecastPoint(0, current.End.AsOf, current.End.Mrr, current.End.Contracts);
        for (var i = 0; i < mrr.Count; i++)
        {
            points[i + 1] = new ForecastPoint(i + 1, current.End.AsOf.PlusMonths(i + 1), new Money(mrr[i], currency), contracts[i]);
        }

        return new ForecastReport(method, currency, points);
    }
}
