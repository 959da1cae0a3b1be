namespace Subscriptions.Taxes;

/// <summary>
/// A document's running sums, in one block of <see cref="TaxSum"/>s: for each tax (by dense index) its raw amounts,
/// amounts, raw bases and bases, then the raw untaxed and untaxed totals. <c>default</c> is an empty block that
/// ignores additions (a line computed alone).
/// </summary>
internal readonly ref struct TaxDocumentSums
{
    private readonly Span<TaxSum> _sums;
    private readonly int _taxCount;

    /// <summary>Initializes a new instance of the <see cref="TaxDocumentSums"/> struct.</summary>
    /// <param name="sums">At least <see cref="Length"/> sums for <paramref name="taxCount"/>, all zero.</param>
    /// <param name="taxCount">The configuration's number of taxes.</param>
    public TaxDocumentSums(Span<TaxSum> sums, int taxCount)
    {
        _sums = sums;
        _taxCount = taxCount;
    }

    /// <summary>Gets a value indicating whether there is nothing to add to (a line computed alone).</summary>
    public bool IsEmpty => _sums.IsEmpty;

    /// <summary>Gets the untaxed total of the raw values.</summary>
    public decimal RawUntaxed => _sums[4 * _taxCount].Value;

    /// <summary>Gets the untaxed total of the reported values.</summary>
    public decimal Untaxed => _sums[(4 * _taxCount) + 1].Value;

    /// <summary>Returns the untaxed total of the raw values, rounded.</summary>
    public decimal RoundedRawUntaxed(TaxRounding rounding) => _sums[4 * _taxCount].Round(rounding);

    /// <summary>Returns the number of sums a configuration with <paramref name="taxCount"/> taxes needs.</summary>
    public static int Length(int taxCount) => (4 * taxCount) + 2;

    /// <summary>Adds one tax of one line.</summary>
    public void AddTax(int denseIndex, decimal rawAmount, decimal amount, decimal rawBase, decimal taxBase)
    {
        _sums[denseIndex].Add(rawAmount);
        _sums[_taxCount + denseIndex].Add(amount);
        _sums[(2 * _taxCount) + denseIndex].Add(rawBase);
        _sums[(3 * _taxCount) + denseIndex].Add(taxBase);
    }

    /// <summary>Adds one tax of one line.</summary>
    public void AddTax<T>(int denseIndex, in T rawAmount, in T amount, in T rawBase, in T taxBase)
        where T : struct, IExactDecimal<T>
    {
        T.AddTo(ref _sums[denseIndex], rawAmount);
        T.AddTo(ref _sums[_taxCount + denseIndex], amount);
        T.AddTo(ref _sums[(2 * _taxCount) + denseIndex], rawBase);
        T.AddTo(ref _sums[(3 * _taxCount) + denseIndex], taxBase);
    }

    /// <summary>Adds one line's untaxed total; the raw one only on a round-globally document.</summary>
    public void AddUntaxed(bool global, decimal rawExcluded, decimal excluded)
    {
        if (global)
        {
            _sums[4 * _taxCount].Add(rawExcluded);
        }

        _sums[(4 * _taxCount) + 1].Add(excluded);
    }

    /// <summary>Adds one line's untaxed total; the raw one only on a round-globally document.</summary>
    public void AddUntaxed<T>(bool global, in T rawExcluded, in T excluded)
        where T : struct, IExactDecimal<T>
    {
        if (global)
        {
            T.AddTo(ref _sums[4 * _taxCount], rawExcluded);
        }

        T.AddTo(ref _sums[(4 * _taxCount) + 1], excluded);
    }

    /// <summary>Returns a tax's total of raw amounts.</summary>
    public decimal RawAmount(int denseIndex) => _sums[denseIndex].Value;

    /// <summary>Returns a tax's total of raw amounts, rounded.</summary>
    public decimal RoundedRawAmount(int denseIndex, TaxRounding rounding) => _sums[denseIndex].Round(rounding);

    /// <summary>Returns a tax's total of raw bases, rounded.</summary>
    public decimal RoundedRawBase(int denseIndex, TaxRounding rounding) => _sums[(2 * _taxCount) + denseIndex].Round(rounding);

    /// <summary>Returns a tax's total of reported amounts.</summary>
    public decimal Amount(int denseIndex) => _sums[_taxCount + denseIndex].Value;

    /// <summary>Returns a tax's total of raw bases.</summary>
    public decimal RawBase(int denseIndex) => _sums[(2 * _taxCount) + denseIndex].Value;

    /// <summary>Returns a tax's total of reported bases.</summary>
    public decimal Base(int denseIndex) => _sums[(3 * _taxCount) + denseIndex].Value;
}
