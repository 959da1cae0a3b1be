using System.Numerics;
using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>The movement types of METRICS.md §3, plus the <c>fx</c> line.</summary>
internal enum MovementKind : byte
{
    None = 0,
    New,
    Expansion,
    Contraction,
    Churn,
    Reactivation,
    Fx,
}

/// <summary>Movement totals being accumulated (mutable, internal), in decimal or in fixed-point units.</summary>
internal struct Flow<T>
    where T : struct, INumber<T>
{
    public T New;
    public T Expansion;
    public T Contraction;
    public T Churn;
    public T Reactivation;
    public T Fx;
    public int NewCount;
    public int ExpansionCount;
    public int ContractionCount;
    public int ChurnCount;
    public int ReactivationCount;
    public int FxCount;

    public void Add(MovementKind kind, T amount)
    {
        switch (kind)
        {
            case MovementKind.New: New += amount; NewCount++; break;
            case MovementKind.Expansion: Expansion += amount; ExpansionCount++; break;
            case MovementKind.Contraction: Contraction += amount; ContractionCount++; break;
            case MovementKind.Churn: Churn += amount; ChurnCount++; break;
            case MovementKind.Reactivation: Reactivation += amount; ReactivationCount++; break;
            case MovementKind.Fx: Fx += amount; FxCount++; break;
            default: break;
        }
    }

    public readonly Flow<decimal> ToDecimal(Func<T, decimal> convert) => new()
    {
        New = convert(New),
        Expansion = convert(Expansion),
        Contraction = convert(Contraction),
        Churn = convert(Churn),
        Reactivation = convert(Reactivation),
        Fx = convert(Fx),
        NewCount = NewCount,
        ExpansionCount = ExpansionCount,
        ContractionCount = ContractionCount,
        ChurnCount = ChurnCount,
        ReactivationCount = ReactivationCount,
        FxCount = FxCount,
    };
}

/// <summary>Balances at an instant (mutable, internal).</summary>
internal struct Balance<T>
    where T : struct, INumber<T>
{
    public T Mrr;
    public int Contracts;
    public int PayingSubscriptions;
    public int ActiveCustomers;
    public int PayingCustomers;

    public void Add(in Balance<T> other)
    {
        Mrr += other.Mrr;
        Contracts += other.Contracts;
        PayingSubscriptions += other.PayingSubscriptions;
        ActiveCustomers += other.ActiveCustomers;
        PayingCustomers += other.PayingCustomers;
    }

    public readonly Balance<decimal> ToDecimal(Func<T, decimal> convert) => new()
    {
        Mrr = convert(Mrr),
        Contracts = Contracts,
        PayingSubscriptions = PayingSubscriptions,
        ActiveCustomers = ActiveCustomers,
        PayingCustomers = PayingCustomers,
    };
}

/// <summary>Per-customer netting over a period, for the rate metrics.</summary>
internal struct NetStats<T>
    where T : struct, INumber<T>
{
    public int ChurnedCustomers;
    public T GrossLost;
    public T NetLost;

    public readonly NetStats<decimal> ToDecimal(Func<T, decimal> convert) => new()
    {
        ChurnedCustomers = ChurnedCustomers,
        GrossLost = convert(GrossLost),
        NetLost = convert(NetLost),
    };
}

/// <summary>Churn and closes attributed to one close reason in one period.</summary>
internal struct ReasonTotals
{
    public int ChurnedCustomers;
    public decimal ChurnedMrr;
    public int ClosedSubscriptions;
    public decimal ClosedMrr;
}

/// <summary>What one run of the movement engine found, in decimal.</summary>
internal sealed class EngineResult
{
    public Balance<decimal>[] Start { get; init; } = [];

    public Balance<decimal>[] End { get; init; } = [];

    public Flow<decimal>[] Events { get; init; } = [];

    public Flow<decimal>[] Net { get; init; } = [];

    public NetStats<decimal>[] Stats { get; init; } = [];

    public Flow<decimal>[] Dimension { get; init; } = [];

    public Dictionary<(int Period, int Reason), ReasonTotals> Reasons { get; init; } = [];
}

