namespace Subscriptions.Taxes;

/// <summary>A named set of countries, such as "Europe", that a fiscal position can target.</summary>
/// <remarks>Immutable; country codes are compared case-insensitively.</remarks>
public sealed class CountryGroup
{
    private readonly HashSet<string> _countries;

    /// <summary>Initializes a new instance of the <see cref="CountryGroup"/> class.</summary>
    /// <param name="name">The name.</param>
    /// <param name="countryCodes">The ISO 3166 country codes of the group.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="countryCodes"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> or a code is blank.</exception>
    public CountryGroup(string name, IEnumerable<string> countryCodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(countryCodes);
        Name = name;
        _countries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in countryCodes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(code, nameof(countryCodes));
            _countries.Add(code);
        }
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the country codes.</summary>
    public IReadOnlyCollection<string> CountryCodes => _countries;

    /// <summary>Returns whether the group contains a country.</summary>
    /// <param name="countryCode">The country code.</param>
    /// <returns><see langword="true"/> when listed.</returns>
    public bool Contains(string? countryCode) => countryCode is not null && _countries.Contains(countryCode);
}

/// <summary>A customer address as seen by fiscal position selection: country, state, zip, VAT number and a manual position.</summary>
/// <remarks>Immutable. A partner "has VAT" when <see cref="VatNumber"/> is not blank.</remarks>
public sealed class TaxPartner
{
    /// <summary>Initializes a new instance of the <see cref="TaxPartner"/> class.</summary>
    /// <param name="countryCode">The ISO 3166 country code, or null when unknown (then no position applies).</param>
    /// <param name="stateCode">The state or province code, if any.</param>
    /// <param name="zip">The postal code, if any.</param>
    /// <param name="vatNumber">The VAT number, such as "FR23334175221", if any (B2B).</param>
    /// <param name="manualPosition">A fiscal position set on this address by hand, which always wins.</param>
    public TaxPartner(string? countryCode, string? stateCode = null, string? zip = null, string? vatNumber = null, FiscalPosition? manualPosition = null)
    {
        CountryCode = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode;
        StateCode = string.IsNullOrWhiteSpace(stateCode) ? null : stateCode;
        Zip = string.IsNullOrWhiteSpace(zip) ? null : zip;
        VatNumber = string.IsNullOrWhiteSpace(vatNumber) ? null : vatNumber;
        ManualPosition = manualPosition;
    }

    /// <summary>Gets the country code, or null.</summary>
    public string? CountryCode { get; }

    /// <summary>Gets the state code, or null.</summary>
    public string? StateCode { get; }

    /// <summary>Gets the postal code, or null.</summary>
    public string? Zip { get; }

    /// <summary>Gets the VAT number, or null.</summary>
    public string? VatNumber { get; }

    /// <summary>Gets a value indicating whether the partner has a VAT number.</summary>
    public bool HasVat => VatNumber is not null;

    /// <summary>Gets the manually set fiscal position, or null.</summary>
    public FiscalPosition? ManualPosition { get; }
}
