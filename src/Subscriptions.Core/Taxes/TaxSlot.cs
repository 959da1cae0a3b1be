namespace Subscriptions.Taxes;

/// <summary>One flattened tax of a <see cref="TaxSet"/>, with its batch precomputed.</summary>
internal readonly struct TaxSlot
{
    public TaxSlot(Tax tax, int denseIndex, bool priceIncluded)
    {
        Tax = tax;
        DenseIndex = denseIndex;
        Type = tax.Type;
        Amount = tax.Amount;
        Rate = tax.Amount / 100m;
        PriceIncluded = priceIncluded;
        IncludeBaseAmount = tax.IncludeBaseAmount;
        IsBaseAffected = tax.IsBaseAffected;
        BatchStart = 0;
        BatchEnd = 0;
        BatchRateSum = 0m;
        var needsDivision = tax.Type switch
        {
            TaxAmountType.Percent => priceIncluded,
            TaxAmountType.Division => !priceIncluded,
            _ => false,
        };
        FitsSmall = !needsDivision & SmallDecimal.TryFrom(Amount, out var amount) & SmallDecimal.TryFrom(Rate, out var rate);
        SmallAmount = amount;
        SmallRate = rate;
    }

    private TaxSlot(TaxSlot source, int batchStart, int batchEnd, decimal batchRateSum)
    {
        this = source;
        BatchStart = batchStart;
        BatchEnd = batchEnd;
        BatchRateSum = batchRateSum;
    }

    public Tax Tax { get; }

    public int DenseIndex { get; }

    public TaxAmountType Type { get; }

    /// <summary>Gets the configured amount: percent for percent/division taxes, per unit for fixed taxes.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the rate as a fraction (Amount / 100).</summary>
    public decimal Rate { get; }

    public bool PriceIncluded { get; }

    public bool IncludeBaseAmount { get; }

    public bool IsBaseAffected { get; }

    /// <summary>Gets the index of the first tax of this tax's batch.</summary>
    public int BatchStart { get; }

    /// <summary>Gets the index after the last tax of this tax's batch.</summary>
    public int BatchEnd { get; }

    /// <summary>Gets the sum of the batch's rates as a fraction.</summary>
    public decimal BatchRateSum { get; }

    /// <summary>
    /// Gets a value indicating whether the fast path can compute this tax: no division (price-included percent and
    /// price-excluded division taxes divide) and an amount and rate that fit a <see cref="SmallDecimal"/>.
    /// </summary>
    public bool FitsSmall { get; }

    /// <summary>Gets <see cref="Amount"/> for the fast path (valid when <see cref="FitsSmall"/>).</summary>
    public SmallDecimal SmallAmount { get; }

    /// <summary>Gets <see cref="Rate"/> for the fast path (valid when <see cref="FitsSmall"/>).</summary>
    public SmallDecimal SmallRate { get; }

    public TaxSlot WithBatch(int start, int end, decimal rateSum) => new(this, start, end, rateSum);
}
