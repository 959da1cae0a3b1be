using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Scheduling;

namespace Subscriptions.Lifecycle;

/// <summary>A contract everyone knows: Pro at EUR 249.95 a month, billed in advance on the 1st, for a customer in Paris.</summary>
internal static class LifecycleFixtures
{
    public static readonly SubscriptionId Id = new("S-1");
    public static readonly CustomerId Customer = new("C-1");
    public static readonly Currency Eur = Currency.Eur;
    public static readonly string[] Reasons = ["Too expensive", "Missing features", "Other"];

    public static readonly ContactDetails Contact = new("Ada Lovelace", "ada@example.com", null, new PostalAddress("1 Rue de Rivoli", null, "Paris", "75001", null, "FR"));

    public static SubscriptionLine Base => new("base", "pro", "Pro plan", SubscriptionLineKind.Recurring, 1m, new Money(249.95m, Eur));

    public static SubscriptionLine Option(string id = "backup", decimal price = 31m) => new(id, id, "Backup add-on", SubscriptionLineKind.Option, 1m, new Money(price, Eur));

    public static SubscriptionTerms Terms(CustomerAccessLevel access = CustomerAccessLevel.UpgradeAndDowngrade, bool customerMayClose = true, Recurrence? recurrence = null) =>
        new("pro", "Pro", recurrence ?? Recurrence.Monthly, access, customerMayClose, InvoicingMode.SendInvoice, null);

    public static StartSubscription Start(
        LocalDate? start = null,
        CustomerAccessLevel access = CustomerAccessLevel.UpgradeAndDowngrade,
        bool customerMayClose = true,
        BillingTiming timing = BillingTiming.InAdvance,
        int? termPeriods = null,
        bool autoRenew = false,
        params SubscriptionLine[] lines) =>
        new(
            Customer,
            Terms(access, customerMayClose),
            new ScheduleTerms(start ?? new LocalDate(2012, 5, 1), 1, timing, termPeriods, autoRenew),
            Eur,
            lines.Length == 0 ? [Base] : lines,
            Contact,
            "Europe/Paris");

    public static Instant Noon(int year, int month, int day) => Instant.FromUtc(year, month, day, 10, 0);

    public static CommandContext Staff(Instant now) => new(Actor.Staff("bob"), now, Reasons);

    public static CommandContext ByCustomer(Instant now) => new(Actor.Customer(Customer), now, Reasons);

    public static CommandContext BySystem(Instant now) => new(Actor.System, now, Reasons);

    public static Subscription Started(StartSubscription? start = null) =>
        Subscription.Replay(SubscriptionDecider.Decide(Subscription.Empty, Id, start ?? Start(), Staff(Noon(2012, 5, 1))));

    public static (Subscription State, T Event) Run<T>(Subscription state, SubscriptionCommand command, CommandContext context)
        where T : SubscriptionEvent
    {
        var events = SubscriptionDecider.Decide(state, Id, command, context);
        var single = Assert.Single(events);
        return (state.Apply(single), Assert.IsType<T>(single));
    }

    public static SubscriptionRuleException Refused(Subscription state, SubscriptionCommand command, CommandContext context, string code)
    {
        var error = Assert.Throws<SubscriptionRuleException>(() => SubscriptionDecider.Decide(state, Id, command, context));
        Assert.Equal(code, error.ErrorCode);
        return error;
    }
}
