using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;

namespace Subscriptions.Core.Tests.Catalog;

internal static class CatalogTestData
{
    public static readonly UnitOfMeasureCategory UnitCategory = new("Unit");
    public static readonly UnitOfMeasure Unit = new("Unit", UnitCategory, 1m, 1m);
    public static readonly UnitOfMeasure Dozen = new("Dozen", UnitCategory, 12m, 1m);
    public static readonly UnitOfMeasureCategory TimeCategory = new("Working time");
    public static readonly UnitOfMeasure Hour = new("Hour", TimeCategory, 1m, 0.01m);
    public static readonly UnitOfMeasure Day = new("Day", TimeCategory, 8m, 0.01m);
    public static readonly UnitOfMeasure Seat = new("Seat", new UnitOfMeasureCategory("Seats"), 1m, 1m);

    public static readonly ProductCategory Software = new("software", "Software");
    public static readonly ProductCategory Saas = new("saas", "SaaS", Software);
    public static readonly ProductCategory Services = new("services", "Services");

    public static readonly LocalDate Jan1 = new(2026, 1, 1);

    public static UnitPrice Eur(decimal amount) => new(amount, Currency.Eur);

    public static Product Recurring(string id = "crm", decimal monthly = 10m, decimal yearly = 100m, ProductCategory? category = null, UnitOfMeasure? unit = null) =>
        new(id, id.ToUpperInvariant(), ProductKind.Recurring, category ?? Saas, unit ?? Seat, [new ProductPrice(Eur(monthly), Recurrence.Monthly), new ProductPrice(Eur(yearly), Recurrence.Yearly)]);

    public static Product OneTime(string id = "onboarding", decimal price = 500m, ProductKind kind = ProductKind.OneTime, ProductCategory? category = null, UnitOfMeasure? unit = null) =>
        new(id, id.ToUpperInvariant(), kind, category ?? Services, unit ?? Hour, [new ProductPrice(Eur(price))]);
}
