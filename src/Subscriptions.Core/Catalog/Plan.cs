using System.Globalization;
using Subscriptions.Scheduling;

namespace Subscriptions.Catalog;

/// <summary>How a renewal is paid.</summary>
public enum InvoicingMode
{
    /// <summary>Charge the saved payment method automatically.</summary>
    ChargeSavedPaymentMethod = 1,

    /// <summary>Send the invoice for the customer to pay.</summary>
    SendInvoice = 2,
}

/// <summary>What a customer may change on their own subscription.</summary>
public enum CustomerAccessLevel
{
    /// <summary>The customer can see but not change the subscription.</summary>
    Restricted = 1,

    /// <summary>The customer may add products or raise quantities.</summary>
    UpgradeOnly = 2,

    /// <summary>The customer may raise and lower quantities and remove optional products.</summary>
    UpgradeAndDowngrade = 3,
}

/// <summary>What a customer does online to confirm a quote.</summary>
[Flags]
public enum OnlineConfirmation
{
    /// <summary>No online confirmation.</summary>
    None = 0,

    /// <summary>A signature.</summary>
    Signature = 1,

    /// <summary>A payment.</summary>
    Payment = 2,

    /// <summary>Both a signature and a payment.</summary>
    SignatureAndPayment = Signature | Payment,
}

/// <summary>A line of a plan: a product and a quantity, offered by default or as an option.</summary>
public sealed class PlanLine
{
    /// <summary>Initializes a new instance of the <see cref="PlanLine"/> class.</summary>
    /// <param name="product">The product.</param>
    /// <param name="quantity">The quantity, above zero.</param>
    /// <param name="isOptional">Whether the line is an option the customer may add.</param>
    /// <param name="unit">The unit of measure, or null for the product's.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="product"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="quantity"/> is not above zero.</exception>
    /// <exception cref="UnitOfMeasureMismatchException">Thrown when <paramref name="unit"/> is in another category than the product's unit.</exception>
    public PlanLine(Product product, decimal quantity = 1m, bool isOptional = false, UnitOfMeasure? unit = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (unit is not null && !ReferenceEquals(unit.Category, product.UnitOfMeasure.Category))
        {
            throw new UnitOfMeasureMismatchException(unit.Name, product.UnitOfMeasure.Name);
        }

        Product = product;
        Quantity = quantity;
        IsOptional = isOptional;
        Unit = unit ?? product.UnitOfMeasure;
    }

    /// <summary>Gets the product.</summary>
    public Product Product { get; }

    /// <summary>Gets the quantity.</summary>
    public decimal Quantity { get; }

    /// <summary>Gets a value indicating whether the line is optional.</summary>
    public bool IsOptional { get; }

    /// <summary>Gets the unit of measure.</summary>
    public UnitOfMeasure Unit { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quantity} {Unit.Name} {Product.Name}{(IsOptional ? " (optional)" : string.Empty)}");
}

/// <summary>The settings of a plan (a subscription template) other than its recurrence and lines.</summary>
/// <remarks>A plain options class (STYLE rule 13): every property has a documented default.</remarks>
public sealed class PlanSettings
{
    /// <summary>Gets or sets the number of periods of the term, or null for an open-ended subscription.</summary>
    /// <value>The default value is null (open-ended).</value>
    public int? TermPeriods { get; set; }

    /// <summary>Gets or sets how renewals are paid.</summary>
    /// <value>The default value is <see cref="InvoicingMode.SendInvoice"/>.</value>
    public InvoicingMode InvoicingMode { get; set; } = InvoicingMode.SendInvoice;

    /// <summary>Gets or sets what the customer may change.</summary>
    /// <value>The default value is <see cref="CustomerAccessLevel.Restricted"/>.</value>
    public CustomerAccessLevel CustomerAccess { get; set; } = CustomerAccessLevel.Restricted;

    /// <summary>Gets or sets a value indicating whether the customer may close the subscription.</summary>
    /// <value>The default value is false.</value>
    public bool CustomerMayClose { get; set; }

    /// <summary>Gets or sets after how many days an unpaid subscription is closed automatically, or null for never.</summary>
    /// <value>The default value is null (never).</value>
    public int? AutoCloseAfterDaysUnpaid { get; set; }

    /// <summary>Gets or sets how many days a quote from this plan stays valid, or null for no limit.</summary>
    /// <value>The default value is 30.</value>
    public int? QuoteValidityDays { get; set; } = 30;

    /// <summary>Gets or sets what the customer does online to confirm a quote.</summary>
    /// <value>The default value is <see cref="OnlineConfirmation.Signature"/>.</value>
    public OnlineConfirmation OnlineConfirmation { get; set; } = OnlineConfirmation.Signature;
}

