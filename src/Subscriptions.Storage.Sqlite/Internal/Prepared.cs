using Microsoft.Data.Sqlite;

namespace Subscriptions.Storage.Sqlite.Internal;

/// <summary>One prepared statement with positional parameters, reused for the store's lifetime.</summary>
internal sealed class Prepared : IDisposable
{
    private readonly SqliteCommand _command;

    public Prepared(SqliteConnection connection, string sql, params string[] parameters)
    {
        _command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of this assembly; only the validated table prefix is spliced in.
        _command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            _command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        _command.Prepare();
    }

    public SqliteCommand Bind(SqliteTransaction? transaction, object? p0 = null, object? p1 = null, object? p2 = null, object? p3 = null, object? p4 = null, object? p5 = null)
    {
        _command.Transaction = transaction;
        var ps = _command.Parameters;
        Set(0, p0);
        Set(1, p1);
        Set(2, p2);
        Set(3, p3);
        Set(4, p4);
        Set(5, p5);
        return _command;

        void Set(int i, object? value)
        {
            if (i < ps.Count)
            {
                ps[i].Value = value ?? DBNull.Value;
            }
        }
    }

    public SqliteCommand With(SqliteTransaction? transaction)
    {
        _command.Transaction = transaction;
        return _command;
    }

    public void Set(int index, object? value) => _command.Parameters[index].Value = value ?? DBNull.Value;

    public void Dispose() => _command.Dispose();
}
