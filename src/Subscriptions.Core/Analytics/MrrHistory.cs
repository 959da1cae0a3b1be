using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
/// <para>
/// Amounts keep full precision: when every converted change has at most 9 decimals the reports add them exactly as
/// whole units of 10^-9 or coarser (64-bit integers), otherwise in <see cref="decimal"/>; both give the same results.
/// Nothing is rounded: the exports round for display only, half-up to the currency's minor unit.
/// </para>
/// </remarks>
public sealed partial class MrrHistory
{
    internal const byte PausedBeforeFlag = 1;
    internal const byte PausedAfterFlag = 2;
    internal const byte FxFlag = 4;
    internal const byte CloseFlag = 8;
    internal const byte AfterPositiveFlag = 16;
    internal const byte BeforePositiveFlag = 32;

    // The changes as given (never written to). Every other array is in customer-major order (by customer, then
    // recognised day, then input order), so that every report reads the changes sequentially and keeps a customer's
    // state in locals: no random access per change. _source maps that order back to _changes.
    private readonly MrrChange[] _changes;
    private readonly int[] _customerStart;
    private readonly int[] _day;
    private readonly byte[] _flags;
    private readonly int[] _source;

    // Each change's converted MRR delta: exactly, in whole units of 10^-_scale (the fast path, when every delta fits),
    // or in decimal otherwise. Exactly one of the two is set.
    private readonly long[]? _units;
    private readonly decimal[]? _delta;
    private readonly int _scale;

    private MrrHistory(ExchangeRates rates, ChurnRecognition recognition, MrrChange[] changes, int[] customerStart, int[] day, decimal[] delta, byte[] flags, int[] source, int subscriptionCount)
    {
        Rates = rates;
        ChurnRecognition = recognition;
        _changes = changes;
        _customerStart = customerStart;
        _day = day;
        if (FixedPoint.TryToUnits(delta, out var units, out var scale))
        {
            _units = units;
            _scale = scale;
        }
        else
        {
            _delta = delta;
        }

        _flags = flags;
        _source = source;
        SubscriptionCount = subscriptionCount;
    }

    /// <summary>Gets the exchange rates the history is converted with.</summary>
    public ExchangeRates Rates { get; }

    /// <summary>Gets the currency every report is in.</summary>
    public Currency ReportingCurrency => Rates.ReportingCurrency;

    /// <summary>Gets when cancellations are recognised.</summary>
    public ChurnRecognition ChurnRecognition { get; }

    /// <summary>Gets the number of changes kept (all, unless <see cref="ChurnRecognition.RequestDate"/> dropped some).</summary>
    public int Count => _source.Length;

    /// <summary>Gets the number of distinct subscriptions.</summary>
    public int SubscriptionCount { get; }

    /// <summary>Gets the number of distinct customers.</summary>
    public int CustomerCount => _customerStart.Length - 1;

    /// <summary>Gets the changes kept, by customer (in order of first appearance), then recognised date, then input order.</summary>
    public IReadOnlyList<MrrChange> Changes
    {
        get
        {
            var changes = new MrrChange[_source.Length];
            for (var k = 0; k < changes.Length; k++)
            {
                changes[k] = _changes[_source[k]];
            }

            return changes;
        }
    }