/// <summary>
/// The one-pass movement engine over an <see cref="MrrHistory"/>'s customer-major arrays: each customer's changes are
/// read in order with its state in locals, and flows go to small per-period accumulators. No allocation per change.
/// </summary>
internal sealed class MovementEngine<T>
    where T : struct, INumber<T>
{
    private readonly int[] _customerStart;
    private readonly int[] _dayOf;
    private readonly T[] _deltaOf;
    private readonly Func<T, decimal> _toDecimal;
    private readonly byte[] _flagsOf;
    private readonly int[] _source;
    private readonly MrrChange[] _changes;
    private readonly bool _net;
    private readonly int[]? _keys;
    private readonly int _keyCount;
    private readonly bool _reasons;

    public MovementEngine(int[] customerStart, int[] day, T[] delta, Func<T, decimal> toDecimal, byte[] flags, int[] source, MrrChange[] changes, bool net, int[]? keys, int keyCount, bool reasons)
    {
        _customerStart = customerStart;
        _dayOf = day;
        _deltaOf = delta;
        _toDecimal = toDecimal;
        _flagsOf = flags;
        _source = source;
        _changes = changes;
        _net = net;
        _keys = keys;
        _keyCount = keyCount;
        _reasons = reasons;
    }

    private Dictionary<(int Period, int Reason), ReasonTotals> Reasons { get; } = [];

    public EngineResult Run(AnalyticsPeriod[] periods)
    {
        var count = periods.Length;
        var lookup = new PeriodLookup(periods);
        var opening = default(Balance<T>);
        var changes = new Balance<T>[count];
        var events = new Flow<T>[count];
        var net = _net ? new Flow<T>[count] : [];
        var stats = _net ? new NetStats<T>[count] : [];
        var dimension = _keys is null ? [] : new Flow<T>[checked(count * _keyCount)];
        var customerCount = _customerStart.Length - 1;
        var zero = T.Zero;
        for (var c = 0; c < customerCount; c++)
        {
            var mrr = zero;
            var paused = 0;
            var everPaid = false;
            var current = -1;
            var startMrr = zero;
            var startActive = false;
            var startEverPaid = false;
            var fx = zero;
            var end = _customerStart[c + 1];
            for (var k = _customerStart[c]; k < end; k++)
            {
                var p = lookup.PeriodOf(_dayOf[k]);
                if (p >= count)
                {
                    break;
                }

                if (p >= 0 && p != current)
                {
                    if (current >= 0 && _net)
                    {
                        CloseNet(ref net[current], ref stats[current], startMrr, startActive, startEverPaid, fx, mrr, paused);
                    }

                    current = p;
                    startMrr = mrr;
                    startActive = mrr > zero || paused > 0;
                    startEverPaid = everPaid;
                    fx = zero;
                }

                var d = _deltaOf[k];
                var f = _flagsOf[k];
                var oldMrr = mrr;
                var oldPaused = paused;
                mrr += d;
                var pausedBefore = (f & MrrHistory.PausedBeforeFlag) != 0;
                var pausedAfter = (f & MrrHistory.PausedAfterFlag) != 0;
                paused += (pausedAfter ? 1 : 0) - (pausedBefore ? 1 : 0);
                var oldPaying = oldMrr > zero;
                var newPaying = mrr > zero;
                var wasActive = oldPaying || oldPaused > 0;
                var isActive = newPaying || paused > 0;
                ref var balance = ref p < 0 ? ref opening : ref changes[p];
                balance.Mrr += d;
                var afterPositive = (f & MrrHistory.AfterPositiveFlag) != 0;
                var beforePositive = (f & MrrHistory.BeforePositiveFlag) != 0;
                balance.PayingSubscriptions += (afterPositive ? 1 : 0) - (beforePositive ? 1 : 0);
                balance.Contracts += (afterPositive || pausedAfter ? 1 : 0) - (beforePositive || pausedBefore ? 1 : 0);
                balance.PayingCustomers += (newPaying ? 1 : 0) - (oldPaying ? 1 : 0);
                balance.ActiveCustomers += (isActive ? 1 : 0) - (wasActive ? 1 : 0);
                var wasEverPaid = everPaid;
                everPaid |= newPaying;
                if (p < 0)
                {
                    continue;
                }

                MovementKind kind;
                T amount;
                if ((f & MrrHistory.FxFlag) != 0)
                {
                    kind = MovementKind.Fx;
                    amount = d;
                    fx += d;
                }
                else if (!wasActive && isActive)
                {
                    kind = newPaying ? (wasEverPaid ? MovementKind.Reactivation : MovementKind.New) : MovementKind.None;
                    amount = mrr;
                }
                else if (wasActive && !isActive)
                {
                    kind = MovementKind.Churn;
                    amount = oldMrr;
                }
                else if (d > zero)
                {
                    kind = MovementKind.Expansion;
                    amount = d;
                }
                else if (d < zero)
                {
                    kind = MovementKind.Contraction;
                    amount = -d;
                }
                else
                {
                    continue;
                }

                events[p].Add(kind, amount);
                if (_keys is not null)
                {
                    dimension[(p * _keyCount) + _keys[k]].Add(kind, amount);
                }

                if (_reasons && (kind == MovementKind.Churn || (f & MrrHistory.CloseFlag) != 0))
                {
                    AddReason(p, _changes[_source[k]].CloseReasonId, kind == MovementKind.Churn ? _toDecimal(amount) : -1m, (f & MrrHistory.CloseFlag) != 0 ? _toDecimal(-d) : -1m);
                }
            }

            if (current >= 0 && _net)
            {
                CloseNet(ref net[current], ref stats[current], startMrr, startActive, startEverPaid, fx, mrr, paused);
            }
        }

        var start = new Balance<decimal>[count];
        var finish = new Balance<decimal>[count];
        var running = opening;
        for (var p = 0; p < count; p++)
        {
            start[p] = running.ToDecimal(_toDecimal);
            running.Add(changes[p]);
            finish[p] = running.ToDecimal(_toDecimal);
        }

        return new EngineResult
        {
            Start = start,
            End = finish,
            Events = Array.ConvertAll(events, x => x.ToDecimal(_toDecimal)),
            Net = Array.ConvertAll(net, x => x.ToDecimal(_toDecimal)),
            Stats = Array.ConvertAll(stats, x => x.ToDecimal(_toDecimal)),
            Dimension = Array.ConvertAll(dimension, x => x.ToDecimal(_toDecimal)),
            Reasons = Reasons,
        };
    }

    private void AddReason(int period, int reason, decimal churned, decimal closed)
    {
        var key = (period, reason);
        Reasons.TryGetValue(key, out var totals);
        if (churned >= 0m)
        {
            totals.ChurnedCustomers++;
            totals.ChurnedMrr += churned;
        }

        if (closed >= 0m)
        {
            totals.ClosedSubscriptions++;
            totals.ClosedMrr += closed;
        }

        Reasons[key] = totals;
    }

    private static void CloseNet(ref Flow<T> flow, ref NetStats<T> stats, T s, bool startActive, bool startEverPaid, T fx, T e, int paused)
    {
        var zero = T.Zero;
        var endActive = e > zero || paused > 0;
        if (!startActive && endActive)
        {
            if (e > zero)
            {
                flow.Add(startEverPaid ? MovementKind.Reactivation : MovementKind.New, e);
            }
        }
        else if (startActive && !endActive)
        {
            flow.Add(MovementKind.Churn, s);
            stats.ChurnedCustomers++;
        }
        else if (startActive)
        {
            if (fx != zero)
            {
                flow.Add(MovementKind.Fx, fx);
            }

            var rest = e - s - fx;
            if (rest > zero)
            {
                flow.Add(MovementKind.Expansion, rest);
            }
            else if (rest < zero)
            {
                flow.Add(MovementKind.Contraction, -rest);
            }
        }

        if (s > zero)
        {
            stats.GrossLost += T.Max(zero, s - e);
            stats.NetLost += s - e;
        }
    }
}

