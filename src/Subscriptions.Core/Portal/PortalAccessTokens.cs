using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Subscriptions.Portal;

/// <summary>What a verified portal token grants: a document, a purpose, until an instant.</summary>
/// <param name="Document">The document it opens.</param>
/// <param name="Purpose">What it allows.</param>
/// <param name="TokenVersion">The document's token version when it was issued.</param>
/// <param name="ExpiresAt">The first instant at which it is no longer valid.</param>
/// <param name="KeyId">The id of the key that signed it.</param>
public readonly record struct PortalGrant(PortalDocument Document, PortalPurpose Purpose, int TokenVersion, Instant ExpiresAt, string KeyId);

/// <summary>
/// Issues and verifies portal access tokens: signed, expiring, revocable links to one document for one purpose,
/// so that a customer needs no account.
/// </summary>
/// <remarks>
/// <para>
/// A token is <c>base64url(payload).base64url(HMAC-SHA256(key, base64url(payload)))</c>. The payload holds a format
/// version, the document kind and id, the purpose, the document's token version, the expiry (whole seconds) and the
/// signing key's id. The signature is compared in constant time over its exact text, so a token changed in any
/// character is refused, including non-canonical base64 variants of the same bytes.
/// </para>
/// <para>
/// Revocation: each document keeps a token version; bumping it revokes every token issued before. Expiry is
/// exclusive: a token expiring at T is refused at T. This type is pure (time is an argument) and thread-safe.
/// </para>
/// </remarks>
public sealed class PortalAccessTokens
{
    private const byte FormatVersion = 1;
    private const int SignatureTextLength = 43; // 32 bytes in unpadded base64url
    private readonly AccessTokenKeyRing _keys;

    /// <summary>Initializes a new instance of the <see cref="PortalAccessTokens"/> class.</summary>
    /// <param name="keys">The keys that sign and verify tokens.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="keys"/> is null.</exception>
    public PortalAccessTokens(AccessTokenKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Issues a token for one document and purpose, signed with the ring's signing key.</summary>
    /// <param name="document">The document the token opens.</param>
    /// <param name="purpose">What the token allows.</param>
    /// <param name="tokenVersion">The document's current token version (0 or more).</param>
    /// <param name="expiresAt">When the token stops being valid; truncated to the whole second.</param>
    /// <returns>The token, URL-safe.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="document"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="purpose"/> is not defined or <paramref name="tokenVersion"/> is negative.</exception>
    public string Issue(PortalDocument document, PortalPurpose purpose, int tokenVersion, Instant expiresAt)
    {
        if (document.Id is null)
        {
            throw new ArgumentException("Give a document (default is none).", nameof(document));
        }

        if (purpose is < PortalPurpose.View or > PortalPurpose.Manage)
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Use View, Accept, Pay or Manage.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(tokenVersion);
        var key = _keys.SigningKey;
        var keyId = Encoding.ASCII.GetBytes(key.KeyId);
        var id = Encoding.UTF8.GetBytes(document.Id);
        var payload = new byte[1 + 1 + 1 + 4 + 8 + 1 + keyId.Length + 2 + id.Length];
        var at = 0;
        payload[at++] = FormatVersion;
        payload[at++] = (byte)document.Kind;
        payload[at++] = (byte)purpose;
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(at), tokenVersion);
        at += 4;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(at), expiresAt.ToUnixTimeSeconds());
        at += 8;
        payload[at++] = (byte)keyId.Length;
        keyId.CopyTo(payload, at);
        at += keyId.Length;
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(at), (ushort)id.Length);
        at += 2;
        id.CopyTo(payload, at);

        var payloadText = Base64Url.EncodeToString(payload);
        return payloadText + "." + Sign(key, payloadText);
    }

    /// <summary>Verifies a token for an operation on a document, and returns what it grants.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="document">The document the caller wants to open.</param>
    /// <param name="purpose">What the caller wants to do; a token for any purpose allows <see cref="PortalPurpose.View"/>.</param>
    /// <param name="currentTokenVersion">The document's token version now; tokens issued for an older version are revoked.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>What the token grants.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="token"/> is null.</exception>
    /// <exception cref="AccessTokenRejectedException">Thrown when the token is malformed, signed by an unknown key, altered, for another document or purpose, revoked or expired (checked in that order).</exception>
    public PortalGrant Verify(string token, PortalDocument document, PortalPurpose purpose, int currentTokenVersion, Instant now)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length - dot - 1 != SignatureTextLength || token.Length > 1024)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Malformed);
        }

        var payloadText = token[..dot];
        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadText);
        }
        catch (FormatException)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Malformed);
        }

        if (!TryRead(payload, out var grant))
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Malformed);
        }

        var key = _keys.Find(grant.KeyId) ?? throw new AccessTokenRejectedException(AccessTokenRejection.UnknownKey);
        var expected = Encoding.ASCII.GetBytes(Sign(key, payloadText));
        var actual = Encoding.ASCII.GetBytes(token, dot + 1, SignatureTextLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Tampered);
        }

        if (grant.Document != document)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.WrongDocument);
        }

        if (grant.Purpose != purpose && purpose != PortalPurpose.View)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.WrongPurpose);
        }

        if (grant.TokenVersion < currentTokenVersion)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Revoked);
        }

        if (now >= grant.ExpiresAt)
        {
            throw new AccessTokenRejectedException(AccessTokenRejection.Expired);
        }

        return grant;
    }

    private static string Sign(AccessTokenKey key, string payloadText)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(payloadText), mac);
        return Base64Url.EncodeToString(mac);
    }

    private static bool TryRead(ReadOnlySpan<byte> payload, out PortalGrant grant)
    {
        grant = default;
        const int fixedPart = 1 + 1 + 1 + 4 + 8 + 1;
        if (payload.Length < fixedPart + 2 || payload[0] != FormatVersion)
        {
            return false;
        }

        var kind = (PortalDocumentKind)payload[1];
        var purpose = (PortalPurpose)payload[2];
        var version = BinaryPrimitives.ReadInt32BigEndian(payload[3..]);
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload[7..]);
        int keyLength = payload[15];
        if (kind is < PortalDocumentKind.Quote or > PortalDocumentKind.Invoice
            || purpose is < PortalPurpose.View or > PortalPurpose.Manage
            || version < 0
            || keyLength is 0 or > 32
            || payload.Length < fixedPart + keyLength + 2
            || expires < Instant.MinValue.ToUnixTimeSeconds()
            || expires > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var keyId = Encoding.ASCII.GetString(payload.Slice(fixedPart, keyLength));
        var idLength = BinaryPrimitives.ReadUInt16BigEndian(payload[(fixedPart + keyLength)..]);
        var idStart = fixedPart + keyLength + 2;
        if (idLength is 0 or > PortalDocument.MaxIdLength || payload.Length != idStart + idLength)
        {
            return false;
        }

        string id;
        try
        {
            id = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload.Slice(idStart, idLength));
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        grant = new PortalGrant(new PortalDocument(kind, id), purpose, version, Instant.FromUnixTimeSeconds(expires), keyId);
        return true;
    }
}
