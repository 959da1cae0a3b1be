using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Lifecycle;

public sealed partial class SubscriptionDeciderTests
{
    [Fact]
    public void Start_ValidCommand_StartsInProgressWithItsMonthlyRecurringRevenue()
    {
        var events = SubscriptionDecider.Decide(Subscription.Empty, Id, Start(lines: [Base, new SubscriptionLine("setup", "setup", "Setup", SubscriptionLineKind.SetupFee, 1m, new Money(99m, Eur))]), Staff(Noon(2012, 4, 20)));

        var started = Assert.IsType<SubscriptionStarted>(Assert.Single(events));
        Assert.Equal(1, started.Version);
        Assert.Equal(new LocalDate(2012, 5, 1), started.EffectiveDate);
        Assert.Equal(Money.Zero(Eur), started.MrrBefore);
        Assert.Equal(new Money(249.95m, Eur), started.MrrAfter);
        Assert.Equal(Actor.Staff("bob"), started.By);

        var state = Subscription.Replay(events);
        Assert.Equal(SubscriptionStatus.InProgress, state.Status);
        Assert.Equal(2, state.Lines.Count);
        Assert.Equal(new Money(249.95m, Eur), state.Mrr);
    }

    [Fact]
    public void Start_YearlyPlanWithDiscount_MrrIsTheDiscountedTwelfth()
    {
        var yearly = Start() with
        {
            Terms = Terms(recurrence: Recurrence.Yearly),
            Lines = [new SubscriptionLine("base", "pro", "Pro", SubscriptionLineKind.Recurring, 2m, new Money(1200m, Eur), DiscountPercent: 10m)],
        };

        var state = Started(yearly);

        Assert.Equal(new Money(180m, Eur), state.Mrr); // 2 x 1200 x 90 % / 12
    }

