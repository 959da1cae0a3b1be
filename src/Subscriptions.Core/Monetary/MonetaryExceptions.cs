namespace Subscriptions;

/// <summary>
/// Thrown when amounts in two different currencies are added, subtracted, compared or allocated together.
/// </summary>
/// <remarks>Error code <c>monetary.currency_mismatch</c>. Equality never throws: amounts in different currencies are simply unequal.</remarks>
public sealed class CurrencyMismatchException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "monetary.currency_mismatch";

    /// <summary>Initializes a new instance of the <see cref="CurrencyMismatchException"/> class.</summary>
    /// <param name="left">The currency of the left operand.</param>
    /// <param name="right">The currency of the right operand.</param>
    public CurrencyMismatchException(Currency left, Currency right)
        : base(Code, $"Cannot combine amounts in {left.Code} and {right.Code}: convert one of them first, with an explicit exchange rate.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Gets the currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>Gets the currency of the right operand.</summary>
    public Currency Right { get; }
}

/// <summary>Thrown when a currency code is not a known ISO 4217 billing currency.</summary>
/// <remarks>Error code <c>monetary.unknown_currency</c>.</remarks>
public sealed class UnknownCurrencyException : SubscriptionsException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string Code = "monetary.unknown_currency";

    /// <summary>Initializes a new instance of the <see cref="UnknownCurrencyException"/> class.</summary>
    /// <param name="currencyCode">The code that was not recognised.</param>
    public UnknownCurrencyException(string currencyCode)
        : base(Code, $"'{currencyCode}' is not a known ISO 4217 billing currency code; use a current three-letter code such as EUR, USD or JPY.")
    {
        CurrencyCode = currencyCode;
    }

    /// <summary>Gets the code that was not recognised.</summary>
    public string CurrencyCode { get; }
}
