using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>When a cancellation's churn (or contraction) is recognised.</summary>
public enum ChurnRecognition
{
    /// <summary>When the paid service ends, at the end of term for a cancel-at-period-end (ChartMogul default, ProfitWell; the default).</summary>
    ServiceEnd = 0,

    /// <summary>On the day the cancellation was requested (<see cref="MrrChange.RequestDate"/>), when it has one.</summary>
    RequestDate = 1,
}

/// <summary>An attribute that movements and cohorts can be broken down by.</summary>
public enum AnalyticsDimension
{
    /// <summary>No breakdown: one group, key 0.</summary>
    None = 0,

    /// <summary>By <see cref="MrrChange.PlanId"/>.</summary>
    Plan = 1,

    /// <summary>By <see cref="MrrChange.SalespersonId"/>.</summary>
    Salesperson = 2,

    /// <summary>By <see cref="MrrChange.CountryId"/>.</summary>
    Country = 3,
}

/// <summary>
/// A validated, sorted and converted history of MRR changes, from which every analytics report is computed.
/// </summary>
/// <remarks>
/// <para>
/// Built once (sorted by recognised date, stable for changes on the same day; already sorted input is not re-sorted),
/// converted once to the reporting currency of its <see cref="ExchangeRates"/>, then read by the reports, each in
/// one pass without allocation per change. Immutable and thread-safe.
/// </para>
/// <para>
/// Conventions (METRICS.md): MRR is a balance, movements are flows over half-open periods <c>[start, end)</c>.
/// The balance "as of" a day includes the changes effective on that day (Kill Bill's daily rule). Classification is
/// per customer: a customer is active while it has MRR above zero or a paused subscription. Each converted MRR uses
/// the rate of its change's <see cref="MrrChange.RateDate"/>; a change that leaves a subscription's own MRR, currency
/// and pause unchanged is an <c>fx</c> line, never expansion or contraction, and
/// <c>end = start + new + expansion + reactivation − contraction − churn + fx</c> holds for every period.
/// </para>
/// </remarks>
public sealed partial class MrrHistory
{
    internal const byte PausedBeforeFlag = 1;
    internal const byte PausedAfterFlag = 2;
    internal const byte FxFlag = 4;
    internal const byte CloseFlag = 8;

    private readonly MrrChange[] _changes;
    private readonly int[] _day;
    private readonly int[] _sub;
    private readonly int[] _customer;
    private readonly decimal[] _after;
    private readonly decimal[] _delta;
    private readonly byte[] _flags;
    private readonly int _customerCount;

    private MrrHistory(ExchangeRates rates, ChurnRecognition recognition, MrrChange[] changes, int[] day, int[] sub, int[] customer, decimal[] after, decimal[] delta, byte[] flags, int subscriptionCount, int customerCount)
    {
        Rates = rates;
        ChurnRecognition = recognition;
        _changes = changes;
        _day = day;
        _sub = sub;
        _customer = customer;
        _after = after;
        _delta = delta;
        _flags = flags;
        SubscriptionCount = subscriptionCount;
        _customerCount = customerCount;
    }

    /// <summary>Gets the exchange rates the history is converted with.</summary>
    public ExchangeRates Rates { get; }

    /// <summary>Gets the currency every report is in.</summary>
    public Currency ReportingCurrency => Rates.ReportingCurrency;

    /// <summary>Gets when cancellations are recognised.</summary>
    public ChurnRecognition ChurnRecognition { get; }

    /// <summary>Gets the number of changes kept, in recognition order.</summary>
    public int Count => _changes.Length;

    /// <summary>Gets the number of distinct subscriptions.</summary>
    public int SubscriptionCount { get; }

    /// <summary>Gets the number of distinct customers.</summary>
    public int CustomerCount => _customerCount;

    /// <summary>Gets the changes in recognition order (by recognised date, then input order).</summary>
    public IReadOnlyList<MrrChange> Changes => Array.AsReadOnly(_changes);

