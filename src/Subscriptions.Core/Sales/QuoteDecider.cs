using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Lifecycle;
using Subscriptions.Scheduling;
using Subscriptions.Taxes;

namespace Subscriptions.Sales;

/// <summary>
/// Decides the events of a quote command from the current state, or refuses it with a typed error.
/// Pure: the same state, command and context always give the same events, and a refused command changes nothing.
/// </summary>
/// <remarks>
/// <para>
/// Staff draft, send, revise, confirm, cancel and revoke links; the customer (through a link) adds options and accepts. An
/// expired (past <see cref="Quote.ValidUntil"/> in the customer's time zone), confirmed or cancelled quote cannot be
/// changed, accepted or confirmed.
/// </para>
/// <para>
/// Totals: every line's first-invoice amount (one period, or once) is taxed with its product's taxes mapped by the
/// quote's fiscal position, through <see cref="TaxConfiguration.ComputeDocument(IReadOnlyList{TaxLine}, Currency)"/>, when
/// the context has a tax configuration; without one the tax is zero and each line's untaxed amount is rounded half-up to
/// the minor unit.
/// </para>
/// </remarks>
public static class QuoteDecider
{
    /// <summary>Decides the events of a command.</summary>
    /// <param name="state">The current state (<see cref="Quote.Empty"/> before the draft).</param>
    /// <param name="id">The quote's id.</param>
    /// <param name="command">The command.</param>
    /// <param name="context">Who runs it, when, and the taxes.</param>
    /// <returns>The new events, in order (empty when the command changes nothing).</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the id is the default, or a command has a malformed argument.</exception>
    /// <exception cref="QuoteRuleException">Thrown when the command breaks a sales rule.</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when a price is in another currency than the quote.</exception>
    /// <exception cref="UnknownTaxException">Thrown when a line's tax is not in the tax configuration.</exception>
    public static IReadOnlyList<QuoteEvent> Decide(Quote state, QuoteId id, QuoteCommand command, QuoteContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (id.Value is null)
        {
            throw new ArgumentException("Give a quote id.", nameof(id));
        }

        if (command is DraftQuote draft)
        {
            return [Draft(state, id, draft, context)];
        }

        if (state.Status == QuoteStatus.None)
        {
            throw new QuoteRuleException(QuoteRuleException.NotFoundCode, $"Quote {id} does not exist.");
        }

        var next = state.Version;
        QuoteEvent Stamp(QuoteEvent e) => e with { QuoteId = id, Version = ++next, RecordedAt = context.Now, By = context.By };

        switch (command)
        {
            case SendQuote:
                StaffOnly(context, "send");
                EnsureOpen(state, context, checkExpiry: true);
                return state.Status == QuoteStatus.Sent ? [] : [Stamp(new QuoteSent())];
            case AddQuoteOption add:
                return [Stamp(AddOption(state, add, context))];
            case ReviseQuote revise:
                return [Stamp(Revise(state, revise, context))];
            case AcceptQuote accept:
                return Accept(state, id, accept, context, Stamp);
            case ConfirmQuote confirm:
                StaffOnly(context, "confirm");
                if (confirm.SubscriptionId is { Value: null })
                {
                    throw new ArgumentException("Give a subscription id, or null for the one derived from the quote.", nameof(command));
                }

                EnsureOpen(state, context, checkExpiry: true);
                return [Stamp(new QuoteConfirmed { SubscriptionId = confirm.SubscriptionId ?? id.SubscriptionId })];
            case CancelQuote cancel:
                StaffOnly(context, "cancel");
                ArgumentException.ThrowIfNullOrWhiteSpace(cancel.Reason, nameof(command));
                EnsureOpen(state, context, checkExpiry: false);
                return [Stamp(new QuoteCancelled { Reason = cancel.Reason })];
            case RevokeQuoteLinks:
                StaffOnly(context, "revoke links of");
                return [Stamp(new QuoteLinksRevoked { TokenVersion = state.PortalTokenVersion + 1 })];
            default:
                throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
        }
    }

