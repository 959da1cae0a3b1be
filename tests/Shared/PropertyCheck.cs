using FsCheck;

namespace Subscriptions.Testing;

/// <summary>
/// Runs FsCheck properties inside xunit facts (FsCheck.Xunit is absent from this feed). A failure throws with
/// FsCheck's report, which ends with the (seed,gamma) pair; replay it with <see cref="Replay"/>.
/// </summary>
public static class PropertyCheck
{
    /// <summary>The number of cases for money properties (STYLE.md rule 16 asks for at least 1,000).</summary>
    public const int MoneyTests = 1_000;

    /// <summary>Checks a property with a fixed number of cases, throwing on the first counter-example.</summary>
    public static void Check(Property property, int maxTest = MoneyTests) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);

    /// <summary>Replays one failing run: pass the seed and gamma printed by the failure (gamma is odd).</summary>
    public static void Replay(Property property, ulong seed, ulong gamma, int maxTest = MoneyTests) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(seed, gamma), property);
}
