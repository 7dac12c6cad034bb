using Whamm.Instrumentation.Counters;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests.Counters;

/// <summary>
/// Per-site counters outside loops' locals held in Wasm globals (<see cref="CounterGlobals"/>): the report is --no-opt's,
/// and only functions within the code budget take globals. Every scenario and corpus program checks the reports too.
/// </summary>
public sealed class CounterGlobalsTests
{
    private const string Blocks = "wasm:block:end { report var runs: u32; runs++; }";

    /// <summary>A function whose block's rest is skipped when its argument is odd, with <paramref name="nops"/> there.</summary>
    private static string Skipping(string name, int nops) =>
        $"(func ${name} (param i32) (block (br_if 0 (i32.and (local.get 0) (i32.const 1))) {string.Concat(Enumerable.Repeat("(nop)", nops))}) (nop))";

    [Fact]
    public void CountersOutsideLoopsAreGlobalsAddedToTheirInstancesAtExit()
    {
        var wat = $"""
            (module {Skipping("f", 1)}
              (func (export "_start") (call $f (i32.const 1)) (call $f (i32.const 2)) (call $f (i32.const 4))))
            """;
        var optimized = Instrument(wat, optimize: true);
        Assert.Equal((2, 0), (Count(optimized, 0, Op.GlobalSet), Count(optimized, 0, Op.I32Store)));
        var report = WasiHarness.RunStart(optimized.ToBytes());
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, optimize: false).ToBytes()), report);
        Assert.Contains(", f, 0, 11, 0_wasm:block:end:<no-mode>, 2\n", report); // the block's rest: skipped once of three
    }

    [Fact]
    public void FunctionsPastTheCodeBudgetKeepTheirCountersInMemory()
    {
        var wat = $"""
            (module {Skipping("small", 1)} {Skipping("big", (int)CounterGlobals.CodeBudget)}
              (func (export "_start") (call $small (i32.const 2)) (call $big (i32.const 2)) (call $big (i32.const 3))))
            """;
        var optimized = Instrument(wat, optimize: true);
        Assert.Equal((2, 0), (Count(optimized, 0, Op.GlobalSet), Count(optimized, 0, Op.I32Store)));
        Assert.Equal((0, 2), (Count(optimized, 1, Op.GlobalSet), Count(optimized, 1, Op.I32Store)));
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, optimize: false).ToBytes()), WasiHarness.RunStart(optimized.ToBytes()));
    }

    private static InstrumentResult Instrument(string wat, bool optimize)
    {
        var (script, diagnostics) = Checker.Check(SourceText.From(Blocks, "t.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray());
        return Instrumenter.Instrument(app, script, new InstrumentOptions { Optimize = optimize });
    }

    /// <summary>How many times <paramref name="op"/> occurs in defined function <paramref name="function"/>.</summary>
    private static int Count(InstrumentResult r, int function, Op op)
    {
        var n = 0;
        var reader = r.Module.Functions[function].Body.Instructions();
        while (!reader.AtEnd) n += reader.Read().Op == op ? 1 : 0;
        return n;
    }
}
