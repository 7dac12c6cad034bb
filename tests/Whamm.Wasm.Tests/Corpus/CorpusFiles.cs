using System.Text;

namespace Whamm.Wasm.Tests.Corpus;

/// <summary>Where a corpus module comes from.</summary>
public enum CorpusKind
{
    /// <summary>Our C programs (tests/corpus/c), built to WASI commands by scripts/corpus/build-c.sh.</summary>
    C,
    /// <summary>Real-world modules from npm packages (tests/corpus/npm-packages.tsv).</summary>
    Npm,
    /// <summary>Random valid modules from Binaryen's translate-to-fuzz (scripts/corpus/gen-random.sh).</summary>
    Random,
}

/// <summary>One module of the corpus. <see cref="Name"/> is "c/matmul", "npm/esbuild", "random/ttf-0007".</summary>
public sealed record CorpusModule(string Name, string Path, CorpusKind Kind)
{
    /// <summary>The name without its kind prefix ("matmul").</summary>
    public string ShortName => Name[(Name.IndexOf('/') + 1)..];

    public byte[] ReadBytes() => File.ReadAllBytes(Path);

    public override string ToString() => Name;
}

/// <summary>One row of tests/corpus/npm-packages.tsv.</summary>
/// <param name="Name">Short name: .corpus/npm/NAME.wasm.</param>
/// <param name="Package">npm package@version.</param>
/// <param name="PathInPackage">Path of the .wasm inside the package tarball.</param>
/// <param name="Producer">emscripten, rust, go, assemblyscript, zig, c, c++ or wat.</param>
/// <param name="WasiRunnable">A WASI preview1 command that runs standalone.</param>
/// <param name="RunArgs">Arguments after argv[0] for runnable modules, as written in the table, or null.</param>
/// <param name="Sha256">Hex sha256 of the extracted module.</param>
/// <param name="StdoutMask">Regex of stdout lines that vary between runs (timings), or null.</param>
public sealed record NpmPackage(
    string Name,
    string Package,
    string PathInPackage,
    string Producer,
    bool WasiRunnable,
    string? RunArgs,
    string Sha256,
    string? StdoutMask)
{
    /// <summary>Full argv for a run: the name, then <see cref="RunArgs"/> split on spaces, with double quotes grouping words.</summary>
    public IReadOnlyList<string> Argv() => [Name, .. CorpusFiles.SplitArgs(RunArgs ?? "")];

    /// <summary>The corpus module for this package.</summary>
    public CorpusModule Module => CorpusFiles.Get("npm/" + Name);
}

/// <summary>
/// Locates the test corpus built by scripts/corpus/build-all.sh under .corpus/ at the repo root.
/// Every accessor throws <see cref="InvalidOperationException"/> when its part of the corpus is
/// missing, so tests never pass silently on an empty corpus.
/// </summary>
public static class CorpusFiles
{
    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The repository root (the directory holding Whamm.slnx).</summary>
    public static string Root => root.Value;

    /// <summary>The .corpus directory (generated, gitignored).</summary>
    public static string CorpusDir => System.IO.Path.Combine(Root, ".corpus");

    /// <summary>tests/corpus/wasi-inputs: copy its files into the directory preopened as "/" for runnable npm modules.</summary>
    public static string WasiInputsDir => System.IO.Path.Combine(Root, "tests", "corpus", "wasi-inputs");

    /// <summary>tests/corpus/npm-packages.tsv.</summary>
    public static string NpmTablePath => System.IO.Path.Combine(Root, "tests", "corpus", "npm-packages.tsv");

    public static IEnumerable<CorpusModule> All() => C().Concat(Npm()).Concat(Random());

    /// <summary>The C programs, sorted by name (one per tests/corpus/c/*.c).</summary>
    public static IEnumerable<CorpusModule> C()
    {
        var dir = KindDir("c");
        var sources = Directory.GetFiles(System.IO.Path.Combine(Root, "tests", "corpus", "c"), "*.c")
            .Select(s => System.IO.Path.GetFileNameWithoutExtension(s))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var modules = new List<CorpusModule>();
        foreach (var name in sources)
        {
            var path = System.IO.Path.Combine(dir, name + ".wasm");
            if (!File.Exists(path))
            {
                throw Missing($"{path} (from tests/corpus/c/{name}.c) is missing");
            }
            modules.Add(new CorpusModule("c/" + name, path, CorpusKind.C));
        }
        return modules;
    }

    /// <summary>The npm modules, in table order.</summary>
    public static IEnumerable<CorpusModule> Npm()
    {
        var dir = KindDir("npm");
        var modules = new List<CorpusModule>();
        foreach (var package in NpmPackages())
        {
            var path = System.IO.Path.Combine(dir, package.Name + ".wasm");
            if (!File.Exists(path))
            {
                throw Missing($"{path} ({package.Package}) is missing; run scripts/corpus/fetch-npm.sh");
            }
            modules.Add(new CorpusModule("npm/" + package.Name, path, CorpusKind.Npm));
        }
        return modules;
    }

