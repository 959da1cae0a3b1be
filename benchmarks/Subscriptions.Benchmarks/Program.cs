using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Subscriptions.Benchmarks;

// Run one area with e.g. `dotnet run -c Release --project benchmarks/Subscriptions.Benchmarks -- --filter *Money*`;
// compare one benchmark against another build in one process with `-- --interleave ...` (see Interleaved).
if (args is ["--interleave", .. var rest])
{
    return Interleaved.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
return 0;
