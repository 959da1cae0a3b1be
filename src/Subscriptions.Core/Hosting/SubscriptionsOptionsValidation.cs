using Microsoft.Extensions.Options;
using Subscriptions.Portal;

namespace Subscriptions.Hosting;

/// <summary>Checks <see cref="SubscriptionsOptions"/> and reports every problem at once.</summary>
internal static class SubscriptionsOptionsValidation
{
    internal static List<string> Validate(SubscriptionsOptions options)
    {
        var failures = new List<string>();
        if (options.CloseReasons.Count == 0)
        {
            failures.Add("CloseReasons: give at least one close reason.");
        }

        if (options.CloseReasons.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("CloseReasons: a close reason is blank.");
        }

        if (options.CloseReasons.Where(r => r is not null).GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            failures.Add("CloseReasons: a close reason appears twice.");
        }

        if (options.MaxConcurrencyRetries is < 0 or > 100)
        {
            failures.Add($"MaxConcurrencyRetries: expected 0 to 100, got {options.MaxConcurrencyRetries}.");
        }

        if (!Enum.IsDefined(options.ProrationBehavior))
        {
            failures.Add($"ProrationBehavior: '{options.ProrationBehavior}' is not a proration behavior.");
        }

        if (!Enum.IsDefined(options.ProrationMethod))
        {
            failures.Add($"ProrationMethod: '{options.ProrationMethod}' is not a proration method.");
        }

        if (options.StateCacheSize is < 0 or > 10_000_000)
        {
            failures.Add($"StateCacheSize: expected 0 to 10,000,000, got {options.StateCacheSize}.");
        }

        if (options.PortalLinkLifetime <= TimeSpan.Zero)
        {
            failures.Add("PortalLinkLifetime: expected a positive duration.");
        }

        if (options.ScheduleLease <= TimeSpan.Zero)
        {
            failures.Add("ScheduleLease: expected a positive duration.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId))
        {
            failures.Add("WorkerId: give this worker a name.");
        }

        if (options.PortalSigningKey is not null || options.PortalSigningKeyId is not null)
        {
            try
            {
                _ = KeyFromConfiguration(options);
            }
            catch (FormatException)
            {
                failures.Add("PortalSigningKey: expected base64 text.");
            }
            catch (ArgumentException e)
            {
                failures.Add($"PortalSigningKey: {e.Message}");
            }
        }

        return failures;
    }

    internal static void ThrowIfInvalid(SubscriptionsOptions options)
    {
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SubscriptionsOptions), failures);
        }
    }

    /// <summary>The portal keys: set in code, or made from the configured id and base64 secret.</summary>
    internal static AccessTokenKeyRing? PortalKeys(SubscriptionsOptions options) =>
        options.PortalKeys ?? (options.PortalSigningKey is null && options.PortalSigningKeyId is null ? null : new AccessTokenKeyRing(KeyFromConfiguration(options)));

    private static AccessTokenKey KeyFromConfiguration(SubscriptionsOptions options) =>
        new(options.PortalSigningKeyId ?? "default", Convert.FromBase64String(options.PortalSigningKey ?? string.Empty));
}
