using Subscriptions.Testing;

namespace Subscriptions.TestHelpers;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "subscriptions-snapshots-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId + "-" + Stopwatch());

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void VerifyFile_SameTextWithOtherLineEndings_Passes()
    {
        var verified = Write("case.verified.txt", "line one\r\nline two\r\n");

        Snapshot.VerifyFile("line one\nline two", verified);

        Assert.False(File.Exists(Path.Combine(_directory, "case.received.txt")));
    }

    [Fact]
    public void VerifyFile_Mismatch_WritesReceivedAndFailsWithALineDiff()
    {
        var verified = Write("case.verified.txt", "alpha\nbeta\ngamma\n");

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyFile("alpha\nBETA\ngamma", verified));

        Assert.Contains("- beta", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ BETA", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  alpha", failure.Message, StringComparison.Ordinal);
        Assert.Equal("alpha\nBETA\ngamma\n", File.ReadAllText(Path.Combine(_directory, "case.received.txt")));
    }

    [Fact]
    public void VerifyFile_NoApprovedFile_WritesReceivedAndFails()
    {
        var verified = Path.Combine(_directory, "new.verified.txt");

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyFile("first", verified));

        Assert.Contains("No approved snapshot", failure.Message, StringComparison.Ordinal);
        Assert.Equal("first\n", File.ReadAllText(Path.Combine(_directory, "new.received.txt")));
    }

    [Fact]
    public void VerifyFile_MatchAfterAMismatch_DeletesTheStaleReceivedFile()
    {
        var verified = Write("case.verified.txt", "same\n");
        Write("case.received.txt", "old\n");

        Snapshot.VerifyFile("same", verified);

        Assert.False(File.Exists(Path.Combine(_directory, "case.received.txt")));
    }

    [Fact]
    public void Diff_AddedAndRemovedLines_AreMarked() =>
        Assert.Equal("  a\n- b\n+ x\n  c\n+ d\n", Snapshot.Diff("a\nb\nc", "a\nx\nc\nd"));

    [Fact]
    public void Verify_CommittedSnapshot_MatchesThisTestsOutput() =>
        Snapshot.Verify(string.Join('\n', new[] { new Money(10m, Currency.Eur) }.SelectMany(m => m.Split(3)).Select(p => p.ToString())));

    private static long Stopwatch() => System.Diagnostics.Stopwatch.GetTimestamp();

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
