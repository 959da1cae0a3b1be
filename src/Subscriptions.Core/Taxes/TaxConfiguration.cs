using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Subscriptions.Taxes;

/// <summary>
/// One company's tax settings: its country and VAT number, its taxes, its fiscal positions and whether
/// amounts are rounded per line or globally on the document.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Every tax used with it must belong to the same company
/// (<see cref="TaxFromAnotherCompanyException"/> otherwise) and be registered in it. Amounts are rounded
/// half-up on the magnitude to the currency's minor unit, or to a rounding step given to the computation
/// (0.05 for cash, 1 for whole units).
/// </remarks>
public sealed class TaxConfiguration
{
    private readonly Dictionary<int, int> _denseIndexById = [];
    private readonly List<Tax> _taxes = [];
    private readonly FiscalPosition[] _fiscalPositions;

    /// <summary>Initializes a new instance of the <see cref="TaxConfiguration"/> class.</summary>
    /// <param name="companyId">The company.</param>
    /// <param name="countryCode">The company's ISO 3166 country code, such as "BE".</param>
    /// <param name="taxes">The company's taxes (children of groups are registered with their group).</param>
    /// <param name="roundingMethod">Where amounts are rounded.</param>
    /// <param name="vatNumber">The company's VAT number, such as "BE0477472701", if any.</param>
    /// <param name="fiscalPositions">The company's fiscal positions, if any.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxes"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an id is blank, <paramref name="roundingMethod"/> is undefined, or two different taxes share an id.</exception>
    /// <exception cref="TaxFromAnotherCompanyException">Thrown when a tax belongs to another company.</exception>
    public TaxConfiguration(
        string companyId,
        string countryCode,
        IEnumerable<Tax> taxes,
        TaxRoundingMethod roundingMethod = TaxRoundingMethod.PerLine,
        string? vatNumber = null,
        IEnumerable<FiscalPosition>? fiscalPositions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(countryCode);
        ArgumentNullException.ThrowIfNull(taxes);
        if (roundingMethod is not (TaxRoundingMethod.PerLine or TaxRoundingMethod.Globally))
        {
            throw new ArgumentException("Use TaxRoundingMethod.PerLine or TaxRoundingMethod.Globally.", nameof(roundingMethod));
        }

        CompanyId = companyId;
        CountryCode = countryCode;
        VatNumber = string.IsNullOrWhiteSpace(vatNumber) ? null : vatNumber;
        RoundingMethod = roundingMethod;
        foreach (var tax in taxes)
        {
            ArgumentNullException.ThrowIfNull(tax, nameof(taxes));
            Register(tax);
            foreach (var child in tax.ChildArray)
            {
                Register(child);
            }
        }

        _fiscalPositions = fiscalPositions?.ToArray() ?? [];
        foreach (var position in _fiscalPositions)
        {
            ArgumentNullException.ThrowIfNull(position, nameof(fiscalPositions));
        }
    }

    /// <summary>Gets the company.</summary>
    public string CompanyId { get; }

    /// <summary>Gets the company's country code.</summary>
    public string CountryCode { get; }

    /// <summary>Gets the company's VAT number, or null.</summary>
    public string? VatNumber { get; }

    /// <summary>Gets where amounts are rounded.</summary>
    public TaxRoundingMethod RoundingMethod { get; }

    /// <summary>Gets the registered taxes, groups and their children.</summary>
    public IReadOnlyList<Tax> Taxes => _taxes.AsReadOnly();

    /// <summary>Gets the fiscal positions.</summary>
    public IReadOnlyList<FiscalPosition> FiscalPositions => Array.AsReadOnly(_fiscalPositions);

    internal int TaxCount => _taxes.Count;

    internal Tax TaxAt(int denseIndex) => _taxes[denseIndex];

    /// <summary>Returns the registered tax with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The tax.</returns>
    /// <exception cref="UnknownTaxException">Thrown when no tax has that id.</exception>
    public Tax GetTax(int id) => _denseIndexById.TryGetValue(id, out var index) ? _taxes[index] : throw new UnknownTaxException(id, CompanyId);

    /// <summary>Compiles the taxes of a line: sorts, flattens groups, removes duplicates and batches them.</summary>
    /// <param name="taxes">The taxes attached to the line.</param>
    /// <returns>The compiled set, to keep and reuse.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxes"/> or an item is null.</exception>
    /// <exception cref="TaxFromAnotherCompanyException">Thrown when a tax belongs to another company.</exception>
    /// <exception cref="UnknownTaxException">Thrown when a tax is not registered in this configuration.</exception>
    public TaxSet CreateSet(IEnumerable<Tax> taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        return new TaxSet(this, TaxSet.Compile(this, taxes, forceExcluded: false));
    }

