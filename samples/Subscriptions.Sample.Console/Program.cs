// Subscriptions console sample: what the engine does today, step by step, for real.
// Run it with: dotnet run --project samples/Subscriptions.Sample.Console
using System.Globalization;
using System.Text.Json;
using Subscriptions;
using Subscriptions.Serialization;

var invariant = CultureInfo.InvariantCulture;

Console.WriteLine("Subscriptions: a subscription billing engine for .NET");
Console.WriteLine();

// 1. Money is a decimal amount in an ISO 4217 currency; arithmetic stays exact and never mixes currencies.
var yearly = new Money(2399.95m, Currency.Eur);
var setupFee = Money.ParseInvariant("EUR 49.00");
Console.WriteLine($"1. A yearly plan at {yearly} plus a setup fee of {setupFee}: {yearly + setupFee}");
try
{
    _ = yearly + new Money(10m, Currency.Usd);
}
catch (CurrencyMismatchException e)
{
    Console.WriteLine($"   Adding dollars is refused ({e.ErrorCode}): {e.Message}");
}

// 2. Splitting money never loses a cent: twelve monthly instalments sum exactly to the yearly price.
var instalments = yearly.Split(12);
var total = instalments.Aggregate(Money.Zero(Currency.Eur), (sum, part) => sum + part);
Console.WriteLine($"2. {yearly} in 12 instalments: {string.Join(", ", instalments.Select(m => m.Amount.ToString(invariant)))} (sum {total})");

// 3. A discount spread over three lines in proportion to their prices (largest remainder, deterministic).
var discount = new Money(-10.00m, Currency.Eur);
var lines = new[] { 19.99m, 49.00m, 5.01m };
var shares = discount.Allocate(lines);
Console.WriteLine($"3. {discount} over lines of {string.Join(", ", lines.Select(l => l.ToString(invariant)))}: {string.Join(", ", shares.Select(s => s.ToString()))}");

// 4. Rounding is explicit and named: half-up to the minor unit, or to a cash increment (CHF 0.05).
var vat = new Money(52.50m, Currency.Chf) * 0.081m;
Console.WriteLine($"4. 8.1 % VAT on CHF 52.50 is {vat}: {vat.Round(MidpointRounding.AwayFromZero)} to the centime, {vat.RoundToIncrement(0.05m, MidpointRounding.AwayFromZero)} in cash");

// 5. Currencies know their minor units; amounts format invariantly or in a culture.
foreach (var code in new[] { "JPY", "EUR", "BHD", "CLF" })
{
    var currency = Currency.FromCode(code);
    var amount = new Money(1234.5678m, currency).Round(MidpointRounding.AwayFromZero);
    Console.WriteLine($"5. {code} ({currency.NumericCode}, {currency.MinorUnits} minor units): {amount} | de-DE {amount.ToString("N", CultureInfo.GetCultureInfo("de-DE"))} | en-US {amount.ToString("C", CultureInfo.GetCultureInfo("en-US"))}");
}

// 6. Stored as JSON with the amount as a string next to its currency, so no precision is ever lost.
var json = JsonSerializer.Serialize(new { price = yearly, monthly = instalments[0] });
Console.WriteLine($"6. JSON: {json}");
