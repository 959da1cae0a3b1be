using System.Numerics;
using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>Who counts as retained in a cohort table.</summary>
public enum CohortRetention
{
    /// <summary>Every cohort customer with MRR above zero at the snapshot, reactivated customers included (ChartMogul; the default).</summary>
    Active = 0,

    /// <summary>Only the customers that have not churned since they started (Stripe's "not yet churned"): a reactivated customer does not count again.</summary>
    NotYetChurned = 1,
}

/// <summary>Options of <see cref="MrrHistory.Cohorts"/>.</summary>
public class CohortOptions
{
    /// <summary>Gets or sets the length of a cohort and of an offset.</summary>
    /// <value>The default value is <see cref="PeriodGranularity.Month"/> (METRICS.md: calendar months).</value>
    public PeriodGranularity Granularity { get; set; } = PeriodGranularity.Month;

    /// <summary>Gets or sets the attribute that splits each cohort, taken from the change that started the customer's first MRR.</summary>
    /// <value>The default value is <see cref="AnalyticsDimension.None"/>.</value>
    public AnalyticsDimension GroupBy { get; set; } = AnalyticsDimension.None;

    /// <summary>Gets or sets who counts as retained.</summary>
    /// <value>The default value is <see cref="CohortRetention.Active"/>.</value>
    public CohortRetention Retention { get; set; } = CohortRetention.Active;
}

/// <summary>One cell of a cohort table: the cohort at the end of its k-th period.</summary>
/// <param name="Offset">k: 0 is the cohort's own period.</param>
/// <param name="AsOf">The last day of the period the snapshot is taken at.</param>
/// <param name="RetainedCustomers">Cohort customers with MRR above zero (and not churned before, in <see cref="CohortRetention.NotYetChurned"/>).</param>
/// <param name="LogoRetention">Retained customers / cohort size.</param>
/// <param name="Mrr">The MRR of the retained customers.</param>
/// <param name="NetRevenueRetention">Cohort MRR / cohort initial MRR; <see langword="null"/> when the initial MRR is 0.</param>
/// <param name="GrossRevenueRetention">Σ min(MRR_c, initial_c) / Σ initial_c; <see langword="null"/> when the initial MRR is 0.</param>
public sealed record CohortCell(int Offset, LocalDate AsOf, int RetainedCustomers, decimal LogoRetention, Money Mrr, decimal? NetRevenueRetention, decimal? GrossRevenueRetention);

/// <summary>One cohort (and group) of a cohort table.</summary>
/// <param name="Cohort">The period the cohort's customers first had MRR in.</param>
/// <param name="Key">The plan, salesperson or country key of the group (0 without grouping).</param>
/// <param name="Size">The number of customers in the cohort.</param>
/// <param name="InitialMrr">Σ initial_c: each customer's MRR at the end of its first day with MRR.</param>
/// <param name="Cells">One cell per offset, from 0 to the end of the report.</param>
public sealed record CohortRow(AnalyticsPeriod Cohort, int Key, int Size, Money InitialMrr, IReadOnlyList<CohortCell> Cells);

