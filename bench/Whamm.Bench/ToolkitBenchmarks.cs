using BenchmarkDotNet.Attributes;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Writing;

namespace Whamm.Bench;

/// <summary>
/// Hot loops of the binary toolkit on one module (default: the largest in .corpus/npm; override with
/// WHAMM_BENCH_MODULE). Run: <c>dotnet run -c Release --project bench/Whamm.Bench -- --filter '*Toolkit*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ToolkitBenchmarks
{
    private byte[] _bytes = [];
    private Module _module = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(BenchModules.Largest());
        _module = ModuleReader.Read(_bytes);
    }

    [Benchmark(Description = "read (lazy bodies)")]
    public Module Read() => ModuleReader.Read(_bytes);

    [Benchmark(Description = "read + decode every instruction")]
    public long DecodeAll()
    {
        long count = 0;
        foreach (var f in ModuleReader.Read(_bytes).Functions)
        {
            var reader = f.Body.Instructions();
            while (!reader.AtEnd)
            {
                reader.Read();
                count++;
            }
        }
        return count;
    }

    [Benchmark(Description = "write unchanged (section copy)")]
    public byte[] WriteUnchanged() => ModuleWriter.Write(_module);

    [Benchmark(Description = "write re-encoding every section")]
    public byte[] WriteReencoded() => ModuleWriter.Write(_module, reencodeAll: true);
}

/// <summary>Finds benchmark inputs.</summary>
public static class BenchModules
{
    /// <summary>The module named by WHAMM_BENCH_MODULE, else the largest module under .corpus/npm.</summary>
    public static string Largest()
    {
        if (Override() is { } path) return path;
        var npm = Path.Combine(RepoRoot(), ".corpus", "npm");
        return Directory.Exists(npm)
            ? Directory.GetFiles(npm, "*.wasm").OrderByDescending(f => new FileInfo(f).Length).First()
            : throw NoCorpus();
    }

    /// <summary>The module named by WHAMM_BENCH_MODULE, else .corpus/npm/<paramref name="name"/>.wasm.</summary>
    public static string Npm(string name)
    {
        if (Override() is { } path) return path;
        var module = Path.Combine(RepoRoot(), ".corpus", "npm", name + ".wasm");
        return File.Exists(module) ? module : throw NoCorpus();
    }

    /// <summary>The repository root (the directory holding Whamm.slnx) above the benchmark's binary, else ".".</summary>
    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Whamm.slnx"))) dir = Path.GetDirectoryName(dir);
        return dir ?? ".";
    }

    private static string? Override() => Environment.GetEnvironmentVariable("WHAMM_BENCH_MODULE") is { Length: > 0 } path ? path : null;

    private static InvalidOperationException NoCorpus() => new("no corpus: run scripts/corpus/build-all.sh or set WHAMM_BENCH_MODULE");
}
