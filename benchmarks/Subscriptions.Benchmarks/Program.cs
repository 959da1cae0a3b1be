using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Run one area with e.g. `dotnet run -c Release --project benchmarks/Subscriptions.Benchmarks -- --filter *Money*`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
