namespace Subscriptions.Taxes;

/// <summary>
/// The taxes of a line, compiled once and reused: sorted by <c>(Sequence, Id)</c>, groups replaced by their
/// children, duplicates removed, and adjacent taxes batched (TAXES.md §1 and §2.1).
/// </summary>
/// <remarks>
/// Create it with <see cref="TaxConfiguration.CreateSet(IEnumerable{Tax})"/> and keep it (per product, per
/// fiscal position): computing a line with a compiled set does no sorting, no flattening and no lookups.
/// Immutable and safe to share between threads.
/// </remarks>
public sealed class TaxSet
{
    private readonly Tax[] _taxes;

    internal TaxSet(TaxConfiguration configuration, TaxSlot[] slots)
    {
        Configuration = configuration;
        Slots = slots;
        _taxes = new Tax[slots.Length];
        FitsSmall = true;
        FitsWide = true;
        for (var i = 0; i < slots.Length; i++)
        {
            _taxes[i] = slots[i].Tax;
            FitsSmall &= slots[i].FitsSmall;
            FitsWide &= slots[i].FitsWide;
        }
    }

    /// <summary>Gets the configuration the taxes belong to.</summary>
    public TaxConfiguration Configuration { get; }

    /// <summary>Gets the flattened taxes in evaluation order (no groups, no duplicates).</summary>
    public IReadOnlyList<Tax> Taxes => Array.AsReadOnly(_taxes);

    /// <summary>Gets the number of flattened taxes.</summary>
    public int Count => _taxes.Length;

    internal TaxSlot[] Slots { get; }

    /// <summary>Gets a value indicating whether every tax of the set can take the fast path (<see cref="TaxSlot.FitsSmall"/>).</summary>
    internal bool FitsSmall { get; }

    /// <summary>Gets a value indicating whether every tax of the set can take the wide fast path (<see cref="TaxSlot.FitsWide"/>).</summary>
    internal bool FitsWide { get; }

    /// <summary>Returns the batches as index ranges, in order (for explanations and tests).</summary>
    /// <returns>Each batch's first index and length.</returns>
    public IReadOnlyList<(int Start, int Length)> Batches()
    {
        var result = new List<(int Start, int Length)>();
        var i = 0;
        while (i < Slots.Length)
        {
            result.Add((Slots[i].BatchStart, Slots[i].BatchEnd - Slots[i].BatchStart));
            i = Slots[i].BatchEnd;
        }

        return result;
    }

    internal static TaxSlot[] Compile(TaxConfiguration configuration, IEnumerable<Tax> taxes, bool forceExcluded)
    {
        var top = new List<Tax>();
        foreach (var tax in taxes)
        {
            ArgumentNullException.ThrowIfNull(tax, nameof(taxes));
            configuration.EnsureOwns(tax);
            top.Add(tax);
        }

        // Stable sort by (sequence, id).
        var ordered = top.Select((t, i) => (t, i)).OrderBy(p => p.t, Comparer<Tax>.Create(Tax.CompareOrder)).ThenBy(p => p.i).Select(p => p.t);
        var flat = new List<Tax>();
        var seen = new HashSet<int>();
        foreach (var tax in ordered)
        {
            if (tax.Type == TaxAmountType.Group)
            {
                foreach (var child in tax.ChildArray)
                {
                    if (seen.Add(child.Id))
                    {
                        flat.Add(child);
                    }
                }
            }
            else if (seen.Add(tax.Id))
            {
                flat.Add(tax);
            }
        }

        return BuildSlots(configuration, flat, forceExcluded);
    }

    /// <summary>Builds the slots of taxes already flattened and ordered, and batches them.</summary>
    internal static TaxSlot[] BuildSlots(TaxConfiguration configuration, IReadOnlyList<Tax> flat, bool forceExcluded)
    {
        var slots = new TaxSlot[flat.Count];
        for (var i = 0; i < flat.Count; i++)
        {
            slots[i] = new TaxSlot(flat[i], configuration.DenseIndexOf(flat[i]), flat[i].PriceIncluded && !forceExcluded);
        }

        // Batching: walk from last to first; a tax joins the batch of the tax after it when type, price_include
        // and include_base_amount agree and, if both include the base amount, the later one is not base-affected.
        var end = slots.Length;
        for (var i = slots.Length - 1; i >= 0; i--)
        {
            var startsNewBatch = i == 0 || !SameBatch(slots[i - 1], slots[i]);
            if (startsNewBatch)
            {
                var sum = 0m;
                for (var j = i; j < end; j++)
                {
                    sum += slots[j].Rate;
                }

                for (var j = i; j < end; j++)
                {
                    slots[j] = slots[j].WithBatch(i, end, sum);
                }

                end = i;
            }
        }

        return slots;
    }

    private static bool SameBatch(TaxSlot earlier, TaxSlot later) =>
        earlier.Type == later.Type
        && earlier.PriceIncluded == later.PriceIncluded
        && earlier.IncludeBaseAmount == later.IncludeBaseAmount
        && (!earlier.IncludeBaseAmount || !later.IsBaseAffected);
}
