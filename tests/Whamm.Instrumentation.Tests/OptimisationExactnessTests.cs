using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Issue #9's exactness rule on real programs: every runnable corpus program instrumented with the paper's call graph,
/// coverage and hotness monitors, a branch monitor and a memory trace, optimised and with <c>--no-opt</c>, must print the same report (byte for byte), leave the same
/// getters and behave as uninstrumented (<see cref="WasiHarness.RunInstrumented"/> checks exit status, stdout and files).
/// </summary>
public sealed class OptimisationExactnessTests
{
    /// <summary>Per-site counters and flags, a global count, counters in locals, and what must stay as written (residual predicates, maps).</summary>
    private const string Branches = """
        report var branches: u64;
        wasm:opcode:br_if|if:before { report var taken: u32; report var total: u32; taken = taken + (arg0 != 0) as u32; total++; branches++; }
        wasm:opcode:br_table:before { report var chosen: map<u32, u32>; chosen[arg0]++; }
        wasm:block:end { report var blocks: u32; blocks = blocks + instr_count; }

        """;

    /// <summary>The paper's call graph (map entries with keys known at call sites, and per-function entry counters).</summary>
    private const string CallGraph = """
        report var graph: map<(u32, u32), u64>;
        wasm:opcode:call|return_call:before { graph[(fid, imm0)]++; }
        wasm:opcode:call_indirect|return_call_indirect:before { graph[(fid, resolved_fid as u32)]++; }
        wasm:func:entry { report var entries: u64; entries++; }

        """;

    /// <summary>Issue #9's memory trace: map entries keyed by run-time addresses (<c>Counters.DenseMapCounters</c>).</summary>
    private const string MemoryTrace = """
        report var trace: map<(u32, bool), u32>;
        wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }

        """;

    private const string Sparse = """
        var branches: u64; var calls: u64; var locals: u64;
        wasm:opcode:br_if|if|br_table:before { branches++; }
        wasm:opcode:call|call_indirect:before { calls++; }
        wasm:opcode:local.get:before { locals = locals + 2; }
        report var graph: map<(u32, u32), u64>;
        wasm:opcode:call:before { graph[(fid, imm0)]++; }

        """;

    /// <summary>The programs that do the same work on every run: yosys prints the CPU time it used, so its counts vary from run to run.</summary>
    public static IEnumerable<object[]> Reproducible() =>
        CorpusProgram.All().Where(p => p.StdoutMask is null).Select(p => new object[] { p.Name });

    [Fact]
    public void MostProgramsAreReproducible() => Assert.True(Reproducible().Count() >= 16 + 4);

    [Theory]
    [MemberData(nameof(Reproducible))]
    public void OptimisedAndPlainReportsAreTheSame(string name)
    {
        var program = CorpusProgram.Get(name);
        var bytes = program.Module.ReadBytes();
        var dense = ModuleReader.Read(bytes).Functions.Sum(f => (long)f.Body.Bytes.Length) <= CorpusMonitor.MaxCodeBytesForInstructionCounts;
        // Above the limit only global counters at branches and calls (held in locals, merged) and the call graph: plain
        // per-instruction code takes Wasmtime minutes to compile there, and per-site rows at millions of sites, gigabytes.
        var script = dense ? Branches + CallGraph + MemoryTrace + PaperMonitor.CoverageAndHotness : Sparse;
        var optimised = WasiHarness.RunInstrumented(program, ModuleReader.Read(bytes), script);
        var plain = WasiHarness.RunInstrumented(program, ModuleReader.Read(bytes), script, optimize: false);
        Assert.True(plain.Report.HasTable, $"{name}: no report");
        Assert.Equal(plain.Globals, optimised.Globals);
        Assert.Equal(plain.Report.Text, optimised.Report.Text);
    }
}
