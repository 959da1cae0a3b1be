using System.Globalization;
using System.Text;
using NodaTime;

namespace Subscriptions.Analytics;

/// <summary>Invariant text for the report exports.</summary>
internal static class Format
{
    public static string Date(LocalDate date) => PeriodMath.Iso(date);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Amount(Money value)
    {
        var rounded = value.Round(MidpointRounding.AwayFromZero);
        return rounded.Amount.ToString("F" + value.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Amount(Money? value) => value is { } v ? Amount(v) : string.Empty;

    public static string Rate(decimal? value) => value is { } v ? Decimal(v, 6) : string.Empty;

    public static string Decimal(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string[] Movements(MrrMovements m) =>
        [Amount(m.New), Amount(m.Expansion), Amount(m.Contraction), Amount(m.Churn), Amount(m.Reactivation), Amount(m.Fx), Amount(m.NetNew)];

    public static string[] Counts(MrrMovements m) =>
        [Int(m.NewCount), Int(m.ExpansionCount), Int(m.ContractionCount), Int(m.ChurnCount), Int(m.ReactivationCount)];

    public static string DimensionName(AnalyticsDimension dimension) => dimension switch
    {
        AnalyticsDimension.Plan => "plan",
        AnalyticsDimension.Salesperson => "salesperson",
        AnalyticsDimension.Country => "country",
        _ => "group",
    };
}

/// <summary>Writes report rows as CSV text (RFC 4180): a pure function, the host writes the text where it wants.</summary>
public static class AnalyticsCsv
{
    /// <summary>Returns rows as CSV: fields separated by commas, quoted when they hold a comma, a quote or a line break, lines ended by CRLF.</summary>
    /// <param name="rows">The rows, such as <see cref="KpiReport.ToRows"/>.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rows"/> or one of them is null.</exception>
    public static string ToCsv(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                var field = row[i] ?? string.Empty;
                if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    builder.Append(field);
                }
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }
}
