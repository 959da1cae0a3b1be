using NodaTime;

namespace Subscriptions.Scheduling;

/// <summary>
/// Proration (SCHEDULING.md): the fraction of a period a part represents, prorated amounts, mid-period changes and
/// exact splits of a period's price.
/// </summary>
/// <remarks>
/// Fractions stay exact (integer days or seconds); money is rounded once, half-up (away from zero) to the currency's
/// minor unit. Credits use what was billed as their basis, never today's price. Everything is pure and allocation-free
/// except <see cref="Split(Money, BillingPeriod, ReadOnlySpan{LocalDate})"/>, which returns an array.
/// </remarks>
public static class Proration
{
    private const int SecondsPerDay = 86_400;
    private const int DaysPerFixedMonth = 30;

    /// <summary>Returns the fraction of <paramref name="reference"/> that <paramref name="part"/> represents.</summary>
    /// <param name="part">The partial interval, within <paramref name="reference"/>.</param>
    /// <param name="reference">The whole period.</param>
    /// <param name="method">How to measure; by day by default. <see cref="ProrationMethod.BySecond"/> counts 86,400 s a day here (use <see cref="ChangeBySecond"/> for real instants).</param>
    /// <returns>The fraction; 1 whenever <paramref name="part"/> is the whole of <paramref name="reference"/>, whatever the method.</returns>
    /// <exception cref="ArgumentException">Thrown when a period is empty (<c>default</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="method"/> is not defined.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when <paramref name="part"/> is not within <paramref name="reference"/>.</exception>
    public static ProrationFraction Fraction(BillingPeriod part, BillingPeriod reference, ProrationMethod method = ProrationMethod.ByDay)
    {
        EnsureMethod(method);
        if (part.IsEmpty || reference.IsEmpty)
        {
            throw new ArgumentException("Prorate a non-empty part of a non-empty period, not default(BillingPeriod).", part.IsEmpty ? nameof(part) : nameof(reference));
        }

        var partStart = CalendarMath.Key(part.Start);
        var partEnd = CalendarMath.Key(part.End);
        var referenceStart = CalendarMath.Key(reference.Start);
        var referenceEnd = CalendarMath.Key(reference.End);
        if (partStart < referenceStart || partEnd > referenceEnd)
        {
            throw SchedulingException.ChangeOutside("part " + part.ToString(), reference);
        }

        if (partStart == referenceStart && partEnd == referenceEnd)
        {
            return ProrationFraction.One;
        }

        switch (method)
        {
            case ProrationMethod.ByDay:
                return new ProrationFraction(DaysBetweenKeys(partStart, partEnd), DaysBetweenKeys(referenceStart, referenceEnd));
            case ProrationMethod.BySecond:
                return new ProrationFraction((long)DaysBetweenKeys(partStart, partEnd) * SecondsPerDay, (long)DaysBetweenKeys(referenceStart, referenceEnd) * SecondsPerDay);
            case ProrationMethod.ThirtyDayMonth:
                var denominator = DaysPerFixedMonth * Math.Max(1, CalendarMath.MonthIndex(reference.End) - CalendarMath.MonthIndex(reference.Start));
                return new ProrationFraction(Math.Clamp(ThirtyDayMonthDays(part), 0, denominator), denominator);
            default:
                return ProrationFraction.Zero;
        }
    }

    private static int DaysBetweenKeys(int startKey, int endKey) => EpochDayOfKey(endKey) - EpochDayOfKey(startKey);

    private static int EpochDayOfKey(int key) => CalendarMath.EpochDay(key >> 9, (key >> 5) & 15, key & 31);

    /// <summary>Returns the days of <paramref name="part"/> under the fixed 30-day-month convention (2023-02-23 to 2023-03-15 counts 22).</summary>
    /// <param name="part">The interval.</param>
    /// <returns>The actual days when start and end dates are in the same month, otherwise actual days − (days in the start month − 30).</returns>
    public static int ThirtyDayMonthDays(BillingPeriod part)
    {
        var days = part.Days;
        if (part.Start.Year == part.End.Year && part.Start.Month == part.End.Month)
        {
            return days;
        }

        return days - (CalendarMath.DaysInMonth(part.Start.Year, part.Start.Month) - DaysPerFixedMonth);
    }

