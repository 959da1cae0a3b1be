using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck.Fluent;
using NodaTime;
using Subscriptions.Serialization;
using Subscriptions.Testing;

namespace Subscriptions.Serialization;

public sealed class JsonConvertersTests
{
    private static readonly JsonSerializerOptions Reflection = SubscriptionsJsonConverters.AddTo(new JsonSerializerOptions());

    [Fact]
    public void Money_IsWrittenAsAStringAmountNextToTheCode()
    {
        var json = JsonSerializer.Serialize(new Money(12.50m, Currency.Eur), TestJsonContext.Default.Money);

        Assert.Equal("""{"amount":"12.50","currency":"EUR"}""", json);
    }

    [Fact]
    public void Money_ReadsStringOrNumberAmounts_AnyPropertyOrder()
    {
        Assert.Equal(new Money(12.5m, Currency.Eur), JsonSerializer.Deserialize("""{"currency":"eur","amount":"12.50"}""", TestJsonContext.Default.Money));
        Assert.Equal(new Money(12.5m, Currency.Eur), JsonSerializer.Deserialize("""{"amount":12.50,"currency":"EUR"}""", TestJsonContext.Default.Money));
    }

    [Theory]
    [InlineData("""{"amount":"12.50"}""")]
    [InlineData("""{"currency":"EUR"}""")]
    [InlineData("""{"amount":"12.50","currency":"ZZZ"}""")]
    [InlineData("""{"amount":"twelve","currency":"EUR"}""")]
    [InlineData("""{"amount":"1","currency":"EUR","extra":1}""")]
    [InlineData("""{"amount":true,"currency":"EUR"}""")]
    [InlineData("""{"amount":"1","currency":978}""")]
    [InlineData("\"EUR 12.50\"")]
    public void Money_MalformedJson_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, TestJsonContext.Default.Money));

    [Fact]
    public void Currency_AsValueAndAsDictionaryKey_IsItsCode()
    {
        var totals = new Dictionary<Currency, decimal> { [Currency.Eur] = 1m, [Currency.Jpy] = 2m };

        var json = JsonSerializer.Serialize(totals, TestJsonContext.Default.DictionaryCurrencyDecimal);

        Assert.Equal("""{"EUR":1,"JPY":2}""", json);
        Assert.Equal(totals, JsonSerializer.Deserialize(json, TestJsonContext.Default.DictionaryCurrencyDecimal));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("\"XAU\"", TestJsonContext.Default.Currency));
    }

    [Fact]
    public void StoredRecord_SourceGenerated_WritesIsoTextAndRoundTrips()
    {
        var record = new StoredRecord(
            new Money(249.95m, Currency.Eur),
            Currency.Jpy,
            new LocalDate(2026, 1, 31),
            Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_000_000),
            Period.FromMonths(1),
            DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        var json = JsonSerializer.Serialize(record, TestJsonContext.Default.StoredRecord);

        Assert.Equal(
            """{"Price":{"amount":"249.95","currency":"EUR"},"Currency":"JPY","Date":"2026-01-31","At":"2026-03-29T01:30:15.123Z","Every":"P1M","Zone":"Europe/Paris"}""",
            json);
        Assert.Equal(record, JsonSerializer.Deserialize(json, TestJsonContext.Default.StoredRecord));
        Assert.Equal(record, JsonSerializer.Deserialize<StoredRecord>(json, Reflection));
    }

    [Theory]
    [InlineData("""{"Date":"2026-02-30"}""")]
    [InlineData("""{"Date":20260131}""")]
    [InlineData("""{"At":"yesterday"}""")]
    [InlineData("""{"Every":"monthly"}""")]
    [InlineData("""{"Zone":"Mars/Olympus"}""")]
    [InlineData("""{"Zone":1}""")]
    public void NodaTimeValues_Malformed_ThrowJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, TestJsonContext.Default.StoredRecord));

    [Fact]
    public void Money_EveryCurrencyAndAnyAmount_RoundTripsExactlyWithItsScale() =>
        PropertyCheck.Check(Prop.ForAll(
            Generators.AnyMoney.ToArbitrary(),
            m =>
            {
                var json = JsonSerializer.Serialize(m, TestJsonContext.Default.Money);
                var back = JsonSerializer.Deserialize(json, TestJsonContext.Default.Money);
                return back == m && back.Amount.Scale == m.Amount.Scale;
            }));

    [Fact]
    public void Currency_EveryKnownCurrency_RoundTrips()
    {
        foreach (var currency in Currency.All)
        {
            var json = JsonSerializer.Serialize(currency, TestJsonContext.Default.Currency);
            Assert.Equal(currency, JsonSerializer.Deserialize(json, TestJsonContext.Default.Currency));
        }
    }

    [Fact]
    public void AddTo_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => SubscriptionsJsonConverters.AddTo(null!));

    [Fact]
    public void Writers_NullWriter_ThrowArgumentNull()
    {
        var options = new JsonSerializerOptions();
        Assert.Throws<ArgumentNullException>(() => new MoneyJsonConverter().Write(null!, default, options));
        Assert.Throws<ArgumentNullException>(() => new CurrencyJsonConverter().Write(null!, default, options));
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        Assert.Throws<ArgumentNullException>(() => new PeriodJsonConverter().Write(writer, null!, options));
        Assert.Empty(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

/// <summary>A record holding every type the engine stores, serialized by a source-generated context.</summary>
public sealed record StoredRecord(Money Price, Currency Currency, LocalDate Date, Instant At, Period? Every, DateTimeZone? Zone);

[JsonSourceGenerationOptions(Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(PeriodJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(StoredRecord))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Currency))]
[JsonSerializable(typeof(Dictionary<Currency, decimal>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
