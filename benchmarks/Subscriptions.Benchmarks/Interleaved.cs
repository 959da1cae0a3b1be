using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace Subscriptions.Benchmarks;

/// <summary>
/// Compares one benchmark method in two builds of this project within one process, alternating short rounds between
/// them, so that both builds see the same host noise. On a shared VM whose neighbours come and go, BenchmarkDotNet's
/// runs of two commits minutes apart can differ by more than the change being judged; rounds taken turn about cannot.
/// It is a tool for judging a change; the figures that count stay BenchmarkDotNet's, on a quiet host.
/// </summary>
/// <remarks>
/// Usage, from the repository root, with the baseline commit built in a worktree:
/// <code>
/// git worktree add ../baseline COMMIT &amp;&amp; dotnet build -c Release ../baseline/benchmarks/Subscriptions.Benchmarks
/// dotnet run -c Release --project benchmarks/Subscriptions.Benchmarks -- --interleave \
///     ../baseline/benchmarks/Subscriptions.Benchmarks/bin/Release/net10.0 CatalogBenchmarks.TaxDocument20LinesGlobal [rounds] [calls]
/// </code>
/// Each build is loaded into its own <see cref="AssemblyLoadContext"/> (the framework is shared), its benchmark class
/// created and its <c>[GlobalSetup]</c> methods run (awaited when asynchronous); both are warmed up for a second, then
/// timed in rounds of <c>calls</c> calls (default 200 rounds of 2,000), each build first every other round. Printed
/// per build: the fastest round, the 10th percentile and the median, in ns per operation (a call divided by the
/// benchmark's <c>OperationsPerInvoke</c>), and the change from the baseline. What only BenchmarkDotNet runs as it
/// should is refused: per-iteration setup, parameters, asynchronous benchmarks. <c>[GlobalCleanup]</c> is not run.
/// </remarks>
internal static class Interleaved
{
    private const string Usage = "usage: --interleave BASELINE_BUILD_DIRECTORY Class.Method [rounds] [calls per round]";

