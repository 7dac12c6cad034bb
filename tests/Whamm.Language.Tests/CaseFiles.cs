using System.Reflection;

namespace Whamm.Language.Tests;

/// <summary>
/// Finds the data-driven test cases under <c>tests/Whamm.Language.Tests/cases/</c> in the source tree
/// (the path is baked in at build time), and writes expectations back when <c>WHAMM_BLESS=1</c>.
/// </summary>
public static class CaseFiles
{
    /// <summary>The absolute path of the <c>cases</c> directory.</summary>
    public static string Root { get; } = typeof(CaseFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CasesDirectory").Value!;

    /// <summary>True when expectations should be rewritten instead of checked.</summary>
    public static bool Bless => Environment.GetEnvironmentVariable("WHAMM_BLESS") is "1" or "true";

    /// <summary>The <c>.mm</c> files under <paramref name="directory"/> (relative to <see cref="Root"/>, '/'-separated, sorted).</summary>
    public static IEnumerable<string> Scripts(string directory) =>
        Directory.EnumerateFiles(Path.Combine(Root, directory), "*.mm", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The full path of a case given relative to <see cref="Root"/>.</summary>
    public static string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>The path of the expectation beside <paramref name="relative"/> (<c>x.mm</c> → <c>x.expected</c>).</summary>
    public static string ExpectedPath(string relative) => Path.ChangeExtension(FullPath(relative), ".expected");

    /// <summary>Compares <paramref name="actual"/> with the expectation of <paramref name="relative"/>, or rewrites it when blessing.</summary>
    public static void Check(string relative, string actual)
    {
        string expectedPath = ExpectedPath(relative);
        if (Bless)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath),
            $"{relative}: no expectation {Path.GetFileName(expectedPath)}; run the tests with WHAMM_BLESS=1 to write it, then review it");
        string expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
            Assert.Fail($"{relative}: output differs from {Path.GetFileName(expectedPath)} (WHAMM_BLESS=1 rewrites it)\n{Diff(expected, actual)}");
    }

    /// <summary>The first differing line, with a little context.</summary>
    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
            i++;
        return $"first difference at line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end>")}\n  actual:   {(i < a.Length ? a[i] : "<end>")}";
    }
}
