using FsCheck;
using FsCheck.Fluent;
using Subscriptions.Lifecycle;
using Subscriptions.Sales;
using static Subscriptions.Sales.SalesFixtures;

namespace Subscriptions;

internal static partial class Generators
{
    /// <summary>One quote line: any kind, a quantity with up to 2 decimals, a price with up to 4 decimals, a whole discount.</summary>
    public static Gen<QuoteLine> QuoteLine(string id, SubscriptionLineKind kind) =>
        from quantity in Gen.Choose(1, 100_000)
        from price in Gen.Choose(0, 10_000_000)
        from discount in Gen.Elements(0, 0, 5, 10, 33, 100)
        from taxed in Gen.Elements(true, true, false)
        select new QuoteLine(id, id, id, kind, quantity / 100m, new Money(price / 10_000m, Eur), discount) { TaxIds = taxed ? [1] : [] };

    /// <summary>The lines of a quote: 1 to 4 recurring lines, then 0 to 3 one-time lines or setup fees.</summary>
    public static Gen<QuoteLine[]> QuoteLines { get; } =
        from recurring in Gen.Choose(1, 4)
        from once in Gen.Choose(0, 3)
        from kinds in Gen.ArrayOf(Gen.Elements(SubscriptionLineKind.OneTime, SubscriptionLineKind.SetupFee), once)
        from firsts in Gen.ArrayOf(QuoteLine("r", SubscriptionLineKind.Recurring), recurring)
        from seconds in Gen.ArrayOf(QuoteLine("o", SubscriptionLineKind.OneTime), once)
        select firsts.Select((l, i) => l with { LineId = $"r{i}", ProductId = $"r{i}" })
            .Concat(seconds.Select((l, i) => l with { LineId = $"o{i}", ProductId = $"o{i}", Kind = kinds[i] }))
            .ToArray();

    /// <summary>A quote: its lines, which options the customer adds (with quantities), and whether taxes are configured.</summary>
    public static Gen<(QuoteLine[] Lines, (string ProductId, int Quantity)[] Added, bool Taxed)> GeneratedQuote { get; } =
        from lines in QuoteLines
        from addBackup in Gen.Elements(true, false)
        from addTraining in Gen.Elements(true, false)
        from quantity in Gen.Choose(1, 20)
        from taxed in Gen.Elements(true, false)
        select (lines, new[] { (addBackup, "backup"), (addTraining, "training") }.Where(a => a.Item1).Select(a => (a.Item2, quantity)).ToArray(), taxed);
}
