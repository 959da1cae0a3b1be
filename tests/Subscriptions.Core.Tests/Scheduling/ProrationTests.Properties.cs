using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Testing;

namespace Subscriptions.Scheduling;

public sealed partial class ProrationTests
{
    private static readonly Gen<(BillingPeriod Period, LocalDate Change, Money Old, Money New)> PriceChange =
        from change in Generators.PeriodWithChange
        from old in Generators.Price
        from units in Gen.Frequency((3, Gen.Choose(0, 2_000_000).Select(i => (long)i)), (1, Gen.Choose(0, 1_000_000).Select(i => i * 100_000_007L)))
        select (change.Period, change.Change, old, Money.FromMinorUnits(units, old.Currency));

    [Fact]
    public void Change_CreditPlusCharge_IsThePriceDifferenceTimesTheFraction_ToTheMinorUnit()
    {
        PropertyCheck.Check(Prop.ForAll(PriceChange.ToArbitrary(), input =>
        {
            var (period, date, old, @new) = input;

            var change = Proration.Change(period, old, date, @new);

            var fraction = Proration.Fraction(new BillingPeriod(date, period.End), period);
            var difference = (@new - old) * fraction.Numerator / fraction.Denominator;
            Assert.Equal(difference.Round(MidpointRounding.AwayFromZero), change.Net);
            Assert.Equal((-old * fraction.Numerator / fraction.Denominator).Round(MidpointRounding.AwayFromZero), change.Credit.Amount);
            Assert.True(change.Charge.Rounding.Abs().Amount <= old.Currency.MinorUnit, change.Charge.ToString());
            Assert.True(change.Credit.Amount.IsRoundedToMinorUnit && change.Charge.Amount.IsRoundedToMinorUnit);
        }));
    }

    [Fact]
    public void Change_UpgradeAndItsReverseOnTheSameDay_NetToZero()
    {
        PropertyCheck.Check(Prop.ForAll(PriceChange.ToArbitrary(), input =>
        {
            var (period, date, old, @new) = input;

            var upgrade = Proration.Change(period, old, date, @new);
            var reverse = Proration.ChangeWithReference(upgrade.Charge.Part, upgrade.Charge.Amount, date, period, old);

            Assert.True((upgrade.Net + reverse.Net).IsZero, $"{upgrade}\n{reverse}");
        }));
    }

    [Fact]
    public void Change_CreditIsTheComplementOfTheUsedPart()
    {
        PropertyCheck.Check(Prop.ForAll(PriceChange.ToArbitrary(), input =>
        {
            var (period, date, old, @new) = input;

            var change = Proration.Change(period, old, date, @new);
            var used = date == period.Start ? Money.Zero(old.Currency) : Proration.Prorate(old, new BillingPeriod(period.Start, date), period).Exact;

            Assert.Equal(old, used + (-change.Credit.Exact));
            Assert.True((used - (old + change.Credit.Amount)).Abs().Amount < old.Currency.MinorUnit);
        }));
    }

    [Fact]
    public void Split_AnyPieces_SumExactlyToThePrice_EachWithinOneMinorUnit()
    {
        var gen =
            from period in Generators.PeriodWithChange.Select(p => p.Period)
            from price in Generators.Price
            from cutCount in Gen.Choose(0, 6)
            from offsets in Gen.ArrayOf(Gen.Choose(1, Math.Max(1, period.Days - 1)), cutCount)
            select (period, price, offsets.Where(o => o < period.Days).Distinct().Order().Select(o => period.Start.PlusDays(o)).ToArray());

        PropertyCheck.Check(Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (period, price, cuts) = input;

            var pieces = Proration.Split(price, period, cuts);

            Assert.Equal(cuts.Length + 1, pieces.Length);
            Assert.Equal(price, pieces.Aggregate(Money.Zero(price.Currency), (sum, piece) => sum + piece.Amount));
            Assert.Equal(period.Days, pieces.Sum(piece => piece.Part.Days));
            foreach (var piece in pieces)
            {
                Assert.True(piece.Rounding.Abs().Amount < price.Currency.MinorUnit, piece.ToString());
            }
        }));
    }

    [Fact]
    public void Fraction_OfAPartAndItsComplement_SumToOne()
    {
        PropertyCheck.Check(Prop.ForAll(Generators.PeriodWithChange.ToArbitrary(), input =>
        {
            var (period, date) = input;
            if (date == period.Start)
            {
                return;
            }

            var before = Proration.Fraction(new BillingPeriod(period.Start, date), period);
            var after = Proration.Fraction(new BillingPeriod(date, period.End), period);

            Assert.Equal(before.Denominator, after.Denominator);
            Assert.Equal(before.Denominator, before.Numerator + after.Numerator);
            Assert.Equal(after, before.Complement);
        }));
    }

    [Fact]
    public void Prorate_IsRoundedOnceHalfUp()
    {
        PropertyCheck.Check(Prop.ForAll(PriceChange.ToArbitrary(), input =>
        {
            var (period, date, price, _) = input;
            var part = new BillingPeriod(date, period.End);

            var amount = Proration.Prorate(price, part, period);

            var exact = price.Amount * part.Days / period.Days;
            Assert.Equal(decimal.Round(exact, price.Currency.MinorUnits, MidpointRounding.AwayFromZero), amount.Amount.Amount);
            Assert.Equal(amount.Amount - amount.Exact, amount.Rounding);
        }));
    }
}
