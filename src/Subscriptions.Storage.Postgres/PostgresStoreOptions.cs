using System.Text.RegularExpressions;

namespace Subscriptions.Storage.Postgres;

/// <summary>Options of the PostgreSQL store: which database, which schema, and how the schema is managed.</summary>
/// <remarks>A plain, mutable class bound from configuration; <see cref="PostgresStore"/> copies it when constructed.</remarks>
public class PostgresStoreOptions
{
    /// <summary>Gets or sets the Npgsql connection string, given by the host (e.g. <c>Host=db;Database=billing;Username=app</c>).</summary>
    /// <value>The default value is the empty string, which is invalid.</value>
    /// <remarks>
    /// When the connection string does not set <c>Max Auto Prepare</c>, the store sets it to 64 so that its statements are
    /// prepared. It always sets <c>No Reset On Close</c>: the store keeps no session state on its connections.
    /// </remarks>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the PostgreSQL schema that holds the store's tables: lower-case letters, digits and underscores.</summary>
    /// <value>The default value is <c>subscriptions</c>.</value>
    public string Schema { get; set; } = "subscriptions";

    /// <summary>Gets or sets a value indicating whether the store creates and migrates its schema on first use.</summary>
    /// <value>The default value is <see langword="true"/>. When <see langword="false"/>, the store only checks that the schema is current.</value>
    public bool InitializeSchema { get; set; } = true;

    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("PostgresStoreOptions.ConnectionString is required, e.g. \"Host=localhost;Database=billing;Username=app\".");
        }

        if (Schema is null || !Regex.IsMatch(Schema, "^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add("PostgresStoreOptions.Schema must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit.");
        }

        return errors;
    }

    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid PostgreSQL store options: " + string.Join(" ", errors), "options");
        }
    }
}
