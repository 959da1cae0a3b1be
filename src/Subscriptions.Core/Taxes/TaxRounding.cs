namespace Subscriptions.Taxes;

/// <summary>Half-up (away from zero) rounding to a step such as 0.01, 1 or 0.05 (TAXES.md §1, "Rounding function").</summary>
internal readonly struct TaxRounding
{
    private static readonly decimal[] PowersOfTen =
    [
        1m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 0.000001m, 0.0000001m, 0.00000001m, 0.000000001m,
        0.0000000001m, 0.00000000001m, 0.000000000001m,
    ];

    private readonly int _digits;

    public TaxRounding(decimal step)
    {
        if (step <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A rounding step must be above zero, such as 0.01 or 0.05.");
        }

        Step = step;
        var scale = step.Scale;
        _digits = scale < PowersOfTen.Length && step == PowersOfTen[scale] ? scale : -1;
    }

    /// <summary>Initializes a new instance of the <see cref="TaxRounding"/> struct for a currency's minor unit, with no checks.</summary>
    public TaxRounding(Currency currency)
    {
        Step = currency.MinorUnit;
        _digits = currency.MinorUnits;
    }

    public decimal Step { get; }

    /// <summary>Gets the number of decimals when the step is a power of ten (0.01 gives 2), else -1.</summary>
    public int Digits => _digits;

    /// <summary>
    /// Gets a value indicating whether every computation with this rounding must stay in <see cref="decimal"/>
    /// (no <see cref="TaxFastPath"/>): the reference the tests compare the fast path with.
    /// </summary>
    public bool DecimalOnly { get; private init; }

    /// <summary>Returns this rounding with <see cref="DecimalOnly"/> set.</summary>
    public TaxRounding InDecimalOnly() => this with { DecimalOnly = true };

    /// <summary>Rounds half away from zero to the step; a value already on a power-of-ten step is returned as is (cheap scale check).</summary>
    public decimal Round(decimal value)
    {
        if (_digits >= 0)
        {
            return value.Scale <= _digits ? value : decimal.Round(value, _digits, MidpointRounding.AwayFromZero);
        }

        return decimal.Round(value / Step, 0, MidpointRounding.AwayFromZero) * Step;
    }
}
