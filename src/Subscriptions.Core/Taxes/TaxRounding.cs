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
        _digits = -1;
        for (var i = 0; i < PowersOfTen.Length; i++)
        {
            if (PowersOfTen[i] == step)
            {
                _digits = i;
                break;
            }
        }
    }

    public decimal Step { get; }

    public decimal Round(decimal value) => _digits >= 0
        ? decimal.Round(value, _digits, MidpointRounding.AwayFromZero)
        : decimal.Round(value / Step, 0, MidpointRounding.AwayFromZero) * Step;
}