    /// <summary>Compiles the taxes of a product (by id) under a fiscal position: each tax is mapped (TAXES.md §3.2), then the set is compiled.</summary>
    /// <param name="taxIds">The ids of the product's taxes, such as <c>Product.TaxIds</c>.</param>
    /// <param name="position">The fiscal position, or null for none.</param>
    /// <returns>The compiled set, to keep per product and position.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxIds"/> is null.</exception>
    /// <exception cref="UnknownTaxException">Thrown when an id is not registered.</exception>
    /// <exception cref="TaxFromAnotherCompanyException">Thrown when the position maps to a tax of another company.</exception>
    public TaxSet CreateSet(IEnumerable<int> taxIds, FiscalPosition? position)
    {
        ArgumentNullException.ThrowIfNull(taxIds);
        var taxes = taxIds.Select(GetTax).ToArray();
        return CreateSet(position is null ? taxes : position.MapTaxes(taxes));
    }

    /// <summary>Compiles the taxes of a line given as arguments.</summary>
    /// <param name="taxes">The taxes attached to the line.</param>
    /// <returns>The compiled set, to keep and reuse.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="taxes"/> or an item is null.</exception>
    /// <exception cref="TaxFromAnotherCompanyException">Thrown when a tax belongs to another company.</exception>
    /// <exception cref="UnknownTaxException">Thrown when a tax is not registered in this configuration.</exception>
    public TaxSet CreateSet(params Tax[] taxes) => CreateSet((IEnumerable<Tax>)taxes);

    /// <summary>Computes the taxes of one line, rounded to the currency's minor unit.</summary>
    /// <param name="line">The line.</param>
    /// <param name="currency">The currency of the price.</param>
    /// <returns>The result; in round-globally mode its values are raw (unrounded).</returns>
    /// <exception cref="ArgumentException">Thrown when the line is <c>default</c> or uses another configuration's taxes, or <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public TaxLineResult ComputeLine(TaxLine line, Currency currency)
    {
        EnsureCurrency(currency);
        return ComputeLineCore(line, currency, RoundingMethod, new TaxRounding(currency));
    }

    /// <summary>Computes the taxes of one line with an explicit rounding method and step.</summary>
    /// <param name="line">The line.</param>
    /// <param name="currency">The currency of the price.</param>
    /// <param name="roundingMethod">Where amounts are rounded.</param>
    /// <param name="roundingStep">The step, such as 0.01 or 0.05 (cash).</param>
    /// <returns>The result; in round-globally mode its values are raw (unrounded).</returns>
    /// <exception cref="ArgumentException">Thrown when the line is <c>default</c> or uses another configuration's taxes, or <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="roundingStep"/> is not above zero.</exception>
    public TaxLineResult ComputeLine(TaxLine line, Currency currency, TaxRoundingMethod roundingMethod, decimal roundingStep)
    {
        EnsureCurrency(currency);
        return ComputeLineCore(line, currency, roundingMethod, new TaxRounding(roundingStep));
    }

    [SkipLocalsInit] // the scratch values are cleared by each path as it uses them (LineScratch)
    internal TaxLineResult ComputeLineCore(TaxLine line, Currency currency, TaxRoundingMethod roundingMethod, TaxRounding rounding)
    {
        EnsureLine(line, nameof(line));
        var n = line.Taxes.Slots.Length;
        var details = n == 0 ? [] : new TaxDetail[n];
        var workspace = n <= TaxEngine.StackLimit
            ? new TaxWorkspace(stackalloc decimal[TaxEngine.ScratchPerTax * n], stackalloc SmallDecimal[TaxEngine.ScratchPerTax * n], stackalloc WideDecimal[TaxEngine.ScratchPerTax * n], stackalloc bool[n])
            : TaxWorkspace.ForLine(n);
        ComputeInto(line, currency, roundingMethod, rounding, roundOnDocument: false, details, default, workspace, out var totals);
        return new TaxLineResult(currency, roundingMethod, false, totals.RawBase, totals.RawExcluded, totals.RawExcluded, 0m, details, 0, n);
    }

