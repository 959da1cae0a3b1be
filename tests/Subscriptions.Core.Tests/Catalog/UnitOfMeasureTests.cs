using Subscriptions.Catalog;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class UnitOfMeasureTests
{
    [Theory]
    [InlineData("2", "24")]
    [InlineData("0.5", "6")]
    public void ConvertQuantity_DozenToUnit_MultipliesByTwelve(string dozens, string units) =>
        Assert.Equal(decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture), Dozen.ConvertQuantity(decimal.Parse(dozens, System.Globalization.CultureInfo.InvariantCulture), Unit));

    [Theory]
    [InlineData("30", "3")]
    [InlineData("18", "2")]
    [InlineData("17", "1")]
    public void ConvertQuantity_UnitToDozen_RoundsHalfUpToTheTargetStep(string units, string dozens) =>
        Assert.Equal(decimal.Parse(dozens, System.Globalization.CultureInfo.InvariantCulture), Unit.ConvertQuantity(decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture), Dozen));

    [Fact]
    public void ConvertQuantity_HoursToDays_RoundsToTheDayStep() =>
        Assert.Equal(1.33m, Hour.ConvertQuantity(10.6m, Day));

    [Fact]
    public void ConvertQuantity_SameUnit_ReturnsTheQuantityUnrounded() =>
        Assert.Equal(1.2345m, Hour.ConvertQuantity(1.2345m, Hour));

    [Fact]
    public void ConvertQuantity_AcrossCategories_ThrowsMismatch()
    {
        var error = Assert.Throws<UnitOfMeasureMismatchException>(() => Hour.ConvertQuantity(1m, Seat));

        Assert.Equal("catalog.uom_category_mismatch", error.ErrorCode);
    }

    [Fact]
    public void ConvertPrice_PerUnitToPerDozen_MultipliesByTwelve() =>
        Assert.Equal(12m, Unit.ConvertPrice(1m, Dozen));

    [Fact]
    public void ConvertPrice_PerDayToPerHour_Divides() =>
        Assert.Equal(100m, Day.ConvertPrice(800m, Hour));

    [Fact]
    public void ConvertPrice_AcrossCategories_ThrowsMismatch() =>
        Assert.Throws<UnitOfMeasureMismatchException>(() => Seat.ConvertPrice(1m, Day));

    [Fact]
    public void Constructor_ZeroRatio_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfMeasure("x", UnitCategory, 0m));

    [Fact]
    public void Constructor_ZeroRounding_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnitOfMeasure("x", UnitCategory, 1m, 0m));
}