/// <summary>Maps a day number to the index of the report period containing it: -1 before, the count after.</summary>
internal readonly struct PeriodLookup
{
    private readonly int _first;
    private readonly int _end;
    private readonly int _count;
    private readonly int[] _periodOfDay;

    public PeriodLookup(AnalyticsPeriod[] periods)
    {
        _count = periods.Length;
        _first = PeriodMath.ToDay(periods[0].Start);
        _end = PeriodMath.ToDay(periods[^1].End);
        _periodOfDay = new int[_end - _first];
        for (var p = 0; p < periods.Length; p++)
        {
            var from = PeriodMath.ToDay(periods[p].Start) - _first;
            var to = PeriodMath.ToDay(periods[p].End) - _first;
            Array.Fill(_periodOfDay, p, from, to - from);
        }
    }

    public int PeriodOf(int day) => day < _first ? -1 : day >= _end ? _count : _periodOfDay[day - _first];
}

/// <content>The entry points that run the movement engine.</content>
public sealed partial class MrrHistory
{
    private EngineResult RunEngine(AnalyticsPeriod[] periods, bool net, int[]? keys = null, int keyCount = 0, bool reasons = false) =>
        _units is not null
            ? new MovementEngine<long>(_customerStart, _day, _units, FromUnits, _flags, _source, _changes, net, keys, keyCount, reasons).Run(periods)
            : new MovementEngine<decimal>(_customerStart, _day, _delta!, static x => x, _flags, _source, _changes, net, keys, keyCount, reasons).Run(periods);

