namespace Subscriptions.Taxes;

/// <summary>
/// A document's working memory for its lines, one area per number type the engine computes on (at least
/// <see cref="TaxEngine.ScratchPerTax"/> values per tax of the widest line each) and one computed flag per tax.
/// Each line clears what it uses (<see cref="LineScratch{T}"/>).
/// </summary>
internal readonly ref struct TaxWorkspace
{
    /// <summary>Initializes a new instance of the <see cref="TaxWorkspace"/> struct.</summary>
    public TaxWorkspace(Span<decimal> decimals, Span<SmallDecimal> smalls, Span<WideDecimal> wides, Span<bool> computed)
    {
        Decimals = decimals;
        Smalls = smalls;
        Wides = wides;
        Computed = computed;
    }

    /// <summary>Gets the scratch values of the <see cref="decimal"/> engine.</summary>
    public Span<decimal> Decimals { get; }

    /// <summary>Gets the scratch values of the fast path on <see cref="SmallDecimal"/>.</summary>
    public Span<SmallDecimal> Smalls { get; }

    /// <summary>Gets the scratch values of the fast path on <see cref="WideDecimal"/>.</summary>
    public Span<WideDecimal> Wides { get; }

    /// <summary>Gets the computed flags.</summary>
    public Span<bool> Computed { get; }

    /// <summary>Returns a workspace on the heap for a line of <paramref name="taxCount"/> taxes.</summary>
    public static TaxWorkspace ForLine(int taxCount) => new(
        new decimal[TaxEngine.ScratchPerTax * taxCount],
        new SmallDecimal[TaxEngine.ScratchPerTax * taxCount],
        new WideDecimal[TaxEngine.ScratchPerTax * taxCount],
        new bool[taxCount]);
}
