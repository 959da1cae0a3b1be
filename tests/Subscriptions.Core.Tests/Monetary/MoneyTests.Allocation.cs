using FsCheck.Fluent;
using Subscriptions.Testing;

namespace Subscriptions.Monetary;

public sealed partial class MoneyTests
{
    [Fact]
    public void Split_TenEurosInThree_GivesTheExtraCentToTheFirstPart() =>
        Assert.Equal(
            [new Money(3.34m, Eur), new Money(3.33m, Eur), new Money(3.33m, Eur)],
            new Money(10m, Eur).Split(3));

    [Fact]
    public void Split_NegativeAmount_MirrorsThePositiveSplit() =>
        Assert.Equal(
            [new Money(-3.34m, Eur), new Money(-3.33m, Eur), new Money(-3.33m, Eur)],
            new Money(-10m, Eur).Split(3));

    [Fact]
    public void Allocate_ThreeEqualRatios_DistributesRemainderToFirstParts() =>
        Assert.Equal(
            [new Money(0.34m, Eur), new Money(0.33m, Eur), new Money(0.33m, Eur)],
            new Money(1m, Eur).Allocate(1m, 1m, 1m));

    [Fact]
    public void Allocate_UnequalRatios_GivesLeftoverToLargestRemainder()
    {
        // 0.05 by 0.3/0.7: exact shares 0.015 and 0.035 -> 1 and 3 cents, one cent left; remainders tie at 0.5, so the earlier part takes it.
        Assert.Equal([new Money(0.02m, Eur), new Money(0.03m, Eur)], new Money(0.05m, Eur).Allocate(0.3m, 0.7m));

        // 100 yen by 1/2/3: exact 16.67, 33.33, 50 -> 16, 33, 50; the largest remainder (0.67) takes the last yen.
        Assert.Equal(
            [new Money(17m, Currency.Jpy), new Money(33m, Currency.Jpy), new Money(50m, Currency.Jpy)],
            new Money(100m, Currency.Jpy).Allocate(1m, 2m, 3m));
    }

    [Fact]
    public void Allocate_IntoSpan_WritesTheSamePartsWithoutAllocating()
    {
        Span<Money> parts = stackalloc Money[2];
        new Money(0.05m, Eur).Allocate([0.3m, 0.7m], parts);

        Assert.Equal(new Money(0.02m, Eur), parts[0]);
        Assert.Equal(new Money(0.03m, Eur), parts[1]);
    }

    [Fact]
    public void Allocate_BadRatios_ThrowTypedErrors()
    {
        var money = new Money(1m, Eur);

        Assert.Throws<ArgumentException>(() => money.Allocate());
        Assert.Throws<ArgumentOutOfRangeException>(() => money.Allocate(1m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => money.Allocate(1m, -1m));
        Assert.Throws<ArgumentException>(() => money.Allocate(decimal.MaxValue, decimal.MaxValue));
        Assert.Throws<ArgumentException>(() => money.Allocate([1m, 1m], new Money[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => money.Split(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => money.Split(-3));
    }

    [Fact]
    public void Allocate_UnroundedAmount_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1.005m, Eur).Allocate(1m, 1m));
        Assert.Throws<InvalidOperationException>(() => new Money(1.005m, Eur).Split(2));
    }

    [Fact]
    public void Allocate_AnyRatios_PartsSumExactlyStayWithinOneMinorUnitAndFollowTheRatios() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.RoundedMoney.SelectMany(m => Generators.Ratios.Select(r => (m, r))).ToArbitrary(),
            pair =>
            {
                var (money, ratios) = pair;
                var parts = money.Allocate(ratios);
                var total = ratios.Sum();
                var sum = parts.Aggregate(Money.Zero(money.Currency), (acc, p) => acc + p);
                var withinOne = parts.Select((p, i) => Math.Abs(p.Amount - (money.Amount * ratios[i] / total)) < money.Currency.MinorUnit).All(x => x);
                var monotone = true;
                for (var i = 0; i < ratios.Length; i++)
                {
                    for (var j = 0; j < ratios.Length; j++)
                    {
                        if (ratios[i] > ratios[j] && parts[i].Abs() < parts[j].Abs())
                        {
                            monotone = false;
                        }
                    }
                }

                return sum == money && parts.All(p => p.IsRoundedToMinorUnit) && withinOne && monotone;
            }));

    [Fact]
    public void Split_AnyCount_PartsSumExactlyAndDifferByAtMostOneMinorUnit() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.RoundedMoney.SelectMany(m => Gen.Choose(1, 40).Select(n => (m, n))).ToArbitrary(),
            pair =>
            {
                var parts = pair.m.Split(pair.n);
                var sum = parts.Aggregate(Money.Zero(pair.m.Currency), (acc, p) => acc + p);
                var spread = parts.Max(p => p.Amount) - parts.Min(p => p.Amount);
                return parts.Length == pair.n && sum == pair.m && spread <= pair.m.Currency.MinorUnit;
            }));
}