    [Fact]
    public void Start_BadInput_IsRefusedWithTypedErrors()
    {
        Refused(Subscription.Empty, Start(lines: [new SubscriptionLine("setup", "setup", "Setup", SubscriptionLineKind.SetupFee, 1m, new Money(99m, Eur))]), Staff(Noon(2012, 5, 1)), SubscriptionRuleException.NoRecurringLineCode);
        Refused(Subscription.Empty, Start(lines: [Base, Base]), Staff(Noon(2012, 5, 1)), SubscriptionRuleException.DuplicateLineCode);
        Refused(Subscription.Empty, Start(lines: [Base with { Quantity = 0m }]), Staff(Noon(2012, 5, 1)), SubscriptionRuleException.InvalidQuantityCode);
        Refused(Subscription.Empty, Start() with { TimeZoneId = "Mars/Olympus" }, Staff(Noon(2012, 5, 1)), SubscriptionRuleException.UnknownTimeZoneCode);
        Refused(Started(), Start(), Staff(Noon(2012, 5, 1)), SubscriptionRuleException.AlreadyStartedCode);
        Refused(Subscription.Empty, Start(), ByCustomer(Noon(2012, 5, 1)), SubscriptionRuleException.CustomerAccessDeniedCode);
        Refused(Subscription.Empty, new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 1)), SubscriptionRuleException.NotFoundCode);
        Assert.Throws<CurrencyMismatchException>(() => SubscriptionDecider.Decide(Subscription.Empty, Id, Start(lines: [Base with { UnitPrice = new Money(10m, Currency.Usd) }]), Staff(Noon(2012, 5, 1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubscriptionDecider.Decide(Subscription.Empty, Id, Start(lines: [Base with { DiscountPercent = 101m }]), Staff(Noon(2012, 5, 1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubscriptionDecider.Decide(Subscription.Empty, Id, Start(lines: [Base with { UnitPrice = new Money(-1m, Eur) }]), Staff(Noon(2012, 5, 1))));
        Assert.Throws<ArgumentException>(() => SubscriptionDecider.Decide(Subscription.Empty, default, Start(), Staff(Noon(2012, 5, 1))));
        Assert.Throws<ArgumentNullException>(() => SubscriptionDecider.Decide(Subscription.Empty, Id, null!, Staff(Noon(2012, 5, 1))));
    }

    [Fact]
    public void ChangeQuantity_MidPeriodInAdvance_CreditsTheUnusedDaysAndChargesTheRest()
    {
        // SCHEDULING.md: 20 days of a 31-day month at 249.95 -> 161.26.
        var (state, e) = Run<SubscriptionLinesChanged>(Started(), new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12)));

        Assert.Equal(LineChangeKind.Quantity, e.Change);
        var credit = e.Prorations.Single(p => p.Kind == ProrationItemKind.Credit);
        var charge = e.Prorations.Single(p => p.Kind == ProrationItemKind.Charge);
        Assert.Equal(new Money(-161.26m, Eur), credit.Amount);
        Assert.Equal((20L, 31L), (credit.Numerator, credit.Denominator));
        Assert.Equal((new LocalDate(2012, 5, 12), new LocalDate(2012, 6, 1)), (credit.From, credit.To));
        Assert.Equal(new Money(322.52m, Eur), charge.Amount); // 20/31 of 499.90 = 322.516
        Assert.Equal(new Money(161.26m, Eur), credit.Amount + charge.Amount);
        Assert.Equal(new Money(249.95m, Eur), e.MrrBefore);
        Assert.Equal(new Money(499.90m, Eur), e.MrrAfter);
        Assert.Equal(2m, state.Lines.Single().Quantity);
        Assert.Equal(new BilledItem(new BillingPeriod(new LocalDate(2012, 5, 12), new LocalDate(2012, 6, 1)), new Money(322.52m, Eur)), state.BilledItems["base"]);
    }

    [Fact]
    public void ChangeQuantity_UpAndBackOnTheSameDay_NetsToZero()
    {
        var (up, first) = Run<SubscriptionLinesChanged>(Started(), new ChangeQuantity("base", 3m), Staff(Noon(2012, 5, 12)));
        var (_, second) = Run<SubscriptionLinesChanged>(up, new ChangeQuantity("base", 1m), Staff(Noon(2012, 5, 12)));

        var net = first.Prorations.Concat(second.Prorations).Aggregate(Money.Zero(Eur), (sum, p) => sum + p.Amount);
        Assert.Equal(Money.Zero(Eur), net);
    }

    [Fact]
    public void ChangeQuantity_TwiceInOnePeriod_CreditsWhatTheFirstChangeBilled()
    {
        var (twice, _) = Run<SubscriptionLinesChanged>(Started(), new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12)));
        var (_, e) = Run<SubscriptionLinesChanged>(twice, new ChangeQuantity("base", 1m), Staff(Noon(2012, 5, 22)));

        // The second credit is 10 of the 20 days billed by the first change (322.52), not a share of a full month.
        var credit = e.Prorations.Single(p => p.Kind == ProrationItemKind.Credit);
        Assert.Equal((10L, 20L), (credit.Numerator, credit.Denominator));
        Assert.Equal(new Money(-161.26m, Eur), credit.Amount);
        Assert.Equal(new Money(80.63m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Charge).Amount); // 10/31 of 249.95 = 80.629
    }

    [Fact]
    public void ChangeQuantity_OnTheBillingDay_CreditsAndChargesWholePeriods()
    {
        var (_, e) = Run<SubscriptionLinesChanged>(Started(), new ChangeQuantity("base", 2m), Staff(Noon(2012, 6, 1)));

        Assert.Equal(new Money(-249.95m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Credit).Amount);
        Assert.Equal(new Money(499.90m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Charge).Amount);
    }

    [Fact]
    public void ChangeQuantity_InArrears_ProratesNothing()
    {
        var (_, e) = Run<SubscriptionLinesChanged>(Started(Start(timing: BillingTiming.InArrears)), new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12)));

        Assert.Empty(e.Prorations);
        Assert.Equal(new Money(499.90m, Eur), e.MrrAfter);
    }

    [Fact]
    public void ChangeQuantity_BadInput_IsRefused()
    {
        var state = Started(Start(lines: [Base, new SubscriptionLine("setup", "setup", "Setup", SubscriptionLineKind.SetupFee, 1m, new Money(99m, Eur))]));

        Refused(state, new ChangeQuantity("base", 0m), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.InvalidQuantityCode);
        Refused(state, new ChangeQuantity("base", -1m), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.InvalidQuantityCode);
        Refused(state, new ChangeQuantity("nope", 2m), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.UnknownLineCode);
        Refused(state, new ChangeQuantity("setup", 2m), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.WrongLineKindCode);
        Refused(state, new ChangeQuantity("base", 2m) { EffectiveDate = new LocalDate(2012, 5, 11) }, Staff(Noon(2012, 5, 12)), SubscriptionRuleException.ChangeInPastCode);
    }

    [Fact]
    public void AddOption_MidPeriod_ChargesTheRestOfThePeriod_AndRemoveCreditsIt()
    {
        var (added, add) = Run<SubscriptionLinesChanged>(Started(), new AddOption(Option()), Staff(Noon(2012, 5, 12)));

        var charge = Assert.Single(add.Prorations);
        Assert.Equal(ProrationItemKind.Charge, charge.Kind);
        Assert.Equal(new Money(20m, Eur), charge.Amount); // 20/31 of 31.00
        Assert.Equal(new Money(280.95m, Eur), add.MrrAfter);

        var (removed, remove) = Run<SubscriptionLinesChanged>(added, new RemoveOption("backup"), Staff(Noon(2012, 5, 22)));

        var credit = Assert.Single(remove.Prorations);
        Assert.Equal(new Money(-10m, Eur), credit.Amount); // 10 of the 20 days billed
        Assert.DoesNotContain(removed.Lines, l => l.LineId == "backup");
        Assert.Equal(new Money(249.95m, Eur), removed.Mrr);
    }

    [Fact]
    public void Options_BadInput_IsRefused()
    {
        var state = Started();

        Refused(state, new AddOption(Option() with { Kind = SubscriptionLineKind.Recurring }), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.WrongLineKindCode);
        Refused(state, new AddOption(Option("base")), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.DuplicateLineCode);
        Refused(state, new RemoveOption("base"), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.WrongLineKindCode);
        Refused(state, new RemoveOption("nope"), Staff(Noon(2012, 5, 12)), SubscriptionRuleException.UnknownLineCode);
    }

    [Fact]
    public void OverridePrice_ByStaff_ProratesTheNewPrice_AndIsRefusedToCustomers()
    {
        var (_, e) = Run<SubscriptionLinesChanged>(Started(), new OverridePrice("base", new Money(249.95m, Eur), 20m), Staff(Noon(2012, 5, 12)));

        Assert.Equal(LineChangeKind.PriceOverride, e.Change);
        Assert.Equal(new Money(199.96m, Eur), e.MrrAfter);
        Assert.Equal(new Money(-161.26m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Credit).Amount);
        Assert.Equal(new Money(129.01m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Charge).Amount); // 20/31 of 199.96
        Refused(Started(), new OverridePrice("base", new Money(1m, Eur), 0m), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.CustomerAccessDeniedCode);
    }

    [Fact]
    public void ChangePlan_MonthlyToYearlyMidMonth_FollowsTheSchedulingExample()
    {
        // SCHEDULING.md: monthly 249.95 -> yearly 2399.95 on 2012-05-12, billing day 1: credit -161.26, charge +2327.62.
        var yearly = Terms(recurrence: Recurrence.Yearly) with { PlanId = "pro-yearly", PlanName = "Pro yearly" };
        var (state, e) = Run<SubscriptionPlanChanged>(Started(), new ChangePlan(yearly, [Base with { UnitPrice = new Money(2399.95m, Eur) }]), Staff(Noon(2012, 5, 12)));

        Assert.Equal(new Money(-161.26m, Eur), e.Prorations.Single(p => p.Kind == ProrationItemKind.Credit).Amount);
        var charge = e.Prorations.Single(p => p.Kind == ProrationItemKind.Charge);
        Assert.Equal(new Money(2327.62m, Eur), charge.Amount);
        Assert.Equal((354L, 365L), (charge.Numerator, charge.Denominator));
        Assert.Equal((new LocalDate(2012, 5, 1), new LocalDate(2013, 5, 1)), (charge.ReferenceFrom, charge.ReferenceTo));
        Assert.Equal(new LocalDate(2013, 5, 1), state.Schedule!.NextBillingDate(new LocalDate(2012, 5, 12)));
        Assert.Equal(new Money(199.9958333333333333333333333m, Eur).Round(MidpointRounding.AwayFromZero), e.MrrAfter.Round(MidpointRounding.AwayFromZero));
        Assert.Equal("pro-yearly", state.Terms!.PlanId);
    }
}
