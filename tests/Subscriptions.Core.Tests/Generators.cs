using FsCheck;
using FsCheck.Fluent;

namespace Subscriptions;

/// <summary>
/// The FsCheck generators of this test project, one partial file per area (Generators.Monetary.cs,
/// Generators.Scheduling.cs...), so every property draws from the same, deliberately nasty, value space.
/// </summary>
internal static partial class Generators
{
    /// <summary>A currency, biased towards the interesting minor units (0, 2, 3 and 4 decimals).</summary>
    public static Gen<Currency> Currency { get; } = Gen.OneOf(
        Gen.Elements(Subscriptions.Currency.All.ToArray()),
        Gen.Elements(
            Subscriptions.Currency.FromCode("JPY"),
            Subscriptions.Currency.FromCode("EUR"),
            Subscriptions.Currency.FromCode("BHD"),
            Subscriptions.Currency.FromCode("CLF")));

    /// <summary>A whole number of minor units, from small to large, either sign.</summary>
    public static Gen<long> MinorUnits { get; } = Gen.OneOf(
        Gen.Choose(-1_000, 1_000).Select(i => (long)i),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (long)i * 1_000_003L));

    /// <summary>An amount rounded to its currency's minor unit.</summary>
    public static Gen<Money> RoundedMoney { get; } =
        from currency in Currency
        from units in MinorUnits
        select Money.FromMinorUnits(units, currency);

    /// <summary>An amount with up to 6 more decimals than its currency has.</summary>
    public static Gen<Money> AnyMoney { get; } =
        from rounded in RoundedMoney
        from extra in Gen.Choose(-999_999, 999_999)
        select new Money(rounded.Amount + (extra * rounded.Currency.MinorUnit / 1_000_000m), rounded.Currency);

    /// <summary>1 to 12 positive ratios, mixing whole numbers and fractions.</summary>
    public static Gen<decimal[]> Ratios { get; } =
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(
            Gen.OneOf(
                Gen.Choose(1, 100).Select(i => (decimal)i),
                Gen.Choose(1, 1_000_000).Select(i => i / 1000m)),
            n));
}