    private KpiSnapshot Snapshot(LocalDate asOf, in Balance<decimal> balance) =>
        new(asOf, M(balance.Mrr), balance.Contracts, balance.PayingSubscriptions, balance.ActiveCustomers, balance.PayingCustomers);

    private MrrMovements Movements(in Flow<decimal> flow) => new(
        M(flow.New), M(flow.Expansion), M(flow.Contraction), M(flow.Churn), M(flow.Reactivation), M(flow.Fx),
        flow.NewCount, flow.ExpansionCount, flow.ContractionCount, flow.ChurnCount, flow.ReactivationCount);

    /// <summary>Returns the MRR movements per period, both event-level and per-customer net (METRICS.md §3).</summary>
    /// <param name="granularity">The length of the periods.</param>
    /// <param name="from">The first day of the report.</param>
    /// <param name="to">The day after the last day of the report.</param>
    /// <returns>One row per period in each view.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="granularity"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is not after <paramref name="from"/>, or a date is not ISO.</exception>
    public MrrMovementReport Movements(PeriodGranularity granularity, LocalDate from, LocalDate to)
    {
        var periods = PeriodMath.Build(from, to, granularity);
        var engine = RunEngine(periods, net: true);
        var events = new MrrMovementRow[periods.Length];
        var net = new MrrMovementRow[periods.Length];
        for (var p = 0; p < periods.Length; p++)
        {
            events[p] = new MrrMovementRow(periods[p], M(engine.Start[p].Mrr), Movements(engine.Events[p]), M(engine.End[p].Mrr));
            net[p] = new MrrMovementRow(periods[p], M(engine.Start[p].Mrr), Movements(engine.Net[p]), M(engine.End[p].Mrr));
        }

        return new MrrMovementReport(granularity, ReportingCurrency, events, net);
    }

    /// <summary>Returns the event-level MRR movements per period broken down by plan, salesperson or country.</summary>
    /// <param name="dimension">The attribute; each movement goes to the value on the change that caused it.</param>
    /// <param name="granularity">The length of the periods.</param>
    /// <param name="from">The first day of the report.</param>
    /// <param name="to">The day after the last day of the report.</param>
    /// <returns>One row per period and attribute value that had a movement.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="granularity"/> or <paramref name="dimension"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is not after <paramref name="from"/>, or a date is not ISO.</exception>
    /// <remarks>Classification stays per customer: closing one of a customer's two subscriptions is a contraction of that subscription's plan.</remarks>
    public DimensionMovementReport MovementsBy(AnalyticsDimension dimension, PeriodGranularity granularity, LocalDate from, LocalDate to)
    {
        CheckDimension(dimension, nameof(dimension));
        var periods = PeriodMath.Build(from, to, granularity);
        var keys = KeysOf(dimension, out var keyCount, out var keyValues);
        var engine = RunEngine(periods, net: false, keys, Math.Max(keyCount, 1));
        var rows = new List<DimensionMovementRow>();
        for (var p = 0; p < periods.Length; p++)
        {
            for (var k = 0; k < keyCount; k++)
            {
                ref readonly var flow = ref engine.Dimension[(p * keyCount) + k];
                if (flow.NewCount + flow.ExpansionCount + flow.ContractionCount + flow.ChurnCount + flow.ReactivationCount + flow.FxCount > 0)
                {
                    rows.Add(new DimensionMovementRow(periods[p], keyValues[k], Movements(flow)));
                }
            }
        }

        rows.Sort((x, y) => x.Period.Start != y.Period.Start ? x.Period.Start.CompareTo(y.Period.Start) : x.Key.CompareTo(y.Key));
        return new DimensionMovementReport(dimension, granularity, ReportingCurrency, rows);
    }

    /// <summary>Returns the balances as of a day: MRR, ARR, contracts, customers, ARPA, revenue per subscription.</summary>
    /// <param name="asOf">The day; the changes effective on it are included.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">Thrown when the date is not ISO.</exception>
    public KpiSnapshot KpisAsOf(LocalDate asOf)
    {
        PeriodMath.CheckIso(asOf, nameof(asOf));
        var periods = new[] { new AnalyticsPeriod(asOf, asOf.PlusDays(1)) };
        var engine = RunEngine(periods, net: false);
        return Snapshot(asOf, engine.End[0]);
    }