    private static QuoteDrafted Draft(Quote state, QuoteId id, DraftQuote draft, QuoteContext context)
    {
        if (state.Status != QuoteStatus.None)
        {
            throw new QuoteRuleException(QuoteRuleException.AlreadyExistsCode, $"Quote {id} was already drafted.");
        }

        StaffOnly(context, "draft");
        ArgumentNullException.ThrowIfNull(draft.Terms, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Schedule, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Lines, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Options, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Contact, nameof(draft));
        if (draft.CustomerId.Value is null)
        {
            throw new ArgumentException("Give a customer.", nameof(draft));
        }

        if (draft.Currency.IsNone)
        {
            throw new ArgumentException("Give the quote's currency.", nameof(draft));
        }

        if ((draft.Confirmation & ~OnlineConfirmation.SignatureAndPayment) != 0)
        {
            throw new ArgumentException("Use OnlineConfirmation None, Signature, Payment or SignatureAndPayment.", nameof(draft));
        }

        if (draft.TimeZoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(draft.TimeZoneId) is not { } zone)
        {
            throw new QuoteRuleException(QuoteRuleException.UnknownTimeZoneCode, $"'{draft.TimeZoneId}' is not an IANA time zone id such as Europe/Paris.");
        }

        var today = BillingDay.Of(context.Now, zone);
        if (draft.ValidUntil is { } until && until < today)
        {
            throw new QuoteRuleException(QuoteRuleException.InvalidValidityCode, $"The quote would be valid until {until}, before today ({today}).");
        }

        ValidateLines(draft.Lines, draft.Currency, nameof(draft));

        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in draft.Options)
        {
            ArgumentNullException.ThrowIfNull(option, nameof(draft));
            ArgumentException.ThrowIfNullOrWhiteSpace(option.ProductId, nameof(draft));
            if (option.Kind is not (SubscriptionLineKind.Option or SubscriptionLineKind.OneTime or SubscriptionLineKind.SetupFee))
            {
                throw new ArgumentException($"Option '{option.ProductId}': an option is of kind Option, OneTime or SetupFee.", nameof(draft));
            }

            new SubscriptionLine(option.ProductId, option.ProductId, option.Description, option.Kind, 1m, option.UnitPrice, option.DiscountPercent).Validate(draft.Currency, nameof(draft));
            if (!offered.Add(option.ProductId))
            {
                throw new QuoteRuleException(QuoteRuleException.DuplicateLineCode, $"The option '{option.ProductId}' is offered twice.");
            }
        }