/// <summary>
/// A plan (subscription template): a recurrence and term, default and optional lines, and how subscriptions
/// made from it are invoiced, changed by the customer, closed and confirmed.
/// </summary>
/// <remarks>
/// Immutable: the settings are copied when the plan is created. Every recurring product on the plan has a
/// price for the plan's recurrence (<see cref="InvalidPlanLineException"/> otherwise); one-time products and
/// setup fees are billed once, at the start.
/// </remarks>
public sealed class Plan
{
    private readonly PlanLine[] _lines;

    /// <summary>Initializes a new instance of the <see cref="Plan"/> class.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="recurrence">How often subscriptions renew.</param>
    /// <param name="lines">The default and optional lines.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="lines"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an id or name is blank, the recurrence is the invalid default, a setting is undefined, or there is no default line.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a term, auto-close delay or quote validity is not above zero.</exception>
    /// <exception cref="InvalidPlanLineException">Thrown when a recurring product has no price for the plan's recurrence, or a product is on the plan twice.</exception>
    public Plan(string id, string name, Recurrence recurrence, IEnumerable<PlanLine> lines, PlanSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(lines);
        if (!recurrence.IsValid)
        {
            throw new ArgumentException("A plan needs a valid recurrence.", nameof(recurrence));
        }

        settings ??= new PlanSettings();
        if (settings.TermPeriods is { } term)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(term, nameof(settings));
        }

        if (settings.AutoCloseAfterDaysUnpaid is { } days)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days, nameof(settings));
        }

        if (settings.QuoteValidityDays is { } validity)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(validity, nameof(settings));
        }

        if (settings.InvoicingMode is < InvoicingMode.ChargeSavedPaymentMethod or > InvoicingMode.SendInvoice
            || settings.CustomerAccess is < CustomerAccessLevel.Restricted or > CustomerAccessLevel.UpgradeAndDowngrade
            || settings.OnlineConfirmation is < OnlineConfirmation.None or > OnlineConfirmation.SignatureAndPayment)
        {
            throw new ArgumentException("A plan setting has an undefined value.", nameof(settings));
        }

        _lines = lines.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in _lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (!seen.Add(line.Product.Id))
            {
                throw new InvalidPlanLineException(id, line.Product.Id, "the product is on the plan twice; use one line with a larger quantity.");
            }

            if (line.Product.Kind == ProductKind.Recurring && !line.Product.TryGetListPrice(recurrence, out _))
            {
                throw new InvalidPlanLineException(id, line.Product.Id, $"it has no price for the plan's recurrence {recurrence}.");
            }
        }

        if (!Array.Exists(_lines, l => !l.IsOptional))
        {
            throw new ArgumentException("A plan needs at least one default (non-optional) line.", nameof(lines));
        }

        Id = id;
        Name = name;
        Recurrence = recurrence;
        TermPeriods = settings.TermPeriods;
        InvoicingMode = settings.InvoicingMode;
        CustomerAccess = settings.CustomerAccess;
        CustomerMayClose = settings.CustomerMayClose;
        AutoCloseAfterDaysUnpaid = settings.AutoCloseAfterDaysUnpaid;
        QuoteValidityDays = settings.QuoteValidityDays;
        OnlineConfirmation = settings.OnlineConfirmation;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets how often subscriptions renew.</summary>
    public Recurrence Recurrence { get; }

    /// <summary>Gets the number of periods of the term, or null for open-ended.</summary>
    public int? TermPeriods { get; }

    /// <summary>Gets all lines, default and optional, in the order given.</summary>
    public IReadOnlyList<PlanLine> Lines => Array.AsReadOnly(_lines);

    /// <summary>Gets the default lines.</summary>
    public IEnumerable<PlanLine> DefaultLines => _lines.Where(l => !l.IsOptional);

    /// <summary>Gets the optional lines (products the plan offers).</summary>
    public IEnumerable<PlanLine> OptionalLines => _lines.Where(l => l.IsOptional);

    /// <summary>Gets how renewals are paid.</summary>
    public InvoicingMode InvoicingMode { get; }

    /// <summary>Gets what the customer may change.</summary>
    public CustomerAccessLevel CustomerAccess { get; }

    /// <summary>Gets a value indicating whether the customer may close the subscription.</summary>
    public bool CustomerMayClose { get; }

    /// <summary>Gets after how many unpaid days the subscription closes, or null.</summary>
    public int? AutoCloseAfterDaysUnpaid { get; }

    /// <summary>Gets how many days a quote stays valid, or null.</summary>
    public int? QuoteValidityDays { get; }

    /// <summary>Gets what the customer does online to confirm a quote.</summary>
    public OnlineConfirmation OnlineConfirmation { get; }

    /// <summary>Gets a value indicating whether the customer may raise quantities or add products.</summary>
    public bool CustomerMayUpgrade => CustomerAccess != CustomerAccessLevel.Restricted;

    /// <summary>Gets a value indicating whether the customer may lower quantities or remove options.</summary>
    public bool CustomerMayDowngrade => CustomerAccess == CustomerAccessLevel.UpgradeAndDowngrade;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Recurrence}, {_lines.Length} lines)";
}