    /// <summary>Returns the KPIs per period (METRICS.md §4-§8 and the quick ratio).</summary>
    /// <param name="granularity">The length of the periods.</param>
    /// <param name="from">The first day of the report.</param>
    /// <param name="to">The day after the last day of the report.</param>
    /// <param name="documents">The posted invoices and credit notes for net and non-recurring revenue; <see langword="null"/> for none.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>One row per period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="granularity"/> is not defined or the LTV window is below 1.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is not after <paramref name="from"/>, a date is not ISO, or a document has a negative amount or two currencies.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a document needs a rate that is not in <see cref="Rates"/>.</exception>
    public KpiReport Kpis(PeriodGranularity granularity, LocalDate from, LocalDate to, IEnumerable<RevenueDocument>? documents = null, KpiOptions? options = null)
    {
        options ??= new KpiOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LtvChurnPeriods, 1, nameof(options));
        var periods = PeriodMath.Build(from, to, granularity);
        var revenue = new decimal[periods.Length];
        var nonRecurring = new decimal[periods.Length];
        if (documents is not null)
        {
            AddDocuments(documents, periods, revenue, nonRecurring);
        }

        var engine = RunEngine(periods, net: true);
        var rows = new KpiRow[periods.Length];
        var churnRates = new decimal?[periods.Length];
        for (var p = 0; p < periods.Length; p++)
        {
            var start = engine.Start[p];
            var end = engine.End[p];
            var stats = engine.Stats[p];
            var flow = engine.Events[p];
            decimal? logoChurn = start.ActiveCustomers > 0 ? (decimal)stats.ChurnedCustomers / start.ActiveCustomers : null;
            churnRates[p] = logoChurn;
            decimal? gross = start.Mrr > 0m ? stats.GrossLost / start.Mrr : null;
            decimal? netChurn = start.Mrr > 0m ? stats.NetLost / start.Mrr : null;
            var lost = flow.Contraction + flow.Churn;
            decimal? quick = lost > 0m ? (flow.New + flow.Expansion) / lost : null;
            var endSnapshot = Snapshot(DayBefore(periods[p].End), end);
            decimal? ltvChurn = TrailingAverage(churnRates, p, options.LtvChurnPeriods);
            Money? ltv = ltvChurn is > 0m && endSnapshot.Arpa is { } arpa ? M(arpa.Amount / ltvChurn.Value) : null;
            rows[p] = new KpiRow(
                periods[p],
                Snapshot(DayBefore(periods[p].Start), start),
                endSnapshot,
                Movements(flow),
                Movements(engine.Net[p]),
                M(revenue[p]),
                M(nonRecurring[p]),
                stats.ChurnedCustomers,
                logoChurn,
                gross,
                netChurn,
                netChurn is { } nc ? 1m - nc : null,
                gross is { } g ? 1m - g : null,
                ltv,
                quick);
        }

