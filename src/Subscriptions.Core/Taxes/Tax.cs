using System.Globalization;

namespace Subscriptions.Taxes;

/// <summary>
/// A tax of one company: percent, fixed per unit, division (gross-up) or a group of such taxes, with the
/// flags that say whether it is included in the price and how it interacts with later taxes (TAXES.md §1).
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Taxes are ordered by <c>(Sequence, Id)</c>; a group's
/// children take the group's position. Equality is reference equality; <see cref="Id"/> identifies a tax
/// within its company.
/// </remarks>
public sealed class Tax
{
    private readonly Tax[] _children;

    /// <summary>Initializes a new instance of the <see cref="Tax"/> class (not a group: use <see cref="Group"/> for groups).</summary>
    /// <param name="id">The id of the tax within its company; breaks ties between equal sequences.</param>
    /// <param name="companyId">The company whose configuration owns the tax.</param>
    /// <param name="name">The display name, such as "VAT 21%".</param>
    /// <param name="type">Percent, fixed or division.</param>
    /// <param name="amount">The rate in percent (21 for 21 %) for percent and division taxes, the amount per unit for fixed taxes; may be negative (withholding).</param>
    /// <param name="sequence">The position in the order of taxes, lower first.</param>
    /// <param name="priceIncluded">Whether the unit price already contains this tax.</param>
    /// <param name="includeBaseAmount">Whether this tax's amount is added to the base of later base-affected taxes.</param>
    /// <param name="isBaseAffected">Whether this tax accepts base increases from earlier <paramref name="includeBaseAmount"/> taxes.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="companyId"/> or <paramref name="name"/> is blank, or <paramref name="type"/> is <see cref="TaxAmountType.Group"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="type"/> is undefined, or a percent or division rate is outside [-100, 100].</exception>
    /// <exception cref="DivisionTaxOfHundredPercentException">Thrown when a price-excluded division tax has a rate of exactly 100 %.</exception>
    public Tax(
        int id,
        string companyId,
        string name,
        TaxAmountType type,
        decimal amount,
        int sequence = 1,
        bool priceIncluded = false,
        bool includeBaseAmount = false,
        bool isBaseAffected = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (type == TaxAmountType.Group)
        {
            throw new ArgumentException("Create a group with Tax.Group(...), which takes its children.", nameof(type));
        }

        if (type is < TaxAmountType.Percent or > TaxAmountType.Division)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Use Percent, Fixed or Division.");
        }

        if (type != TaxAmountType.Fixed && (amount < -100m || amount > 100m))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A percent or division rate must be between -100 and 100.");
        }

        if (type == TaxAmountType.Division && amount == 100m && !priceIncluded)
        {
            throw new DivisionTaxOfHundredPercentException(id);
        }

        Id = id;
        CompanyId = companyId;
        Name = name;
        Type = type;
        Amount = amount;
        Sequence = sequence;
        PriceIncluded = priceIncluded;
        IncludeBaseAmount = includeBaseAmount;
        IsBaseAffected = isBaseAffected;
        _children = [];
    }

    private Tax(int id, string companyId, string name, int sequence, Tax[] children)
    {
        Id = id;
        CompanyId = companyId;
        Name = name;
        Type = TaxAmountType.Group;
        Sequence = sequence;
        IsBaseAffected = true;
        _children = children;
    }

    /// <summary>Gets the id of the tax within its company.</summary>
    public int Id { get; }

    /// <summary>Gets the company whose configuration owns the tax.</summary>
    public string CompanyId { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the type of the tax.</summary>
    public TaxAmountType Type { get; }

    /// <summary>Gets the rate in percent (percent and division taxes) or the amount per unit (fixed taxes); zero for groups.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the position in the order of taxes, lower first.</summary>
    public int Sequence { get; }

    /// <summary>Gets a value indicating whether the unit price already contains this tax.</summary>
    public bool PriceIncluded { get; }

    /// <summary>Gets a value indicating whether this tax's amount is added to the base of later base-affected taxes.</summary>
    public bool IncludeBaseAmount { get; }

    /// <summary>Gets a value indicating whether this tax accepts base increases from earlier taxes that include their amount in the base.</summary>
    public bool IsBaseAffected { get; }

    /// <summary>Gets the children of a group, sorted by <c>(Sequence, Id)</c>; empty for other taxes.</summary>
    public IReadOnlyList<Tax> Children => Array.AsReadOnly(_children);

    internal Tax[] ChildArray => _children;

    /// <summary>Creates a group of taxes that takes the group's position in the order of a line's taxes.</summary>
    /// <param name="id">The id of the group.</param>
    /// <param name="companyId">The company whose configuration owns the group and all its children.</param>
    /// <param name="name">The display name.</param>
    /// <param name="children">The taxes of the group, none of them a group; their sequences only order them inside the group.</param>
    /// <param name="sequence">The position of the group in the order of taxes.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="children"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a name is blank or <paramref name="children"/> is empty.</exception>
    /// <exception cref="TaxGroupContainsItselfException">Thrown when a child has the group's own id.</exception>
    /// <exception cref="NestedTaxGroupException">Thrown when a child is itself a group.</exception>
    /// <exception cref="TaxFromAnotherCompanyException">Thrown when a child belongs to another company.</exception>
    public static Tax Group(int id, string companyId, string name, IEnumerable<Tax> children, int sequence = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(children);
        var list = children.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A tax group needs at least one child tax.", nameof(children));
        }

        foreach (var child in list)
        {
            ArgumentNullException.ThrowIfNull(child, nameof(children));
            if (child.Id == id)
            {
                throw new TaxGroupContainsItselfException(id);
            }

            if (child.Type == TaxAmountType.Group)
            {
                throw new NestedTaxGroupException(id, child.Id);
            }

            if (!string.Equals(child.CompanyId, companyId, StringComparison.Ordinal))
            {
                throw new TaxFromAnotherCompanyException(child.Id, child.CompanyId, companyId);
            }
        }

        Array.Sort(list, CompareOrder);
        return new Tax(id, companyId, name, sequence, list);
    }

    /// <summary>Returns the name, type and rate, such as <c>VAT 21% (percent 21, included)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Type == TaxAmountType.Group
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} (group of {_children.Length})")
        : string.Create(CultureInfo.InvariantCulture, $"{Name} ({Type.ToString().ToLowerInvariant()} {Amount}{(PriceIncluded ? ", included" : string.Empty)})");

    internal static int CompareOrder(Tax? x, Tax? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var bySequence = x.Sequence.CompareTo(y.Sequence);
        return bySequence != 0 ? bySequence : x.Id.CompareTo(y.Id);
    }
}
