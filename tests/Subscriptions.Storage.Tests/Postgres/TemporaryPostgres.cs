using System.Diagnostics;
using System.Globalization;

namespace Subscriptions.Storage.PostgresAdapter;

/// <summary>
/// A PostgreSQL server for tests and benchmarks: the one named by SUBSCRIPTIONS_PG, or a throwaway cluster made with
/// initdb in a temporary folder and reached through a unix socket there (run as the postgres user when we are root,
/// since PostgreSQL refuses to run as root). Disposing stops the cluster and deletes the folder.
/// </summary>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _binaries;

    private TemporaryPostgres(string connectionString, string? folder, string? binaries)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _binaries = binaries;
    }

    public string ConnectionString { get; }

    public static async Task<TemporaryPostgres> StartAsync(bool durable = false)
    {
        var external = Environment.GetEnvironmentVariable("SUBSCRIPTIONS_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TemporaryPostgres(external, null, null);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL server for the storage tests: SUBSCRIPTIONS_PG is not set and initdb/pg_ctl were not found " +
            "(looked at `pg_config --bindir` and /usr/lib/postgresql/*/bin). Install the 'postgresql' package (.ci/run does) or set SUBSCRIPTIONS_PG.");
        var folder = Path.Combine(Path.GetTempPath(), "subs-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        }

        const int port = 5433;
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot);
        var settings = $"-p {port} -k {folder} -c listen_addresses='' -c max_connections=200 -c shared_buffers=128MB"
            + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start"], asRoot);
        return new TemporaryPostgres(
            string.Create(CultureInfo.InvariantCulture, $"Host={folder};Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"),
            folder,
            binaries);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null || _binaries is null)
        {
            return;
        }

        try
        {
            var asRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asRoot);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        try
        {
            var fromPgConfig = Capture("pg_config", "--bindir");
            if (fromPgConfig is not null && File.Exists(Path.Combine(fromPgConfig, "initdb")))
            {
                return fromPgConfig;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed: look in Debian's versioned folders.
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static string? Capture(string file, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0 ? output : null;
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Starting the test PostgreSQL server failed: `{file} {string.Join(' ', arguments)}` exited with {process.ExitCode}.\n{await stdout}\n{await stderr}");
        }
    }
}