    /// <summary>Returns <paramref name="amount"/> prorated for <paramref name="part"/> of <paramref name="reference"/>, explained.</summary>
    /// <param name="amount">The price of the whole reference period.</param>
    /// <param name="part">The part charged.</param>
    /// <param name="reference">The whole period.</param>
    /// <param name="method">How to measure the fraction.</param>
    /// <returns>The amount, rounded half-up once to the minor unit.</returns>
    /// <exception cref="ArgumentException">Thrown when a period is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="method"/> is not defined.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when <paramref name="part"/> is not within <paramref name="reference"/>.</exception>
    public static ProratedAmount Prorate(Money amount, BillingPeriod part, BillingPeriod reference, ProrationMethod method = ProrationMethod.ByDay) =>
        ProratedAmount.Create(method, part, reference, Fraction(part, reference, method), amount, 1);

    /// <summary>
    /// Prices a change on <paramref name="changeDate"/> within the same period: a price, quantity or option change,
    /// or a cancellation (new price zero).
    /// </summary>
    /// <param name="billedPeriod">The period that was billed, whole.</param>
    /// <param name="billedAmount">What was billed for it (the basis of the credit).</param>
    /// <param name="changeDate">The first day at the new price, within <paramref name="billedPeriod"/>.</param>
    /// <param name="newPrice">The new price of the whole period (zero for a cancellation or a removed option).</param>
    /// <param name="method">How to measure the fractions.</param>
    /// <returns>The credit and the charge; credit + charge is the price difference times the fraction, rounded once.</returns>
    /// <exception cref="CurrencyMismatchException">Thrown when the two amounts are in different currencies.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when <paramref name="changeDate"/> is not in <c>[start, end)</c> of the period.</exception>
    public static ProrationChange Change(BillingPeriod billedPeriod, Money billedAmount, LocalDate changeDate, Money newPrice, ProrationMethod method = ProrationMethod.ByDay)
    {
        if (method != ProrationMethod.ByDay)
        {
            return ChangeWithReference(billedPeriod, billedAmount, changeDate, billedPeriod, newPrice, method);
        }

        // The common case, kept lean: one validation, day numbers computed once, integer minor units.
        int startYear = billedPeriod.Start.Year, startMonth = billedPeriod.Start.Month, startDay = billedPeriod.Start.Day;
        int endYear = billedPeriod.End.Year, endMonth = billedPeriod.End.Month, endDay = billedPeriod.End.Day;
        int year = changeDate.Year, month = changeDate.Month, day = changeDate.Day;
        var key = CalendarMath.Key(year, month, day);
        if (billedPeriod.IsEmpty)
        {
            throw new ArgumentException("Give a period, not default(BillingPeriod).", nameof(billedPeriod));
        }

        if (key < CalendarMath.Key(startYear, startMonth, startDay) || key >= CalendarMath.Key(endYear, endMonth, endDay))
        {
            throw SchedulingException.ChangeOutside("change date " + BillingPeriod.Format(changeDate), billedPeriod);
        }

        var end = CalendarMath.EpochDay(endYear, endMonth, endDay);
        var fraction = new ProrationFraction(end - CalendarMath.EpochDay(year, month, day), end - CalendarMath.EpochDay(startYear, startMonth, startDay));
        return SamePeriodByDay(billedPeriod, billedAmount, newPrice, BillingPeriod.Trusted(changeDate, billedPeriod.End), fraction);
    }