    /// <summary>Computes the taxes of a document (an invoice, a quote) and its totals, rounding per line or globally.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="currency">The document currency.</param>
    /// <returns>The document result.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="lines"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a line is <c>default</c> or uses another configuration's taxes, or <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public TaxDocumentResult ComputeDocument(IReadOnlyList<TaxLine> lines, Currency currency)
    {
        EnsureCurrency(currency);
        return ComputeDocument(lines, currency, RoundingMethod, currency.MinorUnit);
    }

    /// <summary>Computes the taxes of a document with an explicit rounding method and step.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="currency">The document currency.</param>
    /// <param name="roundingMethod">Where amounts are rounded.</param>
    /// <param name="roundingStep">The step, such as 0.01 or 0.05 (cash).</param>
    /// <returns>The document result.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="lines"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a line is <c>default</c> or uses another configuration's taxes, or <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="roundingStep"/> is not above zero.</exception>
    public TaxDocumentResult ComputeDocument(IReadOnlyList<TaxLine> lines, Currency currency, TaxRoundingMethod roundingMethod, decimal roundingStep)
    {
        ArgumentNullException.ThrowIfNull(lines);
        EnsureCurrency(currency);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureLine(lines[i], nameof(lines));
        }

        var span = lines switch
        {
            TaxLine[] array => array,
            List<TaxLine> list => CollectionsMarshal.AsSpan(list),
            _ => [.. lines],
        };
        return TaxDocument.Compute(this, span, currency, roundingMethod, new TaxRounding(roundingStep));
    }

    /// <summary>Chooses the fiscal position for a customer (TAXES.md §3.1).</summary>
    /// <param name="partner">The invoicing partner, or null (no partner means no position).</param>
    /// <param name="delivery">The delivery address, if any.</param>
    /// <returns>The position, or null when none applies.</returns>
    public FiscalPosition? SelectFiscalPosition(TaxPartner? partner, TaxPartner? delivery = null) =>
        FiscalPositionSelector.Select(this, _fiscalPositions, partner, delivery);

    /// <summary>Adapts a price when a fiscal position maps price-included taxes to other taxes (TAXES.md §3.3).</summary>
    /// <param name="priceUnit">The unit price under <paramref name="originalTaxes"/>.</param>
    /// <param name="originalTaxes">The taxes the price was set with.</param>
    /// <param name="newTaxes">The taxes after mapping.</param>
    /// <returns>The new unit price (unrounded); the same price when the sets are equal or not every original tax is price-included.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a set is null.</exception>
    /// <exception cref="ArgumentException">Thrown when a set belongs to another configuration.</exception>
    public decimal AdaptPrice(decimal priceUnit, TaxSet originalTaxes, TaxSet newTaxes)
    {
        ArgumentNullException.ThrowIfNull(originalTaxes);
        ArgumentNullException.ThrowIfNull(newTaxes);
        EnsureSet(originalTaxes, nameof(originalTaxes));
        EnsureSet(newTaxes, nameof(newTaxes));
        if (originalTaxes.Count == 0 || SameTaxes(originalTaxes, newTaxes))
        {
            return priceUnit;
        }

        foreach (var slot in originalTaxes.Slots)
        {
            if (!slot.PriceIncluded)
            {
                return priceUnit;
            }
        }

        var exact = new TaxRounding(1m);
        var n = Math.Max(originalTaxes.Count, newTaxes.Count);
        Span<decimal> amounts = new decimal[n];
        Span<decimal> raw = new decimal[n];
        Span<decimal> bases = new decimal[n];
        Span<decimal> extra = new decimal[n];
        Span<bool> computed = new bool[n];
        var excluded = TaxEngine.Compute(originalTaxes.Slots, priceUnit, 1m, 0m, false, exact, amounts, raw, bases, extra, computed, out _);
        var asExcluded = TaxSet.BuildSlots(this, newTaxes.Taxes, forceExcluded: true);
        amounts.Clear();
        raw.Clear();
        bases.Clear();
        extra.Clear();
        computed.Clear();
        TaxEngine.Compute(asExcluded, excluded, 1m, 0m, false, exact, amounts, raw, bases, extra, computed, out _);
        var delta = 0m;
        for (var i = 0; i < asExcluded.Length; i++)
        {
            if (asExcluded[i].Tax.PriceIncluded)
            {
                delta += amounts[i];
            }
        }

        return excluded + delta;
    }

    internal void EnsureOwns(Tax tax)
    {
        if (!string.Equals(tax.CompanyId, CompanyId, StringComparison.Ordinal))
        {
            throw new TaxFromAnotherCompanyException(tax.Id, tax.CompanyId, CompanyId);
        }

        if (!_denseIndexById.TryGetValue(tax.Id, out var index) || !ReferenceEquals(_taxes[index], tax))
        {
            throw new UnknownTaxException(tax.Id, CompanyId);
        }
    }

    internal int DenseIndexOf(Tax tax) => _denseIndexById[tax.Id];

    /// <summary>
    /// Computes one line into <paramref name="details"/> (one per slot). With <paramref name="roundOnDocument"/>
    /// (round-globally documents only) each base and amount is reported rounded to the step; raw values stay raw.
    /// Each tax's raw amount, amount, raw base and base, and the line's untaxed totals, are added to
    /// <paramref name="documentSums"/> (nothing when it is empty).
    /// </summary>
    /// <remarks>
    /// The line goes through <see cref="TaxFastPath"/> on <see cref="SmallDecimal"/> when its taxes never divide, on
    /// <see cref="WideDecimal"/> when they do (or a value outgrew 63 bits), when the step is a power of ten; otherwise
    /// (or as soon as a value leaves what those types handle) through <see cref="TaxEngine"/> in <see cref="decimal"/>.
    /// All give the same bits. <paramref name="workspace"/> is working memory, cleared here: a document passes the
    /// same one for every line.
    /// </remarks>
    internal static void ComputeInto(in TaxLine line, Currency currency, TaxRoundingMethod roundingMethod, TaxRounding rounding, bool roundOnDocument, Span<TaxDetail> details, in TaxDocumentSums documentSums, in TaxWorkspace workspace, out TaxLineTotals totals)
    {
        // Each fast path is entered only for the tax sets it takes (a call into it costs a large frame's setup).
        if ((SmallDecimal.Takes(line.Taxes) && TryComputeFast<SmallDecimal>(line, currency, roundingMethod, rounding, roundOnDocument, details, documentSums, workspace, out totals))
            || (WideDecimal.Takes(line.Taxes) && TryComputeFast<WideDecimal>(line, currency, roundingMethod, rounding, roundOnDocument, details, documentSums, workspace, out totals)))
        {
            return;
        }

        var slots = line.Taxes.Slots;
        var n = slots.Length;
        var perLine = roundingMethod == TaxRoundingMethod.PerLine;
        var work = new LineScratch<decimal>(workspace.Decimals, workspace.Computed, n);
        var amounts = work.Amounts;
        var raw = work.RawAmounts;
        var bases = work.Bases;
        var rawExcluded = TaxEngine.Compute(slots, line.PriceUnit, line.Quantity, line.DiscountPercent, perLine, rounding, amounts, raw, bases, work.ExtraBases, work.Computed, out var rawBase);
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            var rawTaxBase = bases[i];
            var rawAmount = raw[i];
            var taxBase = roundOnDocument ? rounding.Round(rawTaxBase) : rawTaxBase;
            var amount = roundOnDocument ? rounding.Round(amounts[i]) : amounts[i];
            details[i] = new TaxDetail(slot.Tax, slot.DenseIndex, currency, slot.PriceIncluded, rawTaxBase, taxBase, rawAmount, amount, 0m, 0m);
            if (!documentSums.IsEmpty)
            {
                documentSums.AddTax(slot.DenseIndex, rawAmount, amount, rawTaxBase, taxBase);
            }
        }

        var excluded = roundOnDocument ? rounding.Round(rawExcluded) : rawExcluded;
        if (!documentSums.IsEmpty)
        {
            documentSums.AddUntaxed(roundOnDocument, rawExcluded, excluded);
        }

        // In decimal the key costs a few 28-digit additions: it is left to the document, which needs it only when a
        // rounding difference has to be pushed onto lines.
        totals = new TaxLineTotals(rawBase, rawExcluded, excluded, TaxLineTotals.KeyNotComputed);
    }

    /// <summary>The fast path of <see cref="ComputeInto"/> on <typeparamref name="T"/>: false, with nothing written, when the line cannot take it.</summary>
    [SkipLocalsInit] // no frame zeroing: every local is assigned before use
    internal static bool TryComputeFast<T>(in TaxLine line, Currency currency, TaxRoundingMethod roundingMethod, TaxRounding rounding, bool roundOnDocument, Span<TaxDetail> details, in TaxDocumentSums documentSums, in TaxWorkspace workspace, out TaxLineTotals totals)
        where T : struct, IExactDecimal<T>
    {
        totals = default;
        var digits = rounding.Digits;
        if (!T.Takes(line.Taxes)
            || digits < 0
            || rounding.DecimalOnly
            || !T.TryFrom(line.PriceUnit, out var price)
            || !T.TryFrom(line.Quantity, out var quantity)
            || !T.TryFrom(line.DiscountPercent, out var discount))
        {
            return false;
        }

        var slots = line.Taxes.Slots;
        var n = slots.Length;
        var work = new LineScratch<T>(T.ScratchOf(workspace), workspace.Computed, n, clear: false);
        var amounts = work.Amounts;
        var raw = work.RawAmounts;
        var bases = work.Bases;
        if (!TaxFastPath.TryCompute(slots, price, quantity, discount, roundingMethod == TaxRoundingMethod.PerLine, digits, work, out var rawBase, out var rawExcluded))
        {
            return false;
        }

        // The key (|raw untaxed + Σ raw amounts|) only serves a round-globally document.
        var key = rawExcluded;
        var keyFits = roundOnDocument;

        // The untaxed total is the first tax's base (the line's raw base when it has no tax): rounded once.
        var excluded = n > 0 || !roundOnDocument ? rawExcluded : rawExcluded.Round(digits);
        for (var i = 0; i < n; i++)
        {
            ref readonly var slot = ref slots[i];
            ref readonly var rawTaxBase = ref bases[i];
            ref readonly var rawAmount = ref raw[i];
            var taxBase = roundOnDocument ? rawTaxBase.Round(digits) : rawTaxBase;
            if (i == 0)
            {
                excluded = taxBase;
            }

            var amount = roundOnDocument ? amounts[i].Round(digits) : amounts[i];
            details[i] = new TaxDetail(slot.Tax, slot.DenseIndex, currency, slot.PriceIncluded, rawTaxBase.ToDecimal(), taxBase.ToDecimal(), rawAmount.ToDecimal(), amount.ToDecimal(), 0m, 0m);
            keyFits = keyFits && T.TryAdd(key, rawAmount, out key);
            if (!documentSums.IsEmpty)
            {
                documentSums.AddTax(slot.DenseIndex, rawAmount, amount, rawTaxBase, taxBase);
            }
        }

        if (!documentSums.IsEmpty)
        {
            documentSums.AddUntaxed(roundOnDocument, rawExcluded, excluded);
        }

        var rawExcludedValue = rawExcluded.ToDecimal();
        totals = new TaxLineTotals(rawBase.ToDecimal(), rawExcludedValue, excluded.ToDecimal(), keyFits ? key.Abs().ToDecimal() : TaxLineTotals.KeyNotComputed);
        return true;
    }

    private static void EnsureCurrency(Currency currency)
    {
        if (currency.IsNone)
        {
            throw new ArgumentException("Taxes are computed in a real currency, not Currency.None (XXX).", nameof(currency));
        }
    }

    private static bool SameTaxes(TaxSet a, TaxSet b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var tax in a.Taxes)
        {
            var found = false;
            foreach (var other in b.Taxes)
            {
                found |= ReferenceEquals(tax, other);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private void Register(Tax tax)
    {
        if (!string.Equals(tax.CompanyId, CompanyId, StringComparison.Ordinal))
        {
            throw new TaxFromAnotherCompanyException(tax.Id, tax.CompanyId, CompanyId);
        }

        if (_denseIndexById.TryGetValue(tax.Id, out var existing))
        {
            if (!ReferenceEquals(_taxes[existing], tax))
            {
                throw new ArgumentException($"Two different taxes share the id {tax.Id}; ids must be unique within a company.", nameof(tax));
            }

            return;
        }

        _denseIndexById.Add(tax.Id, _taxes.Count);
        _taxes.Add(tax);
    }

    private void EnsureSet(TaxSet set, string paramName)
    {
        if (!ReferenceEquals(set.Configuration, this))
        {
            throw new ArgumentException($"The tax set was compiled by the configuration of '{set.Configuration.CompanyId}', not this one of '{CompanyId}'.", paramName);
        }
    }

    private void EnsureLine(TaxLine line, string paramName)
    {
        if (line.Taxes is null)
        {
            throw new ArgumentException("The line is default(TaxLine); create it with its taxes (an empty TaxSet for no tax).", paramName);
        }

        if (!ReferenceEquals(line.Taxes.Configuration, this))
        {
            throw new TaxFromAnotherCompanyException(line.Taxes.Count > 0 ? line.Taxes.Taxes[0].Id : 0, line.Taxes.Configuration.CompanyId, CompanyId);
        }
    }
}