        _ = draft.Schedule.ToSchedule(draft.Terms.Recurrence);
        var (lines, totals) = Compute(draft.Lines, draft.Currency, context.Taxes, draft.FiscalPositionId);
        return new QuoteDrafted
        {
            QuoteId = id,
            Version = 1,
            RecordedAt = context.Now,
            By = context.By,
            CustomerId = draft.CustomerId,
            Terms = draft.Terms,
            Confirmation = draft.Confirmation,
            Schedule = draft.Schedule,
            Currency = draft.Currency,
            Lines = lines,
            Options = [.. draft.Options],
            Totals = totals,
            Contact = draft.Contact,
            TimeZoneId = draft.TimeZoneId,
            ValidUntil = draft.ValidUntil,
            Salesperson = draft.Salesperson,
            Notes = draft.Notes,
            PricelistId = draft.PricelistId,
            FiscalPositionId = draft.FiscalPositionId,
            PaymentMethod = draft.PaymentMethod,
        };
    }

    private static QuoteRevised Revise(Quote state, ReviseQuote revise, QuoteContext context)
    {
        StaffOnly(context, "revise");
        ArgumentNullException.ThrowIfNull(revise.Lines, nameof(revise));
        EnsureOpen(state, context, checkExpiry: false);
        var today = BillingDay.Of(context.Now, state.TimeZone);
        var validUntil = revise.ValidUntil ?? state.ValidUntil;
        if (validUntil is { } until && until < today)
        {
            throw new QuoteRuleException(QuoteRuleException.InvalidValidityCode, $"The quote would be valid until {until}, before today ({today}); give a new validity.");
        }

        ValidateLines(revise.Lines, state.Currency, nameof(revise));
        var (lines, totals) = Compute(revise.Lines, state.Currency, context.Taxes, state.FiscalPositionId);
        return new QuoteRevised { Lines = lines, Totals = totals, ValidUntil = validUntil, Notes = revise.Notes ?? state.Notes };
    }

    private static QuoteOptionAdded AddOption(Quote state, AddQuoteOption add, QuoteContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(add.ProductId, nameof(add));
        EnsureOpen(state, context, checkExpiry: true);
        var option = state.Options.FirstOrDefault(o => o.ProductId == add.ProductId)
            ?? throw new QuoteRuleException(QuoteRuleException.UnknownOptionCode, $"The quote does not offer '{add.ProductId}' as an option.");
        if (add.Quantity <= 0m)
        {
            throw new QuoteRuleException(QuoteRuleException.InvalidQuantityCode, $"An option needs a quantity above zero, not {add.Quantity}.");
        }

        if (state.Lines.Any(l => l.ProductId == add.ProductId))
        {
            throw new QuoteRuleException(QuoteRuleException.OptionAlreadyAddedCode, $"The option '{add.ProductId}' is already on the quote.");
        }

        var lineId = add.ProductId;
        for (var n = 2; state.Lines.Any(l => l.LineId == lineId); n++)
        {
            lineId = $"{add.ProductId}-{n}";
        }

        var line = new QuoteLine(lineId, option.ProductId, option.Description, option.Kind, add.Quantity, option.UnitPrice, option.DiscountPercent) { TaxIds = option.TaxIds };
        var (lines, totals) = Compute([.. state.Lines, line], state.Currency, context.Taxes, state.FiscalPositionId);
        return new QuoteOptionAdded { Line = lines[^1], Lines = lines, Totals = totals };
    }

    private static List<QuoteEvent> Accept(Quote state, QuoteId id, AcceptQuote accept, QuoteContext context, Func<QuoteEvent, QuoteEvent> stamp)
    {
        EnsureOpen(state, context, checkExpiry: true);
        var signer = string.IsNullOrWhiteSpace(accept.SignerName) ? null : accept.SignerName.Trim();
        if (signer is null && accept.Payment is null)
        {
            throw new QuoteRuleException(QuoteRuleException.NothingToAcceptCode, "An acceptance needs a signer name, a payment, or both.");
        }

        if (state.Confirmation == OnlineConfirmation.None)
        {
            throw new QuoteRuleException(QuoteRuleException.CustomerAccessDeniedCode, "This quote is confirmed by staff, not online.");
        }

        var hash = state.ContentHash;
        if (accept.ExpectedContentHash is { } expected && !string.Equals(expected, hash, StringComparison.Ordinal))
        {
            throw new QuoteRuleException(QuoteRuleException.QuoteChangedCode, "The quote changed since it was viewed: view it again before accepting.");
        }

        if (accept.Payment is { } payment)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(payment.Reference, nameof(accept));
            if (payment.Amount.Currency != state.Currency || payment.Amount < state.Totals.Total)
            {
                throw new QuoteRuleException(QuoteRuleException.PaymentAmountMismatchCode, $"The payment of {payment.Amount} does not cover the first invoice of {state.Totals.Total}.");
            }
        }

        var needsSignature = (state.Confirmation & OnlineConfirmation.Signature) != 0;
        var needsPayment = (state.Confirmation & OnlineConfirmation.Payment) != 0;
        var signed = signer is not null || state.HasValidSignature;
        if (needsSignature && !signed)
        {
            throw new QuoteRuleException(
                QuoteRuleException.SignatureRequiredCode,
                state.Signature is null ? "The plan asks for a signature: give the signer's name." : "The quote changed after it was signed: sign the current version.");
        }

        var paid = accept.Payment is not null || state.Payment is not null;
        if (needsPayment && !paid && !(needsSignature && signer is not null))
        {
            throw new QuoteRuleException(QuoteRuleException.PaymentRequiredCode, $"The plan asks for a payment of {state.Totals.Total}.");
        }

        var events = new List<QuoteEvent>(3);
        if (signer is not null)
        {
            events.Add(stamp(new QuoteSigned { Signature = new QuoteSignature(signer, context.Now, hash, state.ContentVersion) }));
        }

        if (accept.Payment is not null)
        {
            events.Add(stamp(new QuotePaid { Payment = accept.Payment }));
        }

        if (!needsPayment || paid)
        {
            events.Add(stamp(new QuoteConfirmed { SubscriptionId = id.SubscriptionId }));
        }

        return events;
    }

    /// <summary>Computes every line's first-invoice amounts and the totals.</summary>
    internal static (QuoteLine[] Lines, QuoteTotals Totals) Compute(IReadOnlyList<QuoteLine> lines, Currency currency, TaxConfiguration? taxes, string? fiscalPositionId)
    {
        var result = new QuoteLine[lines.Count];
        if (taxes is null)
        {
            var untaxed = Money.Zero(currency);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var amount = (line.UnitPrice * line.Quantity * (1m - (line.DiscountPercent / 100m))).Round(MidpointRounding.AwayFromZero);
                result[i] = line with { Untaxed = amount, Tax = Money.Zero(currency), Total = amount };
                untaxed += amount;
            }

            return (result, new QuoteTotals(untaxed, Money.Zero(currency), untaxed));
        }

        FiscalPosition? position = null;
        if (fiscalPositionId is not null)
        {
            position = taxes.FiscalPositions.FirstOrDefault(p => p.Id == fiscalPositionId)
                ?? throw new QuoteRuleException(QuoteRuleException.UnknownFiscalPositionCode, $"The tax configuration has no fiscal position '{fiscalPositionId}'.");
        }

        var taxLines = new TaxLine[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            IReadOnlyList<Tax> lineTaxes = [.. line.TaxIds.Select(taxes.GetTax)];
            if (position is not null)
            {
                lineTaxes = position.MapTaxes(lineTaxes);
            }

            taxLines[i] = new TaxLine(line.UnitPrice.Amount, line.Quantity, taxes.CreateSet(lineTaxes), line.DiscountPercent);
        }

        var document = taxes.ComputeDocument(taxLines, currency);
        for (var i = 0; i < lines.Count; i++)
        {
            var taxed = document.Lines[i];
            result[i] = lines[i] with { Untaxed = taxed.TotalExcluded, Tax = taxed.TaxAmount, Total = taxed.TotalIncluded };
        }

        return (result, new QuoteTotals(document.Untaxed, document.TaxAmount, document.Total));
    }

    private static void ValidateLines(IReadOnlyList<QuoteLine> lines, Currency currency, string paramName)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, paramName);
            ValidateLine(line, currency);
            if (!ids.Add(line.LineId))
            {
                throw new QuoteRuleException(QuoteRuleException.DuplicateLineCode, $"Two lines have the id '{line.LineId}'.");
            }
        }

        if (!lines.Any(l => l.IsRecurring))
        {
            throw new QuoteRuleException(QuoteRuleException.NoRecurringLineCode, "A quote needs at least one recurring line to become a subscription.");
        }
    }

    private static void ValidateLine(QuoteLine line, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(line.TaxIds, nameof(line));
        if (line.Quantity <= 0m)
        {
            throw new QuoteRuleException(QuoteRuleException.InvalidQuantityCode, $"Line '{line.LineId}' needs a quantity above zero, not {line.Quantity}.");
        }

        line.ToSubscriptionLine().Validate(currency, nameof(line));
    }

    private static void StaffOnly(QuoteContext context, string what)
    {
        if (context.By.Kind == ActorKind.Customer)
        {
            throw new QuoteRuleException(QuoteRuleException.CustomerAccessDeniedCode, $"Only staff may {what} a quote.");
        }
    }

    private static void EnsureOpen(Quote state, QuoteContext context, bool checkExpiry)
    {
        switch (state.Status)
        {
            case QuoteStatus.Confirmed:
                throw new QuoteRuleException(QuoteRuleException.AlreadyConfirmedCode, $"Quote {state.Id} was already confirmed as subscription {state.SubscriptionId}.");
            case QuoteStatus.Cancelled:
                throw new QuoteRuleException(QuoteRuleException.CancelledCode, $"Quote {state.Id} was cancelled: {state.CancelReason}");
        }

        if (checkExpiry && state.IsExpiredAt(context.Now))
        {
            throw new QuoteRuleException(QuoteRuleException.ExpiredCode, $"Quote {state.Id} was valid until {state.ValidUntil}; make a new quote.");
        }
    }
}