    /// <summary>Runs the comparison; returns the process exit code.</summary>
    /// <param name="args">The arguments after <c>--interleave</c>.</param>
    /// <returns>0, or 2 for bad arguments.</returns>
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || args[1].Split('.') is not [var className, var methodName])
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var rounds = 200;
        var calls = 2_000;
        if ((args.Length > 2 && !int.TryParse(args[2], CultureInfo.InvariantCulture, out rounds)) || (args.Length > 3 && !int.TryParse(args[3], CultureInfo.InvariantCulture, out calls)) || rounds < 1 || calls < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var directories = new[] { Path.GetFullPath(args[0]), AppContext.BaseDirectory };
        var names = new[] { "baseline", "this build" };
        Action[] benchmarks;
        int operations;
        try
        {
            var bound = directories.Select(directory => Bind(directory, className, methodName)).ToArray();
            benchmarks = [.. bound.Select(b => b.Call)];
            operations = bound[^1].Operations;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        foreach (var benchmark in benchmarks)
        {
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
            {
                benchmark();
            }
        }

        var times = benchmarks.Select(_ => new double[rounds]).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < benchmarks.Length; turn++)
            {
                // Each build goes first every other round: neither always runs right after the other.
                var side = round % 2 == 0 ? turn : benchmarks.Length - 1 - turn;
                var benchmark = benchmarks[side];
                var watch = Stopwatch.StartNew();
                for (var call = 0; call < calls; call++)
                {
                    benchmark();
                }

                times[side][round] = watch.Elapsed.TotalNanoseconds / ((double)calls * operations);
            }
        }

        Console.WriteLine($"{className}.{methodName}, {rounds} alternating rounds of {calls:N0} calls, ns per operation ({operations} per call):");
        Console.WriteLine($"{"",-12} {"min",10} {"p10",10} {"median",10}");
        var baseline = Summary(times[0]);
        for (var side = 0; side < benchmarks.Length; side++)
        {
            var (min, p10, median) = Summary(times[side]);
            var change = side == 0 ? string.Empty : $"   {(min / baseline.Min) - 1:+0.0 %;-0.0 %} min, {(median / baseline.Median) - 1:+0.0 %;-0.0 %} median";
            Console.WriteLine($"{names[side],-12} {min,10:#,0.0} {p10,10:#,0.0} {median,10:#,0.0}{change}");
        }

        return 0;
    }

    private static (double Min, double P10, double Median) Summary(double[] times)
    {
        var sorted = times.Order().ToArray();
        return (sorted[0], sorted[sorted.Length / 10], sorted[sorted.Length / 2]);
    }

    /// <summary>
    /// Loads a build's benchmark class in its own context, runs its setup, and returns a call of the method with the
    /// number of operations one call counts (<c>OperationsPerInvoke</c>).
    /// </summary>
    private static (Action Call, int Operations) Bind(string directory, string className, string methodName)
    {
        var path = Path.Combine(directory, typeof(Interleaved).Assembly.GetName().Name + ".dll");
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{directory} holds no build of the benchmarks ({Path.GetFileName(path)}).", nameof(directory));
        }

        var assembly = new BuildContext(directory).LoadFromAssemblyPath(path);
        var type = assembly.GetType($"{typeof(Interleaved).Namespace}.{className}") ?? throw new ArgumentException($"{directory} has no benchmark class {className}.", nameof(className));
        var method = type.GetMethod(methodName, Type.EmptyTypes);
        var benchmark = method?.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "BenchmarkAttribute");
        if (method is null || benchmark is null)
        {
            throw new ArgumentException($"{className} has no parameterless [Benchmark] method {methodName}.", nameof(methodName));
        }

        // What only BenchmarkDotNet runs as it should: per-iteration setup, parameters, asynchronous benchmarks.
        string[] unsupported = ["IterationSetupAttribute", "IterationCleanupAttribute", "ParamsAttribute", "ParamsSourceAttribute", "ParamsAllValuesAttribute", "ArgumentsAttribute"];
        if (type.GetMembers().Any(m => m.GetCustomAttributes().Any(a => unsupported.Contains(a.GetType().Name)))
            || typeof(IAsyncResult).IsAssignableFrom(method.ReturnType) || method.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{className}.{methodName} needs what only BenchmarkDotNet does (iteration setup, parameters or awaiting).", nameof(methodName));
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var setup in WithAttribute(type, "GlobalSetupAttribute"))
        {
            try
            {
                (setup.Invoke(instance, null) as Task)?.GetAwaiter().GetResult();
            }
            catch (TargetInvocationException e)
            {
                throw new ArgumentException($"{className}.{setup.Name} failed: {e.InnerException?.Message}", nameof(className), e);
            }
        }

        var operations = benchmark.GetType().GetProperty("OperationsPerInvoke")?.GetValue(benchmark) as int? ?? 1;
        if (method.ReturnType == typeof(void))
        {
            return (method.CreateDelegate<Action>(instance), operations);
        }

        // A typed delegate, its result kept in a field: no boxing, no reflection per call, and not optimized away.
        var bind = typeof(Interleaved).GetMethod(nameof(Keep), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(method.ReturnType);
        return ((Action)bind.Invoke(null, [method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance)])!, operations);
    }

    // By name: each build brings its own copy of BenchmarkDotNet's attribute types.
    private static IEnumerable<MethodInfo> WithAttribute(Type type, string attributeName) =>
        type.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == attributeName));

    private static Action Keep<T>(Func<T> benchmark) => () => Sink<T>.Value = benchmark();

    /// <summary>Where results go, so that the calls cannot be removed.</summary>
    private static class Sink<T>
    {
        public static T? Value;
    }

    /// <summary>A build's assemblies from its own directory; the framework's from the default context.</summary>
    private sealed class BuildContext(string directory) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(path) && !IsFramework(assemblyName) ? LoadFromAssemblyPath(path) : null;
        }

        private static bool IsFramework(AssemblyName name) =>
            name.Name is { } n && (n.StartsWith("System.", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n is "System" or "mscorlib" or "netstandard");
    }
}
