namespace Subscriptions.Taxes;

/// <summary>
/// A document's running sums, in one block of <see cref="TaxSum"/>s: for each tax (by dense index) four together, its
/// raw amounts, amounts, raw bases and bases, then the raw untaxed and untaxed totals. <c>default</c> is an empty block that
/// ignores additions (a line computed alone).
/// </summary>
internal readonly ref struct TaxDocumentSums
{
    private const int SumsPerTax = 4;
    private const int RawAmountSum = 0;
    private const int AmountSum = 1;
    private const int RawBaseSum = 2;
    private const int BaseSum = 3;
    private readonly Span<TaxSum> _sums;
    private readonly int _taxCount;

    /// <summary>Initializes a new instance of the <see cref="TaxDocumentSums"/> struct.</summary>
    /// <param name="sums">
    /// At least <see cref="Length"/> sums for <paramref name="taxCount"/>, in any state: the untaxed ones are cleared
    /// here, a tax's when <see cref="StartTax"/> is called, before its first addition.
    /// </param>
    /// <param name="taxCount">The configuration's number of taxes.</param>
    public TaxDocumentSums(Span<TaxSum> sums, int taxCount)
    {
        _sums = sums;
        _taxCount = taxCount;
        if (!sums.IsEmpty)
        {
            sums.Slice(SumsPerTax * taxCount, 2).Clear();
        }
    }

    /// <summary>Gets a value indicating whether there is nothing to add to (a line computed alone).</summary>
    public bool IsEmpty => _sums.IsEmpty;

    /// <summary>Gets the untaxed total of the reported values.</summary>
    public decimal Untaxed => _sums[(SumsPerTax * _taxCount) + 1].Value;

    /// <summary>Returns the untaxed total of the raw values, rounded.</summary>
    public decimal RoundedRawUntaxed(TaxRounding rounding) => _sums[SumsPerTax * _taxCount].Round(rounding);

    /// <summary>Returns the number of sums a configuration with <paramref name="taxCount"/> taxes needs.</summary>
    public static int Length(int taxCount) => (SumsPerTax * taxCount) + 2;

    /// <summary>Clears a tax's sums, before its first line is added (a document clears only the taxes it uses).</summary>
    public void StartTax(int denseIndex) => TaxSums(denseIndex).Clear();

    /// <summary>Adds one tax of one line.</summary>
    public void AddTax(int denseIndex, decimal rawAmount, decimal amount, decimal rawBase, decimal taxBase)
    {
        var sums = TaxSums(denseIndex);
        sums[RawAmountSum].Add(rawAmount);
        sums[AmountSum].Add(amount);
        sums[RawBaseSum].Add(rawBase);
        sums[BaseSum].Add(taxBase);
    }

    /// <summary>Adds one tax of one line.</summary>
    public void AddTax<T>(int denseIndex, in T rawAmount, in T amount, in T rawBase, in T taxBase)
        where T : struct, IExactDecimal<T>
    {
        var sums = TaxSums(denseIndex);
        T.AddTo(ref sums[RawAmountSum], rawAmount);
        T.AddTo(ref sums[AmountSum], amount);
        T.AddTo(ref sums[RawBaseSum], rawBase);
        T.AddTo(ref sums[BaseSum], taxBase);
    }

    /// <summary>Adds one line's untaxed total; the raw one only on a round-globally document.</summary>
    public void AddUntaxed(bool global, decimal rawExcluded, decimal excluded)
    {
        if (global)
        {
            _sums[SumsPerTax * _taxCount].Add(rawExcluded);
        }

        _sums[(SumsPerTax * _taxCount) + 1].Add(excluded);
    }

    /// <summary>Adds one line's untaxed total; the raw one only on a round-globally document.</summary>
    public void AddUntaxed<T>(bool global, in T rawExcluded, in T excluded)
        where T : struct, IExactDecimal<T>
    {
        if (global)
        {
            T.AddTo(ref _sums[SumsPerTax * _taxCount], rawExcluded);
        }

        T.AddTo(ref _sums[(SumsPerTax * _taxCount) + 1], excluded);
    }

    /// <summary>Returns a tax's total of raw amounts.</summary>
    public decimal RawAmount(int denseIndex) => TaxSums(denseIndex)[RawAmountSum].Value;

    /// <summary>Returns a tax's total of raw amounts, rounded.</summary>
    public decimal RoundedRawAmount(int denseIndex, TaxRounding rounding) => TaxSums(denseIndex)[RawAmountSum].Round(rounding);

    /// <summary>Returns a tax's total of raw bases, rounded.</summary>
    public decimal RoundedRawBase(int denseIndex, TaxRounding rounding) => TaxSums(denseIndex)[RawBaseSum].Round(rounding);

    /// <summary>Returns a tax's total of reported amounts.</summary>
    public decimal Amount(int denseIndex) => TaxSums(denseIndex)[AmountSum].Value;

    /// <summary>Returns a tax's total of raw bases.</summary>
    public decimal RawBase(int denseIndex) => TaxSums(denseIndex)[RawBaseSum].Value;

    /// <summary>Returns a tax's total of reported bases.</summary>
    public decimal Base(int denseIndex) => TaxSums(denseIndex)[BaseSum].Value;

    /// <summary>The four sums of a tax (a window of known length: no bounds check per sum).</summary>
    private Span<TaxSum> TaxSums(int denseIndex) => _sums.Slice(SumsPerTax * denseIndex, SumsPerTax);
}
