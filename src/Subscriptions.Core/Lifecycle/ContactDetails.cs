namespace Subscriptions.Lifecycle;

/// <summary>A postal address; its country, state and zip choose the fiscal position.</summary>
/// <param name="Line1">The street line.</param>
/// <param name="Line2">A second line, or null.</param>
/// <param name="City">The city.</param>
/// <param name="Zip">The postal code.</param>
/// <param name="State">The state or region code, or null.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code, such as <c>FR</c>.</param>
public sealed record PostalAddress(string Line1, string? Line2, string City, string Zip, string? State, string Country);

/// <summary>How to reach and invoice a customer: name, e-mail, phone and billing address.</summary>
/// <param name="Name">The customer's or company's name.</param>
/// <param name="Email">Where invoices and links are sent.</param>
/// <param name="Phone">A phone number, or null.</param>
/// <param name="BillingAddress">The billing address.</param>
public sealed record ContactDetails(string Name, string Email, string? Phone, PostalAddress BillingAddress);
