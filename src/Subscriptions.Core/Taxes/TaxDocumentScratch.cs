namespace Subscriptions.Taxes;

/// <summary>
/// A document's working memory (the lines' scratch values, the sums, the used flags and the lines' keys), kept per
/// thread and reused from one document to the next. None of it is cleared here: each part is cleared or written
/// where it is first read (see <see cref="TaxDocument.Compute"/>).
/// </summary>
/// <remarks>
/// It replaces a handful of <c>stackalloc</c>s per document, whose stack probes cost about 5 % of a 20-line document.
/// A document takes the thread's scratch and gives it back when done: should a computation ever start inside another
/// on the same thread, or throw, the next one simply builds a new scratch.
/// </remarks>
internal sealed class TaxDocumentScratch
{
    /// <summary>The most taxes per line the scratch serves; wider lines get their own working memory.</summary>
    public const int MaxTaxesPerLine = TaxEngine.StackLimit;

    /// <summary>The most taxes per configuration the scratch serves.</summary>
    public const int MaxTaxes = 16;

    /// <summary>The most lines per document the scratch serves.</summary>
    public const int MaxLines = 64;

    [ThreadStatic]
    private static TaxDocumentScratch? _cached;

    private TaxDocumentScratch()
    {
    }

    /// <summary>Gets the lines' scratch values in <see cref="decimal"/>.</summary>
    public decimal[] Decimals { get; } = new decimal[TaxEngine.ScratchPerTax * MaxTaxesPerLine];

    /// <summary>Gets the lines' scratch values on <see cref="SmallDecimal"/>.</summary>
    public SmallDecimal[] Smalls { get; } = new SmallDecimal[TaxEngine.ScratchPerTax * MaxTaxesPerLine];

    /// <summary>Gets the lines' scratch values on <see cref="WideDecimal"/>.</summary>
    public WideDecimal[] Wides { get; } = new WideDecimal[TaxEngine.ScratchPerTax * MaxTaxesPerLine];

    /// <summary>Gets the lines' computed flags.</summary>
    public bool[] Computed { get; } = new bool[MaxTaxesPerLine];

    /// <summary>Gets the document's sums.</summary>
    public TaxSum[] Sums { get; } = new TaxSum[TaxDocumentSums.Length(MaxTaxes)];

    /// <summary>Gets the taxes' used flags.</summary>
    public bool[] Used { get; } = new bool[MaxTaxes];

    /// <summary>Gets the lines' keys.</summary>
    public decimal[] Keys { get; } = new decimal[MaxLines];

    /// <summary>Gets, per tax and for the untaxed amount, the approximate key of its largest line so far.</summary>
    public double[] BestApproximations { get; } = new double[MaxTaxes + 1];

    /// <summary>Takes the thread's scratch (a new one when it is in use or was never built).</summary>
    /// <returns>The scratch, to give back with <see cref="Return"/>.</returns>
    public static TaxDocumentScratch Take()
    {
        var scratch = _cached ?? new TaxDocumentScratch();
        _cached = null;
        return scratch;
    }

    /// <summary>Gives the scratch back to the thread.</summary>
    /// <param name="scratch">The scratch taken.</param>
    public static void Return(TaxDocumentScratch scratch) => _cached = scratch;

    /// <summary>Returns the lines' workspace for lines of at most <paramref name="widest"/> taxes.</summary>
    /// <param name="widest">The most taxes on one line, at most <see cref="MaxTaxesPerLine"/>.</param>
    /// <returns>The workspace.</returns>
    public TaxWorkspace Workspace(int widest) => new(
        Decimals.AsSpan(0, TaxEngine.ScratchPerTax * widest),
        Smalls.AsSpan(0, TaxEngine.ScratchPerTax * widest),
        Wides.AsSpan(0, TaxEngine.ScratchPerTax * widest),
        Computed.AsSpan(0, widest));
}
