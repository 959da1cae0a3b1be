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
        Divides = tax.Type switch
        {
            TaxAmountType.Percent => priceIncluded,
            TaxAmountType.Division => !priceIncluded,
            _ => false,
        };
        FitsWide = SmallDecimal.TryFrom(Amount, out var amount) & SmallDecimal.TryFrom(Rate, out var rate);
        SmallAmount = amount;
        SmallRate = rate;
        BatchDivisorIsZero = false;
        BatchDivisor = default;
    }

    private TaxSlot(TaxSlot source, int batchStart, int batchEnd, decimal batchRateSum)
    {
        this = source;
        BatchStart = batchStart;
        BatchEnd = batchEnd;
        BatchRateSum = batchRateSum;
        if (Divides)
        {
            // The divisor TaxEngine divides b × rate by: 1 + Σr for price-included percents, 1 − Σr (1 when Σr is
            // 100 %) for price-excluded divisions.
            var divisor = Type == TaxAmountType.Percent ? 1m + batchRateSum : batchRateSum == 1m ? 1m : 1m - batchRateSum;
            BatchDivisorIsZero = divisor == 0m;
            var prepared = WideDivisor.TryCreate(divisor, out var wideDivisor);
            FitsWide &= BatchDivisorIsZero || prepared;
            BatchDivisor = wideDivisor;
        }
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
    public bool FitsSmall => !Divides && FitsWide;

    /// <summary>Gets a value indicating whether the tax divides b × rate by its batch's divisor (price-included percent, price-excluded division).</summary>
    public bool Divides { get; }

    /// <summary>
    /// Gets a value indicating whether the wide fast path (<see cref="WideDecimal"/>) can compute this tax: an amount
    /// and rate that fit a <see cref="SmallDecimal"/> and, for a tax that divides, a batch divisor of at most 32 bits.
    /// </summary>
    public bool FitsWide { get; }

    /// <summary>Gets a value indicating whether the batch's divisor is zero (a price-included batch of −100 %): the amount is then 0.</summary>
    public bool BatchDivisorIsZero { get; }

    /// <summary>Gets the batch's divisor for the wide fast path (valid when <see cref="Divides"/>, <see cref="FitsWide"/> and not <see cref="BatchDivisorIsZero"/>).</summary>
    public WideDivisor BatchDivisor { get; }

    /// <summary>Gets <see cref="Amount"/> for the fast path (valid when <see cref="FitsSmall"/>).</summary>
    public SmallDecimal SmallAmount { get; }

    /// <summary>Gets <see cref="Rate"/> for the fast path (valid when <see cref="FitsSmall"/>).</summary>
    public SmallDecimal SmallRate { get; }

    public TaxSlot WithBatch(int start, int end, decimal rateSum) => new(this, start, end, rateSum);
}
