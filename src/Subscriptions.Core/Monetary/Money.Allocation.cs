namespace Subscriptions;

public readonly partial struct Money
{
    /// <summary>
    /// Splits the amount into parts proportional to <paramref name="ratios"/>, in whole minor units, so that the
    /// parts sum exactly to the amount.
    /// </summary>
    /// <param name="ratios">One positive ratio per part, such as <c>1, 1, 1</c> or <c>0.7, 0.3</c>.</param>
    /// <returns>One part per ratio, in the same order.</returns>
    /// <remarks>
    /// Largest-remainder method: each part first gets its exact share rounded toward zero; the minor units
    /// left over go one each to the parts with the largest remainders, and among equal remainders to the
    /// earliest part. Each part is within one minor unit of its exact share, a larger ratio never gets a
    /// smaller part, and a negative amount is split like its absolute value, negated.
    /// </remarks>
    /// <exception cref="ArgumentException">Thrown when <paramref name="ratios"/> is empty or their sum overflows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a ratio is zero or negative.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the amount is not a whole number of minor units: round it first.</exception>
    public Money[] Allocate(params ReadOnlySpan<decimal> ratios)
    {
        var parts = new Money[ratios.Length];
        Allocate(ratios, parts);
        return parts;
    }

    /// <summary>
    /// Splits the amount into parts proportional to <paramref name="ratios"/>, writing them into
    /// <paramref name="destination"/> without allocating; see <see cref="Allocate(ReadOnlySpan{decimal})"/>.
    /// </summary>
    /// <param name="ratios">One positive ratio per part.</param>
    /// <param name="destination">Where to write the parts; at least as long as <paramref name="ratios"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="ratios"/> is empty, their sum overflows, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a ratio is zero or negative.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the amount is not a whole number of minor units: round it first.</exception>
    public void Allocate(ReadOnlySpan<decimal> ratios, Span<Money> destination)
    {
        if (ratios.IsEmpty)
        {
            throw new ArgumentException("Give at least one ratio.", nameof(ratios));
        }

        if (destination.Length < ratios.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} parts but {ratios.Length} ratios were given.", nameof(destination));
        }

        var total = 0m;
        try
        {
            foreach (var ratio in ratios)
            {
                if (ratio <= 0m)
                {
                    throw new ArgumentOutOfRangeException(nameof(ratios), ratio, "Every ratio must be above zero.");
                }

                total += ratio;
            }
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The ratios' sum is too large for a decimal; scale them down.", nameof(ratios), e);
        }

        var units = WholeMinorUnits();
        var magnitude = Math.Abs(units);
        var sign = Math.Sign(units);
        var minor = _currency.MinorUnit;

        // Each part's exact share is computed once; what is left after the floor is its remainder.
        Span<decimal> remainders = ratios.Length <= 64 ? stackalloc decimal[ratios.Length] : new decimal[ratios.Length];
        var given = 0m;
        for (var i = 0; i < ratios.Length; i++)
        {
            var exact = magnitude * (ratios[i] / total);
            var floor = decimal.Floor(exact);
            given += floor;
            remainders[i] = exact - floor;
            destination[i] = new Money(floor, _currency);
        }

        // Hand the leftover units, one each, to the parts with the largest remainders (earliest first on a tie);
        // a part that got its extra unit is marked with a negative remainder and passed over.
        for (var leftover = magnitude - given; leftover > 0m; leftover--)
        {
            var best = 0;
            for (var i = 1; i < remainders.Length; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            destination[best] = new Money(destination[best]._amount + 1m, _currency);
            remainders[best] = -1m;
        }

        for (var i = 0; i < ratios.Length; i++)
        {
            destination[i] = new Money(sign * destination[i]._amount * minor, _currency);
        }
    }

    /// <summary>Splits the amount into <paramref name="count"/> parts that differ by at most one minor unit and sum exactly to it.</summary>
    /// <param name="count">The number of parts, at least 1.</param>
    /// <returns>The parts; the first ones get the leftover minor units (EUR 10 in 3 gives 3.34, 3.33, 3.33).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="count"/> is zero or negative.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the amount is not a whole number of minor units: round it first.</exception>
    public Money[] Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var units = WholeMinorUnits();
        var magnitude = Math.Abs(units);
        var share = decimal.Floor(magnitude / count);
        var leftover = magnitude - (share * count);
        var sign = Math.Sign(units);
        var parts = new Money[count];
        for (var i = 0; i < count; i++)
        {
            var part = i < leftover ? share + 1m : share;
            parts[i] = new Money(sign * part * _currency.MinorUnit, _currency);
        }

        return parts;
    }

    private decimal WholeMinorUnits()
    {
        if (_currency.IsNone)
        {
            throw new InvalidOperationException("Cannot split default(Money): it has no currency.");
        }

        var units = _amount / _currency.MinorUnit;
        if (decimal.Truncate(units) != units)
        {
            throw new InvalidOperationException($"{this} is not a whole number of {_currency.Code} minor units; round it before allocating.");
        }

        return decimal.Truncate(units);
    }
}
