namespace Subscriptions.Payments;

/// <summary>
/// A saved payment method as the payment gateway knows it: a token, never a card number, plus what a customer
/// may see of it ("Visa ending 4242").
/// </summary>
/// <param name="Gateway">The gateway that issued the token, such as <c>stripe</c>.</param>
/// <param name="Token">The gateway's token for the saved method.</param>
/// <param name="Display">A safe description for the customer, such as <c>Visa •••• 4242</c>.</param>
public sealed record PaymentMethodToken(string Gateway, string Token, string Display);
