namespace Subscriptions.Portal;

/// <summary>Why a portal access token was refused.</summary>
public enum AccessTokenRejection
{
    /// <summary>The text is not a token of this engine (error code <c>portal.token_malformed</c>).</summary>
    Malformed = 1,

    /// <summary>It was signed by a key this portal no longer trusts (<c>portal.token_unknown_key</c>).</summary>
    UnknownKey = 2,

    /// <summary>Its signature does not match its content: it was altered or forged (<c>portal.token_tampered</c>).</summary>
    Tampered = 3,

    /// <summary>Its expiry has passed (<c>portal.token_expired</c>).</summary>
    Expired = 4,

    /// <summary>The document's links were revoked after it was issued (<c>portal.token_revoked</c>).</summary>
    Revoked = 5,

    /// <summary>It opens another document (<c>portal.token_wrong_document</c>).</summary>
    WrongDocument = 6,

    /// <summary>It does not allow this operation (<c>portal.token_wrong_purpose</c>).</summary>
    WrongPurpose = 7,
}

/// <summary>Thrown when a portal access token is malformed, forged, altered, expired, revoked, or for another document or purpose.</summary>
/// <remarks>The message is safe to log but deliberately vague for the customer; <see cref="Reason"/> says which check failed.</remarks>
public sealed class AccessTokenRejectedException : SubscriptionsException
{
    /// <summary>Initializes a new instance of the <see cref="AccessTokenRejectedException"/> class.</summary>
    /// <param name="reason">Which check failed.</param>
    public AccessTokenRejectedException(AccessTokenRejection reason)
        : base(CodeOf(reason), MessageOf(reason))
    {
        Reason = reason;
    }

    /// <summary>Gets which check failed.</summary>
    public AccessTokenRejection Reason { get; }

    private static string CodeOf(AccessTokenRejection reason) => reason switch
    {
        AccessTokenRejection.Malformed => "portal.token_malformed",
        AccessTokenRejection.UnknownKey => "portal.token_unknown_key",
        AccessTokenRejection.Tampered => "portal.token_tampered",
        AccessTokenRejection.Expired => "portal.token_expired",
        AccessTokenRejection.Revoked => "portal.token_revoked",
        AccessTokenRejection.WrongDocument => "portal.token_wrong_document",
        AccessTokenRejection.WrongPurpose => "portal.token_wrong_purpose",
        _ => "portal.token_rejected",
    };

    private static string MessageOf(AccessTokenRejection reason) => reason switch
    {
        AccessTokenRejection.Expired => "This link has expired: ask for a new one.",
        AccessTokenRejection.Revoked => "This link is no longer valid: ask for a new one.",
        AccessTokenRejection.WrongDocument => "This link is for another document.",
        AccessTokenRejection.WrongPurpose => "This link does not allow this operation.",
        _ => "This link is not valid.",
    };
}