        return new KpiReport(granularity, ReportingCurrency, rows);
    }

    private static decimal? TrailingAverage(decimal?[] rates, int last, int window)
    {
        decimal sum = 0m;
        var count = 0;
        for (var p = Math.Max(0, last - window + 1); p <= last; p++)
        {
            if (rates[p] is { } rate)
            {
                sum += rate;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    private void AddDocuments(IEnumerable<RevenueDocument> documents, AnalyticsPeriod[] periods, decimal[] revenue, decimal[] nonRecurring)
    {
        var ends = new int[periods.Length];
        for (var p = 0; p < periods.Length; p++)
        {
            ends[p] = PeriodMath.ToDay(periods[p].End);
        }

        var fromDay = PeriodMath.ToDay(periods[0].Start);
        foreach (var document in documents)
        {
            PeriodMath.CheckIso(document.Date, nameof(documents));
            if (document.Kind is not (RevenueDocumentKind.Invoice or RevenueDocumentKind.CreditNote))
            {
                throw new ArgumentException("A revenue document is an Invoice or a CreditNote.", nameof(documents));
            }

            if (document.Untaxed.Currency != document.NonRecurringUntaxed.Currency || document.Untaxed.Currency.IsNone)
            {
                throw new ArgumentException("A revenue document's untaxed and non-recurring amounts must be in the same, real currency.", nameof(documents));
            }

            if (document.Untaxed.IsNegative || document.NonRecurringUntaxed.IsNegative)
            {
                throw new ArgumentException("Revenue document amounts are positive as printed; a credit note is subtracted by its kind.", nameof(documents));
            }

            var day = PeriodMath.ToDay(document.Date);
            if (day < fromDay || day >= ends[^1])
            {
                continue;
            }

            var p = Array.BinarySearch(ends, day);
            p = p < 0 ? ~p : p + 1;
            var rate = Rates.GetRate(document.Untaxed.Currency, document.Date);
            var sign = document.Kind == RevenueDocumentKind.CreditNote ? -1m : 1m;
            revenue[p] += sign * document.Untaxed.Amount * rate;
            nonRecurring[p] += sign * document.NonRecurringUntaxed.Amount * rate;
        }
    }

    /// <summary>Returns, per period and close reason, the customers churned and the subscriptions closed, with the MRR lost.</summary>
    /// <param name="granularity">The length of the periods.</param>
    /// <param name="from">The first day of the report.</param>
    /// <param name="to">The day after the last day of the report.</param>
    /// <returns>One row per period and close reason that had a churn or a close.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="granularity"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="to"/> is not after <paramref name="from"/>, or a date is not ISO.</exception>
    /// <remarks>
    /// A customer churn is attributed to the reason on the change that ended its last active subscription. Closed
    /// subscriptions include those whose customer stays active (a contraction, not a churn).
    /// </remarks>
    public ChurnReasonReport ChurnReasons(PeriodGranularity granularity, LocalDate from, LocalDate to)
    {
        var periods = PeriodMath.Build(from, to, granularity);
        var engine = RunEngine(periods, net: false, reasons: true);
        var rows = new List<ChurnReasonRow>(engine.Reasons.Count);
        foreach (var ((period, reason), totals) in engine.Reasons)
        {
            rows.Add(new ChurnReasonRow(periods[period], reason, totals.ChurnedCustomers, M(totals.ChurnedMrr), totals.ClosedSubscriptions, M(totals.ClosedMrr)));
        }

        rows.Sort((x, y) => x.Period.Start != y.Period.Start ? x.Period.Start.CompareTo(y.Period.Start) : x.CloseReasonId.CompareTo(y.CloseReasonId));
        return new ChurnReasonReport(granularity, ReportingCurrency, rows);
    }

    /// <summary>Returns the MRR and contract count at the end of each of the next months, from the contract book.</summary>
    /// <param name="asOf">The day the forecast starts from (its balance includes the changes effective on it).</param>
    /// <param name="months">How many months to project; 12 by default.</param>
    /// <returns>The starting point and one point per month, as of <c>asOf + i months</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="months"/> is below 1.</exception>
    /// <exception cref="ArgumentException">Thrown when the date is not ISO.</exception>
    /// <remarks>
    /// The contract book is the history itself: include the changes already scheduled after <paramref name="asOf"/>
    /// (pending downgrades, scheduled plan changes, fixed-term ends as changes to MRR 0 at the term's end). Nothing
    /// else changes: no new business and no unscheduled churn.
    /// </remarks>
    public ForecastReport ForecastFromContractBook(LocalDate asOf, int months = 12)
    {
        PeriodMath.CheckIso(asOf, nameof(asOf));
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var ends = new int[months + 1];
        for (var m = 0; m <= months; m++)
        {
            ends[m] = PeriodMath.ToDay(asOf.PlusMonths(m)) + 1;
        }

        // Each change moves the balances of every point from the first one whose day it falls before.
        var mrrChange = new decimal[months + 1];
        var contractChange = new int[months + 1];
        for (var k = 0; k < _day.Length; k++)
        {
            var m = Array.BinarySearch(ends, _day[k]);
            m = m < 0 ? ~m : m + 1;
            if (m > months)
            {
                continue;
            }

            var f = _flags[k];
            mrrChange[m] += DeltaAt(k);
            contractChange[m] += ((f & (AfterPositiveFlag | PausedAfterFlag)) != 0 ? 1 : 0) - ((f & (BeforePositiveFlag | PausedBeforeFlag)) != 0 ? 1 : 0);
        }

        var points = new ForecastPoint[months + 1];
        var mrr = 0m;
        var contracts = 0;
        for (var m = 0; m <= months; m++)
        {
            mrr += mrrChange[m];
            contracts += contractChange[m];
            points[m] = new ForecastPoint(m, asOf.PlusMonths(m), M(mrr), contracts);
        }

        return new ForecastReport("contract_book", ReportingCurrency, points);
    }
}
