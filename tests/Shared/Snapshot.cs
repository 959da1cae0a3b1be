using System.Runtime.CompilerServices;
using System.Text;

namespace Subscriptions.Testing;

/// <summary>
/// Approved-file snapshots, standing in for Verify (absent from this feed). The approved text lives next to the
/// test in <c>Snapshots/{TestFile}.{Test}.verified.txt</c> and is committed; on a mismatch the actual text is
/// written beside it as <c>.received.txt</c> (git-ignored) and the test fails with a line diff. To approve a
/// change, review the diff and rename the received file over the verified one.
/// </summary>
public static class Snapshot
{
    /// <summary>Compares <paramref name="actual"/> with the approved snapshot of the calling test.</summary>
    public static void Verify(
        string actual,
        string? name = null,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testName = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        var stem = $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testName}{(name is null ? string.Empty : "." + name)}";
        VerifyFile(actual, Path.Combine(directory, $"{stem}.verified.{extension}"));
    }

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="verifiedPath"/>.</summary>
    public static void VerifyFile(string actual, string verifiedPath)
    {
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        var normalized = Normalize(actual);
        if (File.Exists(verifiedPath))
        {
            var approved = Normalize(File.ReadAllText(verifiedPath));
            if (approved == normalized)
            {
                if (File.Exists(receivedPath))
                {
                    File.Delete(receivedPath);
                }

                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            File.WriteAllText(receivedPath, normalized);
            Assert.Fail($"Snapshot mismatch: {Path.GetFileName(verifiedPath)} (received: {receivedPath})\n{Diff(approved, normalized)}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, normalized);
        Assert.Fail($"No approved snapshot {verifiedPath}. Review {receivedPath} and rename it to approve it.");
    }

    /// <summary>A line diff: '-' lines are approved only, '+' lines received only, ' ' lines both.</summary>
    public static string Diff(string approved, string received)
    {
        var a = approved.Split('\n');
        var b = received.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var text = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                text.Append("  ").Append(a[x]).Append('\n');
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                text.Append("- ").Append(a[x]).Append('\n');
                x++;
            }
            else
            {
                text.Append("+ ").Append(b[y]).Append('\n');
                y++;
            }
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