    /// <summary>The random modules present in .corpus/random, sorted by name.</summary>
    public static IEnumerable<CorpusModule> Random()
    {
        var dir = KindDir("random");
        var files = Directory.GetFiles(dir, "ttf-*.wasm")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw Missing($"{dir} has no ttf-*.wasm modules");
        }
        return files.Select(f => new CorpusModule(
            "random/" + System.IO.Path.GetFileNameWithoutExtension(f), f, CorpusKind.Random));
    }

    /// <summary>Every module name ("c/matmul", "npm/esbuild", "random/ttf-0007"), one per row, for [MemberData].</summary>
    public static IEnumerable<object[]> AllNames() => Names(All());

    public static IEnumerable<object[]> CNames() => Names(C());

    public static IEnumerable<object[]> NpmNames() => Names(Npm());

    public static IEnumerable<object[]> RandomNames() => Names(Random());

    /// <summary>Looks a module up by its name, e.g. "c/matmul", "npm/esbuild" or "random/ttf-0007".</summary>
    public static CorpusModule Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/');
        if (slash <= 0 || slash == name.Length - 1)
        {
            throw new ArgumentException($"corpus name '{name}' is not of the form kind/name", nameof(name));
        }
        var (kind, dirName) = name[..slash] switch
        {
            "c" => (CorpusKind.C, "c"),
            "npm" => (CorpusKind.Npm, "npm"),
            "random" => (CorpusKind.Random, "random"),
            var k => throw new ArgumentException($"unknown corpus kind '{k}' in '{name}'", nameof(name)),
        };
        var path = System.IO.Path.Combine(KindDir(dirName), name[(slash + 1)..] + ".wasm");
        if (!File.Exists(path))
        {
            throw Missing($"corpus module '{name}' not found at {path}");
        }
        return new CorpusModule(name, path, kind);
    }

    /// <summary>Stdout of the C program's run with no arguments (.corpus/c/NAME.expected).</summary>
    public static string ExpectedStdout(CorpusModule module)
    {
        RequireKind(module, CorpusKind.C);
        var path = System.IO.Path.ChangeExtension(module.Path, ".expected");
        if (!File.Exists(path))
        {
            throw Missing($"{path} is missing");
        }
        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>Exit status of the C program's run with no arguments (0, or 3 for c/exitcode).</summary>
    public static int ExpectedExitCode(CorpusModule module)
    {
        RequireKind(module, CorpusKind.C);
        var path = System.IO.Path.ChangeExtension(module.Path, ".exit");
        if (!File.Exists(path))
        {
            throw Missing($"{path} is missing");
        }
        return int.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of tests/corpus/npm-packages.tsv.</summary>
    public static IReadOnlyList<NpmPackage> NpmPackages()
    {
        var path = NpmTablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing");
        }
        var rows = new List<NpmPackage>();
        string[]? header = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cols = line.Split('\t');
            if (header is null)
            {
                header = cols;
                continue;
            }
            string Col(string column)
            {
                var i = Array.IndexOf(header, column);
                if (i < 0)
                {
                    throw new InvalidOperationException($"{path}: no column '{column}'");
                }
                if (i >= cols.Length)
                {
                    throw new InvalidOperationException($"{path}: line '{line}' has too few columns");
                }
                return cols[i];
            }
            string? Optional(string column)
            {
                var i = Array.IndexOf(header, column);
                return i < 0 || i >= cols.Length || cols[i] is "" or "-" ? null : cols[i];
            }
            rows.Add(new NpmPackage(
                Col("name"),
                Col("package"),
                Col("path"),
                Col("producer"),
                Col("wasi_runnable") == "yes",
                Optional("run_args"),
                Col("sha256"),
                Optional("stdout_mask")));
        }
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"{path} lists no packages");
        }
        return rows;
    }

    /// <summary>Splits a run_args string on spaces; double quotes group words (no escapes).</summary>
    public static IReadOnlyList<string> SplitArgs(string args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>();
        var current = new StringBuilder();
        bool inQuotes = false, inWord = false;
        foreach (var ch in args)
        {
            if (ch == '"')
            {
                inQuotes = !inQuotes;
                inWord = true;
            }
            else if (ch == ' ' && !inQuotes)
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(ch);
                inWord = true;
            }
        }
        if (inQuotes)
        {
            throw new FormatException($"unbalanced quotes in '{args}'");
        }
        if (inWord)
        {
            result.Add(current.ToString());
        }
        return result;
    }

    private static IEnumerable<object[]> Names(IEnumerable<CorpusModule> modules) =>
        modules.Select(m => new object[] { m.Name }).ToList();

    private static void RequireKind(CorpusModule module, CorpusKind kind)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module.Kind != kind)
        {
            throw new ArgumentException($"{module.Name} is not a {kind} module", nameof(module));
        }
    }

    private static string KindDir(string kind)
    {
        if (!Directory.Exists(CorpusDir))
        {
            throw Missing($"{CorpusDir} does not exist");
        }
        var dir = System.IO.Path.Combine(CorpusDir, kind);
        if (!Directory.Exists(dir))
        {
            throw Missing($"{dir} does not exist");
        }
        return dir;
    }

    private static InvalidOperationException Missing(string what) =>
        new($"The test corpus is incomplete: {what}. Run scripts/corpus/build-all.sh at the repo root " +
            "(CORPUS_FULL=1 for the full random set), or ./test.sh which does it.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Whamm.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find the repo root (a directory with Whamm.slnx) above {AppContext.BaseDirectory}");
    }
}
