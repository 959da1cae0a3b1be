namespace Subscriptions.Taxes;

/// <summary>
/// A fiscal position: where it applies (country, country group, states, zip range, VAT required) and how it
/// maps taxes (source to destinations, or to none for exports and reverse charge), TAXES.md §3.
/// </summary>
/// <remarks>Immutable. A zip range is inclusive at both ends; numeric zips compare as numbers, others ordinally.</remarks>
public sealed class FiscalPosition
{
    private readonly Dictionary<int, Tax[]> _mapping = [];
    private readonly HashSet<string> _states;

    /// <summary>Initializes a new instance of the <see cref="FiscalPosition"/> class.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name, such as "EU intra-community B2B".</param>
    /// <param name="sequence">The order among equally specific positions, lower first.</param>
    /// <param name="mappings">The tax mapping lines: source to destination, a null destination removes the source tax.</param>
    /// <param name="autoApply">Whether automatic selection considers this position.</param>
    /// <param name="vatRequired">Whether the customer must have a VAT number (B2B).</param>
    /// <param name="countryCode">The country it applies to, or null.</param>
    /// <param name="countryGroup">The country group it applies to, or null.</param>
    /// <param name="stateCodes">The states it applies to (empty for all).</param>
    /// <param name="zipFrom">The first zip of the range, or null.</param>
    /// <param name="zipTo">The last zip of the range, or null.</param>
    /// <param name="companyDepth">How deep the owning company sits in its branch tree (0 for a root company); deeper wins.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> or <paramref name="name"/> is blank, or only one end of the zip range is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="companyDepth"/> is negative.</exception>
    public FiscalPosition(
        string id,
        string name,
        int sequence = 10,
        IEnumerable<(Tax Source, Tax? Destination)>? mappings = null,
        bool autoApply = true,
        bool vatRequired = false,
        string? countryCode = null,
        CountryGroup? countryGroup = null,
        IEnumerable<string>? stateCodes = null,
        string? zipFrom = null,
        string? zipTo = null,
        int companyDepth = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(companyDepth);
        if (string.IsNullOrWhiteSpace(zipFrom) != string.IsNullOrWhiteSpace(zipTo))
        {
            throw new ArgumentException("Give both ends of a zip range, or neither.", nameof(zipTo));
        }

        Id = id;
        Name = name;
        Sequence = sequence;
        AutoApply = autoApply;
        VatRequired = vatRequired;
        CountryCode = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode;
        CountryGroup = countryGroup;
        _states = new HashSet<string>(stateCodes ?? [], StringComparer.OrdinalIgnoreCase);
        ZipFrom = string.IsNullOrWhiteSpace(zipFrom) ? null : zipFrom;
        ZipTo = string.IsNullOrWhiteSpace(zipTo) ? null : zipTo;
        CompanyDepth = companyDepth;
        foreach (var (source, destination) in mappings ?? [])
        {
            ArgumentNullException.ThrowIfNull(source, nameof(mappings));
            var current = _mapping.TryGetValue(source.Id, out var list) ? list : [];
            _mapping[source.Id] = destination is null || Array.Exists(current, t => ReferenceEquals(t, destination)) ? current : [.. current, destination];
        }
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the sequence.</summary>
    public int Sequence { get; }

    /// <summary>Gets a value indicating whether automatic selection considers this position.</summary>
    public bool AutoApply { get; }

    /// <summary>Gets a value indicating whether the customer must have a VAT number.</summary>
    public bool VatRequired { get; }

    /// <summary>Gets the country, or null.</summary>
    public string? CountryCode { get; }

    /// <summary>Gets the country group, or null.</summary>
    public CountryGroup? CountryGroup { get; }

    /// <summary>Gets the states (empty for all).</summary>
    public IReadOnlyCollection<string> StateCodes => _states;

    /// <summary>Gets the first zip of the range, or null.</summary>
    public string? ZipFrom { get; }

    /// <summary>Gets the last zip of the range, or null.</summary>
    public string? ZipTo { get; }

    /// <summary>Gets the depth of the owning company in its branch tree.</summary>
    public int CompanyDepth { get; }

    /// <summary>Maps taxes: each tax independently, keeping the order, without duplicates (TAXES.md §3.2).</summary>
    /// <param name="taxes">The taxes to map.</param>
    /// <returns>A mapped tax is replaced by all its destinations (none when mapped to nothing); an unmapped tax is kept.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxes"/> or an item is null.</exception>
    public IReadOnlyList<Tax> MapTaxes(IEnumerable<Tax> taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        var result = new List<Tax>();
        foreach (var tax in taxes)
        {
            ArgumentNullException.ThrowIfNull(tax, nameof(taxes));
            if (_mapping.TryGetValue(tax.Id, out var destinations))
            {
                foreach (var destination in destinations)
                {
                    AddOnce(result, destination);
                }
            }
            else
            {
                AddOnce(result, tax);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal bool HasStates => _states.Count > 0;

    internal bool HasState(string? state) => state is not null && _states.Contains(state);

    internal bool ZipInRange(string? zip)
    {
        if (zip is null || ZipFrom is null || ZipTo is null)
        {
            return false;
        }

        return CompareZip(ZipFrom, zip) <= 0 && CompareZip(zip, ZipTo) <= 0;
    }

    private static int CompareZip(string a, string b) =>
        long.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var x)
        && long.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

    private static void AddOnce(List<Tax> list, Tax tax)
    {
        foreach (var existing in list)
        {
            if (ReferenceEquals(existing, tax))
            {
                return;
            }
        }

        list.Add(tax);
    }
}
