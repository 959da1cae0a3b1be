using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using static Subscriptions.Lifecycle.LifecycleFixtures;

namespace Subscriptions;

internal static partial class Generators
{
    /// <summary>A command a staff member or the customer might send, valid or not.</summary>
    public static Gen<SubscriptionCommand> LifecycleCommand { get; } = Gen.OneOf(
        from line in Gen.Elements("base", "backup", "support", "nope")
        from quantity in Gen.Choose(-1, 6)
        select (SubscriptionCommand)new ChangeQuantity(line, quantity),
        from id in Gen.Elements("backup", "support", "base")
        from price in Gen.Choose(1, 5_000)
        select (SubscriptionCommand)new AddOption(Option(id, price / 100m)),
        Gen.Elements("backup", "support", "base").Select(id => (SubscriptionCommand)new RemoveOption(id)),
        Gen.Choose(0, 30).Select(d => (SubscriptionCommand)new OverridePrice("base", new Money(200m + d, Eur), d)),
        Gen.Elements<SubscriptionCommand>(
            new PauseSubscription(),
            new ResumeSubscription(),
            new ReopenSubscription(),
            new RenewSubscription(1),
            new RevokePortalLinks(),
            new CloseSubscription("Other", AtPeriodEnd: true),
            new CloseSubscription("Other", AtPeriodEnd: false),
            new CloseSubscription("Because", AtPeriodEnd: true),
            new ChangeContactDetails(Contact with { Name = "Ada King" }),
            new ChangePlan(Terms(recurrence: Scheduling.Recurrence.Yearly) with { PlanId = "pro-yearly" }, [Base with { UnitPrice = new Money(2399.95m, Eur) }]),
            new ChangePlan(Terms() with { PlanId = "basic" }, [Base with { UnitPrice = new Money(99m, Eur) }])));

    /// <summary>A run of commands over about four months, each a few days after the previous one, by staff or the customer.</summary>
    public static Gen<(SubscriptionCommand Command, bool ByCustomer, int DaysLater)[]> LifecycleRun { get; } =
        Gen.ListOf(
            from command in LifecycleCommand
            from byCustomer in Gen.Elements(false, false, true)
            from days in Gen.Choose(0, 9)
            select (command, byCustomer, days))
        .Select(l => l.Take(25).ToArray());

    /// <summary>The plan access level and close permission of a contract.</summary>
    public static Gen<(CustomerAccessLevel Access, bool MayClose)> PlanRights { get; } =
        from access in Gen.Elements(CustomerAccessLevel.Restricted, CustomerAccessLevel.UpgradeOnly, CustomerAccessLevel.UpgradeAndDowngrade)
        from mayClose in Gen.Elements(true, false)
        select (access, mayClose);

    public static Instant LifecycleDay(int day) => Noon(2012, 5, 1) + Duration.FromDays(day);
}
