using System.Collections.ObjectModel;

namespace Subscriptions.Portal;

/// <summary>A secret key that signs portal access tokens, named by an id so that keys can be rotated.</summary>
/// <remarks>The host provides the secret (from its secret store); the engine never generates or logs it.</remarks>
public sealed class AccessTokenKey
{
    /// <summary>The shortest accepted secret, in bytes (256 bits, the HMAC-SHA256 block strength).</summary>
    public const int MinSecretLength = 32;

    private readonly byte[] _secret;

    /// <summary>Initializes a new instance of the <see cref="AccessTokenKey"/> class.</summary>
    /// <param name="keyId">A short name for the key, 1 to 32 ASCII letters, digits, '-' or '_'; it travels in every token it signs.</param>
    /// <param name="secret">The secret, at least <see cref="MinSecretLength"/> bytes; it is copied.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the key id is empty, too long or has other characters, or the secret is too short.</exception>
    public AccessTokenKey(string keyId, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (keyId.Length is 0 or > 32 || !keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("A key id is 1 to 32 ASCII letters, digits, '-' or '_'.", nameof(keyId));
        }

        if (secret.Length < MinSecretLength)
        {
            throw new ArgumentException($"A token-signing secret must be at least {MinSecretLength} bytes; this one has {secret.Length}.", nameof(secret));
        }

        KeyId = keyId;
        _secret = secret.ToArray();
    }

    /// <summary>Gets the key's id.</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Secret => _secret;
}

/// <summary>The keys a portal trusts: one signs new tokens, the others still verify the tokens they signed.</summary>
/// <remarks>To rotate, make the new key the signing key and keep the old one among the verifying keys until its tokens expire.</remarks>
public sealed class AccessTokenKeyRing
{
    private readonly Dictionary<string, AccessTokenKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="AccessTokenKeyRing"/> class.</summary>
    /// <param name="signingKey">The key that signs new tokens (it also verifies).</param>
    /// <param name="verifyingKeys">Older keys that still verify the tokens they signed.</param>
    /// <exception cref="ArgumentNullException">Thrown when a key is null.</exception>
    /// <exception cref="ArgumentException">Thrown when two keys share an id.</exception>
    public AccessTokenKeyRing(AccessTokenKey signingKey, params IEnumerable<AccessTokenKey> verifyingKeys)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(verifyingKeys);
        SigningKey = signingKey;
        foreach (var key in verifyingKeys.Prepend(signingKey))
        {
            ArgumentNullException.ThrowIfNull(key, nameof(verifyingKeys));
            if (!_keys.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"Two keys share the id '{key.KeyId}'.", nameof(verifyingKeys));
            }
        }

        KeyIds = new ReadOnlyCollection<string>([.. _keys.Keys]);
    }

    /// <summary>Gets the key that signs new tokens.</summary>
    public AccessTokenKey SigningKey { get; }

    /// <summary>Gets the ids of every key that verifies tokens, the signing key first.</summary>
    public IReadOnlyList<string> KeyIds { get; }

    internal AccessTokenKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);
}
