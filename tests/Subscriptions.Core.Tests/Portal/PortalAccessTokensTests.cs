using System.Text;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Testing;

namespace Subscriptions.Portal;

public sealed class PortalAccessTokensTests
{
    private static readonly AccessTokenKey Current = new("k2026", Encoding.ASCII.GetBytes("a-32-byte-secret-for-the-tests!!"));
    private static readonly AccessTokenKey Previous = new("k2025", Encoding.ASCII.GetBytes("the-previous-32-byte-secret-key!"));
    private static readonly PortalAccessTokens Tokens = new(new AccessTokenKeyRing(Current, Previous));
    private static readonly PortalDocument Subscription = new(PortalDocumentKind.Subscription, "S-42");
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 12, 0);
    private static readonly Instant Expiry = Now + Duration.FromDays(30);

    [Fact]
    public void Verify_FreshToken_GrantsItsDocumentAndPurpose()
    {
        var token = Tokens.Issue(Subscription, PortalPurpose.Manage, 3, Expiry);

        var grant = Tokens.Verify(token, Subscription, PortalPurpose.Manage, 3, Now);

        Assert.Equal(new PortalGrant(Subscription, PortalPurpose.Manage, 3, Expiry, "k2026"), grant);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Fact]
    public void Verify_AnyPurposeToken_AllowsViewing()
    {
        var token = Tokens.Issue(Subscription, PortalPurpose.Manage, 0, Expiry);

        Assert.Equal(PortalPurpose.Manage, Tokens.Verify(token, Subscription, PortalPurpose.View, 0, Now).Purpose);
    }

    [Fact]
    public void Verify_ViewToken_CannotManage() =>
        AssertRejected(AccessTokenRejection.WrongPurpose, "portal.token_wrong_purpose", () => Tokens.Verify(Tokens.Issue(Subscription, PortalPurpose.View, 0, Expiry), Subscription, PortalPurpose.Manage, 0, Now));

    [Theory]
    [InlineData(PortalDocumentKind.Subscription, "S-43")]
    [InlineData(PortalDocumentKind.Invoice, "S-42")]
    [InlineData(PortalDocumentKind.Subscription, "s-42")]
    public void Verify_OtherDocument_IsRejected(PortalDocumentKind kind, string id) =>
        AssertRejected(AccessTokenRejection.WrongDocument, "portal.token_wrong_document", () => Tokens.Verify(Tokens.Issue(Subscription, PortalPurpose.View, 0, Expiry), new PortalDocument(kind, id), PortalPurpose.View, 0, Now));

    [Fact]
    public void Verify_AtOrAfterExpiry_IsRejected()
    {
        var token = Tokens.Issue(Subscription, PortalPurpose.View, 0, Expiry);

        Tokens.Verify(token, Subscription, PortalPurpose.View, 0, Expiry - Duration.FromSeconds(1));
        AssertRejected(AccessTokenRejection.Expired, "portal.token_expired", () => Tokens.Verify(token, Subscription, PortalPurpose.View, 0, Expiry));
    }

    [Fact]
    public void Verify_AfterTheDocumentsTokenVersionWasBumped_IsRevoked()
    {
        var token = Tokens.Issue(Subscription, PortalPurpose.View, 1, Expiry);

        AssertRejected(AccessTokenRejection.Revoked, "portal.token_revoked", () => Tokens.Verify(token, Subscription, PortalPurpose.View, 2, Now));
    }

    [Fact]
    public void Verify_TokenOfARotatedOutKey_IsUnknown_ButAPreviousKeyStillVerifies()
    {
        var signedWithPrevious = new PortalAccessTokens(new AccessTokenKeyRing(Previous)).Issue(Subscription, PortalPurpose.View, 0, Expiry);
        var onlyCurrent = new PortalAccessTokens(new AccessTokenKeyRing(Current));

        Assert.Equal("k2025", Tokens.Verify(signedWithPrevious, Subscription, PortalPurpose.View, 0, Now).KeyId);
        AssertRejected(AccessTokenRejection.UnknownKey, "portal.token_unknown_key", () => onlyCurrent.Verify(signedWithPrevious, Subscription, PortalPurpose.View, 0, Now));
    }

    [Fact]
    public void Verify_TokenForgedWithAnotherSecretUnderTheSameKeyId_IsTampered()
    {
        var forger = new PortalAccessTokens(new AccessTokenKeyRing(new AccessTokenKey("k2026", new byte[32])));

        AssertRejected(AccessTokenRejection.Tampered, "portal.token_tampered", () => Tokens.Verify(forger.Issue(Subscription, PortalPurpose.Manage, 0, Expiry), Subscription, PortalPurpose.Manage, 0, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("!!!!.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_Garbage_IsMalformed(string token) =>
        AssertRejected(AccessTokenRejection.Malformed, "portal.token_malformed", () => Tokens.Verify(token, Subscription, PortalPurpose.View, 0, Now));

    [Fact]
    public void Verify_TokenChangedInAnyCharacter_IsRejected()
    {
        var token = Tokens.Issue(Subscription, PortalPurpose.Manage, 7, Expiry);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_. =+/";
        var changes =
            from position in Gen.Choose(0, token.Length - 1)
            from replacement in Gen.Elements(alphabet.ToCharArray())
            where token[position] != replacement
            select (position, replacement);

        PropertyCheck.Check(Prop.ForAll(changes.ToArbitrary(), change =>
        {
            var altered = string.Concat(token.AsSpan(0, change.position), change.replacement.ToString(), token.AsSpan(change.position + 1));
            var error = Record.Exception(() => Tokens.Verify(altered, Subscription, PortalPurpose.Manage, 7, Now));
            return error is AccessTokenRejectedException;
        }));
    }

    [Fact]
    public void Issue_BadArguments_ThrowArgumentErrors()
    {
        Assert.Throws<ArgumentException>(() => Tokens.Issue(default, PortalPurpose.View, 0, Expiry));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokens.Issue(Subscription, (PortalPurpose)9, 0, Expiry));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokens.Issue(Subscription, PortalPurpose.View, -1, Expiry));
        Assert.Throws<ArgumentNullException>(() => Tokens.Verify(null!, Subscription, PortalPurpose.View, 0, Now));
        Assert.Throws<ArgumentNullException>(() => new PortalAccessTokens(null!));
    }

    [Fact]
    public void Keys_BadKeysAndDocuments_ThrowArgumentErrors()
    {
        Assert.Throws<ArgumentException>(() => new AccessTokenKey("k1", new byte[31]));
        Assert.Throws<ArgumentException>(() => new AccessTokenKey("", new byte[32]));
        Assert.Throws<ArgumentException>(() => new AccessTokenKey("key with spaces", new byte[32]));
        Assert.Throws<ArgumentException>(() => new AccessTokenKey(new string('k', 33), new byte[32]));
        Assert.Throws<ArgumentException>(() => new AccessTokenKeyRing(Current, new AccessTokenKey("k2026", new byte[32])));
        Assert.Throws<ArgumentException>(() => new PortalDocument(PortalDocumentKind.Quote, " "));
        Assert.Throws<ArgumentException>(() => new PortalDocument(PortalDocumentKind.Quote, new string('x', 201)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortalDocument((PortalDocumentKind)0, "Q-1"));
        Assert.Equal(["k2026", "k2025"], new AccessTokenKeyRing(Current, Previous).KeyIds);
    }

    [Fact]
    public void Issue_NonAsciiDocumentId_RoundTrips()
    {
        var quote = new PortalDocument(PortalDocumentKind.Quote, "Devis-Éloïse-№7");

        Assert.Equal(quote, Tokens.Verify(Tokens.Issue(quote, PortalPurpose.Accept, 0, Expiry), quote, PortalPurpose.Accept, 0, Now).Document);
    }

    private static void AssertRejected(AccessTokenRejection reason, string code, Action verify)
    {
        var error = Assert.Throws<AccessTokenRejectedException>(verify);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(code, error.ErrorCode);
    }
}
