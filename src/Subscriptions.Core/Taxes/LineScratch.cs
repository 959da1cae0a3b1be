namespace Subscriptions.Taxes;

/// <summary>
/// One line's working values, cut from a document's scratch area: per tax an amount, a raw amount, a base (shift) and
/// an extra base, plus the computed flags. Cleared unless the caller leaves that to the path that needs it
/// (<see cref="ClearForPasses"/>).
/// </summary>
/// <typeparam name="T">The number type (<see cref="decimal"/> or <see cref="SmallDecimal"/>).</typeparam>
internal readonly ref struct LineScratch<T>
    where T : struct
{
    /// <summary>Initializes a new instance of the <see cref="LineScratch{T}"/> struct.</summary>
    /// <param name="scratch">At least <see cref="TaxEngine.ScratchPerTax"/> values per tax.</param>
    /// <param name="computed">At least one flag per tax.</param>
    /// <param name="taxCount">The line's number of taxes.</param>
    /// <param name="clear">Whether to clear the values now.</param>
    public LineScratch(Span<T> scratch, Span<bool> computed, int taxCount, bool clear = true)
    {
        var n = taxCount;
        scratch = scratch[..(TaxEngine.ScratchPerTax * n)];
        Computed = computed[..n];
        if (clear)
        {
            scratch.Clear();
            Computed.Clear();
        }

        Amounts = scratch[..n];
        RawAmounts = scratch.Slice(n, n);
        Bases = scratch.Slice(2 * n, n);
        ExtraBases = scratch.Slice(3 * n, n);
    }

    /// <summary>Gets the amounts (rounded in round-per-line mode).</summary>
    public Span<T> Amounts { get; }

    /// <summary>Gets the raw amounts.</summary>
    public Span<T> RawAmounts { get; }

    /// <summary>Gets the bases (the shifts while computing, the bases after).</summary>
    public Span<T> Bases { get; }

    /// <summary>Gets the extra bases seen by taxes not yet computed.</summary>
    public Span<T> ExtraBases { get; }

    /// <summary>Gets the computed flags.</summary>
    public Span<bool> Computed { get; }

    /// <summary>Clears the values the engine's passes read before writing: the bases (shifts), extra bases and computed flags.</summary>
    public void ClearForPasses()
    {
        Bases.Clear();
        ExtraBases.Clear();
        Computed.Clear();
    }
}
