using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Xunit.Abstractions;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The paper-style monitors (<see cref="PaperMonitor"/>) on every runnable program of the corpus, in one run per
/// program: the output validates, the program behaves as before, and every result agrees with a count taken
/// another way. (The cache simulator has its own test, <see cref="CacheSimulatorTests"/>.)
/// </summary>
public sealed class PaperMonitorTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Programs() => CorpusProgram.Names();

    /// <summary>
    /// Coverage and hotness put two report variables and a counter at every instruction. flite, although large, is
    /// mostly data (0.2 MB of code: 11 s with every monitor), but yosys has 28 MB of code: `whamm instr` with both
    /// scripts makes a 1.1 GB module in 159 s and 8.1 GB (its ~24M report rows take ~5 bytes of static data each;
    /// with preformatted rows it failed after 258 s and 22 GB), far over ~20 s. It runs the call graph and the
    /// memory trace only.
    /// </summary>
    private static readonly IReadOnlySet<string> CallGraphAndTraceOnly = new HashSet<string> { "npm/yosys" };

    [Theory]
    [MemberData(nameof(Programs))]
    public void ResultsAgreeWithIndependentCountsAndBehaviourIsUnchanged(string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var program = CorpusProgram.Get(name);
        var app = ModuleReader.Read(program.Module.ReadBytes());
        var perSite = !CallGraphAndTraceOnly.Contains(name);
        var defined = Enumerable.Range(app.ImportedFunctionCount, app.Functions.Count).Select(f => (uint)f).ToArray();
        var hostEntries = HostEntries(app);
        var instructionCounts = perSite ? defined.Zip(app.Functions, (f, fn) => (f, Count: InstructionCount(fn))).ToDictionary(x => x.f, x => x.Count) : null;

        var run = WasiHarness.RunInstrumented(program, app, PaperMonitor.CallGraphAndMemoryTrace + (perSite ? PaperMonitor.CoverageAndHotness : ""));
        Assert.Equal("", run.Report.After);
        var results = PaperMonitor.Read(run.Report);

        CheckCallGraph(name, results, defined, hostEntries);
        CheckMemoryTrace(name, results);
        if (instructionCounts is not null) CheckCoverageAndHotness(name, results, run.Report.Rows.Count(r => r.Name == "count"), instructionCounts);
        output.WriteLine($"{name}: {results.Edges.Count} call edges, {results.Trace.Count} traced (address, is_write) pairs, " +
            $"{results.Sites.Count} sites, {results.Totals.GetValueOrDefault("instructions")} instructions; {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Every edge's callee is a function; the edges into each defined function F plus the host's calls of F are F's entries.</summary>
    private static void CheckCallGraph(string name, PaperMonitor results, uint[] defined, IReadOnlyDictionary<uint, ulong> hostEntries)
    {
        var functionCount = defined[^1] + 1;
        Assert.All(results.Edges.Keys, e => Assert.True(e.Callee < functionCount, $"{name}: unresolved or bad callee {(int)e.Callee} from {e.Caller}"));
        Assert.Equal(defined, results.Entries.Keys.Order());
        var into = results.Edges.GroupBy(e => e.Key.Callee).ToDictionary(g => g.Key, g => g.Aggregate(0UL, (sum, e) => sum + e.Value));
        foreach (var f in defined)
        {
            var expected = into.GetValueOrDefault(f) + hostEntries.GetValueOrDefault(f);
            Assert.True(expected == results.Entries[f], $"{name}: calls into {f} + host calls = {expected}, but {results.Entries[f]} entries");
        }
        Assert.Contains(results.Entries.Values, n => n > 1);
    }

    /// <summary>The trace's reads and writes are the loads and stores counted by plain counters.</summary>
    private static void CheckMemoryTrace(string name, PaperMonitor results)
    {
        ulong Sum(bool isWrite) => results.Trace.Where(t => t.Key.IsWrite == isWrite).Aggregate(0UL, (sum, t) => sum + t.Value);
        Assert.True(results.Totals["loads"] > 0 && results.Totals["stores"] > 0, $"{name}: no load or store ran");
        Assert.True(Sum(false) == results.Totals["loads"], $"{name}: trace reads {Sum(false)} != loads {results.Totals["loads"]}");
        Assert.True(Sum(true) == results.Totals["stores"], $"{name}: trace writes {Sum(true)} != stores {results.Totals["stores"]}");
    }

    /// <summary>
    /// One site per instruction of the program; hotness sums to the instruction count; coverage holds exactly where
    /// hotness is positive; the first instruction of a function runs once per entry; the call sites of a function run
    /// as often as its out-edges in the call graph were taken.
    /// </summary>
    private static void CheckCoverageAndHotness(string name, PaperMonitor results, int hotnessRows, IReadOnlyDictionary<uint, int> instructions)
    {
        var sites = results.Sites;
        Assert.Equal(hotnessRows, sites.Count);
        Assert.Equal(instructions.Values.Sum(), sites.Count);
        Assert.Equal(results.Totals["instructions"], sites.Values.Aggregate(0UL, (sum, s) => sum + s.Count));
        Assert.All(sites, s => Assert.True(s.Value.Reached == s.Value.Count > 0, $"{name}: {s.Key} reached = {s.Value.Reached} but ran {s.Value.Count} times"));

        var byFunction = sites.GroupBy(s => s.Key.Fid).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Key.Pc).Select(s => s.Value).ToList());
        var outOf = results.Edges.GroupBy(e => e.Key.Caller).ToDictionary(g => g.Key, g => g.Aggregate(0UL, (sum, e) => sum + e.Value));
        foreach (var (f, fsites) in byFunction)
        {
            Assert.True(fsites.Count == instructions[f], $"{name}: function {f} has {instructions[f]} instructions but {fsites.Count} sites");
            Assert.True(fsites[0].Count == results.Entries[f], $"{name}: the first instruction of {f} ran {fsites[0].Count} times, but {results.Entries[f]} entries");
            var calls = fsites.Where(s => PaperMonitor.CallOpcodes.Contains(s.Opcode)).Aggregate(0UL, (sum, s) => sum + s.Count);
            Assert.True(calls == outOf.GetValueOrDefault(f), $"{name}: the call sites of {f} ran {calls} times, its out-edges {outOf.GetValueOrDefault(f)}");
        }
    }

    /// <summary>Entries that no call site makes: the harness calls the exported <c>_start</c>, instantiation the start function.</summary>
    private static Dictionary<uint, ulong> HostEntries(Module app)
    {
        var entries = new Dictionary<uint, ulong>();
        foreach (var export in app.Exports.Where(e => e.Kind == ExternalKind.Func && e.Name == "_start")) entries[export.Index] = 1;
        if (app.Start is { } start) entries[start] = entries.GetValueOrDefault(start) + 1;
        return entries;
    }

    private static int InstructionCount(Function function)
    {
        var reader = function.Body.Instructions();
        var count = 0;
        for (; !reader.AtEnd; count++) reader.Read();
        return count;
    }
}