    /// <summary>Validates, sorts and converts a history of MRR changes.</summary>
    /// <param name="changes">Every change of every subscription, from each subscription's start, in any order across days; changes of one subscription on the same day in the order they happened.</param>
    /// <param name="rates">The exchange rates into the reporting currency.</param>
    /// <param name="churnRecognition">When cancellations are recognised; <see cref="ChurnRecognition.ServiceEnd"/> by default.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="churnRecognition"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when a date is not in the ISO calendar.</exception>
    /// <exception cref="InvalidMrrChangeException">Thrown when a change has a negative MRR, no currency, or is paused with an MRR.</exception>
    /// <exception cref="InconsistentMrrHistoryException">Thrown when a change's MRR before is not its subscription's previous MRR after, or a subscription changes customer.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a change needs a rate that is not in <paramref name="rates"/>.</exception>
    /// <remarks>
    /// With <see cref="ChurnRecognition.RequestDate"/>, a change that closes a subscription (MRR to 0, not paused) and
    /// has a <see cref="MrrChange.RequestDate"/> before its effective date is recognised on the request date, and the
    /// subscription's changes between the request and the end of service (such as an fx revaluation) are dropped.
    /// </remarks>
    public static MrrHistory Create(IEnumerable<MrrChange> changes, ExchangeRates rates, ChurnRecognition churnRecognition = ChurnRecognition.ServiceEnd)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(rates);
        if (churnRecognition is not (ChurnRecognition.ServiceEnd or ChurnRecognition.RequestDate))
        {
            throw new ArgumentOutOfRangeException(nameof(churnRecognition), churnRecognition, "Use ServiceEnd or RequestDate.");
        }

        MrrChange[] input = [.. changes];
        var n = input.Length;
        var day = new int[n];
        var sorted = true;
        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref input[i];
            PeriodMath.CheckIso(c.EffectiveDate, nameof(changes));
            var d = PeriodMath.ToDay(c.EffectiveDate);
            if (churnRecognition == ChurnRecognition.RequestDate && c.RequestDate is { } request && c.MrrAfter == 0m && !c.Paused)
            {
                PeriodMath.CheckIso(request, nameof(changes));
                d = Math.Min(d, PeriodMath.ToDay(request));
            }