    /// <summary>
    /// Prices a change on <paramref name="changeDate"/>: credit <c>−(unused days / days of the billed item) × billed amount</c>,
    /// charge <c>(days from the change to the end of <paramref name="newReference"/> / its days) × new price</c>.
    /// </summary>
    /// <param name="billedItem">The interval that was billed (a full period, or a leading partial period).</param>
    /// <param name="billedAmount">What was billed for it.</param>
    /// <param name="changeDate">The first day at the new price, within both <paramref name="billedItem"/> and <paramref name="newReference"/>.</param>
    /// <param name="newReference">The natural period the new price is for.</param>
    /// <param name="newPrice">The new price of <paramref name="newReference"/>.</param>
    /// <param name="method">How to measure the fractions.</param>
    /// <returns>The credit and the charge.</returns>
    /// <exception cref="ArgumentException">Thrown when a period is empty.</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when the two amounts are in different currencies.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when <paramref name="changeDate"/> is outside a period.</exception>
    public static ProrationChange ChangeWithReference(BillingPeriod billedItem, Money billedAmount, LocalDate changeDate, BillingPeriod newReference, Money newPrice, ProrationMethod method = ProrationMethod.ByDay)
    {
        EnsureChangeWithin(changeDate, billedItem);
        EnsureChangeWithin(changeDate, newReference);
        var creditPart = BillingPeriod.Trusted(changeDate, billedItem.End);
        var chargePart = BillingPeriod.Trusted(changeDate, newReference.End);
        return Price(billedItem, billedAmount, creditPart, Fraction(creditPart, billedItem, method), newReference, newPrice, chargePart, Fraction(chargePart, newReference, method), method);
    }

    /// <summary>
    /// Prices a change to another schedule on <paramref name="changeDate"/>, such as monthly to yearly: the new plan is
    /// charged from the change date to its next billing date, prorated against its own period (SCHEDULING.md).
    /// </summary>
    /// <param name="billedItem">The interval that was billed under the old plan.</param>
    /// <param name="billedAmount">What was billed for it.</param>
    /// <param name="changeDate">The first day of the new plan, within <paramref name="billedItem"/>.</param>
    /// <param name="newSchedule">The new plan's schedule, usually starting on <paramref name="changeDate"/> with the same billing day.</param>
    /// <param name="newPrice">The new plan's price for one full period.</param>
    /// <param name="method">How to measure the fractions.</param>
    /// <returns>The credit and the charge.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="newSchedule"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when the two amounts are in different currencies.</exception>
    /// <exception cref="SchedulingException">Thrown when <paramref name="changeDate"/> is outside <paramref name="billedItem"/> or not covered by <paramref name="newSchedule"/>.</exception>
    public static ProrationChange ChangePlan(BillingPeriod billedItem, Money billedAmount, LocalDate changeDate, BillingSchedule newSchedule, Money newPrice, ProrationMethod method = ProrationMethod.ByDay)
    {
        ArgumentNullException.ThrowIfNull(newSchedule);
        EnsureChangeWithin(changeDate, billedItem);
        var newPeriod = newSchedule.PeriodContaining(changeDate);
        var reference = newSchedule.ReferencePeriodOf(newPeriod);
        var creditPart = BillingPeriod.Trusted(changeDate, billedItem.End);
        var chargePart = BillingPeriod.Trusted(changeDate, newPeriod.End);
        var chargeFraction = newSchedule.IsBillable(newPeriod) ? Fraction(chargePart, reference, method) : ProrationFraction.Zero;
        return Price(billedItem, billedAmount, creditPart, Fraction(creditPart, billedItem, method), reference, newPrice, chargePart, chargeFraction, method);
    }

    /// <summary>
    /// Prices a change at an instant, by second (Stripe): <c>price × (period end − t) / (period end − period start)</c>, the
    /// period's ends being the starts of its dates in <paramref name="zone"/> (a daylight-saving day counts 23 or 25 hours).
    /// </summary>
    /// <param name="billedPeriod">The period that was billed, whole.</param>
    /// <param name="billedAmount">What was billed for it.</param>
    /// <param name="changeAt">The instant of the change, within the period.</param>
    /// <param name="zone">The customer's time zone.</param>
    /// <param name="newPrice">The new price of the whole period.</param>
    /// <returns>The credit and the charge, in whole seconds (the change instant's fraction of a second is dropped).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="zone"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when the two amounts are in different currencies.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when <paramref name="changeAt"/> is outside the period.</exception>
    public static ProrationChange ChangeBySecond(BillingPeriod billedPeriod, Money billedAmount, Instant changeAt, DateTimeZone zone, Money newPrice)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (billedPeriod.IsEmpty)
        {
            throw new ArgumentException("Give the billed period, not default(BillingPeriod).", nameof(billedPeriod));
        }

