namespace Subscriptions;

public readonly partial struct Money
{
    /// <summary>Rounds the amount to the currency's minor unit (cents for EUR, whole yen for JPY, fils for BHD).</summary>
    /// <param name="mode">How a value exactly halfway between two minor units is rounded; the directed modes (<see cref="MidpointRounding.ToZero"/>...) apply to every value.</param>
    /// <returns>The rounded amount. Rounding a rounded amount returns it unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="mode"/> is not a defined value.</exception>
    public Money Round(MidpointRounding mode)
    {
        EnsureDefined(mode);
        return new Money(decimal.Round(_amount, _currency.MinorUnits, mode), _currency);
    }

    /// <summary>Rounds the amount to a multiple of an increment, such as CHF 0.05 for Swiss cash or 1 for whole units.</summary>
    /// <param name="increment">The step, above zero, such as 0.05.</param>
    /// <param name="mode">How a value exactly halfway between two steps is rounded.</param>
    /// <returns>The amount rounded to a multiple of <paramref name="increment"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="increment"/> is zero or negative, or <paramref name="mode"/> is not defined.</exception>
    public Money RoundToIncrement(decimal increment, MidpointRounding mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increment);
        EnsureDefined(mode);
        var steps = decimal.Round(_amount / increment, 0, mode);
        return new Money(steps * increment, _currency);
    }

    private static void EnsureDefined(MidpointRounding mode)
    {
        if (mode is < MidpointRounding.ToEven or > MidpointRounding.ToPositiveInfinity)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use a defined MidpointRounding value.");
        }
    }
}
