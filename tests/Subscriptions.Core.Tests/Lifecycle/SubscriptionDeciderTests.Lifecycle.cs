using NodaTime;
using Subscriptions.Catalog;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions.Lifecycle;

public sealed partial class SubscriptionDeciderTests
{
    [Theory]
    [InlineData(CustomerAccessLevel.Restricted, 2, SubscriptionRuleException.CustomerAccessDeniedCode)]
    [InlineData(CustomerAccessLevel.UpgradeOnly, 2, null)]
    [InlineData(CustomerAccessLevel.UpgradeOnly, 1, null)]
    [InlineData(CustomerAccessLevel.UpgradeAndDowngrade, 2, null)]
    public void ChangeQuantity_ByCustomer_FollowsThePlansAccessLevel(CustomerAccessLevel access, int quantity, string? refusal)
    {
        var state = Started(Start(access: access, lines: [Base with { Quantity = 1m }]));
        var command = new ChangeQuantity("base", quantity);

        if (refusal is null)
        {
            Assert.Single(SubscriptionDecider.Decide(state, Id, command, ByCustomer(Noon(2012, 5, 12))));
        }
        else
        {
            Refused(state, command, ByCustomer(Noon(2012, 5, 12)), refusal);
        }
    }

    [Fact]
    public void Downgrade_ByCustomer_IsRefusedOnUpgradeOnlyPlans_AndAllowedOnUpgradeAndDowngradePlans()
    {
        var upgradeOnly = Started(Start(access: CustomerAccessLevel.UpgradeOnly, lines: [Base with { Quantity = 3m }, Option()]));
        var both = Started(Start(access: CustomerAccessLevel.UpgradeAndDowngrade, lines: [Base with { Quantity = 3m }, Option()]));

        var error = Refused(upgradeOnly, new ChangeQuantity("base", 2m), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.DowngradeNotAllowedCode);
        Assert.Contains("upgrade only", error.Message, StringComparison.Ordinal);
        Refused(upgradeOnly, new RemoveOption("backup"), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.DowngradeNotAllowedCode);
        Refused(upgradeOnly, new ChangePlan(Terms() with { PlanId = "basic" }, [Base with { UnitPrice = new Money(99m, Eur) }]), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.DowngradeNotAllowedCode);
        Assert.Single(SubscriptionDecider.Decide(upgradeOnly, Id, new AddOption(Option("support", 10m)), ByCustomer(Noon(2012, 5, 12))));
        Assert.Single(SubscriptionDecider.Decide(both, Id, new ChangeQuantity("base", 2m), ByCustomer(Noon(2012, 5, 12))));
        Assert.Single(SubscriptionDecider.Decide(both, Id, new RemoveOption("backup"), ByCustomer(Noon(2012, 5, 12))));
        Assert.Single(SubscriptionDecider.Decide(upgradeOnly, Id, new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12))));
    }

    [Fact]
    public void StaffOnlyCommands_ByCustomer_AreRefused()
    {
        var state = Started();
        var customer = ByCustomer(Noon(2012, 5, 12));

        Refused(state, new PauseSubscription(), customer, SubscriptionRuleException.CustomerAccessDeniedCode);
        Refused(state, new RenewSubscription(1), customer, SubscriptionRuleException.CustomerAccessDeniedCode);
        Refused(state, new RevokePortalLinks(), customer, SubscriptionRuleException.CustomerAccessDeniedCode);
        Refused(Run<SubscriptionClosed>(state, new CloseSubscription("Other", false), Staff(Noon(2012, 5, 12))).State, new ReopenSubscription(), customer, SubscriptionRuleException.CustomerAccessDeniedCode);
    }

    [Fact]
    public void ContactAndPaymentMethod_AreTheCustomersToChange_EvenOnRestrictedPlans()
    {
        var state = Started(Start(access: CustomerAccessLevel.Restricted));
        var contact = Contact with { Email = "ada@lovelace.example" };

        var (changed, e) = Run<ContactDetailsChanged>(state, new ChangeContactDetails(contact), ByCustomer(Noon(2012, 5, 12)));
        var (paid, _) = Run<PaymentMethodChanged>(changed, new ChangePaymentMethod(new Payments.PaymentMethodToken("fake", "pm_1", "Visa •••• 4242")), ByCustomer(Noon(2012, 5, 12)));

        Assert.Equal(contact, e.Contact);
        Assert.Equal(e.MrrBefore, e.MrrAfter);
        Assert.Equal("Visa •••• 4242", paid.PaymentMethod!.Display);
    }

    [Fact]
    public void Close_ByCustomerAtPeriodEnd_SchedulesTheCloseWithTheReason()
    {
        var (state, e) = Run<SubscriptionCloseScheduled>(Started(), new CloseSubscription("too expensive", AtPeriodEnd: true), ByCustomer(Noon(2012, 5, 12)));

        Assert.Equal(new LocalDate(2012, 6, 1), e.CloseOn);
        Assert.Equal(ClosedBy.Customer, e.ClosedBy);
        Assert.Equal(SubscriptionStatus.InProgress, state.Status);
        Assert.Equal(new LocalDate(2012, 6, 1), state.CloseScheduledOn);

        // When the day comes, the engine closes it for the customer, with their reason and no credit.
        var (closed, close) = Run<SubscriptionClosed>(state, new CloseSubscription("too expensive", false) { EffectiveDate = new LocalDate(2012, 6, 1) }, BySystem(Noon(2012, 6, 1)));
        Assert.Equal(ClosedBy.Customer, close.ClosedBy);
        Assert.Empty(close.Prorations);
        Assert.Equal(SubscriptionStatus.Closed, closed.Status);
        Assert.Equal(Money.Zero(Eur), closed.Mrr);
    }

    [Fact]
    public void Close_ByCustomer_NeedsAPlanThatAllowsItAndAConfiguredReason()
    {
        Refused(Started(Start(customerMayClose: false)), new CloseSubscription("Other", true), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.CustomerMayNotCloseCode);
        var error = Refused(Started(), new CloseSubscription("Because", true), ByCustomer(Noon(2012, 5, 12)), SubscriptionRuleException.UnknownCloseReasonCode);
        Assert.Contains("Too expensive", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SubscriptionDecider.Decide(Started(), Id, new CloseSubscription(" ", true), Staff(Noon(2012, 5, 12))));
    }

    [Fact]
    public void Close_NowByStaff_CreditsTheUnusedTimeAndZeroesTheMrr()
    {
        var (state, e) = Run<SubscriptionClosed>(Started(), new CloseSubscription("Switched provider", AtPeriodEnd: false), Staff(Noon(2012, 5, 12)));

        Assert.Equal(ClosedBy.Staff, e.ClosedBy);
        Assert.Equal(new Money(-161.26m, Eur), Assert.Single(e.Prorations).Amount);
        Assert.Equal(new Money(249.95m, Eur), e.MrrBefore);
        Assert.Equal(Money.Zero(Eur), e.MrrAfter);
        Assert.Equal(new LocalDate(2012, 5, 12), state.ClosedOn);
        Refused(state, new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 13)), SubscriptionRuleException.ClosedCode);
        Refused(state, new CloseSubscription("Other", false), Staff(Noon(2012, 5, 13)), SubscriptionRuleException.ClosedCode);
    }

    [Fact]
    public void Reopen_AClosedContract_ChargesTheRestOfThePeriodAndRestoresTheMrr()
    {
        var closed = Run<SubscriptionClosed>(Started(), new CloseSubscription("Other", false), Staff(Noon(2012, 5, 12))).State;

        var (state, e) = Run<SubscriptionReopened>(closed, new ReopenSubscription(), Staff(Noon(2012, 7, 12)));

        Assert.Equal(SubscriptionStatus.InProgress, state.Status);
        Assert.Equal(Money.Zero(Eur), e.MrrBefore);
        Assert.Equal(new Money(249.95m, Eur), e.MrrAfter);
        Assert.Equal(new Money(161.26m, Eur), Assert.Single(e.Prorations).Amount); // 20/31 of July
        Refused(state, new ReopenSubscription(), Staff(Noon(2012, 7, 13)), SubscriptionRuleException.InvalidStateCode);
    }

    [Fact]
    public void PauseAndResume_ZeroTheMrrWhilePaused_AndRefuseChangesMeanwhile()
    {
        var (paused, pause) = Run<SubscriptionPaused>(Started(), new PauseSubscription(new LocalDate(2012, 8, 1)), Staff(Noon(2012, 6, 1)));

        Assert.Equal(Money.Zero(Eur), pause.MrrAfter);
        Assert.Equal(SubscriptionStatus.Paused, paused.Status);
        Assert.Equal(new LocalDate(2012, 8, 1), paused.ResumeOn);
        Refused(paused, new ChangeQuantity("base", 2m), Staff(Noon(2012, 6, 2)), SubscriptionRuleException.PausedCode);
        Refused(paused, new PauseSubscription(), Staff(Noon(2012, 6, 2)), SubscriptionRuleException.InvalidStateCode);

        var (resumed, resume) = Run<SubscriptionResumed>(paused, new ResumeSubscription(), Staff(Noon(2012, 7, 1)));
        Assert.Equal(new Money(249.95m, Eur), resume.MrrAfter);
        Assert.Equal(SubscriptionStatus.InProgress, resumed.Status);
        Refused(resumed, new ResumeSubscription(), Staff(Noon(2012, 7, 1)), SubscriptionRuleException.InvalidStateCode);
        Refused(Started(), new PauseSubscription(new LocalDate(2012, 6, 1)), Staff(Noon(2012, 6, 1)), SubscriptionRuleException.InvalidStateCode);
    }

    [Fact]
    public void Renew_AFixedTerm_AddsPeriods_AndOpenEndedContractsHaveNothingToRenew()
    {
        var (state, e) = Run<SubscriptionRenewed>(Started(Start(termPeriods: 12)), new RenewSubscription(12), Staff(Noon(2013, 4, 20)));

        Assert.Equal(24, e.Schedule.TermPeriods);
        Assert.Equal(new LocalDate(2014, 5, 1), state.Schedule!.TermEnd);
        Refused(Started(), new RenewSubscription(12), Staff(Noon(2013, 4, 20)), SubscriptionRuleException.NotFixedTermCode);
    }

    [Fact]
    public void FutureDatedChange_IsScheduledNotApplied_AndCanBeCancelled()
    {
        var command = new ChangeQuantity("base", 5m) { EffectiveDate = new LocalDate(2012, 6, 15) };

        var (scheduled, e) = Run<SubscriptionChangeScheduled>(Started(), command, Staff(Noon(2012, 5, 12)));

        Assert.Equal(1m, scheduled.Lines.Single().Quantity);
        Assert.Equal(e.MrrBefore, e.MrrAfter);
        var pending = Assert.Single(scheduled.PendingChanges);
        Assert.Equal(new LocalDate(2012, 6, 15), pending.EffectiveDate);

        // Carried out on its date, the change prorates from that date and leaves the pending list.
        var (applied, change) = Run<SubscriptionLinesChanged>(scheduled, pending.Change, BySystem(Noon(2012, 6, 15)) with { ScheduledChangeId = pending.ChangeId });
        Assert.Equal(new LocalDate(2012, 6, 15), change.EffectiveDate);
        Assert.Equal(pending.ChangeId, change.ScheduledChangeId);
        Assert.Empty(applied.PendingChanges);
        Assert.Equal(5m, applied.Lines.Single().Quantity);

        var (cancelled, _) = Run<SubscriptionChangeCancelled>(scheduled, new CancelScheduledChange(pending.ChangeId), Staff(Noon(2012, 5, 13)));
        Assert.Empty(cancelled.PendingChanges);
        Refused(cancelled, new CancelScheduledChange(pending.ChangeId), Staff(Noon(2012, 5, 13)), SubscriptionRuleException.UnknownScheduledChangeCode);
    }

    [Fact]
    public void FutureDatedChange_ThatIsInvalidToday_IsRefusedNow() =>
        Refused(Started(), new ChangeQuantity("nope", 5m) { EffectiveDate = new LocalDate(2012, 6, 15) }, Staff(Noon(2012, 5, 12)), SubscriptionRuleException.UnknownLineCode);

    [Fact]
    public void RevokePortalLinks_BumpsTheTokenVersion()
    {
        var (state, e) = Run<PortalLinksRevoked>(Started(), new RevokePortalLinks(), Staff(Noon(2012, 5, 12)));

        Assert.Equal(1, e.TokenVersion);
        Assert.Equal(1, state.PortalTokenVersion);
    }

    [Fact]
    public void Apply_OutOfOrderOrForeignEvent_IsRejected()
    {
        var state = Started();
        var e = SubscriptionDecider.Decide(state, Id, new ChangeQuantity("base", 2m), Staff(Noon(2012, 5, 12))).Single();

        Assert.Throws<ArgumentException>(() => state.Apply(e with { Version = 5 }));
        Assert.Throws<ArgumentException>(() => state.Apply(e with { SubscriptionId = new SubscriptionId("other") }));
        Assert.Throws<ArgumentNullException>(() => state.Apply(null!));
    }

    [Fact]
    public void Events_CarryTheEnvelope_VersionEffectiveDateRecordedInstantActorAndMrr()
    {
        var now = Noon(2012, 5, 12) + Duration.FromMinutes(7);
        var e = SubscriptionDecider.Decide(Started(), Id, new AddOption(Option()), ByCustomer(now)).Single();

        Assert.Equal(Id, e.SubscriptionId);
        Assert.Equal(2, e.Version);
        Assert.Equal(new LocalDate(2012, 5, 12), e.EffectiveDate);
        Assert.Equal(now, e.RecordedAt);
        Assert.Equal(Actor.Customer(Customer), e.By);
        Assert.Equal(new Money(249.95m, Eur), e.MrrBefore);
        Assert.Equal(new Money(280.95m, Eur), e.MrrAfter);
    }
}
