using BenchmarkDotNet.Attributes;

namespace Subscriptions.Benchmarks;

/// <summary>
/// Does Money cost more than the decimal inside it? Add and round must allocate nothing and stay close to bare
/// decimal arithmetic (the baseline); allocation is measured into a caller's span (no allocation) and into a new array.
/// </summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private readonly Money _a = new(1234.56m, Currency.Eur);
    private readonly Money _b = new(0.07m, Currency.Eur);
    private readonly Money _unrounded = new(1234.56789m, Currency.Eur);
    private readonly decimal _da = 1234.56m;
    private readonly decimal _db = 0.07m;
    private readonly decimal[] _ratios = [1m, 2m, 3m];
    private readonly Money[] _parts = new Money[3];

    [Benchmark(Baseline = true)]
    public decimal DecimalAdd() => _da + _db;

    [Benchmark]
    public Money Add() => _a + _b;

    [Benchmark]
    public decimal DecimalRound() => decimal.Round(_unrounded.Amount, 2, MidpointRounding.AwayFromZero);

    [Benchmark]
    public Money Round() => _unrounded.Round(MidpointRounding.AwayFromZero);

    [Benchmark]
    public Money AllocateIntoSpan()
    {
        _a.Allocate(_ratios, _parts);
        return _parts[2];
    }

    [Benchmark]
    public Money[] AllocateArray() => _a.Allocate(_ratios);

    [Benchmark]
    public Money[] Split3() => _a.Split(3);

    [Benchmark]
    public Currency ParseCurrencyCode() => Currency.FromCode("eur");
}
