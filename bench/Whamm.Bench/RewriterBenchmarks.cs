using BenchmarkDotNet.Attributes;
using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Bench;

/// <summary>
/// The rewriter's hot loop: <see cref="Instrumenter.Instrument"/> (fold, inject, validate; not the write) of the
/// monitors in bench/monitors on a mid-size module (default: sql.js, 0.7 MB; override with WHAMM_BENCH_MODULE).
/// Instrumenting edits the module, so every invocation gets a freshly read (lazy) one, outside the measurement
/// (one invocation per iteration: an invocation takes 0.1–1 s, so the iteration setup's overhead does not matter).
/// Run: <c>dotnet run -c Release --project bench/Whamm.Bench -- --filter '*Rewriter*'</c>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class RewriterBenchmarks
{
    private byte[] _bytes = [];
    private Module _app = null!;
    private CheckedScript _script = null!;

    /// <summary>
    /// The monitor: sparse (a counter at every <c>call</c>), dense (one global counter at every instruction) or per
    /// site (a report variable at every instruction: the hotness monitor).
    /// </summary>
    [Params("count-calls", "count-instructions", "hotness")]
    public string Monitor { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(BenchModules.Npm("sqljs"));
        var path = Path.Combine(BenchModules.RepoRoot(), "bench", "monitors", Monitor + ".mm");
        var (script, diagnostics) = Checker.Check(SourceText.ReadFile(path, path));
        _script = script.HasErrors ? throw new InvalidOperationException(string.Join("\n", diagnostics)) : script;
    }

    [IterationSetup]
    public void ReadApp() => _app = ModuleReader.Read(_bytes);

    [Benchmark(Description = "instrument")]
    public InstrumentResult Instrument() => Instrumenter.Instrument(_app, _script);
}
