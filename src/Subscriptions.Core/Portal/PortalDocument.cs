namespace Subscriptions.Portal;

/// <summary>The kinds of document a customer can open through a portal link.</summary>
public enum PortalDocumentKind
{
    /// <summary>A quote, to view, sign and accept.</summary>
    Quote = 1,

    /// <summary>A subscription, to view and manage.</summary>
    Subscription = 2,

    /// <summary>An invoice, to view, download and pay.</summary>
    Invoice = 3,
}

/// <summary>What a portal link lets its holder do with its document.</summary>
/// <remarks>Every purpose includes <see cref="View"/>: a link to accept a quote also shows it.</remarks>
public enum PortalPurpose
{
    /// <summary>Read the document (and download its PDF).</summary>
    View = 1,

    /// <summary>Sign and accept a quote.</summary>
    Accept = 2,

    /// <summary>Pay an invoice or a quote that asks for a payment.</summary>
    Pay = 3,

    /// <summary>The self-service operations on a subscription: contact details, options, plan, payment method, closing.</summary>
    Manage = 4,
}

/// <summary>One document a portal token is bound to: its kind and its id.</summary>
public readonly record struct PortalDocument
{
    /// <summary>The longest document id a token can carry, in UTF-8 bytes.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Initializes a new instance of the <see cref="PortalDocument"/> struct.</summary>
    /// <param name="kind">The kind of document.</param>
    /// <param name="id">The document's id, 1 to <see cref="MaxIdLength"/> UTF-8 bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> is null, blank or too long.</exception>
    public PortalDocument(PortalDocumentKind kind, string id)
    {
        if (kind is < PortalDocumentKind.Quote or > PortalDocumentKind.Invoice)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use Quote, Subscription or Invoice.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (System.Text.Encoding.UTF8.GetByteCount(id) > MaxIdLength)
        {
            throw new ArgumentException($"A document id must be at most {MaxIdLength} UTF-8 bytes.", nameof(id));
        }

        Kind = kind;
        Id = id;
    }

    /// <summary>Gets the kind of document.</summary>
    public PortalDocumentKind Kind { get; }

    /// <summary>Gets the document's id.</summary>
    public string Id { get; }

    /// <summary>Returns the document as <c>Kind/Id</c>, such as <c>Subscription/S-42</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}/{Id}";
}
