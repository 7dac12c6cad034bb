namespace Whamm.Bench;

/// <summary>
/// One program of the overhead benchmark: a corpus module, the argv it runs with (argv[0] first), and the monitors
/// left out for it (a row of <c>bench/overhead-programs.tsv</c>).
/// </summary>
/// <param name="Name">"matmul", "flite": the row's name in the table.</param>
/// <param name="Path">The module.</param>
/// <param name="Argv">Full argv, argv[0] included.</param>
/// <param name="Skip">Monitor names not run on this program (say why in the table's comment).</param>
public sealed record BenchProgram(string Name, string Path, IReadOnlyList<string> Argv, IReadOnlySet<string> Skip)
{
    /// <summary>
    /// Reads a program table: one program per line, tab-separated: the module path, then <c>skip=NAME,NAME</c> optionally, then its arguments after argv[0] one per column (no quoting needed).
    /// Empty lines and lines starting with <c>#</c> are comments. argv[0] is the module's file name without extension.
    /// </summary>
    public static IReadOnlyList<BenchProgram> ReadTable(string tablePath)
    {
        var programs = new List<BenchProgram>();
        foreach (var line in File.ReadLines(tablePath))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            var skip = cols.Length > 1 && cols[1].StartsWith("skip=", StringComparison.Ordinal)
                ? cols[1]["skip=".Length..].Split(',').ToHashSet()
                : [];
            programs.Add(Of(cols[0], cols[(skip.Count > 0 ? 2 : 1)..], skip));
        }
        return programs;
    }

    /// <summary>A program run with <paramref name="args"/> (after argv[0]) and every monitor.</summary>
    public static BenchProgram Of(string path, IReadOnlyList<string>? args = null, IReadOnlySet<string>? skip = null)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return new BenchProgram(name, path, [name, .. args ?? []], skip ?? new HashSet<string>());
    }
}
