namespace Subscriptions.Taxes;

/// <summary>
/// A number the tax fast path (<see cref="TaxFastPath"/>) computes on: every operation returns exactly the bits
/// <see cref="decimal"/>'s own returns, or <c>false</c> where the type leaves it to <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// After a <c>false</c>, the result (and an operand passed as the same variable) holds no meaningful value: the caller
/// abandons the line and computes it again in <see cref="decimal"/>.
/// </remarks>
/// <typeparam name="T">The implementing type (<see cref="SmallDecimal"/> or <see cref="WideDecimal"/>).</typeparam>
internal interface IExactDecimal<T>
    where T : struct, IExactDecimal<T>
{
    /// <summary>Gets 1 (scale 0).</summary>
    static abstract T One { get; }

    /// <summary>Gets 0.01 (scale 2).</summary>
    static abstract T OneHundredth { get; }

    /// <summary>Gets a value indicating whether the value is zero, whatever its sign and scale.</summary>
    bool IsZero { get; }

    /// <summary>Gets a value indicating whether the value is below zero (a negative zero is not).</summary>
    bool IsBelowZero { get; }

    /// <summary>Returns whether every tax of <paramref name="taxes"/> can be computed on this type (<see cref="TaxSet.FitsSmall"/>, <see cref="TaxSet.FitsWide"/>).</summary>
    static abstract bool Takes(TaxSet taxes);

    /// <summary>Converts a decimal; false when it does not fit.</summary>
    static abstract bool TryFrom(decimal value, out T result);

    /// <summary>Adds as <see cref="decimal"/> does.</summary>
    static abstract bool TryAdd(in T a, in T b, out T result);

    /// <summary>Multiplies as <see cref="decimal"/> does.</summary>
    static abstract bool TryMultiply(in T a, in T b, out T result);

    /// <summary>Divides by the batch divisor of a tax that divides (<see cref="TaxSlot.Divides"/>) as <see cref="decimal"/> does, 0 for a zero divisor.</summary>
    static abstract bool TryDivideByBatch(in T dividend, in TaxSlot slot, out T result);

    /// <summary>Returns a tax's amount (<see cref="TaxSlot.Amount"/>).</summary>
    static abstract T AmountOf(in TaxSlot slot);

    /// <summary>Returns a tax's rate (<see cref="TaxSlot.Rate"/>).</summary>
    static abstract T RateOf(in TaxSlot slot);

    /// <summary>Adds the value to a document sum.</summary>
    static abstract void AddTo(ref TaxSum sum, in T value);

    /// <summary>Returns the workspace's scratch values of this type.</summary>
    static abstract Span<T> ScratchOf(in TaxWorkspace workspace);

    /// <summary>Flips the sign bit (zeros included).</summary>
    T Negate();

    /// <summary>Clears the sign bit.</summary>
    T Abs();

    /// <summary>Rounds half away from zero to <paramref name="digits"/> decimals, as <see cref="decimal.Round(decimal, int, MidpointRounding)"/> does.</summary>
    T Round(int digits);

    /// <summary>Returns the same value as a <see cref="decimal"/>, bit for bit.</summary>
    decimal ToDecimal();
}