/// <summary>A cohort retention table (METRICS.md, cohort retention tables).</summary>
/// <param name="Granularity">The length of a cohort and of an offset.</param>
/// <param name="GroupBy">The attribute that splits cohorts.</param>
/// <param name="Retention">Who counts as retained.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="Rows">One row per cohort and group with at least one customer, by cohort then key.</param>
public sealed record CohortTable(PeriodGranularity Granularity, AnalyticsDimension GroupBy, CohortRetention Retention, Currency Currency, IReadOnlyList<CohortRow> Rows)
{
    /// <summary>Returns the table as text rows in long form (one row per cohort, group and offset), header first.</summary>
    /// <returns>Rows with invariant formatting: amounts rounded half-up to the minor unit, rates to 6 decimals.</returns>
    public IEnumerable<string[]> ToRows()
    {
        yield return ["cohort_start", "cohort_end", Format.DimensionName(GroupBy), "size", "currency", "initial_mrr", "offset", "as_of", "retained_customers", "logo_retention", "mrr", "net_revenue_retention", "gross_revenue_retention"];
        foreach (var row in Rows)
        {
            foreach (var cell in row.Cells)
            {
                yield return
                [
                    Format.Date(row.Cohort.Start), Format.Date(row.Cohort.End), Format.Int(row.Key), Format.Int(row.Size), Currency.Code,
                    Format.Amount(row.InitialMrr), Format.Int(cell.Offset), Format.Date(cell.AsOf), Format.Int(cell.RetainedCustomers),
                    Format.Rate(cell.LogoRetention), Format.Amount(cell.Mrr), Format.Rate(cell.NetRevenueRetention), Format.Rate(cell.GrossRevenueRetention),
                ];
            }
        }
    }
}

