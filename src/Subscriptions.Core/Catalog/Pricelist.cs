namespace Subscriptions.Catalog;

/// <summary>
/// A pricelist: a currency and rules, indexed so that pricing a line looks only at the rules of its product,
/// of its category chain and of all products, most specific first.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Within one scope, rules are tried by minimum quantity
/// (highest first), then recurrence-specific before general, then id (highest first); the first rule whose
/// conditions hold wins. Without a matching rule the price is the list price.
/// </remarks>
public sealed class Pricelist
{
    private static readonly PricelistRule[] NoRules = [];
    private readonly Dictionary<string, PricelistRule[]> _byProduct;
    private readonly Dictionary<string, PricelistRule[]> _byCategory;
    private readonly PricelistRule[] _global;
    private readonly PricelistRule[] _rules;

    /// <summary>Initializes a new instance of the <see cref="Pricelist"/> class.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="currency">The currency of the prices it gives.</param>
    /// <param name="rules">The rules, in any order.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rules"/> or an item is null.</exception>
    /// <exception cref="ArgumentException">Thrown when an id or name is blank, or <paramref name="currency"/> is <see cref="Currency.None"/>.</exception>
    public Pricelist(string id, string name, Currency currency, IEnumerable<PricelistRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rules);
        if (currency.IsNone)
        {
            throw new ArgumentException("A pricelist needs a real currency.", nameof(currency));
        }

        Id = id;
        Name = name;
        Currency = currency;
        _rules = rules.ToArray();
        var byProduct = new Dictionary<string, List<PricelistRule>>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, List<PricelistRule>>(StringComparer.Ordinal);
        var global = new List<PricelistRule>();
        foreach (var rule in _rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            switch (rule.Scope)
            {
                case PricelistRuleScope.Product:
                    Bucket(byProduct, rule.TargetId!).Add(rule); // TargetId is set for product rules (checked by the rule).
                    break;
                case PricelistRuleScope.Category:
                    Bucket(byCategory, rule.TargetId!).Add(rule); // TargetId is set for category rules.
                    break;
                default:
                    global.Add(rule);
                    break;
            }
        }

        _byProduct = byProduct.ToDictionary(p => p.Key, p => Sorted(p.Value), StringComparer.Ordinal);
        _byCategory = byCategory.ToDictionary(p => p.Key, p => Sorted(p.Value), StringComparer.Ordinal);
        _global = Sorted(global);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the rules, in the order given.</summary>
    public IReadOnlyList<PricelistRule> Rules => Array.AsReadOnly(_rules);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Currency.Code}, {_rules.Length} rules)";

    /// <summary>Finds the first matching rule: the product's, then each category from the product's up to the root, then all products'.</summary>
    internal PricelistRule? FindRule(Product product, decimal quantity, NodaTime.LocalDate date, Scheduling.Recurrence? recurrence)
    {
        if (_byProduct.TryGetValue(product.Id, out var rules) && First(rules, quantity, date, recurrence) is { } byProduct)
        {
            return byProduct;
        }

        if (_byCategory.Count > 0)
        {
            for (var category = product.Category; category is not null; category = category.Parent)
            {
                if (_byCategory.TryGetValue(category.Id, out rules) && First(rules, quantity, date, recurrence) is { } byCategory)
                {
                    return byCategory;
                }
            }
        }

        return First(_global, quantity, date, recurrence);
    }

    internal IEnumerable<string> BasePricelistIds()
    {
        foreach (var rule in _rules)
        {
            if (rule.Computation.BasePricelistId is { } id)
            {
                yield return id;
            }
        }
    }

    private static PricelistRule? First(PricelistRule[] rules, decimal quantity, NodaTime.LocalDate date, Scheduling.Recurrence? recurrence)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(quantity, date, recurrence))
            {
                return rule;
            }
        }

        return null;
    }

    private static List<PricelistRule> Bucket(Dictionary<string, List<PricelistRule>> index, string key)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index.Add(key, list);
        }

        return list;
    }

    private static PricelistRule[] Sorted(List<PricelistRule> rules)
    {
        if (rules.Count == 0)
        {
            return NoRules;
        }

        var array = rules.ToArray();
        Array.Sort(array, static (a, b) =>
        {
            var byQuantity = b.MinQuantity.CompareTo(a.MinQuantity);
            if (byQuantity != 0)
            {
                return byQuantity;
            }

            var byRecurrence = (b.Recurrence is null ? 0 : 1).CompareTo(a.Recurrence is null ? 0 : 1);
            return byRecurrence != 0 ? byRecurrence : b.Id.CompareTo(a.Id);
        });
        return array;
    }
}
