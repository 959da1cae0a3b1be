using Subscriptions.Taxes;

namespace Subscriptions.Core.Tests.Taxes;

/// <summary>Small builders for tax tests: one company, "acme", in Belgium.</summary>
internal static class TaxTestData
{
    public const string Company = "acme";

    public static Tax Percent(int id, decimal rate, int sequence = 1, bool included = false, bool includeBase = false, bool affected = true) =>
        new(id, Company, $"P{rate}", TaxAmountType.Percent, rate, sequence, included, includeBase, affected);

    public static Tax Division(int id, decimal rate, int sequence = 1, bool included = false, bool includeBase = false, bool affected = true) =>
        new(id, Company, $"D{rate}", TaxAmountType.Division, rate, sequence, included, includeBase, affected);

    public static Tax Fixed(int id, decimal amount, int sequence = 1, bool included = false, bool includeBase = false, bool affected = true) =>
        new(id, Company, $"F{amount}", TaxAmountType.Fixed, amount, sequence, included, includeBase, affected);

    public static TaxConfiguration Config(params Tax[] taxes) => new(Company, "BE", taxes);

    public static TaxConfiguration Config(TaxRoundingMethod method, params Tax[] taxes) => new(Company, "BE", taxes, method);

    /// <summary>Computes one line with every given tax attached, per line, at the given step.</summary>
    public static TaxLineResult Line(decimal price, decimal quantity, TaxRoundingMethod method, decimal step, params Tax[] taxes)
    {
        var config = Config(method, taxes);
        return config.ComputeLine(new TaxLine(price, quantity, config.CreateSet(taxes), isRefund: quantity < 0), Currency.Eur, method, step);
    }

    public static TaxLineResult PerLine(decimal price, params Tax[] taxes) => Line(price, 1m, TaxRoundingMethod.PerLine, 0.01m, taxes);

    public static decimal[] Amounts(TaxLineResult result) => result.Taxes.Select(t => t.Amount.Amount).ToArray();

    public static decimal[] Bases(TaxLineResult result) => result.Taxes.Select(t => t.Base.Amount).ToArray();
}
