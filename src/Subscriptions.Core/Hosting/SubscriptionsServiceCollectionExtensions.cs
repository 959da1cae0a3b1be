using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Subscriptions.Hosting;
using Subscriptions.Storage;

namespace Subscriptions;

/// <summary>Registers the subscription engine in a host's service collection.</summary>
public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Registers the engine with the default settings.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is null.</exception>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services) => services.AddSubscriptions(static _ => { });

    /// <summary>Registers the engine with settings set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <remarks>
    /// <para>
    /// Register a store too (<c>AddSubscriptionsSqlite</c>, <c>AddSubscriptionsPostgres</c>, or an <see cref="IStore"/> of
    /// your own): the engine never falls back to an in-memory store, and resolving it without a store fails with a clear
    /// message. The clock is the system clock unless an <see cref="IClock"/> is registered first.
    /// </para>
    /// <para>Services are added with TryAdd, so a host can replace any of them by registering it first; a second call only re-validates.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="OptionsValidationException">Thrown when the options are invalid; it lists every problem.</exception>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, Action<SubscriptionsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SubscriptionsOptions();
        configure(options);
        return Register(services, options);
    }

    /// <summary>Registers the engine with settings bound from configuration (for example the <c>Subscriptions</c> section).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section to bind.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is null.</exception>
    /// <exception cref="OptionsValidationException">Thrown when the options are invalid; it lists every problem.</exception>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SubscriptionsOptions();
        var reasons = configuration.GetSection(nameof(SubscriptionsOptions.CloseReasons)).Get<string[]>();
        configuration.Bind(options);
        if (reasons is { Length: > 0 })
        {
            options.CloseReasons.Clear();
            foreach (var reason in reasons)
            {
                options.CloseReasons.Add(reason);
            }
        }

        return Register(services, options);
    }

    private static IServiceCollection Register(IServiceCollection services, SubscriptionsOptions options)
    {
        SubscriptionsOptionsValidation.ThrowIfInvalid(options);
        if (services.Any(d => d.ServiceType == typeof(EngineMarker)))
        {
            return services;
        }

        services.AddSingleton<EngineMarker>();
        services.TryAddSingleton(Options.Create(options));
#pragma warning disable RS0030 // The one place the system clock is allowed: the host's default, replaceable by registering an IClock first.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(sp => new SubscriptionsEngine(
            sp.GetService<IStore>() ?? throw new InvalidOperationException(
                "No Subscriptions store is registered: call services.AddSubscriptionsSqlite(...) or AddSubscriptionsPostgres(...), or register an IStore. The engine never falls back to an in-memory store."),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<SubscriptionsOptions>>().Value,
            sp.GetService<SubscriptionCatalog>()));
        return services;
    }

    private sealed class EngineMarker;
}