/// <content>Cohort retention tables.</content>
public sealed partial class MrrHistory
{
    /// <summary>Returns the cohort retention table of the customers who first had MRR within a range.</summary>
    /// <param name="from">The first day of the first cohort.</param>
    /// <param name="to">The day after the last snapshot.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (monthly, no grouping, active customers).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when an option is not a defined value.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is not after <paramref name="from"/>, or a date is not ISO.</exception>
    /// <remarks>
    /// Cohort = the period of the customer's first MRR above zero (its new business); customers who first had MRR
    /// before <paramref name="from"/> are in no cohort. Offset k is the k-th period after the cohort's; each cell is a
    /// snapshot at the end of that period. Logo retention = retained customers / cohort size; net revenue retention =
    /// cohort MRR / cohort initial MRR; gross revenue retention = Σ min(MRR_c, initial_c) / Σ initial_c. A cohort's
    /// group is the plan, salesperson or country on the change that started its first MRR.
    /// </remarks>
    public CohortTable Cohorts(LocalDate from, LocalDate to, CohortOptions? options = null)
    {
        options ??= new CohortOptions();
        CheckDimension(options.GroupBy, nameof(options));
        if (options.Retention is not (CohortRetention.Active or CohortRetention.NotYetChurned))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Retention, "Use Active or NotYetChurned.");
        }

        var periods = PeriodMath.Build(from, to, options.Granularity);
        var count = periods.Length;
        int[]? keys = null;
        var keyCount = 1;
        int[] keyValues = [0];
        if (options.GroupBy != AnalyticsDimension.None)
        {
            keys = KeysOf(options.GroupBy, out keyCount, out keyValues);
            keyCount = Math.Max(keyCount, 1);
        }

        var notYetChurned = options.Retention == CohortRetention.NotYetChurned;
        var groups = checked(count * keyCount);
        var size = new int[groups];
        var retainedChange = new int[checked(groups * count)];
        decimal[] initial, mrrChange, minChange;
        if (_units is not null)
        {
            AccumulateCohorts(_units, periods, keys, keyCount, notYetChurned, size, retainedChange, out var initialUnits, out var mrrUnits, out var minUnits);
            initial = Array.ConvertAll(initialUnits, FromUnits);
            mrrChange = Array.ConvertAll(mrrUnits, FromUnits);
            minChange = Array.ConvertAll(minUnits, FromUnits);
        }
        else
        {
            AccumulateCohorts(_delta!, periods, keys, keyCount, notYetChurned, size, retainedChange, out initial, out mrrChange, out minChange);
        }

        var cellRetained = retainedChange;
        var cellMrr = mrrChange;
        var cellMin = minChange;
        for (var g = 0; g < groups; g++)
        {
            var q = g / keyCount;
            for (var p = q + 1; p < count; p++)
            {
                var at = (g * count) + p;
                cellRetained[at] += cellRetained[at - 1];
                cellMrr[at] += cellMrr[at - 1];
                cellMin[at] += cellMin[at - 1];
            }
        }

        var rows = new List<CohortRow>();
        for (var q = 0; q < count; q++)
        {
            for (var k = 0; k < keyCount; k++)
            {
                var g = (q * keyCount) + k;
                if (size[g] == 0)
                {
                    continue;
                }

                var cells = new CohortCell[count - q];
                for (var offset = 0; offset < cells.Length; offset++)
                {
                    var cell = (g * count) + q + offset;
                    var base0 = initial[g];
                    cells[offset] = new CohortCell(
                        offset,
                        DayBefore(periods[q + offset].End),
                        cellRetained[cell],
                        (decimal)cellRetained[cell] / size[g],
                        M(cellMrr[cell]),
                        base0 > 0m ? cellMrr[cell] / base0 : null,
                        base0 > 0m ? cellMin[cell] / base0 : null);
                }

                rows.Add(new CohortRow(periods[q], keyValues[k], size[g], M(initial[g]), cells));
            }
        }

        rows.Sort((x, y) => x.Cohort.Start != y.Cohort.Start ? x.Cohort.Start.CompareTo(y.Cohort.Start) : x.Key.CompareTo(y.Key));
        return new CohortTable(options.Granularity, options.GroupBy, options.Retention, ReportingCurrency, rows);
    }

    private void AccumulateCohorts<T>(T[] delta, AnalyticsPeriod[] periods, int[]? keys, int keyCount, bool notYetChurned, int[] size, int[] retainedChange, out T[] initial, out T[] mrrChange, out T[] minChange)
        where T : struct, INumber<T>
    {
        var count = periods.Length;
        var groups = size.Length;
        var zero = T.Zero;
        initial = new T[groups];

        // Per group and period: the change of the group's retained count, MRR and Σ min(MRR, initial) in that
        // period; the cells are their running sums from the cohort's own period.
        mrrChange = new T[groups * count];
        minChange = new T[groups * count];
        var lookup = new PeriodLookup(periods);
        var customerCount = CustomerCount;
        for (var c = 0; c < customerCount; c++)
        {
            var mrr = zero;
            var paused = 0;
            var group = -2;
            var init = zero;
            var firstDay = 0;
            var end = _customerStart[c + 1];
            for (var k = _customerStart[c]; k < end; k++)
            {
                var p = lookup.PeriodOf(_day[k]);
                if (p >= count)
                {
                    break;
                }

                var d = delta[k];
                var f = _flags[k];
                var old = mrr;
                mrr += d;
                paused += ((f & PausedAfterFlag) != 0 ? 1 : 0) - ((f & PausedBeforeFlag) != 0 ? 1 : 0);
                if (group == -2)
                {
                    if (mrr > zero)
                    {
                        if (p < 0)
                        {
                            // First MRR before the report: in no cohort.
                            break;
                        }

                        group = (p * keyCount) + (keys is null ? 0 : keys[k]);
                        init = mrr;
                        firstDay = _day[k];
                        size[group]++;
                        initial[group] += mrr;
                        var cell = (group * count) + p;
                        mrrChange[cell] += mrr;
                        minChange[cell] += mrr;
                        retainedChange[cell]++;
                    }

                    continue;
                }

                var at = (group * count) + p;
                if (_day[k] == firstDay)
                {
                    // Still the customer's first day with MRR: its initial MRR follows.
                    initial[group] += mrr - init;
                    minChange[at] += mrr - old;
                    init = mrr;
                }
                else
                {
                    minChange[at] += T.Min(mrr, init) - T.Min(old, init);
                }

                mrrChange[at] += d;
                retainedChange[at] += (mrr > zero ? 1 : 0) - (old > zero ? 1 : 0);
                if (notYetChurned && mrr == zero && paused == 0)
                {
                    // Churned: its contributions are back to zero and stay there.
                    break;
                }
            }
        }

    }
}
