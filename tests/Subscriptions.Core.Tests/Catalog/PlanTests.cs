using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using static Subscriptions.Core.Tests.Catalog.CatalogTestData;

namespace Subscriptions.Core.Tests.Catalog;

public class PlanTests
{
    [Fact]
    public void Constructor_DefaultAndOptionalLines_AreSeparated()
    {
        var plan = new Plan("pro", "Pro", Recurrence.Monthly, [new PlanLine(Recurring(), 5m), new PlanLine(OneTime(kind: ProductKind.SetupFee)), new PlanLine(Recurring("backup"), isOptional: true)]);

        Assert.Equal(["crm", "onboarding"], plan.DefaultLines.Select(l => l.Product.Id));
        Assert.Equal(["backup"], plan.OptionalLines.Select(l => l.Product.Id));
    }

    [Fact]
    public void Constructor_Settings_AreCopied()
    {
        var settings = new PlanSettings
        {
            TermPeriods = 12,
            InvoicingMode = InvoicingMode.ChargeSavedPaymentMethod,
            CustomerAccess = CustomerAccessLevel.UpgradeOnly,
            CustomerMayClose = true,
            AutoCloseAfterDaysUnpaid = 15,
            QuoteValidityDays = 14,
            OnlineConfirmation = OnlineConfirmation.SignatureAndPayment,
        };

        var plan = new Plan("pro", "Pro", Recurrence.Yearly, [new PlanLine(Recurring())], settings);
        settings.TermPeriods = 1;

        Assert.Equal(12, plan.TermPeriods);
        Assert.Equal(InvoicingMode.ChargeSavedPaymentMethod, plan.InvoicingMode);
        Assert.True(plan.CustomerMayUpgrade);
        Assert.False(plan.CustomerMayDowngrade);
        Assert.True(plan.CustomerMayClose);
        Assert.Equal(15, plan.AutoCloseAfterDaysUnpaid);
        Assert.Equal(14, plan.QuoteValidityDays);
        Assert.Equal(OnlineConfirmation.SignatureAndPayment, plan.OnlineConfirmation);
    }

    [Fact]
    public void Constructor_Defaults_AreOpenEndedSendInvoiceRestricted()
    {
        var plan = new Plan("basic", "Basic", Recurrence.Monthly, [new PlanLine(Recurring())]);

        Assert.Null(plan.TermPeriods);
        Assert.Equal(InvoicingMode.SendInvoice, plan.InvoicingMode);
        Assert.Equal(CustomerAccessLevel.Restricted, plan.CustomerAccess);
        Assert.False(plan.CustomerMayUpgrade);
        Assert.False(plan.CustomerMayClose);
        Assert.Equal(30, plan.QuoteValidityDays);
        Assert.Equal(OnlineConfirmation.Signature, plan.OnlineConfirmation);
    }

    [Fact]
    public void Constructor_RecurringProductWithoutThePlansRecurrence_ThrowsInvalidPlanLine()
    {
        var error = Assert.Throws<InvalidPlanLineException>(() => new Plan("q", "Quarterly", Recurrence.Quarterly, [new PlanLine(Recurring())]));

        Assert.Equal("catalog.invalid_plan_line", error.ErrorCode);
        Assert.Equal("crm", error.ProductId);
    }

    [Fact]
    public void Constructor_ProductTwice_ThrowsInvalidPlanLine() =>
        Assert.Throws<InvalidPlanLineException>(() => new Plan("p", "P", Recurrence.Monthly, [new PlanLine(Recurring()), new PlanLine(Recurring(), isOptional: true)]));

    [Fact]
    public void Constructor_OnlyOptionalLines_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Plan("p", "P", Recurrence.Monthly, [new PlanLine(Recurring(), isOptional: true)]));

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(null, 0, null)]
    [InlineData(null, null, -1)]
    public void Constructor_NonPositiveDurations_ThrowOutOfRange(int? term, int? autoClose, int? validity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Plan("p", "P", Recurrence.Monthly, [new PlanLine(Recurring())], new PlanSettings { TermPeriods = term, AutoCloseAfterDaysUnpaid = autoClose, QuoteValidityDays = validity }));

    [Fact]
    public void Constructor_UndefinedAccessLevel_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Plan("p", "P", Recurrence.Monthly, [new PlanLine(Recurring())], new PlanSettings { CustomerAccess = (CustomerAccessLevel)9 }));

    [Fact]
    public void Constructor_DefaultRecurrence_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new Plan("p", "P", default, [new PlanLine(Recurring())]));

    [Fact]
    public void PlanLine_UnitOfAnotherCategory_ThrowsMismatch() =>
        Assert.Throws<UnitOfMeasureMismatchException>(() => new PlanLine(Recurring(), 1m, unit: Hour));

    [Fact]
    public void PlanLine_ZeroQuantity_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlanLine(Recurring(), 0m));
}
