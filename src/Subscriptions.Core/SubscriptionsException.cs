namespace Subscriptions;

/// <summary>
/// The root of every domain error the engine raises: a broken business rule, a value that cannot be
/// combined with another, an unknown code in user input.
/// </summary>
/// <remarks>
/// <para>
/// Each error carries a stable, machine-readable <see cref="ErrorCode"/> (for example
/// <c>monetary.currency_mismatch</c>) that a host can switch on or show to an operator; the message is
/// for humans and may change between versions.
/// </para>
/// <para>
/// Each area derives its own sealed exception types from this class, so that a host can catch one area's
/// errors precisely or all of the engine's errors at once. Argument errors (a <see langword="null"/>, a
/// negative count) keep the usual <see cref="ArgumentException"/> family. A command that raises any of
/// these changes nothing: errors are raised before any state is written.
/// </para>
/// </remarks>
public class SubscriptionsException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="SubscriptionsException"/> class with an error code and a message.
    /// </summary>
    /// <param name="errorCode">The stable error code, <c>area.snake_case_reason</c>.</param>
    /// <param name="message">What was wrong and what to do about it.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errorCode"/> is null or blank.</exception>
    public SubscriptionsException(string errorCode, string message)
        : this(errorCode, message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SubscriptionsException"/> class with an error code, a message
    /// and the exception that caused it.
    /// </summary>
    /// <param name="errorCode">The stable error code, <c>area.snake_case_reason</c>.</param>
    /// <param name="message">What was wrong and what to do about it.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="errorCode"/> is null or blank.</exception>
    public SubscriptionsException(string errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    /// <summary>Gets the stable, machine-readable error code, such as <c>monetary.currency_mismatch</c>.</summary>
    public string ErrorCode { get; }
}
