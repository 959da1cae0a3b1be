using System.Numerics;

namespace Subscriptions.Testing;

/// <summary>Generic checkers for the equality and ordering contracts every value type must honour.</summary>
public static class AssertContract
{
    /// <summary>Checks Equals, ==, !=, GetHashCode and object.Equals against one equal and some unequal values.</summary>
    public static void Equality<T>(T value, T equal, params T[] unequal)
        where T : IEquatable<T>, IEqualityOperators<T, T, bool>
    {
        Assert.True(value.Equals(equal), $"{value} should equal {equal}");
        Assert.True(value == equal, $"{value} == {equal}");
        Assert.False(value != equal, $"{value} != {equal}");
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.False(value.Equals(null!));
        foreach (var other in unequal)
        {
            Assert.False(value.Equals(other), $"{value} should not equal {other}");
            Assert.False(value == other, $"{value} == {other}");
            Assert.True(value != other, $"{value} != {other}");
            Assert.False(value.Equals((object)other));
        }
    }

    /// <summary>Checks CompareTo and the four ordering operators for a strictly ordered pair.</summary>
    public static void Ordering<T>(T lesser, T greater)
        where T : IComparable<T>, IComparisonOperators<T, T, bool>
    {
        Assert.True(lesser.CompareTo(greater) < 0);
        Assert.True(greater.CompareTo(lesser) > 0);
        Assert.Equal(0, lesser.CompareTo(lesser));
        Assert.True(lesser < greater);
        Assert.True(lesser <= greater);
        var sameAsLesser = lesser;
        Assert.True(lesser <= sameAsLesser);
        Assert.True(greater > lesser);
        Assert.True(greater >= lesser);
        var sameAsGreater = greater;
        Assert.True(greater >= sameAsGreater);
        Assert.False(greater < lesser);
        Assert.False(lesser > greater);
        if (lesser is IComparable nonGeneric)
        {
            Assert.True(nonGeneric.CompareTo(greater) < 0);
            Assert.True(nonGeneric.CompareTo(null) > 0);
            Assert.Throws<ArgumentException>(() => nonGeneric.CompareTo(new object()));
        }
    }
}
