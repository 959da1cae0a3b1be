using System.Runtime.CompilerServices;

namespace Subscriptions.Taxes;

/// <summary>
/// A running <see cref="decimal"/> sum that adds on <see cref="SmallDecimal"/> while the total fits and continues in
/// <see cref="decimal"/> from the first addition that does not: the result has the bits of adding every value in
/// order with <see cref="decimal"/>. <c>default</c> is <c>0m</c>.
/// </summary>
internal struct TaxSum
{
    private SmallDecimal _small;
    private decimal _wide;
    private bool _isWide;

    /// <summary>Gets the sum.</summary>
    public readonly decimal Value => _isWide ? _wide : _small.ToDecimal();

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in SmallDecimal value)
    {
        // The common case inline: same scale and sign as the running total (see SmallDecimal.TryAdd).
        if (!_isWide && SmallDecimal.TryAddSameFlags(_small, value, out var sum))
        {
            _small = sum;
            return;
        }

        AddSlow(value);
    }

    /// <summary>Adds a value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Add(decimal value)
    {
        if (!_isWide && SmallDecimal.TryFrom(value, out var small) && SmallDecimal.TryAdd(_small, small, out var sum))
        {
            _small = sum;
            return;
        }

        AddWide(value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddSlow(SmallDecimal value)
    {
        if (!_isWide && SmallDecimal.TryAdd(_small, value, out var sum))
        {
            _small = sum;
            return;
        }

        AddWide(value.ToDecimal());
    }

    private void AddWide(decimal value)
    {
        if (!_isWide)
        {
            _wide = _small.ToDecimal();
            _isWide = true;
        }

        _wide += value;
    }
}
