using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Subscriptions.Serialization;

/// <summary>Reads and writes a <see cref="LocalDate"/> as an ISO-8601 date, such as <c>"2026-01-31"</c>.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Fast path for the usual yyyy-MM-dd, straight from the UTF-8 bytes; anything else goes through NodaTime's pattern.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10)
        {
            var s = reader.ValueSpan;
            if (s[4] == '-' && s[7] == '-' && NodaJson.TryDigits(s[..4], out var year) && NodaJson.TryDigits(s.Slice(5, 2), out var month) && NodaJson.TryDigits(s.Slice(8, 2), out var day)
                && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return new LocalDate(year, month, day);
            }
        }

        return NodaJson.Parse(ref reader, LocalDatePattern.Iso, "an ISO date such as \"2026-01-31\"");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Year is >= 1 and <= 9999 && value.Calendar == CalendarSystem.Iso)
        {
            Span<byte> text = stackalloc byte[10];
            NodaJson.WriteDigits(text[..4], value.Year);
            text[4] = (byte)'-';
            NodaJson.WriteDigits(text.Slice(5, 2), value.Month);
            text[7] = (byte)'-';
            NodaJson.WriteDigits(text.Slice(8, 2), value.Day);
            writer.WriteStringValue(text);
            return;
        }

        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

/// <summary>Reads and writes an <see cref="Instant"/> as an ISO-8601 UTC instant, such as <c>"2026-01-31T09:30:00Z"</c> (fractions of a second kept).</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaJson.Parse(ref reader, InstantPattern.ExtendedIso, "an ISO instant such as \"2026-01-31T09:30:00Z\"");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

/// <summary>Reads and writes a <see cref="Period"/> in NodaTime's round-trip ISO-8601 form, such as <c>"P1M"</c> or <c>"P1Y2M3DT4H"</c>.</summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    /// <inheritdoc />
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodaJson.Parse(ref reader, PeriodPattern.Roundtrip, "an ISO period such as \"P1M\"");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value));
    }
}

/// <summary>Reads and writes a <see cref="DateTimeZone"/> as its IANA (TZDB) id, such as <c>"Europe/Paris"</c>.</summary>
public sealed class DateTimeZoneJsonConverter : JsonConverter<DateTimeZone>
{
    /// <inheritdoc />
    public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A time zone must be a JSON string holding an IANA id such as \"Europe/Paris\".");
        }

        var id = reader.GetString()!; // A String token always has a value.
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new JsonException($"'{id}' is not a time zone id known to the TZDB {DateTimeZoneProviders.Tzdb.VersionId} data.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Id);
    }
}

/// <summary>The JSON converters the engine's stored types need, for a host's own <see cref="JsonSerializerOptions"/>.</summary>
/// <remarks>
/// <see cref="Money"/> and <see cref="Currency"/> carry their converters as attributes. The NodaTime types do not, so a
/// source-generated context lists them: <c>[JsonSourceGenerationOptions(Converters = [typeof(LocalDateJsonConverter), ...])]</c>,
/// or a host calls <see cref="AddTo(JsonSerializerOptions)"/>.
/// </remarks>
public static class SubscriptionsJsonConverters
{
    /// <summary>Adds the converters for <see cref="LocalDate"/>, <see cref="Instant"/>, <see cref="Period"/> and <see cref="DateTimeZone"/>.</summary>
    /// <param name="options">The options to add them to; they must not be in use yet.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is null.</exception>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new PeriodJsonConverter());
        options.Converters.Add(new DateTimeZoneJsonConverter());
        return options;
    }
}

internal static class NodaJson
{
    internal static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    internal static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    internal static T Parse<T>(ref Utf8JsonReader reader, IPattern<T> pattern, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {expected}.");
        }

        var text = reader.GetString()!; // A String token always has a value.
        var result = pattern.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not {expected}.", result.Exception);
    }
}
