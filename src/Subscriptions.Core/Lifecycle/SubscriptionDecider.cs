using NodaTime;
using Subscriptions.Catalog;
using Subscriptions.Scheduling;

namespace Subscriptions.Lifecycle;

/// <summary>
/// Decides the events of a subscription command from the current state, or refuses it with a typed error.
/// Pure: the same state, command and context always give the same events, and a refused command changes nothing.
/// </summary>
/// <remarks>
/// <para>
/// Customers (acting through the portal) are held to the plan's access level: <see cref="CustomerAccessLevel.Restricted"/>
/// allows no line or plan change, upgrade-only allows changes that do not lower the MRR, upgrade-and-downgrade allows
/// all; they may close only when the plan allows it, with a configured reason. Contact details and the payment method
/// are always theirs to change. Staff may do everything; pausing, resuming, renewing, reopening and price overrides are
/// staff-only.
/// </para>
/// <para>
/// Mid-period changes of a contract billed in advance credit the unused time of what was billed for the line (the
/// whole current period, or the part billed by the last change) and charge the rest of the period at the new amount,
/// per SCHEDULING.md; credit and charge are rounded half-up to the minor unit. A contract billed in arrears gets no
/// proration: billing splits the period at the change. A change dated after today is scheduled, not lost.
/// </para>
/// </remarks>
public static class SubscriptionDecider
{
    /// <summary>Decides the events of a command.</summary>
    /// <param name="state">The current state (<see cref="Subscription.Empty"/> before the start).</param>
    /// <param name="id">The subscription's id.</param>
    /// <param name="command">The command.</param>
    /// <param name="context">Who runs it, when, and the house settings.</param>
    /// <returns>The new events, in order (empty when the command changes nothing).</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="SubscriptionRuleException">Thrown when the command breaks a lifecycle rule.</exception>
    /// <exception cref="CurrencyMismatchException">Thrown when a price is in another currency than the contract.</exception>
    public static IReadOnlyList<SubscriptionEvent> Decide(Subscription state, SubscriptionId id, SubscriptionCommand command, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (id.Value is null)
        {
            throw new ArgumentException("Give a subscription id.", nameof(id));
        }

        if (command is StartSubscription start)
        {
            return [Start(state, id, start, context)];
        }

        if (state.Status == SubscriptionStatus.None)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.NotFoundCode, $"Subscription {id} does not exist.");
        }

        var today = BillingDay.Of(context.Now, state.TimeZone);
        var date = command.EffectiveDate ?? today;
        if (date < today && context.By.Kind != ActorKind.System)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.ChangeInPastCode, $"The change is dated {date}, before today ({today}); date it today or later.");
        }

        var decision = new Decision(state, id, context, date);
        if (command is SubscriptionChange change && date > today)
        {
            // Check the change against today's state now, so that a scheduled change cannot be refused later for a reason known today.
            _ = Decide(decision, change);
            return [decision.Scheduled(change with { EffectiveDate = date })];
        }

        return Decide(decision, command);
    }

    private static IReadOnlyList<SubscriptionEvent> Decide(Decision d, SubscriptionCommand command) => command switch
    {
        ChangeQuantity c => [d.ChangeQuantity(c)],
        AddOption c => [d.AddOption(c)],
        RemoveOption c => [d.RemoveOption(c)],
        OverridePrice c => [d.OverridePrice(c)],
        ChangePlan c => [d.ChangePlan(c)],
        PauseSubscription c => [d.Pause(c)],
        CloseSubscription c => [d.Close(c)],
        ResumeSubscription => [d.Resume()],
        RenewSubscription c => [d.Renew(c)],
        ReopenSubscription => [d.Reopen()],
        ChangeContactDetails c => [d.ChangeContact(c)],
        ChangePaymentMethod c => [d.ChangePaymentMethod(c)],
        CancelScheduledChange c => [d.CancelScheduled(c)],
        RevokePortalLinks => [d.RevokePortalLinks()],
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
    };

    private static SubscriptionStarted Start(Subscription state, SubscriptionId id, StartSubscription start, CommandContext context)
    {
        if (state.Status != SubscriptionStatus.None)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.AlreadyStartedCode, $"Subscription {id} was already started.");
        }

        if (context.By.Kind == ActorKind.Customer)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.CustomerAccessDeniedCode, "A customer starts a subscription by accepting a quote.");
        }

        ArgumentNullException.ThrowIfNull(start.Terms);
        ArgumentNullException.ThrowIfNull(start.Schedule);
        ArgumentNullException.ThrowIfNull(start.Lines);
        ArgumentNullException.ThrowIfNull(start.Contact);
        if (start.CustomerId.Value is null)
        {
            throw new ArgumentException("Give a customer.", nameof(start));
        }

        if (start.Currency.IsNone)
        {
            throw new ArgumentException("Give the contract's currency.", nameof(start));
        }

        if (start.TimeZoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(start.TimeZoneId) is null)
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.UnknownTimeZoneCode, $"'{start.TimeZoneId}' is not an IANA time zone id such as Europe/Paris.");
        }

        ValidateLines(start.Lines, start.Currency);
        _ = start.Schedule.ToSchedule(start.Terms.Recurrence);
        return new SubscriptionStarted
        {
            SubscriptionId = id,
            Version = 1,
            EffectiveDate = start.Schedule.Start,
            RecordedAt = context.Now,
            By = context.By,
            MrrBefore = Money.Zero(start.Currency),
            MrrAfter = Subscription.MrrOf(start.Lines, start.Terms.Recurrence, start.Currency),
            CustomerId = start.CustomerId,
            QuoteId = start.QuoteId,
            Terms = start.Terms,
            Schedule = start.Schedule,
            Currency = start.Currency,
            Lines = [.. start.Lines],
            Contact = start.Contact,
            PaymentMethod = start.PaymentMethod,
            TimeZoneId = start.TimeZoneId,
            Salesperson = start.Salesperson,
            PricelistId = start.PricelistId,
            FiscalPositionId = start.FiscalPositionId,
        };
    }

    private static void ValidateLines(IReadOnlyList<SubscriptionLine> lines, Currency currency)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            line.Validate(currency, nameof(lines));
            if (!ids.Add(line.LineId))
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.DuplicateLineCode, $"Two lines have the id '{line.LineId}'.");
            }
        }

        if (!lines.Any(l => l.IsRecurring))
        {
            throw new SubscriptionRuleException(SubscriptionRuleException.NoRecurringLineCode, "A subscription needs at least one recurring line.");
        }
    }

    /// <summary>One decision: the state, who, when, and the helpers every command shares.</summary>
    private sealed class Decision(Subscription state, SubscriptionId id, CommandContext context, LocalDate date)
    {
        private readonly Subscription _state = state;
        private readonly BillingSchedule _schedule = state.Schedule!; // Started subscriptions always have terms and a schedule.
        private readonly Recurrence _recurrence = state.Terms!.Recurrence; // Started subscriptions always have terms.
        private readonly SubscriptionTerms _terms = state.Terms!; // Started subscriptions always have terms.

        private bool ByCustomer => context.By.Kind == ActorKind.Customer;

        public SubscriptionLinesChanged ChangeQuantity(ChangeQuantity c)
        {
            var line = RecurringLine(c.LineId);
            if (c.Quantity <= 0m)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.InvalidQuantityCode, $"A quantity must be above zero, not {c.Quantity}; remove an option to stop it.");
            }

            return LinesChanged(LineChangeKind.Quantity, line.LineId, Replace(line, line with { Quantity = c.Quantity }), line, line with { Quantity = c.Quantity });
        }

        public SubscriptionLinesChanged AddOption(AddOption c)
        {
            ArgumentNullException.ThrowIfNull(c.Line);
            EnsureOpenForChanges();
            if (c.Line.Kind != SubscriptionLineKind.Option)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.WrongLineKindCode, $"Line '{c.Line.LineId}' must be an option to be added.");
            }

            c.Line.Validate(_state.Currency, nameof(c));
            if (_state.Lines.Any(l => l.LineId == c.Line.LineId))
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.DuplicateLineCode, $"A line '{c.Line.LineId}' already exists.");
            }

            return LinesChanged(LineChangeKind.OptionAdded, c.Line.LineId, [.. _state.Lines, c.Line], null, c.Line);
        }

        public SubscriptionLinesChanged RemoveOption(RemoveOption c)
        {
            var line = RecurringLine(c.LineId);
            if (line.Kind != SubscriptionLineKind.Option)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.WrongLineKindCode, $"Line '{c.LineId}' is part of the plan, not an option: change the plan or the quantity instead.");
            }

            return LinesChanged(LineChangeKind.OptionRemoved, line.LineId, [.. _state.Lines.Where(l => l.LineId != line.LineId)], line, null);
        }

        public SubscriptionLinesChanged OverridePrice(OverridePrice c)
        {
            StaffOnly("override a price");
            var line = RecurringLine(c.LineId);
            var changed = line with { UnitPrice = c.UnitPrice, DiscountPercent = c.DiscountPercent };
            changed.Validate(_state.Currency, nameof(c));
            return LinesChanged(LineChangeKind.PriceOverride, line.LineId, Replace(line, changed), line, changed);
        }

        public SubscriptionPlanChanged ChangePlan(ChangePlan c)
        {
            ArgumentNullException.ThrowIfNull(c.Terms);
            ArgumentNullException.ThrowIfNull(c.Lines);
            EnsureOpenForChanges();
            ValidateLines(c.Lines, _state.Currency);
            if (c.Lines.Any(l => !l.IsRecurring))
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.WrongLineKindCode, "A plan change carries recurring lines only.");
            }

            var before = _state.Mrr;
            var after = Subscription.MrrOf(c.Lines, c.Terms.Recurrence, _state.Currency);
            CheckCustomerMayChange(before, after);

            // A new recurrence restarts the schedule on the change date with the same billing day (SCHEDULING.md).
            var scheduleTerms = c.Terms.Recurrence == _recurrence
                ? _state.ScheduleTerms!
                : _state.ScheduleTerms! with { Start = date, BillingDay = _schedule.BillingDayOfMonth is > 0 and var day ? day : date.Day };
            var newSchedule = scheduleTerms.ToSchedule(c.Terms.Recurrence);
            var prorations = new List<ProrationItem>();
            if (_schedule.Timing == BillingTiming.InAdvance)
            {
                foreach (var old in _state.Lines.Where(l => l.IsRecurring))
                {
                    var billed = BilledFor(old);
                    var change = Proration.Change(billed.Part, billed.Amount, date, Money.Zero(_state.Currency), context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Credit, old.LineId, old.Description, change.Credit));
                }

                var newPeriod = newSchedule.PeriodContaining(date);
                var reference = newSchedule.ReferencePeriodOf(newPeriod);
                foreach (var line in c.Lines)
                {
                    var charge = Proration.Prorate(line.RoundedPeriodAmount, new BillingPeriod(date, newPeriod.End), reference, context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Charge, line.LineId, line.Description, charge));
                }
            }

            return Stamp(new SubscriptionPlanChanged
            {
                Terms = c.Terms,
                Schedule = scheduleTerms,
                Lines = [.. c.Lines],
                Prorations = prorations,
                ProrationBehavior = context.ProrationBehavior,
                MrrAfter = after,
            });
        }

        public SubscriptionPaused Pause(PauseSubscription c)
        {
            StaffOnly("pause a subscription");
            EnsureNotClosed();
            if (_state.Status == SubscriptionStatus.Paused)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.InvalidStateCode, "The subscription is already paused.");
            }

            if (c.ResumeOn is { } resume && resume <= date)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.InvalidStateCode, $"A pause from {date} must resume after it, not on {resume}.");
            }

            return Stamp(new SubscriptionPaused { ResumeOn = c.ResumeOn } with { MrrAfter = Money.Zero(_state.Currency) });
        }

        public SubscriptionResumed Resume()
        {
            StaffOnly("resume a subscription");
            if (_state.Status != SubscriptionStatus.Paused)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.InvalidStateCode, "Only a paused subscription can resume.");
            }

            return Stamp(new SubscriptionResumed() with { MrrAfter = LinesMrr(_state.Lines) });
        }

        public SubscriptionRenewed Renew(RenewSubscription c)
        {
            StaffOnly("renew a subscription");
            EnsureNotClosed();
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c.Periods);
            if (_state.ScheduleTerms!.TermPeriods is not { } periods)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.NotFixedTermCode, "An open-ended subscription has no term to renew.");
            }

            return Stamp(new SubscriptionRenewed { Schedule = _state.ScheduleTerms with { TermPeriods = periods + c.Periods } });
        }

        public SubscriptionEvent Close(CloseSubscription c)
        {
            EnsureNotClosed();
            ArgumentException.ThrowIfNullOrWhiteSpace(c.Reason);
            var closedBy = context.By.Kind == ActorKind.System && _state.CloseScheduledOn is not null && _state.ClosedBy is { } requestedBy
                ? requestedBy
                : context.By.Kind switch
            {
                ActorKind.Customer => Lifecycle.ClosedBy.Customer,
                ActorKind.Staff => Lifecycle.ClosedBy.Staff,
                _ => c.Reason == EngineCloseReasons.EndOfTerm ? Lifecycle.ClosedBy.EndOfTerm : Lifecycle.ClosedBy.PaymentFailure,
            };
            if (ByCustomer)
            {
                if (!_terms.CustomerMayClose)
                {
                    throw new SubscriptionRuleException(SubscriptionRuleException.CustomerMayNotCloseCode, $"Plan '{_terms.PlanName}' does not let customers close their contract; contact us instead.");
                }

                if (!context.CloseReasons.Contains(c.Reason, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SubscriptionRuleException(SubscriptionRuleException.UnknownCloseReasonCode, $"'{c.Reason}' is not a close reason; choose one of: {string.Join(", ", context.CloseReasons)}.");
                }
            }

            if (c.AtPeriodEnd && _state.Status == SubscriptionStatus.InProgress)
            {
                var end = _schedule.PeriodContaining(date).End;
                return Stamp(new SubscriptionCloseScheduled { CloseOn = end, Reason = c.Reason, ClosedBy = closedBy });
            }

            // Carrying out a close scheduled for a period's end: that period was never billed, so nothing is credited.
            var prorations = new List<ProrationItem>();
            // Closing at or after the end of a fixed term: nothing was billed beyond it.
            if (_schedule.Timing == BillingTiming.InAdvance && _state.Status == SubscriptionStatus.InProgress && _state.CloseScheduledOn != date && _schedule.TryGetPeriodContaining(date, out _))
            {
                foreach (var line in _state.Lines.Where(l => l.IsRecurring))
                {
                    var billed = BilledFor(line);
                    var change = Proration.Change(billed.Part, billed.Amount, date, Money.Zero(_state.Currency), context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Credit, line.LineId, line.Description, change.Credit));
                }
            }

            return Stamp(new SubscriptionClosed { Reason = c.Reason, ClosedBy = closedBy, Prorations = prorations, ProrationBehavior = context.ProrationBehavior } with { MrrAfter = Money.Zero(_state.Currency) });
        }

        public SubscriptionReopened Reopen()
        {
            StaffOnly("reopen a subscription");
            if (_state.Status != SubscriptionStatus.Closed)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.InvalidStateCode, "Only a closed subscription can be reopened.");
            }

            var prorations = new List<ProrationItem>();
            if (_schedule.Timing == BillingTiming.InAdvance && _schedule.TryGetPeriodContaining(date, out var period))
            {
                var reference = _schedule.ReferencePeriodOf(period);
                foreach (var line in _state.Lines.Where(l => l.IsRecurring))
                {
                    var charge = Proration.Prorate(line.RoundedPeriodAmount, new BillingPeriod(date, period.End), reference, context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Charge, line.LineId, line.Description, charge));
                }
            }

            return Stamp(new SubscriptionReopened { Prorations = prorations } with { MrrAfter = LinesMrr(_state.Lines) });
        }

        public ContactDetailsChanged ChangeContact(ChangeContactDetails c)
        {
            ArgumentNullException.ThrowIfNull(c.Contact);
            EnsureNotClosed();
            return Stamp(new ContactDetailsChanged { Contact = c.Contact });
        }

        public PaymentMethodChanged ChangePaymentMethod(ChangePaymentMethod c)
        {
            EnsureNotClosed();
            return Stamp(new PaymentMethodChanged { PaymentMethod = c.PaymentMethod });
        }

        public PortalLinksRevoked RevokePortalLinks()
        {
            StaffOnly("revoke portal links");
            return Stamp(new PortalLinksRevoked { TokenVersion = _state.PortalTokenVersion + 1 });
        }

        public SubscriptionChangeCancelled CancelScheduled(CancelScheduledChange c)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(c.ChangeId);
            var pending = _state.PendingChanges.FirstOrDefault(p => p.ChangeId == c.ChangeId)
                ?? throw new SubscriptionRuleException(SubscriptionRuleException.UnknownScheduledChangeCode, $"No change '{c.ChangeId}' is scheduled.");
            if (ByCustomer && pending.Change is not (Lifecycle.AddOption or Lifecycle.RemoveOption or Lifecycle.ChangeQuantity or Lifecycle.ChangePlan or CloseSubscription))
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.CustomerAccessDeniedCode, "Only staff can cancel this scheduled change.");
            }

            return Stamp(new SubscriptionChangeCancelled { ChangeId = c.ChangeId });
        }

        public SubscriptionChangeScheduled Scheduled(SubscriptionChange change)
        {
            var changeId = context.NewChangeId ?? $"change-{_state.Version + 1}";
            return Stamp(new SubscriptionChangeScheduled { ChangeId = changeId, Change = change });
        }

        private SubscriptionLinesChanged LinesChanged(LineChangeKind kind, string lineId, IReadOnlyList<SubscriptionLine> lines, SubscriptionLine? before, SubscriptionLine? after)
        {
            var mrrAfter = LinesMrr(lines);
            if (kind != LineChangeKind.PriceOverride)
            {
                CheckCustomerMayChange(_state.Mrr, mrrAfter);
            }

            var prorations = new List<ProrationItem>(2);
            if (_schedule.Timing == BillingTiming.InAdvance)
            {
                var period = _schedule.PeriodContaining(date);
                var reference = _schedule.ReferencePeriodOf(period);
                if (before is not null)
                {
                    var billed = BilledFor(before);
                    var change = Proration.ChangeWithReference(billed.Part, billed.Amount, date, reference, after?.RoundedPeriodAmount ?? Money.Zero(_state.Currency), context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Credit, before.LineId, before.Description, change.Credit));
                    if (after is not null)
                    {
                        prorations.Add(ProrationItem.Of(ProrationItemKind.Charge, after.LineId, after.Description, change.Charge));
                    }
                }
                else if (after is not null)
                {
                    var charge = Proration.Prorate(after.RoundedPeriodAmount, new BillingPeriod(date, period.End), reference, context.ProrationMethod);
                    prorations.Add(ProrationItem.Of(ProrationItemKind.Charge, after.LineId, after.Description, charge));
                }
            }

            return Stamp(new SubscriptionLinesChanged
            {
                Change = kind,
                LineId = lineId,
                Lines = lines,
                Prorations = prorations,
                ProrationBehavior = context.ProrationBehavior,
                MrrAfter = mrrAfter,
            });
        }

        /// <summary>What was billed in advance for a line over the period containing the change date.</summary>
        private BilledItem BilledFor(SubscriptionLine line)
        {
            if (_state.BilledItems.TryGetValue(line.LineId, out var item) && item.Part.Contains(date))
            {
                return item;
            }

            var period = _schedule.PeriodContaining(date);
            return new BilledItem(period, _schedule.AmountFor(period, line.RoundedPeriodAmount, context.ProrationMethod).Amount);
        }

        private SubscriptionLine RecurringLine(string lineId)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
            EnsureOpenForChanges();
            var line = _state.Lines.FirstOrDefault(l => l.LineId == lineId)
                ?? throw new SubscriptionRuleException(SubscriptionRuleException.UnknownLineCode, $"Subscription {id} has no line '{lineId}'.");
            if (!line.IsRecurring)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.WrongLineKindCode, $"Line '{lineId}' is billed once; only recurring lines change.");
            }

            return line;
        }

        private IReadOnlyList<SubscriptionLine> Replace(SubscriptionLine old, SubscriptionLine changed) =>
            [.. _state.Lines.Select(l => l.LineId == old.LineId ? changed : l)];

        private Money LinesMrr(IEnumerable<SubscriptionLine> lines) => Subscription.MrrOf(lines, _recurrence, _state.Currency);

        private void CheckCustomerMayChange(Money before, Money after)
        {
            if (!ByCustomer)
            {
                return;
            }

            switch (_terms.CustomerAccess)
            {
                case CustomerAccessLevel.Restricted:
                    throw new SubscriptionRuleException(SubscriptionRuleException.CustomerAccessDeniedCode, $"Plan '{_terms.PlanName}' does not let customers change their subscription; contact us instead.");
                case CustomerAccessLevel.UpgradeOnly when after < before:
                    throw new SubscriptionRuleException(SubscriptionRuleException.DowngradeNotAllowedCode, $"Plan '{_terms.PlanName}' lets customers upgrade only; this change would lower the monthly amount from {before.Round(MidpointRounding.AwayFromZero)} to {after.Round(MidpointRounding.AwayFromZero)}.");
                default:
                    return;
            }
        }

        private void StaffOnly(string what)
        {
            if (ByCustomer)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.CustomerAccessDeniedCode, $"Only staff can {what}.");
            }
        }

        private void EnsureNotClosed()
        {
            if (_state.Status == SubscriptionStatus.Closed)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.ClosedCode, $"Subscription {id} is closed; reopen it first.");
            }
        }

        private void EnsureOpenForChanges()
        {
            EnsureNotClosed();
            if (_state.Status == SubscriptionStatus.Paused)
            {
                throw new SubscriptionRuleException(SubscriptionRuleException.PausedCode, $"Subscription {id} is paused; resume it before changing it.");
            }
        }

        private T Stamp<T>(T e)
            where T : SubscriptionEvent => e with
        {
            SubscriptionId = id,
            Version = _state.Version + 1,
            EffectiveDate = date,
            RecordedAt = context.Now,
            By = context.By,
            MrrBefore = _state.Mrr,
            MrrAfter = e.MrrAfter.Currency.IsNone ? _state.Mrr : e.MrrAfter,
            ScheduledChangeId = context.ScheduledChangeId,
        };
    }
}

/// <summary>The reasons the engine gives when it closes a contract itself.</summary>
public static class EngineCloseReasons
{
    /// <summary>A fixed term ended without renewal.</summary>
    public const string EndOfTerm = "End of term";

    /// <summary>Payments kept failing until the plan's limit.</summary>
    public const string PaymentFailure = "Payment failure";
}
