using Subscriptions.Testing;

namespace Subscriptions.Scheduling;

public sealed class ProrationFractionTests
{
    [Fact]
    public void Equality_ComparesValues()
    {
        AssertContract.Equality(new ProrationFraction(20, 40), new ProrationFraction(1, 2), new ProrationFraction(20, 31), ProrationFraction.Zero, ProrationFraction.One);
        AssertContract.Ordering(new ProrationFraction(20, 31), new ProrationFraction(21, 31));
        AssertContract.Ordering(new ProrationFraction(1, 3), new ProrationFraction(1, 2));
    }

    [Fact]
    public void Default_IsZeroOverOne()
    {
        Assert.Equal(1, default(ProrationFraction).Denominator);
        Assert.True(default(ProrationFraction).IsZero);
        Assert.Equal(ProrationFraction.Zero, new ProrationFraction(0, 31));
    }

    [Fact]
    public void Apply_MultipliesBeforeDividing()
    {
        var fraction = new ProrationFraction(20, 31);

        Assert.Equal(Iso.Eur(4999m / 31m), fraction.Apply(Iso.Eur(249.95m)));
        Assert.Equal(Iso.Eur(249.95m), ProrationFraction.One.Apply(Iso.Eur(249.95m)));
        Assert.Equal("20/31", fraction.ToString());
        Assert.Equal(new ProrationFraction(11, 31), fraction.Complement);
    }
}