            day[i] = d;
            if (i > 0 && d < day[i - 1])
            {
                sorted = false;
            }
        }

        if (!sorted)
        {
            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            // Array.Sort is not stable: a (day, index) key keeps same-day changes in input order.
            var keys = new long[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((long)day[i] << 32) | (uint)i;
            }

            Array.Sort(keys, order);
            var reordered = new MrrChange[n];
            for (var i = 0; i < n; i++)
            {
                reordered[i] = input[order[i]];
                day[i] = (int)(keys[i] >> 32);
            }

            input = reordered;
        }

        var subIds = new int[n];
        var customerIds = new int[n];
        for (var i = 0; i < n; i++)
        {
            subIds[i] = input[i].SubscriptionId;
            customerIds[i] = input[i].CustomerId;
        }

        var subscriptionCount = DenseKeys.Densify(subIds);
        var customerCount = DenseKeys.Densify(customerIds);
        return Convert(input, day, subIds, customerIds, subscriptionCount, customerCount, rates, churnRecognition);
    }

    private static MrrHistory Convert(MrrChange[] input, int[] day, int[] sub, int[] customer, int subscriptionCount, int customerCount, ExchangeRates rates, ChurnRecognition recognition)
    {
        var n = input.Length;
        var reporting = rates.ReportingCurrency;
        var lastLocal = new decimal[subscriptionCount];
        var lastConverted = new decimal[subscriptionCount];
        var lastCurrency = new Currency[subscriptionCount];
        var lastPaused = new bool[subscriptionCount];
        var owner = new int[subscriptionCount];
        var droppedUntil = new int[subscriptionCount];
        Array.Fill(owner, -1);
        Array.Fill(droppedUntil, int.MinValue);
        var after = new decimal[n];
        var delta = new decimal[n];
        var flags = new byte[n];
        var kept = 0;
        var cachedCurrency = reporting;
        var cachedDay = int.MinValue;
        var cachedRate = 1m;
        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref input[i];
            var s = sub[i];
            if (c.MrrBefore < 0m || c.MrrAfter < 0m)
            {
                throw new InvalidMrrChangeException(c, "MRR cannot be negative.");
            }

            if (c.Currency.IsNone)
            {
                throw new InvalidMrrChangeException(c, "it has no currency.");
            }

            if (c.Paused && c.MrrAfter != 0m)
            {
                throw new InvalidMrrChangeException(c, "a paused subscription has MRR 0.");
            }

            if (owner[s] == -1)
            {
                owner[s] = customer[i];
            }
            else if (owner[s] != customer[i])
            {
                throw new InconsistentMrrHistoryException(c, $"the subscription belonged to another customer (key {input[FindOwnerChange(sub, i, s)].CustomerId}).");
            }

            var effectiveDay = PeriodMath.ToDay(c.EffectiveDate);
            if (effectiveDay < droppedUntil[s])
            {
                // Recognised at its request date: the changes up to the end of service are already behind the close.
                continue;
            }

            if (c.MrrBefore != lastLocal[s])
            {
                throw new InconsistentMrrHistoryException(c, $"its MRR before is {c.MrrBefore} but the subscription's MRR after its previous change is {lastLocal[s]} (is a change missing or out of order?).");
            }

            decimal converted;
            if (c.MrrAfter == 0m || c.Currency == reporting)
            {
                converted = c.MrrAfter;
            }
            else
            {
                var rateDay = c.RateDate is { } rateDate ? PeriodMath.ToDay(rateDate) : effectiveDay;
                if (c.Currency != cachedCurrency || rateDay != cachedDay)
                {
                    if (!rates.TryGetRate(c.Currency, rateDay, out cachedRate))
                    {
                        throw new MissingExchangeRateException(c.Currency, reporting, PeriodMath.FromDay(rateDay));
                    }

                    cachedCurrency = c.Currency;
                    cachedDay = rateDay;
                }

                converted = c.MrrAfter * cachedRate;
            }

            byte f = 0;
            var wasLive = lastLocal[s] > 0m || lastPaused[s];
            if (lastPaused[s])
            {
                f |= PausedBeforeFlag;
            }

            if (c.Paused)
            {
                f |= PausedAfterFlag;
            }

            if (wasLive && c.MrrBefore == c.MrrAfter && c.Currency == lastCurrency[s] && lastPaused[s] == c.Paused)
            {
                f |= FxFlag;
            }

            if (wasLive && c.MrrAfter == 0m && !c.Paused)
            {
                f |= CloseFlag;
                if (day[i] < effectiveDay)
                {
                    droppedUntil[s] = effectiveDay;
                }
            }

            input[kept] = c;
            day[kept] = day[i];
            sub[kept] = s;
            customer[kept] = customer[i];
            after[kept] = converted;
            delta[kept] = converted - lastConverted[s];
            flags[kept] = f;
            kept++;
            lastLocal[s] = c.MrrAfter;
            lastConverted[s] = converted;
            lastCurrency[s] = c.Currency;
            lastPaused[s] = c.Paused;
        }

        if (kept < n)
        {
            Array.Resize(ref input, kept);
            Array.Resize(ref day, kept);
            Array.Resize(ref sub, kept);
            Array.Resize(ref customer, kept);
            Array.Resize(ref after, kept);
            Array.Resize(ref delta, kept);
            Array.Resize(ref flags, kept);
        }

        return new MrrHistory(rates, recognition, input, day, sub, customer, after, delta, flags, subscriptionCount, customerCount);
    }

    private static int FindOwnerChange(int[] sub, int before, int s)
    {
        for (var j = 0; j < before; j++)
        {
            if (sub[j] == s)
            {
                return j;
            }
        }

        return before;
    }

    /// <summary>Returns the history restricted to the changes a predicate selects, for example one billing interval.</summary>
    /// <param name="predicate">Selects the state a subscription is in after a change (such as <c>c =&gt; c.BillingInterval == Recurrence.Yearly</c>).</param>
    /// <returns>A history in which a subscription counts only while its latest change is selected; it counts as MRR 0 (closed) otherwise.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="predicate"/> is null.</exception>
    /// <remarks>
    /// METRICS.md asks not to mix billing intervals in churn rates: <c>history.Where(c =&gt; c.BillingInterval == Recurrence.Yearly)</c>
    /// gives the rates of annual plans alone. A subscription that moves out of the selection leaves it as a close,
    /// and comes back into it as a start.
    /// </remarks>
    public MrrHistory Where(Func<MrrChange, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var lastLocal = new decimal[SubscriptionCount];
        var lastPaused = new bool[SubscriptionCount];
        var result = new List<MrrChange>();
        for (var i = 0; i < _changes.Length; i++)
        {
            var c = _changes[i];
            var s = _sub[i];
            var selected = predicate(c);
            var afterMrr = selected ? c.MrrAfter : 0m;
            var paused = selected && c.Paused;
            if (lastLocal[s] == 0m && !lastPaused[s] && afterMrr == 0m && !paused)
            {
                continue;
            }

            // The recognised date becomes the effective date, so that rebuilding does not move anything again.
            result.Add(c with
            {
                EffectiveDate = PeriodMath.FromDay(_day[i]),
                RateDate = c.RateDate ?? c.EffectiveDate,
                RequestDate = null,
                MrrBefore = lastLocal[s],
                MrrAfter = afterMrr,
                Paused = paused,
            });
            lastLocal[s] = afterMrr;
            lastPaused[s] = paused;
        }

        return Create(result, Rates, ChurnRecognition.ServiceEnd);
    }

    private int FirstIndexOnOrAfter(int day)
    {
        int lo = 0, hi = _day.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_day[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int[] KeysOf(AnalyticsDimension dimension, out int keyCount, out int[] keyValues)
    {
        var keys = new int[_changes.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = dimension switch
            {
                AnalyticsDimension.Plan => _changes[i].PlanId,
                AnalyticsDimension.Salesperson => _changes[i].SalespersonId,
                AnalyticsDimension.Country => _changes[i].CountryId,
                _ => 0,
            };
        }

        keyValues = DenseKeys.Values(keys);
        keyCount = DenseKeys.Densify(keys);
        return keys;
    }

    private static void CheckDimension(AnalyticsDimension dimension, string paramName)
    {
        if (dimension is < AnalyticsDimension.None or > AnalyticsDimension.Country)
        {
            throw new ArgumentOutOfRangeException(paramName, dimension, "Use None, Plan, Salesperson or Country.");
        }
    }

    private Money M(decimal amount) => new(amount, ReportingCurrency);

    private static LocalDate DayBefore(LocalDate date) => date.PlusDays(-1);
}

/// <summary>Maps arbitrary integer keys to dense indexes 0..n-1 in order of first appearance.</summary>
internal static class DenseKeys
{
    /// <summary>Replaces each key by its dense index, in place; returns the number of distinct keys.</summary>
    public static int Densify(int[] keys)
    {
        if (keys.Length == 0)
        {
            return 0;
        }

        int min = keys[0], max = keys[0];
        foreach (var k in keys)
        {
            min = Math.Min(min, k);
            max = Math.Max(max, k);
        }

        var count = 0;
        var range = (long)max - min + 1;
        if (range <= (4L * keys.Length) + 1024)
        {
            var map = new int[range];
            Array.Fill(map, -1);
            for (var i = 0; i < keys.Length; i++)
            {
                ref var slot = ref map[keys[i] - min];
                if (slot < 0)
                {
                    slot = count++;
                }

                keys[i] = slot;
            }

            return count;
        }

        var dictionary = new Dictionary<int, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (!dictionary.TryGetValue(keys[i], out var index))
            {
                index = count++;
                dictionary.Add(keys[i], index);
            }

            keys[i] = index;
        }

        return count;
    }

    /// <summary>The distinct keys in order of first appearance (the inverse of <see cref="Densify"/>).</summary>
    public static int[] Values(int[] keys)
    {
        var seen = new HashSet<int>();
        var values = new List<int>();
        foreach (var k in keys)
        {
            if (seen.Add(k))
            {
                values.Add(k);
            }
        }

        return [.. values];
    }
}
