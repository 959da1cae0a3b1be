namespace Subscriptions.Testing;

/// <summary>Assertions on <see cref="decimal"/>'s exact representation, for the exact fast paths that must match it.</summary>
public static class DecimalAssert
{
    /// <summary>Asserts the same bits: value, scale (trailing zeros) and the sign of a zero.</summary>
    public static void SameBits(decimal expected, decimal actual, string? what = null) =>
        Assert.True(decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(actual)), $"{what}: expected {expected} (scale {expected.Scale}, {(decimal.IsNegative(expected) ? "-" : "+")}), got {actual} (scale {actual.Scale}, {(decimal.IsNegative(actual) ? "-" : "+")})");
}