        var interval = BillingDay.IntervalOf(billedPeriod, zone);
        if (changeAt < interval.Start || changeAt >= interval.End)
        {
            throw SchedulingException.ChangeOutside("change at " + changeAt.ToString(), billedPeriod);
        }

        var total = Seconds(interval.End - interval.Start);
        var remaining = Seconds(interval.End - changeAt);
        var fraction = new ProrationFraction(remaining, total);
        var part = BillingPeriod.Trusted(BillingDay.Of(changeAt, zone), billedPeriod.End);
        return Price(billedPeriod, billedAmount, part, fraction, billedPeriod, newPrice, part, fraction, ProrationMethod.BySecond);
    }

    /// <summary>
    /// Splits the price of a whole period into pieces cut at <paramref name="cuts"/>, by day, so that the pieces sum exactly to
    /// the price (residues allocated with <see cref="Money.Allocate(ReadOnlySpan{decimal}, Span{Money})"/>, never lost).
    /// </summary>
    /// <param name="price">The price of the whole period, rounded to the minor unit.</param>
    /// <param name="period">The period.</param>
    /// <param name="cuts">The dates where a new piece starts, strictly increasing, strictly inside the period.</param>
    /// <param name="destination">Where to write the <c>cuts.Length + 1</c> pieces.</param>
    /// <returns>The number of pieces written.</returns>
    /// <exception cref="ArgumentException">Thrown when the period is empty, <paramref name="price"/> is not rounded, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when a cut is outside the period or out of order.</exception>
    public static int Split(Money price, BillingPeriod period, ReadOnlySpan<LocalDate> cuts, Span<ProratedAmount> destination)
    {
        if (period.IsEmpty)
        {
            throw new ArgumentException("Split a period, not default(BillingPeriod).", nameof(period));
        }

        if (!price.IsRoundedToMinorUnit)
        {
            throw new ArgumentException($"Round the price {price} to the minor unit before splitting it.", nameof(price));
        }

        var count = cuts.Length + 1;
        if (destination.Length < count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} pieces but {count} are needed.", nameof(destination));
        }

        var previous = period.Start;
        foreach (var cut in cuts)
        {
            if (cut <= previous || cut >= period.End)
            {
                throw SchedulingException.ChangeOutside("cut " + BillingPeriod.Format(cut) + " (cuts must be increasing and inside the period)", period);
            }

            previous = cut;
        }

        var ratios = count <= 64 ? stackalloc decimal[count] : new decimal[count];
        var parts = count <= 64 ? stackalloc Money[count] : new Money[count];
        var start = period.Start;
        for (var i = 0; i < count; i++)
        {
            var end = i < cuts.Length ? cuts[i] : period.End;
            ratios[i] = CalendarMath.DaysBetween(start, end);
            start = end;
        }

        if (price.IsZero)
        {
            parts.Fill(price);
        }
        else
        {
            price.Allocate(ratios, parts);
        }

        start = period.Start;
        var days = period.Days;
        for (var i = 0; i < count; i++)
        {
            var end = i < cuts.Length ? cuts[i] : period.End;
            var piece = BillingPeriod.Trusted(start, end);
            destination[i] = ProratedAmount.WithAmount(ProrationMethod.ByDay, piece, period, new ProrationFraction((long)ratios[i], days), price, 1, parts[i]);
            start = end;
        }

        return count;
    }

    /// <summary>Splits the price of a whole period into pieces cut at <paramref name="cuts"/>; see <see cref="Split(Money, BillingPeriod, ReadOnlySpan{LocalDate}, Span{ProratedAmount})"/>.</summary>
    /// <param name="price">The price of the whole period, rounded to the minor unit.</param>
    /// <param name="period">The period.</param>
    /// <param name="cuts">The dates where a new piece starts, strictly increasing, strictly inside the period.</param>
    /// <returns>The pieces, in order; they sum exactly to <paramref name="price"/>.</returns>
    /// <exception cref="ArgumentException">Thrown when the period is empty or <paramref name="price"/> is not rounded.</exception>
    /// <exception cref="SchedulingException">Thrown with <see cref="SchedulingException.ChangeOutsidePeriodCode"/> when a cut is outside the period or out of order.</exception>
    public static ProratedAmount[] Split(Money price, BillingPeriod period, params ReadOnlySpan<LocalDate> cuts)
    {
        var pieces = new ProratedAmount[cuts.Length + 1];
        Split(price, period, cuts, pieces);
        return pieces;
    }

    private static ProrationChange Price(
        BillingPeriod billedItem,
        Money billedAmount,
        BillingPeriod creditPart,
        ProrationFraction creditFraction,
        BillingPeriod reference,
        Money newPrice,
        BillingPeriod chargePart,
        ProrationFraction chargeFraction,
        ProrationMethod method)
    {
        if (billedAmount.Currency != newPrice.Currency)
        {
            throw new CurrencyMismatchException(billedAmount.Currency, newPrice.Currency);
        }

        var credit = ProratedAmount.Create(method, creditPart, billedItem, creditFraction, billedAmount, -1);
        if (billedItem == reference && creditPart == chargePart)
        {
            // Same part of the same period: round the difference once and let the charge carry the residue, so that
            // credit + charge is exactly (new − billed) × fraction rounded half-up, to the minor unit.
            Money net;
            if (ProrationMath.TryGetUnits(billedAmount, out var billedUnits) && ProrationMath.TryGetUnits(newPrice, out var newUnits))
            {
                net = ProrationMath.ToMoney(ProrationMath.Share(newUnits - billedUnits, chargeFraction.Numerator, chargeFraction.Denominator), newPrice.Currency);
            }
            else
            {
                net = (credit.Exact + chargeFraction.Apply(newPrice)).Round(MidpointRounding.AwayFromZero);
            }

            return new ProrationChange(credit, ProratedAmount.WithAmount(method, chargePart, reference, chargeFraction, newPrice, 1, net - credit.Amount), net);
        }

        var charge = ProratedAmount.Create(method, chargePart, reference, chargeFraction, newPrice, 1);
        return new ProrationChange(credit, charge, credit.Amount + charge.Amount);
    }

    /// <summary>The common case, kept lean: one period, by day, amounts in whole minor units.</summary>
    private static ProrationChange SamePeriodByDay(BillingPeriod period, Money billedAmount, Money newPrice, BillingPeriod part, ProrationFraction fraction)
    {
        if (billedAmount.Currency != newPrice.Currency)
        {
            throw new CurrencyMismatchException(billedAmount.Currency, newPrice.Currency);
        }

        if (!ProrationMath.TryGetUnits(billedAmount, out var billedUnits) || !ProrationMath.TryGetUnits(newPrice, out var newUnits))
        {
            return Price(period, billedAmount, part, fraction, period, newPrice, part, fraction, ProrationMethod.ByDay);
        }

        var creditUnits = -ProrationMath.Share(billedUnits, fraction.Numerator, fraction.Denominator);
        var netUnits = ProrationMath.Share(newUnits - billedUnits, fraction.Numerator, fraction.Denominator);
        var currency = newPrice.Currency;
        return new ProrationChange(
            ProratedAmount.WithAmount(ProrationMethod.ByDay, part, period, fraction, billedAmount, -1, ProrationMath.ToMoney(creditUnits, currency)),
            ProratedAmount.WithAmount(ProrationMethod.ByDay, part, period, fraction, newPrice, 1, ProrationMath.ToMoney(netUnits - creditUnits, currency)),
            ProrationMath.ToMoney(netUnits, currency));
    }

    private static long Seconds(Duration duration) => duration.BclCompatibleTicks / TimeSpan.TicksPerSecond;

    private static void EnsureChangeWithin(LocalDate changeDate, BillingPeriod period)
    {
        if (period.IsEmpty)
        {
            throw new ArgumentException("Give a period, not default(BillingPeriod).", nameof(period));
        }

        var key = CalendarMath.Key(changeDate);
        if (key < CalendarMath.Key(period.Start) || key >= CalendarMath.Key(period.End))
        {
            throw SchedulingException.ChangeOutside("change date " + BillingPeriod.Format(changeDate), period);
        }
    }

    private static void EnsureMethod(ProrationMethod method)
    {
        if (method is < ProrationMethod.ByDay or > ProrationMethod.None)
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Use ByDay, BySecond, ThirtyDayMonth or None.");
        }
    }
}
