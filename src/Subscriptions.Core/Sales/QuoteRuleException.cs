namespace Subscriptions.Sales;

/// <summary>Thrown when a quote command breaks a sales rule; nothing was changed.</summary>
/// <remarks>The <see cref="SubscriptionsException.ErrorCode"/> is one of the constants of this class.</remarks>
public sealed class QuoteRuleException : SubscriptionsException
{
    /// <summary>The quote does not exist.</summary>
    public const string NotFoundCode = "sales.not_found";

    /// <summary>A quote with that id was already drafted.</summary>
    public const string AlreadyExistsCode = "sales.already_exists";

    /// <summary>The quote is past its validity date in the customer's time zone.</summary>
    public const string ExpiredCode = "sales.quote_expired";

    /// <summary>The quote was already confirmed: it became a subscription.</summary>
    public const string AlreadyConfirmedCode = "sales.already_confirmed";

    /// <summary>The quote was cancelled.</summary>
    public const string CancelledCode = "sales.cancelled";

    /// <summary>The plan asks for an e-signature of the current version of the quote, and there is none.</summary>
    public const string SignatureRequiredCode = "sales.signature_required";

    /// <summary>The plan asks for a payment, and there is none.</summary>
    public const string PaymentRequiredCode = "sales.payment_required";

    /// <summary>The payment does not cover the first invoice (the quote's total), or is in another currency.</summary>
    public const string PaymentAmountMismatchCode = "sales.payment_amount_mismatch";

    /// <summary>The product is not an option the quote offers.</summary>
    public const string UnknownOptionCode = "sales.unknown_option";

    /// <summary>The option is already on the quote.</summary>
    public const string OptionAlreadyAddedCode = "sales.option_already_added";

    /// <summary>A quantity is zero or negative.</summary>
    public const string InvalidQuantityCode = "sales.invalid_quantity";

    /// <summary>The quote has no recurring line, so it cannot become a subscription.</summary>
    public const string NoRecurringLineCode = "sales.no_recurring_line";

    /// <summary>Two lines or options share an id or product.</summary>
    public const string DuplicateLineCode = "sales.duplicate_line";

    /// <summary>The validity date is before the day the quote is drafted.</summary>
    public const string InvalidValidityCode = "sales.invalid_validity";

    /// <summary>The fiscal position is not one of the tax configuration's.</summary>
    public const string UnknownFiscalPositionCode = "sales.unknown_fiscal_position";

    /// <summary>The time zone id is not a known IANA zone.</summary>
    public const string UnknownTimeZoneCode = "sales.unknown_time_zone";

    /// <summary>The quote changed since the version the customer viewed: show it again.</summary>
    public const string QuoteChangedCode = "sales.quote_changed";

    /// <summary>The command is for staff, or the customer acted for another customer.</summary>
    public const string CustomerAccessDeniedCode = "sales.customer_access_denied";

    /// <summary>An acceptance carried neither a signature nor a payment.</summary>
    public const string NothingToAcceptCode = "sales.nothing_to_accept";

    /// <summary>Initializes a new instance of the <see cref="QuoteRuleException"/> class.</summary>
    /// <param name="errorCode">One of the code constants of this class.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public QuoteRuleException(string errorCode, string message)
        : base(errorCode, message)
    {
    }
}
