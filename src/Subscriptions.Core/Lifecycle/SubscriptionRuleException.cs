namespace Subscriptions.Lifecycle;

/// <summary>Thrown when a subscription command breaks a rule of the contract's lifecycle; nothing was changed.</summary>
/// <remarks>The <see cref="SubscriptionsException.ErrorCode"/> is one of the constants of this class.</remarks>
public sealed class SubscriptionRuleException : SubscriptionsException
{
    /// <summary>The subscription does not exist yet.</summary>
    public const string NotFoundCode = "lifecycle.not_found";

    /// <summary>The subscription was already started.</summary>
    public const string AlreadyStartedCode = "lifecycle.already_started";

    /// <summary>The subscription is closed: only reopening is allowed.</summary>
    public const string ClosedCode = "lifecycle.subscription_closed";

    /// <summary>The subscription is paused: resume it first.</summary>
    public const string PausedCode = "lifecycle.subscription_paused";

    /// <summary>The command does not fit the subscription's state (resume a running contract, reopen an open one).</summary>
    public const string InvalidStateCode = "lifecycle.invalid_state";

    /// <summary>The plan's access level does not let the customer make this change alone.</summary>
    public const string CustomerAccessDeniedCode = "lifecycle.customer_access_denied";

    /// <summary>The plan lets the customer upgrade only, and this change lowers the recurring amount.</summary>
    public const string DowngradeNotAllowedCode = "lifecycle.downgrade_not_allowed";

    /// <summary>The plan does not let the customer close the contract alone.</summary>
    public const string CustomerMayNotCloseCode = "lifecycle.customer_may_not_close";

    /// <summary>The close reason is not one of the configured reasons.</summary>
    public const string UnknownCloseReasonCode = "lifecycle.unknown_close_reason";

    /// <summary>No line has that id.</summary>
    public const string UnknownLineCode = "lifecycle.unknown_line";

    /// <summary>The line is not a recurring line, or not an option where one is needed.</summary>
    public const string WrongLineKindCode = "lifecycle.wrong_line_kind";

    /// <summary>A line with that id already exists.</summary>
    public const string DuplicateLineCode = "lifecycle.duplicate_line";

    /// <summary>A quantity is zero or negative.</summary>
    public const string InvalidQuantityCode = "lifecycle.invalid_quantity";

    /// <summary>A change is dated before today.</summary>
    public const string ChangeInPastCode = "lifecycle.change_in_past";

    /// <summary>The change would leave the subscription without a recurring line.</summary>
    public const string NoRecurringLineCode = "lifecycle.no_recurring_line";

    /// <summary>No scheduled change has that id.</summary>
    public const string UnknownScheduledChangeCode = "lifecycle.unknown_scheduled_change";

    /// <summary>The contract has no fixed term to renew.</summary>
    public const string NotFixedTermCode = "lifecycle.not_fixed_term";

    /// <summary>The time zone id is not a known IANA zone.</summary>
    public const string UnknownTimeZoneCode = "lifecycle.unknown_time_zone";

    /// <summary>Initializes a new instance of the <see cref="SubscriptionRuleException"/> class.</summary>
    /// <param name="errorCode">One of the code constants of this class.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public SubscriptionRuleException(string errorCode, string message)
        : base(errorCode, message)
    {
    }
}
