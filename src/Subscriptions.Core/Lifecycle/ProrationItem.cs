using System.Text.Json.Serialization;
using NodaTime;
using Subscriptions.Scheduling;
using Subscriptions.Serialization;

namespace Subscriptions.Lifecycle;

/// <summary>
/// One prorated credit or charge a change produced for one line, with everything an invoice line needs to explain it:
/// the interval, the period it is a fraction of, the fraction and the amounts.
/// </summary>
/// <param name="Kind">A credit for unused time already billed, or a charge for the time ahead.</param>
/// <param name="LineId">The subscription line.</param>
/// <param name="Description">What the invoice line says.</param>
/// <param name="From">The first day of the prorated interval.</param>
/// <param name="To">The first day after it (exclusive).</param>
/// <param name="ReferenceFrom">The first day of the period it is a fraction of.</param>
/// <param name="ReferenceTo">The first day after that period.</param>
/// <param name="Numerator">The fraction's numerator (days, or seconds).</param>
/// <param name="Denominator">The fraction's denominator.</param>
/// <param name="BaseAmount">The amount of the whole reference period (negative for a credit).</param>
/// <param name="Amount">The prorated amount, rounded half-up to the minor unit (negative for a credit).</param>
[JsonConverter(typeof(ProrationItemJsonConverter))]
public sealed record ProrationItem(
    ProrationItemKind Kind,
    string LineId,
    string Description,
    LocalDate From,
    LocalDate To,
    LocalDate ReferenceFrom,
    LocalDate ReferenceTo,
    long Numerator,
    long Denominator,
    Money BaseAmount,
    Money Amount)
{
    internal static ProrationItem Of(ProrationItemKind kind, string lineId, string description, ProratedAmount prorated) => new(
        kind,
        lineId,
        description,
        prorated.Part.Start,
        prorated.Part.End,
        prorated.Reference.Start,
        prorated.Reference.End,
        prorated.Fraction.Numerator,
        prorated.Fraction.Denominator,
        prorated.BaseAmount,
        prorated.Amount);
}

/// <summary>Whether a <see cref="ProrationItem"/> gives back or asks for money.</summary>
public enum ProrationItemKind
{
    /// <summary>A credit for time already billed and not used (a negative amount, or zero).</summary>
    Credit = 1,

    /// <summary>A charge for the time ahead at the new terms (a positive amount, or zero).</summary>
    Charge = 2,
}
