using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Writing;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Scripts that only count into script globals or per-site variables of one size are instrumented on several threads
/// (<see cref="InstrumentOptions.Threads"/>): the output, report table included, must be the one-by-one walk's, byte for
/// byte, and every other script must stay sequential.
/// </summary>
public sealed class ParallelInstrumentationTests
{
    private static InstrumentResult Instrument(string script, int threads, bool optimize = true)
    {
        var (checkedScript, diagnostics) = Checker.Check(SourceText.From(script, "t.mm"));
        Assert.False(checkedScript.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(CorpusFiles.Get("npm/sqljs").ReadBytes()); // emscripten: over a thousand functions
        return Instrumenter.Instrument(app, checkedScript, new InstrumentOptions { Threads = threads, Optimize = optimize });
    }

    [Theory]
    [InlineData("report var count: u64; wasm:opcode:*:before { count++; }")]
    [InlineData("var calls: u64; wasm:opcode:call:before { calls++; }")]
    [InlineData("""
        var loads: u64; var stores: i32;
        wasm:opcode:*load*:before { loads++; }
        wasm:opcode:*store*:before / 1 < 2 / { stores = stores - 2; }
        wasm:opcode:call|call_indirect:before { loads = loads + 5; stores--; }
        """)]
    [InlineData("wasm:opcode:*:before { report var count: u32; count++; }")]                 // hotness
    [InlineData("wasm:opcode:*:before { report var reached: bool; reached = true; }")]       // coverage: a bool takes four bytes
    [InlineData("wasm:opcode:call:before { report var n: u32; n++; }")]                      // sparse: most functions take no instance
    [InlineData("""
        report var all: u64;
        wasm:opcode:if|br_if:before { report var total: u32; report var twice: u32; total++; twice = twice + 2; all++; }
        wasm:opcode:local.get:before { unshared var hidden: i32; hidden--; }
        """)]                                                                                    // globals and instances, one without a report row
    public void ACounterScriptGivesTheSameModuleOnFourThreadsAsOnOne(string script)
    {
        var sequential = Instrument(script, threads: 1);
        var parallel = Instrument(script, threads: 4);
        Assert.False(sequential.WalkedInParallel);
        Assert.True(parallel.WalkedInParallel);
        Assert.Equal(sequential.Stats.Select(s => s.ToString()), parallel.Stats.Select(s => s.ToString()));
        Assert.All(parallel.Stats, s => Assert.True(s.SitesInjected > 0, s.ToString()));
        Assert.Equal(sequential.ApproximateAfterTrap, parallel.ApproximateAfterTrap);
        Assert.Equal(ModuleWriter.Write(sequential.Module), ModuleWriter.Write(parallel.Module));
    }

    [Theory]
    [InlineData("wasm:opcode:call:before { report var n: u64; n++; } wasm:opcode:br_if:before { report var b: bool; b = true; }")] // two sizes
    [InlineData("wasm:opcode:call:before { report var g: map<u32, u32>; g[0]++; }")]       // a per-site map
    [InlineData("report var g: map<u32, u32>; wasm:opcode:call:before { g[fid]++; }")]     // map counters: static data
    [InlineData("var n: u32; wasm:opcode:call:before / imm0 == 3 / { n++; }")]             // statics: folded per site
    [InlineData("var n: i32; wasm:opcode:i32.add:before { n = n + arg0; }")]               // not a counter
    [InlineData("var n: u32; wasm:opcode:call:before { n++; } wasm:opcode:call:after { n++; }")]
    [InlineData("var n: u32; wasm:opcode:call:before { n++; } wasm:func:entry { n++; }")]
    [InlineData("var n: u32; wasm:opcode:call:before { n++; } wasm:opcode:br_if:before / n > 3 / { n++; }")]
    public void OtherScriptsStaySequential(string script) => Assert.False(Instrument(script, threads: 4).WalkedInParallel);

    [Fact]
    public void WithoutTheCounterOptimisationsTheWalkIsSequential() =>
        Assert.False(Instrument("var calls: u64; wasm:opcode:call:before { calls++; }", threads: 4, optimize: false).WalkedInParallel);
}
