namespace Subscriptions.Taxes;

/// <summary>Thrown when a tax group lists itself among its children.</summary>
/// <remarks>Error code <c>taxes.group_contains_itself</c>.</remarks>
public sealed class TaxGroupContainsItselfException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.group_contains_itself";

    /// <summary>Initializes a new instance of the <see cref="TaxGroupContainsItselfException"/> class.</summary>
    /// <param name="groupId">The id of the group.</param>
    public TaxGroupContainsItselfException(int groupId)
        : base(Code, $"Tax group {groupId} lists itself as a child; a group's children must be other, non-group taxes.")
    {
        GroupId = groupId;
    }

    /// <summary>Gets the id of the group.</summary>
    public int GroupId { get; }
}

/// <summary>Thrown when a tax group contains another group (nested groups are refused).</summary>
/// <remarks>Error code <c>taxes.nested_group</c>.</remarks>
public sealed class NestedTaxGroupException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.nested_group";

    /// <summary>Initializes a new instance of the <see cref="NestedTaxGroupException"/> class.</summary>
    /// <param name="groupId">The id of the outer group.</param>
    /// <param name="childId">The id of the child that is itself a group.</param>
    public NestedTaxGroupException(int groupId, int childId)
        : base(Code, $"Tax group {groupId} contains group {childId}; groups cannot be nested, list the child group's taxes instead.")
    {
        GroupId = groupId;
        ChildId = childId;
    }

    /// <summary>Gets the id of the outer group.</summary>
    public int GroupId { get; }

    /// <summary>Gets the id of the child that is itself a group.</summary>
    public int ChildId { get; }
}

/// <summary>Thrown when a price-excluded division tax of exactly 100 % is configured (its gross-up would divide by zero).</summary>
/// <remarks>Error code <c>taxes.division_rate_100</c>.</remarks>
public sealed class DivisionTaxOfHundredPercentException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.division_rate_100";

    /// <summary>Initializes a new instance of the <see cref="DivisionTaxOfHundredPercentException"/> class.</summary>
    /// <param name="taxId">The id of the tax.</param>
    public DivisionTaxOfHundredPercentException(int taxId)
        : base(Code, $"Tax {taxId} is a price-excluded division tax of 100 %: grossing up by 1/(1 - 100 %) is undefined; use a rate below 100 %.")
    {
        TaxId = taxId;
    }

    /// <summary>Gets the id of the tax.</summary>
    public int TaxId { get; }
}

/// <summary>Thrown when a line that is not a refund has a negative quantity.</summary>
/// <remarks>Error code <c>taxes.negative_quantity</c>. Mark the line as a refund (credit note) to use a negative quantity.</remarks>
public sealed class NegativeQuantityException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.negative_quantity";

    /// <summary>Initializes a new instance of the <see cref="NegativeQuantityException"/> class.</summary>
    /// <param name="quantity">The quantity given.</param>
    public NegativeQuantityException(decimal quantity)
        : base(Code, $"Quantity {quantity} is negative on a line that is not a refund; mark the line as a refund or use a positive quantity.")
    {
        Quantity = quantity;
    }

    /// <summary>Gets the quantity given.</summary>
    public decimal Quantity { get; }
}

/// <summary>Thrown when a tax belonging to one company's configuration is used with another company's configuration.</summary>
/// <remarks>Error code <c>taxes.foreign_company</c>.</remarks>
public sealed class TaxFromAnotherCompanyException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.foreign_company";

    /// <summary>Initializes a new instance of the <see cref="TaxFromAnotherCompanyException"/> class.</summary>
    /// <param name="taxId">The id of the tax.</param>
    /// <param name="taxCompanyId">The company the tax belongs to.</param>
    /// <param name="configurationCompanyId">The company of the configuration it was used with.</param>
    public TaxFromAnotherCompanyException(int taxId, string taxCompanyId, string configurationCompanyId)
        : base(Code, $"Tax {taxId} belongs to company '{taxCompanyId}' but was used with the tax configuration of '{configurationCompanyId}'; use that company's own taxes.")
    {
        TaxId = taxId;
        TaxCompanyId = taxCompanyId;
        ConfigurationCompanyId = configurationCompanyId;
    }

    /// <summary>Gets the id of the tax.</summary>
    public int TaxId { get; }

    /// <summary>Gets the company the tax belongs to.</summary>
    public string TaxCompanyId { get; }

    /// <summary>Gets the company of the configuration the tax was used with.</summary>
    public string ConfigurationCompanyId { get; }
}

/// <summary>Thrown when a tax id is not part of a tax configuration.</summary>
/// <remarks>Error code <c>taxes.unknown_tax</c>.</remarks>
public sealed class UnknownTaxException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "taxes.unknown_tax";

    /// <summary>Initializes a new instance of the <see cref="UnknownTaxException"/> class.</summary>
    /// <param name="taxId">The id that was not found.</param>
    /// <param name="companyId">The company whose configuration was searched.</param>
    public UnknownTaxException(int taxId, string companyId)
        : base(Code, $"Tax {taxId} is not part of the tax configuration of '{companyId}'; register it there first.")
    {
        TaxId = taxId;
        CompanyId = companyId;
    }

    /// <summary>Gets the id that was not found.</summary>
    public int TaxId { get; }

    /// <summary>Gets the company whose configuration was searched.</summary>
    public string CompanyId { get; }
}