    /// <summary>Validates, sorts and converts a history of MRR changes.</summary>
    /// <param name="changes">Every change of every subscription, from each subscription's start, in any order across days; changes of one subscription on the same day in the order they happened.</param>
    /// <param name="rates">The exchange rates into the reporting currency.</param>
    /// <param name="churnRecognition">When cancellations are recognised (<see cref="ChurnRecognition.ServiceEnd"/> is the default of the shorter overload).</param>
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
    public static MrrHistory Create(IEnumerable<MrrChange> changes, ExchangeRates rates, ChurnRecognition churnRecognition)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Build([.. changes], rates, churnRecognition);
    }

    /// <summary>Validates, sorts and converts a history of MRR changes, recognising churn when paid service ends.</summary>
    /// <param name="changes">Every change of every subscription, as in <see cref="Create(IEnumerable{MrrChange}, ExchangeRates, ChurnRecognition)"/>.</param>
    /// <param name="rates">The exchange rates into the reporting currency.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a date is not in the ISO calendar.</exception>
    /// <exception cref="InvalidMrrChangeException">Thrown when a change has a negative MRR, no currency, or is paused with an MRR.</exception>
    /// <exception cref="InconsistentMrrHistoryException">Thrown when a change's MRR before is not its subscription's previous MRR after, or a subscription changes customer.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a change needs a rate that is not in <paramref name="rates"/>.</exception>
    public static MrrHistory Create(IEnumerable<MrrChange> changes, ExchangeRates rates) => Create(changes, rates, ChurnRecognition.ServiceEnd);

    /// <summary>Validates, sorts and converts a history of MRR changes without copying them, recognising churn when paid service ends.</summary>
    /// <param name="changes">Every change of every subscription; the history keeps this immutable array instead of a copy.</param>
    /// <param name="rates">The exchange rates into the reporting currency.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rates"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="changes"/> is the default (uninitialized) array or a date is not in the ISO calendar.</exception>
    /// <exception cref="InvalidMrrChangeException">Thrown when a change has a negative MRR, no currency, or is paused with an MRR.</exception>
    /// <exception cref="InconsistentMrrHistoryException">Thrown when a change's MRR before is not its subscription's previous MRR after, or a subscription changes customer.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a change needs a rate that is not in <paramref name="rates"/>.</exception>
    public static MrrHistory Create(ImmutableArray<MrrChange> changes, ExchangeRates rates) => Create(changes, rates, ChurnRecognition.ServiceEnd);

    /// <summary>Validates, sorts and converts a history of MRR changes, without copying them.</summary>
    /// <param name="changes">Every change of every subscription, as in <see cref="Create(IEnumerable{MrrChange}, ExchangeRates, ChurnRecognition)"/>; the history keeps this immutable array instead of a copy.</param>
    /// <param name="rates">The exchange rates into the reporting currency.</param>
    /// <param name="churnRecognition">When cancellations are recognised (<see cref="ChurnRecognition.ServiceEnd"/> is the default of the shorter overload).</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="churnRecognition"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="changes"/> is the default (uninitialized) array or a date is not in the ISO calendar.</exception>
    /// <exception cref="InvalidMrrChangeException">Thrown when a change has a negative MRR, no currency, or is paused with an MRR.</exception>
    /// <exception cref="InconsistentMrrHistoryException">Thrown when a change's MRR before is not its subscription's previous MRR after, or a subscription changes customer.</exception>
    /// <exception cref="MissingExchangeRateException">Thrown when a change needs a rate that is not in <paramref name="rates"/>.</exception>
    public static MrrHistory Create(ImmutableArray<MrrChange> changes, ExchangeRates rates, ChurnRecognition churnRecognition)
    {
        if (changes.IsDefault)
        {
            throw new ArgumentException("The changes must be an initialized array (it may be empty).", nameof(changes));
        }

        // Safe: an ImmutableArray's array is never written to, by its owner or by this history.
        return Build(ImmutableCollectionsMarshal.AsArray(changes)!, rates, churnRecognition);
    }

    private static MrrHistory Build(MrrChange[] changes, ExchangeRates rates, ChurnRecognition churnRecognition)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (churnRecognition is not (ChurnRecognition.ServiceEnd or ChurnRecognition.RequestDate))
        {
            throw new ArgumentOutOfRangeException(nameof(churnRecognition), churnRecognition, "Use ServiceEnd or RequestDate.");
        }

        var input = changes;
        var n = input.Length;
        var dayOf = new int[n];
        var customerOf = new int[n];
        var sorted = true;
        var moved = false;
        int minSub = int.MaxValue, maxSub = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref input[i];
            PeriodMath.CheckIso(c.EffectiveDate, nameof(changes));
            var d = PeriodMath.ToDay(c.EffectiveDate);
            if (churnRecognition == ChurnRecognition.RequestDate && c.RequestDate is { } request && c.MrrAfter == 0m && !c.Paused)
            {
                PeriodMath.CheckIso(request, nameof(changes));
                var requestDay = PeriodMath.ToDay(request);
                if (requestDay < d)
                {
                    d = requestDay;
                    moved = true;
                }
            }

            dayOf[i] = d;
            customerOf[i] = c.CustomerId;
            minSub = Math.Min(minSub, c.SubscriptionId);
            maxSub = Math.Max(maxSub, c.SubscriptionId);
            if (i > 0 && d < dayOf[i - 1])
            {
                sorted = false;
            }
        }

        // Recognition order: by day, then input order (a (day, index) key, since Array.Sort is not stable).
        int[]? order = null;
        if (!sorted)
        {
            var keys = new long[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((long)dayOf[i] << 32) | (uint)i;
            }

            Array.Sort(keys);
            order = new int[n];
            for (var j = 0; j < n; j++)
            {
                order[j] = (int)(keys[j] & 0xFFFFFFFF);
            }
        }

        // Customer-major order: a stable counting sort of the recognition order by dense customer.
        var customerCount = DenseKeys.Densify(customerOf);
        var customerStart = new int[customerCount + 1];
        foreach (var c in customerOf)
        {
            customerStart[c + 1]++;
        }

        for (var c = 0; c < customerCount; c++)
        {
            customerStart[c + 1] += customerStart[c];
        }

        // The scatter carries each change's day along, so that the conversion reads it sequentially.
        var next = customerStart[..^1];
        var source = new int[n];
        var day = new int[n];
        for (var j = 0; j < n; j++)
        {
            var i = order is null ? j : order[j];
            var k = next[customerOf[i]]++;
            source[k] = i;
            day[k] = dayOf[i];
        }

        var subscriptions = n == 0 ? new DenseMap(0, 0, 0) : new DenseMap(minSub, maxSub, n);
        return Convert(input, day, customerStart, source, subscriptions, rates, churnRecognition, moved);
    }

    private const int Lookahead = 48;

    private struct SubscriptionState
    {
        public decimal LastLocal;
        public decimal LastConverted;
        public int Owner;
        public int DroppedUntil;
        public Currency Currency;
        public bool Paused;
        public bool Seen;
    }

    private static MrrHistory Convert(MrrChange[] input, int[] day, int[] customerStart, int[] source, DenseMap subscriptions, ExchangeRates rates, ChurnRecognition recognition, bool moved)
    {
        var n = input.Length;
        var reporting = rates.ReportingCurrency;
        var states = new SubscriptionState[Math.Min(n, subscriptions.Capacity)];
        var delta = new decimal[n];
        var flags = new byte[n];
        bool[]? dropped = null;
        var cachedCurrency = reporting;
        var cachedDay = int.MinValue;
        var cachedRate = 1m;
        var customer = 0;
        var touch = 0;
        for (var k = 0; k < n; k++)
        {
            while (k >= customerStart[customer + 1])
            {
                customer++;
            }

            // Touch the change Lookahead places ahead (both of its cache lines): the gather in customer-major order is
            // bound by memory latency, and these independent loads overlap the misses.
            if (k + Lookahead < n)
            {
                ref readonly var ahead = ref input[source[k + Lookahead]];
                touch ^= ahead.SubscriptionId ^ ahead.CloseReasonId;
            }

            var i = source[k];
            ref readonly var c = ref input[i];
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

            ref var state = ref states[subscriptions.IndexOf(c.SubscriptionId)];
            var d = day[k];
            if (!state.Seen)
            {
                state.Seen = true;
                state.Owner = customer;
                state.DroppedUntil = int.MinValue;
            }
            else if (state.Owner != customer)
            {
                throw new InconsistentMrrHistoryException(c, "the subscription belonged to another customer before.");
            }

            var effectiveDay = moved ? PeriodMath.ToDay(c.EffectiveDate) : d;
            if (effectiveDay < state.DroppedUntil)
            {
                // Recognised at its request date: the changes up to the end of service are already behind the close.
                dropped ??= new bool[n];
                dropped[k] = true;
                continue;
            }

            if (c.MrrBefore != state.LastLocal)
            {
                throw new InconsistentMrrHistoryException(c, $"its MRR before is {c.MrrBefore} but the subscription's MRR after its previous change is {state.LastLocal} (is a change missing or out of order?).");
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

            var wasLive = state.LastLocal > 0m || state.Paused;
            var f = (byte)((state.Paused ? PausedBeforeFlag : 0) | (c.Paused ? PausedAfterFlag : 0)
                | (converted > 0m ? AfterPositiveFlag : 0) | (state.LastConverted > 0m ? BeforePositiveFlag : 0));
            if (wasLive && c.MrrBefore == c.MrrAfter && c.Currency == state.Currency && state.Paused == c.Paused)
            {
                f |= FxFlag;
            }

            if (wasLive && c.MrrAfter == 0m && !c.Paused)
            {
                f |= CloseFlag;
                if (d < effectiveDay)
                {
                    state.DroppedUntil = effectiveDay;
                }
            }

            delta[k] = converted - state.LastConverted;
            flags[k] = f;
            state.LastLocal = c.MrrAfter;
            state.LastConverted = converted;
            state.Currency = c.Currency;
            state.Paused = c.Paused;
        }

        GC.KeepAlive(touch);
        var subscriptionCount = subscriptions.Count;
        if (dropped is not null)
        {
            return Compact(input, customerStart, day, delta, flags, source, dropped, subscriptionCount, rates, recognition);
        }

        return new MrrHistory(rates, recognition, input, customerStart, day, delta, flags, source, subscriptionCount);
    }

    private static MrrHistory Compact(MrrChange[] changes, int[] customerStart, int[] day, decimal[] delta, byte[] flags, int[] source, bool[] dropped, int subscriptionCount, ExchangeRates rates, ChurnRecognition recognition)
    {
        var customerCount = customerStart.Length - 1;
        var starts = new int[customerCount + 1];
        var kept = 0;
        for (var c = 0; c < customerCount; c++)
        {
            starts[c] = kept;
            for (var k = customerStart[c]; k < customerStart[c + 1]; k++)
            {
                if (dropped[k])
                {
                    continue;
                }

                source[kept] = source[k];
                day[kept] = day[k];
                delta[kept] = delta[k];
                flags[kept] = flags[k];
                kept++;
            }
        }

        starts[customerCount] = kept;
        return new MrrHistory(rates, recognition, changes, starts, day[..kept], delta[..kept], flags[..kept], source[..kept], subscriptionCount);
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
        var subs = new int[_source.Length];
        for (var k = 0; k < subs.Length; k++)
        {
            subs[k] = _changes[_source[k]].SubscriptionId;
        }

        var subscriptionCount = DenseKeys.Densify(subs);
        var lastLocal = new decimal[subscriptionCount];
        var lastPaused = new bool[subscriptionCount];
        var result = new List<MrrChange>();
        for (var i = 0; i < _source.Length; i++)
        {
            var c = _changes[_source[i]];
            var s = subs[i];
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

    private int[] KeysOf(AnalyticsDimension dimension, out int keyCount, out int[] keyValues)
    {
        // In customer-major order, like the other per-change arrays.
        var keys = new int[_source.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            ref readonly var change = ref _changes[_source[k]];
            keys[k] = dimension switch
            {
                AnalyticsDimension.Plan => change.PlanId,
                AnalyticsDimension.Salesperson => change.SalespersonId,
                AnalyticsDimension.Country => change.CountryId,
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

    private decimal FromUnits(long units) => FixedPoint.ToDecimal(units, _scale);

    private decimal DeltaAt(int k) => _units is not null ? FixedPoint.ToDecimal(_units[k], _scale) : _delta![k];

    private static LocalDate DayBefore(LocalDate date) => date.PlusDays(-1);
}

/// <summary>Exact fixed-point amounts: decimals with up to 9 decimals and small mantissas as whole units of 10^-scale.</summary>
internal static class FixedPoint
{
    private const int MaxScale = 9;
    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>Converts every value exactly, so that sums of all of them cannot overflow; false when one does not fit.</summary>
    public static bool TryToUnits(decimal[] values, out long[] units, out int scale)
    {
        units = [];
        scale = 0;
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < values.Length; i++)
        {
            decimal.GetBits(values[i], bits);
            if (bits[2] != 0)
            {
                return false;
            }

            scale = Math.Max(scale, (bits[3] >> 16) & 0xFF);
        }

        if (scale > MaxScale)
        {
            return false;
        }

        // Any sum of the values stays below long.MaxValue / 4.
        var limit = (ulong)(long.MaxValue / 4 / Math.Max(1, values.Length));
        var result = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            decimal.GetBits(values[i], bits);
            var mantissa = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
            var factor = (ulong)Powers[scale - ((bits[3] >> 16) & 0xFF)];
            if (mantissa > limit / factor)
            {
                return false;
            }

            var magnitude = (long)(mantissa * factor);
            result[i] = bits[3] < 0 ? -magnitude : magnitude;
        }

        units = result;
        return true;
    }

    public static decimal ToDecimal(long units, int scale)
    {
        var negative = units < 0;
        var magnitude = negative ? (ulong)-units : (ulong)units;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative, (byte)scale);
    }
}

/// <summary>Assigns dense indexes 0..n-1 to integer keys as they are first seen: an array over a small key range, a dictionary otherwise.</summary>
internal sealed class DenseMap
{
    private readonly int _min;
    private readonly int[]? _map;
    private readonly Dictionary<int, int>? _dictionary;

    public DenseMap(int min, int max, int expected)
    {
        _min = min;
        var range = (long)max - min + 1;
        if (range <= (4L * expected) + 1024)
        {
            _map = new int[range];
            Capacity = (int)range;
        }
        else
        {
            _dictionary = [];
            Capacity = expected;
        }
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public int IndexOf(int key)
    {
        if (_map is not null)
        {
            // Slots hold index + 1, so that the zeroed array means "not seen".
            ref var slot = ref _map[key - _min];
            if (slot == 0)
            {
                slot = ++Count;
            }

            return slot - 1;
        }

        if (!_dictionary!.TryGetValue(key, out var index))
        {
            index = Count++;
            _dictionary.Add(key, index);
        }

        return index;
    }
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
