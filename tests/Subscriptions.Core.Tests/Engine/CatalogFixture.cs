using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Scheduling;

namespace Subscriptions.Engine;

/// <summary>The catalog behind the engine scenarios: Pro (249.95/month) with a Backup option (31/month), and Team (499/month).</summary>
internal static class CatalogFixture
{
    private static readonly UnitOfMeasure Units = new("Units", new UnitOfMeasureCategory("Unit"));
    private static readonly ProductCategory Software = new("software", "Software");

    public static Product Pro { get; } = Monthly("pro", "Pro plan", 249.95m, ["backup"]);

    public static Product Backup { get; } = Monthly("backup", "Backup add-on", 31m);

    public static Product Team { get; } = Monthly("team", "Team plan", 499m);

    public static SubscriptionCatalog Catalog { get; } = new(
        ProductCatalog.Create([Pro, Backup, Team], new LocalDate(2012, 1, 1)),
        [
            new Plan("pro", "Pro", Recurrence.Monthly, [new PlanLine(Pro), new PlanLine(Backup, isOptional: true)], new PlanSettings { CustomerAccess = CustomerAccessLevel.UpgradeAndDowngrade, CustomerMayClose = true }),
            new Plan("team", "Team", Recurrence.Monthly, [new PlanLine(Team)], new PlanSettings { CustomerAccess = CustomerAccessLevel.UpgradeOnly, CustomerMayClose = true }),
        ]);

    private static Product Monthly(string id, string name, decimal price, string[]? options = null) =>
        new(id, name, ProductKind.Recurring, Software, Units, [new ProductPrice(new UnitPrice(price, Currency.Eur), Recurrence.Monthly)], options);
}

/// <summary>A canonical text of a subscription's state, to compare two rebuilds (records holding lists compare by reference).</summary>
internal static class StateText
{
    public static string Of(Subscription s) => string.Join(
        "\n",
        $"{s.Id} v{s.Version} {s.Status} {s.CustomerId} mrr={s.Mrr} tz={s.TimeZoneId} plan={s.Terms} schedule={s.ScheduleTerms}",
        $"contact={s.Contact} pay={s.PaymentMethod} sales={s.Salesperson} quote={s.QuoteId} paused={s.PausedOn}/{s.ResumeOn} closed={s.ClosedOn}/{s.CloseReason}/{s.ClosedBy}/{s.CloseScheduledOn} tokens={s.PortalTokenVersion}",
        string.Join("; ", s.Lines.Select(l => l.ToString())),
        string.Join("; ", s.BilledItems.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={b.Value}")),
        string.Join("; ", s.PendingChanges.Select(p => $"{p.ChangeId}@{p.EffectiveDate}:{p.Change}")));
}
