using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Subscriptions.Storage;
using Subscriptions.Storage.Postgres;

namespace Subscriptions;

/// <summary>Registers the PostgreSQL store as the storage port of the Subscriptions engine.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgresStore"/> as <see cref="IStore"/>, <see cref="IEventStore"/>, <see cref="ISchedule"/> and
    /// <see cref="IOutbox"/> (singletons, added with TryAdd so that services registered earlier win).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">The Npgsql connection string, given by the host.</param>
    /// <param name="configure">Optionally changes the other options.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// The options are validated here, at registration, and every problem is reported at once. Only the storage port is
    /// registered (adapters do not reference the engine). A store registered earlier wins, so a repeated call has no effect.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException">Thrown when the options are invalid.</exception>
    public static IServiceCollection AddSubscriptionsPostgres(this IServiceCollection services, string connectionString, Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PostgresStoreOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.ThrowIfInvalid();
        services.TryAddSingleton(_ => new PostgresStore(options));
        services.TryAddSingleton<IStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<IStore>());
        services.TryAddSingleton<ISchedule>(sp => sp.GetRequiredService<IStore>());
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<IStore>());
        return services;
    }
}
