using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Map entries keyed by a run-time value (<c>Counters.DenseMapCounters</c>): the hot path stays out of the core library,
/// and the report is the one the plain code gives, also when the keys outgrow the counters' budget. Carries, pages,
/// wide values and reads in <c>wasm:end</c> are in the <c>counters-dense-map</c> scenario.
/// </summary>
public sealed class DenseMapCounterTests
{
    private const string Trace = """
        report var trace: map<(u32, bool), u32>;
        wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
        """;

    private static byte[] Instrument(string wat, string script, bool optimize = true, int pages = 4096, bool planes = true)
    {
        var (checkedScript, diagnostics) = Checker.Check(SourceText.From(script, "t.mm"));
        Assert.False(checkedScript.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray());
        return Instrumenter.Instrument(app, checkedScript, new InstrumentOptions { Optimize = optimize, DenseCounterPages = pages, AddressPlanes = planes }).ToBytes();
    }

    /// <summary>The names of the functions the program's first function calls, once per call instruction.</summary>
    private static List<string?> Callees(byte[] instrumented)
    {
        var module = ModuleReader.Read(instrumented);
        var callees = new List<string?>();
        var reader = module.Functions[0].Body.Instructions();
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            if (ins.Op == Op.Call) callees.Add(module.FunctionName(ins.Index));
        }
        return callees;
    }

    [Fact]
    public void AMemoryTraceCallsNothingAndOtherRunTimeKeysOnlyTheSlowPathOfTheirArray()
    {
        const string wat = """
            (module (memory 1)
              (func (export "_start") (local $i i32)
                (loop $again
                  (i32.store (local.get $i) (i32.load offset=8 (local.get $i)))
                  (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 64))))))
            """;
        Assert.Empty(Callees(Instrument(wat, Trace))); // byte planes: no call even for a first touch or a carry
        const string byValue = "report var seen: map<(u32, bool), u32>; wasm:opcode:i32.load|i32.store:before { seen[(addr as u32, is_write)]++; }";
        Assert.Equal(["whamm_dense_miss_0", "whamm_dense_miss_1"], Callees(Instrument(wat, byValue)).Order());
        Assert.Equal(["whamm_dense_miss_0", "whamm_dense_miss_1"], Callees(Instrument(wat, Trace, planes: false)).Order()); // --max-memory
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, Trace)), WasiHarness.RunStart(Instrument(wat, Trace, planes: false)));
        // Loads of 8..68 once each, stores of 0..60 once each.
        var expected = string.Join(";", Enumerable.Range(0, 16).Select(i => $"({8 + 4 * i},false)->1")
            .Concat(Enumerable.Range(0, 16).Select(i => $"({4 * i},true)->1"))
            .OrderBy(e => int.Parse(e[1..e.IndexOf(',')]))
            .ThenBy(e => e.Contains("true")));
        Assert.Contains(expected, WasiHarness.RunStart(Instrument(wat, Trace)));
    }

    [Fact]
    public void PlanesFollowMemoryGrowthAndCarryThroughEveryByte()
    {
        // Grows the memory by a page, then loads its address 65540 70,000 times (carries into the third plane) and
        // address 4 300 times; the store of 70000 at 4 (a value, not a count) is counted once.
        const string wat = """
            (module (memory 1)
              (func (export "_start") (local $i i32)
                (drop (memory.grow (i32.const 1)))
                (loop $again
                  (drop (i32.load (i32.const 65540)))
                  (if (i32.lt_u (local.get $i) (i32.const 300)) (then (drop (i32.load8_u offset=4 (i32.const 0)))))
                  (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 70000))))
                (i32.store (i32.const 4) (local.get $i))))
            """;
        var report = WasiHarness.RunStart(Instrument(wat, Trace));
        Assert.Contains("(4,false)->300;(4,true)->1;(65540,false)->70000", report);
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, Trace, optimize: false)), report);
    }

    [Fact]
    public void AnAccessOutOfBoundsTrapsAsBeforeAndTheReportAfterATrapIsApproximate()
    {
        const string wat = """
            (module (memory 1)
              (func (export "_start") (drop (i32.load (i32.const 65536)))))
            """;
        var (checkedScript, _) = Checker.Check(SourceText.From(Trace, "t.mm"));
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray());
        var result = Instrumenter.Instrument(app, checkedScript, new InstrumentOptions());
        Assert.True(result.ApproximateAfterTrap);
        var trap = Assert.Throws<Wasmtime.TrapException>(() => WasiHarness.RunStart(result.ToBytes()));
        Assert.Equal(Wasmtime.TrapCode.MemoryOutOfBounds, trap.Type);
    }

    [Fact]
    public void APerSiteMapOfBranchTargetsIsAnArrayNotACallIntoTheCoreLibrary()
    {
        const string wat = """
            (module
              (func (export "_start") (param i32)
                (block (block (br_table 0 1 (local.get 0))))))
            """;
        const string script = "wasm:opcode:br_table:before { report var chosen: map<u32, u32>; chosen[target]++; }";
        Assert.Empty(Callees(Instrument(wat, script)));
        Assert.Single(Callees(Instrument(wat, script, optimize: false)));
    }

    [Fact]
    public void AMapGetsFewArraysAndNoneForKeysNamingTheirFunction()
    {
        // Six variants (the constant second element), of which the first four get arrays; a key naming fid gets none.
        const string wat = """
            (module
              (func (export "_start") (local $i i32)
                (loop $again
                  (drop (i32.add (i32.sub (i32.mul (i32.and (i32.or (i32.xor (local.get $i) (i32.const 3)) (i32.const 1))
                    (i32.const 7)) (i32.const 2)) (i32.const 1)) (i32.const 9)))
                  (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 300))))))
            """;
        var ops = new[] { "xor", "or", "and", "mul", "sub", "add" };
        var script = "report var m: map<(u32, u32), u32>;\n"
            + string.Concat(ops.Select((op, k) => $"wasm:opcode:i32.{op}:before {{ m[(arg0 as u32, {k})]++; }}\n"));
        var dense = ModuleReader.Read(Instrument(wat, script));
        Assert.Equal(4, Enumerable.Range(0, dense.FunctionCount).Count(f => dense.FunctionName((uint)f)?.StartsWith("whamm_dense_miss_") == true));
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, script, optimize: false)), WasiHarness.RunStart(Instrument(wat, script)));
        var byFunction = ModuleReader.Read(Instrument(wat, "report var g: map<(u32, u32), u32>; wasm:opcode:i32.xor:before { g[(arg0 as u32, fid)]++; }"));
        Assert.Equal(1, byFunction.MemoryCount); // the core library's (the program has none)
    }

    [Fact]
    public void KeysPastTheBudgetGoToTheMapAsWritten()
    {
        // 40 keys 2^16 apart, each in a page of its own, twice each; a budget of 25 pages leaves 15 keys to the map.
        const string wat = """
            (module
              (func (export "_start") (local $i i32)
                (loop $again
                  (drop (i32.eqz (i32.shl (i32.rem_u (local.get $i) (i32.const 40)) (i32.const 16))))
                  (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 80))))))
            """;
        const string script = "report var seen: map<u32, u32>; wasm:opcode:i32.eqz:before { seen[arg0 as u32]++; }";
        var expected = string.Join(";", Enumerable.Range(0, 40).Select(k => $"{(uint)k << 16}->2"));
        var small = WasiHarness.RunStart(Instrument(wat, script, pages: 25));
        Assert.Contains(expected, small);
        Assert.Equal(WasiHarness.RunStart(Instrument(wat, script, optimize: false)), small);
        Assert.Equal(small, WasiHarness.RunStart(Instrument(wat, script)));
    }
}
