using System.Text.RegularExpressions;

namespace Subscriptions.Storage.Sqlite;

/// <summary>Options of the SQLite store: where the file is and how the schema is managed.</summary>
/// <remarks>A plain, mutable class bound from configuration; <see cref="SqliteStore"/> copies it when constructed.</remarks>
public class SqliteStoreOptions
{
    /// <summary>Gets or sets the SQLite connection string, such as <c>Data Source=billing.db</c>.</summary>
    /// <value>The default value is the empty string, which is invalid: a host must name its file.</value>
    /// <remarks><c>Data Source=:memory:</c> gives a private in-memory database that lives as long as the store.</remarks>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the prefix of every table and index name, letters, digits and underscores only.</summary>
    /// <value>The default value is <c>subs_</c>.</value>
    public string TablePrefix { get; set; } = "subs_";

    /// <summary>Gets or sets a value indicating whether the store creates and migrates its schema when it opens the file.</summary>
    /// <value>The default value is <see langword="true"/>. When <see langword="false"/>, the store only checks that the schema is current.</value>
    public bool InitializeSchema { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether every commit is flushed to disk before it returns (<c>synchronous = FULL</c>).</summary>
    /// <value>
    /// The default value is <see langword="true"/>. <see langword="false"/> uses <c>synchronous = NORMAL</c>: faster, never corrupt, but
    /// the last commits can be lost on a power failure, which a billing store should not accept.
    /// </value>
    public bool DurableCommits { get; set; } = true;

    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("SqliteStoreOptions.ConnectionString is required, e.g. \"Data Source=billing.db\".");
        }

        if (TablePrefix is null || !Regex.IsMatch(TablePrefix, "^[A-Za-z0-9_]{0,30}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add("SqliteStoreOptions.TablePrefix must be at most 30 letters, digits or underscores.");
        }

        return errors;
    }

    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite store options: " + string.Join(" ", errors), "options");
        }
    }
}
