using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// That the counter optimisations (issue #9) happen where they may and not where they may not; that they do not change
/// what a report says is checked by <see cref="ScenarioTests.ScenarioWithoutOptimisations"/> and the corpus exactness tests.
/// </summary>
public sealed class CounterOptimisationTests
{
    private const string Loop = """
        (module
          (func $f (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
          (func (export "_start") (local $k i32)
            (loop $again
              (local.set $k (call $f (local.get $k)))
              (br_if $again (i32.lt_u (local.get $k) (i32.const 6))))))
        """;

    internal static InstrumentResult Instrument(string script, bool optimize = true, string wat = Loop)
    {
        var (checkedScript, diagnostics) = Checker.Check(SourceText.From(script, "t.mm"));
        Assert.False(checkedScript.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray());
        return Instrumenter.Instrument(app, checkedScript, new InstrumentOptions { Optimize = optimize });
    }

    /// <summary>How many times <paramref name="op"/> occurs in the instrumented application functions.</summary>
    private static int Count(InstrumentResult r, Op op, int functions = 2)
    {
        var n = 0;
        foreach (var f in r.Module.Functions.Take(functions))
        {
            var reader = f.Body.Instructions();
            while (!reader.AtEnd) n += reader.Read().Op == op ? 1 : 0;
        }
        return n;
    }

    /// <summary>That <paramref name="r"/> (<paramref name="script"/> on <paramref name="wat"/>), run, prints what the module instrumented with <c>--no-opt</c> prints.</summary>
    private static void AssertReportsAsWithoutOptimisation(InstrumentResult r, string script, string wat) =>
        Assert.Equal(WasiHarness.RunStart(Instrument(script, optimize: false, wat: wat).ToBytes()), WasiHarness.RunStart(r.ToBytes()));

    /// <summary>A counter of each <c>br_if</c>'s runs.</summary>
    private const string ScriptOfBranches = "wasm:opcode:br_if:before { report var runs: u32; runs++; }";

    /// <summary><see cref="Loop"/> whose <c>$f</c> may end the program: it calls WASI <c>proc_exit</c> when its argument is 9.</summary>
    private const string LoopCallingExit = """
        (module
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (func $f (param i32) (result i32)
            (if (i32.eq (local.get 0) (i32.const 9)) (then (call $exit (i32.const 0))))
            (i32.add (local.get 0) (i32.const 1)))
          (func (export "_start") (local $k i32)
            (loop $again
              (local.set $k (call $f (local.get $k)))
              (br_if $again (i32.lt_u (local.get $k) (i32.const 6))))))
        """;

    [Fact]
    public void AnInstructionCounterBecomesOneLocalUpdatePerBlockFlushedOnlyAtExits()
    {
        const string script = "var count: u64; wasm:opcode:*:before { count++; }";
        var optimized = Instrument(script);
        var plain = Instrument(script, optimize: false);
        var stats = Assert.Single(optimized.Stats);
        // Merged: all but _start's loop, alone in its block ($f returns, so the loop's body is one block).
        Assert.Equal((14, 13), (stats.SitesInjected, stats.SitesMerged));
        Assert.Equal(0, Assert.Single(plain.Stats).SitesMerged);
        Assert.Equal(stats.SitesInjected, Count(plain, Op.GlobalSet));
        // The final ends of $f and of _start (the loop's br_if only bumps the local).
        Assert.Equal(2, Count(optimized, Op.GlobalSet));
        Assert.True(optimized.ApproximateAfterTrap);
        Assert.False(plain.ApproximateAfterTrap);
    }

    [Fact]
    public void ACallThatMayEndTheProgramEndsTheGroupAndFlushesTheCounters()
    {
        var r = Instrument("var count: u64; wasm:opcode:*:before { count++; }", wat: LoopCallingExit);
        var stats = Assert.Single(r.Stats);
        // $f: its call of proc_exit and its final end; _start: the call of $f and the final end.
        Assert.Equal(4, Count(r, Op.GlobalSet));
        // Alone in their groups: the then arm's end after the call in $f, and _start's loop.
        Assert.Equal(stats.SitesInjected - 2, stats.SitesMerged);
    }

    [Fact]
    public void ACounterAnotherProbeReadsIsNotMerged()
    {
        var r = Instrument("var count: u32; var late: u32; wasm:opcode:*:before { count++; } wasm:opcode:call:before / count > 20 / { late++; }");
        Assert.All(r.Stats, s => Assert.Equal(0, s.SitesMerged));
        Assert.False(r.ApproximateAfterTrap);
    }

    [Fact]
    public void PerSiteCountersOfOneBlockShareOneCounter()
    {
        var r = Instrument("wasm:opcode:*:before { report var count: u32; count++; }");
        var stats = Assert.Single(r.Stats);
        // One counter per group: $f is one; _start has two: the function's entry (its loop, the loop's end and the final
        // end) and the loop's body across the call of $f, which the loop counts in a local.
        Assert.Equal((13, 14, 14 - 3), (stats.SitesMerged, stats.SitesInjected, stats.SitesShared));
        Assert.Equal(1, r.Module.Functions[1].Body.Locals.Sum(l => (int)l.Count) - 1);
    }

    /// <summary>
    /// 22 sites. Groups: the code up to the <c>if</c>, continued after its <c>end</c> and after the block's <c>end</c>; the
    /// then arm; the else arm; the block's rest (<c>nop</c>, <c>end</c>). A branch past the block (label 1, the function's)
    /// ends the first group at the <c>br_if</c>, and the code after the block is a group of its own.
    /// </summary>
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 5)]
    public void ACounterGroupContinuesAfterAConstructControlLeavesOnlyThroughItsEnd(int label, int counters)
    {
        var wat = $$"""
            (module
              (func (export "_start") (local $x i32)
                (local.set $x (i32.const 5))
                (if (local.get $x) (then (local.set $x (i32.const 1))) (else (local.set $x (i32.const 2))))
                (local.set $x (i32.add (local.get $x) (i32.const 1)))
                (block (br_if {{label}} (local.get $x)) (nop))
                (drop (local.get $x))))
            """;
        var stats = Assert.Single(Instrument("wasm:opcode:*:before { report var count: u32; count++; }", wat: wat).Stats);
        Assert.Equal((22, counters), (stats.SitesInjected, stats.SitesInjected - stats.SitesShared));
    }

    [Fact]
    public void ABranchConditionCountIsCountedFromTheArmsNotFromTheOperand()
    {
        const string script = "wasm:opcode:br_if|if:before { report var taken: u32; taken = taken + (arg0 != 0) as u32; }";
        // The plain code compares the saved operand with zero; the counter code only adds constants (+1 at the br_if,
        // -1 after it) and never looks at the operand.
        Assert.Equal(1, Count(Instrument(script, optimize: false), Op.I32Ne));
        var optimized = Instrument(script);
        Assert.Equal(0, Count(optimized, Op.I32Ne));
        Assert.True(optimized.ApproximateAfterTrap);
    }

    [Fact]
    public void TheFlagsOfALoopsFirstGroupAreSetBeforeTheLoop()
    {
        const string wat = """
            (module (func (export "_start") (local $i i32)
              (loop $again
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $again (i32.lt_u (local.get $i) (i32.const 5))))))
            """;
        var r = Instrument("wasm:opcode:*:before { report var reached: bool; reached = true; }", wat: wat);
        // Two flags: the function's entry (the loop, the loop's end and the final end run on every entry), in its Wasm
        // global (CounterGlobals), and the body's, set once before the loop; in a loop local at every iteration it would
        // add two local.sets (set, and reset after the flush) to the application's one. A bool per-site variable takes
        // four bytes: a flag in memory is set by one 32-bit store of a constant (ValueLayout.SiteSize), never a byte store.
        Assert.Equal((1, 1, 1, 0), (Count(r, Op.LocalSet, functions: 1), Count(r, Op.GlobalSet, functions: 1), Count(r, Op.I32Store, functions: 1),
            Count(r, Op.I32Store8, functions: 1)));
    }

    private const string CountingLoop = """
        (module (func (export "_start") (local $i i32)
          (loop $again
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $again (i32.lt_u (local.get $i) (i32.const 5))))))
        """;

    [Fact]
    public void LoopsOneAfterTheOtherShareTheirLocals()
    {
        const string wat = """
            (module (func (export "_start") (local $i i32)
              (loop $a (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $a (i32.lt_u (local.get $i) (i32.const 5))))
              (loop $b (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $b (i32.lt_u (local.get $i) (i32.const 9))))))
            """;
        // Each loop counts its runs in one local, flushed and zeroed after it: the second loop takes the first's (one local
        // per loop would each be live from the function's entry, across its calls). Run, the report is --no-opt's.
        var r = Instrument(ScriptOfBranches, wat: wat);
        Assert.Equal(2, r.Module.Functions[0].Body.Locals.Sum(l => (int)l.Count));
        AssertReportsAsWithoutOptimisation(r, ScriptOfBranches, wat);
    }

    [Fact]
    public void ALoopLeftByABranchAddsItsLocalsToTheirGlobalsOnceWhereEveryWayOutMeets()
    {
        const string wat = """
            (module (func (export "_start") (local $i i32)
              (block $out
                (loop $again
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $out (i32.eq (local.get $i) (i32.const 7)))
                  (br_if $again (i32.lt_u (local.get $i) (i32.const 100)))))
              (drop (local.get $i))))
            """;
        // Two locals count the loop's br_ifs (the first runs in every iteration, the second when the first falls through).
        // Leaving by $out or by falling out of the loop, control passes $out's end: the locals go to their globals there,
        // once, not also after the loop's own end, and not through the instrumentation memory. Run, the report is
        // --no-opt's.
        var r = Instrument(ScriptOfBranches, wat: wat);
        Assert.Equal(2, Count(r, Op.GlobalSet, functions: 1));
        Assert.Equal(0, Count(r, Op.I32Store, functions: 1));
        AssertReportsAsWithoutOptimisation(r, ScriptOfBranches, wat);
    }

    /// <summary>
    /// A dispatch loop (<c>br_table</c>) left by a branch to <c>$out</c>, which ends after code of its own (a <c>break</c>
    /// past the rest of the block); <c>DISPATCH</c> is where a second one goes.
    /// </summary>
    private const string DispatchLoop = """
        (module (func (export "_start") (local $i i32)
          (block $out
            (loop $a
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (block $odd
                (block $even (br_table $even $odd (i32.and (local.get $i) (i32.const 1))))
                (br_if $out (i32.eq (local.get $i) (i32.const 50))))
              (br_if $a (i32.lt_u (local.get $i) (i32.const 5))))
            DISPATCH
            (local.set $i (i32.add (local.get $i) (i32.const 1000))))
          (drop (local.get $i))))
        """;

    [Fact]
    public void ADispatchLoopLeftPastCodeAfterItHoldsItsCountersInLocalsFlushedWhereTheBranchLands()
    {
        // $out's end is reached from the loop and from the code after it. The loop still counts in locals, with nothing
        // but local updates inside it; they are flushed after the loop's end and after $out's end, where the path through
        // the code before finds them zero. Run, the report is --no-opt's.
        var wat = DispatchLoop.Replace("DISPATCH", "");
        var r = Instrument(ScriptOfBranches, wat: wat);
        Assert.DoesNotContain(OpsOfFirstLoop(r), op => op is Op.GlobalSet or Op.I32Store);
        AssertReportsAsWithoutOptimisation(r, ScriptOfBranches, wat);
    }

    [Fact]
    public void AScanLoopLeftPastCodeAfterItCountsOutsideLocals()
    {
        // The same loop without its br_table: a loop left early to a block ending further on is mostly a short scan
        // (memcmp's), where a flush at every entry costs more than the steps it saves.
        const string wat = """
            (module (func (export "_start") (local $i i32)
              (block $out
                (loop $a
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $out (i32.eq (local.get $i) (i32.const 50)))
                  (br_if $a (i32.lt_u (local.get $i) (i32.const 5))))
                (local.set $i (i32.add (local.get $i) (i32.const 1000))))
              (drop (local.get $i))))
            """;
        Assert.Contains(Op.GlobalSet, OpsOfFirstLoop(Instrument(ScriptOfBranches, wat: wat)));
    }

    [Fact]
    public void LoopsLeftToOneBlockEndDoNotShareLocals()
    {
        // Both loops are left to $out's end, which flushes both: had $b taken $a's locals, leaving $b by $out would add
        // its counts to $a's counters as well. Each loop has its own locals; run, the report is --no-opt's.
        var wat = DispatchLoop.Replace("DISPATCH", """
            (loop $b
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (block $odd
                (block $even (br_table $even $odd (i32.and (local.get $i) (i32.const 1))))
                (br_if $out (i32.eq (local.get $i) (i32.const 12))))
              (br_if $b (i32.lt_u (local.get $i) (i32.const 100))))
            """);
        var r = Instrument(ScriptOfBranches, wat: wat);
        AssertReportsAsWithoutOptimisation(r, ScriptOfBranches, wat);
        Assert.Equal(2 * Instrument(ScriptOfBranches, wat: DispatchLoop.Replace("DISPATCH", "")).Module.Functions[0].Body.Locals.Sum(l => (int)l.Count) - 1,
            r.Module.Functions[0].Body.Locals.Sum(l => (int)l.Count));
    }

    /// <summary>The instructions of the first loop of the first function, from its opener to its end.</summary>
    private static List<Op> OpsOfFirstLoop(InstrumentResult r)
    {
        var reader = r.Module.Functions[0].Body.Instructions();
        var ops = new List<Op>();
        var depth = 0;
        while (!reader.AtEnd)
        {
            var op = reader.Read().Op;
            if (depth == 0 && op != Op.Loop) continue;
            ops.Add(op);
            if (op is Op.Block or Op.Loop or Op.If or Op.TryTable) depth++;
            else if (op == Op.End && --depth == 0) break;
        }
        return ops;
    }

    [Fact]
    public void TheCountersOfOneGroupInALoopShareOneLocalCountingItsRuns()
    {
        const string script = """
            wasm:opcode:br_if:before {
                report var total: u32; report var twice: u32; report var wide: u64;
                total++; twice = twice + 2; wide++;
            }
            wasm:opcode:nop:alt { }
            """;
        // The br_if's group adds to total and twice (i32) and wide (i64): one i32 local counts the group's runs for total
        // and twice, wide has its own; after the loop, twice gets the runs times 2 (the scenario counters-loop-runs checks
        // such reports against --no-opt's). The alt probe keeps twice from being derived from total (DerivedCounterTests).
        var r = Instrument(script, wat: CountingLoop);
        var locals = r.Module.Functions[0].Body.Locals;
        Assert.Equal((1, 1), (locals.Where(l => l.Type == ValType.I32).Sum(l => (int)l.Count) - 1, locals.Where(l => l.Type == ValType.I64).Sum(l => (int)l.Count)));
        Assert.Equal(1, Count(r, Op.I32Mul, functions: 1));
    }

    [Fact]
    public void TheGroupsThatRunInEveryIterationShareOneLocalCountingIterations()
    {
        const string wat = """
            (module (func (export "_start") (local $i i32)
              (loop $again
                (block (br_if 0 (i32.eqz (local.get $i))) (nop))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $again (i32.lt_u (local.get $i) (i32.const 5))))))
            """;
        // Block counts in the loop: up to the inner br_if (every iteration), the block's rest (skipped when the br_if is
        // taken), from its end to the back edge (every iteration): two locals, not three; the loop's end (after the back
        // edge) runs once each time the loop is left and reads the function's entry counter. The scenario
        // counters-loop-iterations checks such reports against --no-opt's.
        var r = Instrument("wasm:block:end { report var runs: u32; runs++; }", wat: wat);
        var locals = r.Module.Functions[0].Body.Locals;
        Assert.Equal(2, locals.Where(l => l.Type == ValType.I32).Sum(l => (int)l.Count) - 1);
    }

    [Fact]
    public void TheArmAfterABlockEnteredInEveryIterationIsCountedAsIterationsLessTheOtherArm()
    {
        const string diamond = """
            (module (func (export "_start") (local $i i32) (local $odd i32)
              (loop $again
                (block $join
                  (block $even
                    (br_if $even (i32.eqz (i32.and (local.get $i) (i32.const 1))))
                    (local.set $odd (i32.add (local.get $odd) (i32.const 1)))
                    (br $join))
                  (nop))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $again (i32.lt_u (local.get $i) (i32.const 6))))))
            """;
        // Block counts: up to br_if $even and from $join's end to the back edge run in every iteration (the loop's
        // iteration count); the odd arm counts its runs (it leaves $even with a br); the even arm, from $even's end, is
        // iterations less odd runs, counted nowhere; the loop's end after the back edge reads the entry counter. Two locals.
        var r = Instrument("wasm:block:end { report var runs: u32; runs++; }", wat: diamond);
        var locals = r.Module.Functions[0].Body.Locals;
        Assert.Equal(2, locals.Where(l => l.Type == ValType.I32).Sum(l => (int)l.Count) - 2);
        var body = r.Module.Functions[0].Body.Instructions();
        var ops = new List<Op>();
        while (!body.AtEnd) ops.Add(body.Read().Op);
        var nop = ops.IndexOf(Op.Nop);
        Assert.Equal([Op.Nop, Op.End, Op.LocalGet], ops[nop..(nop + 3)]); // the even arm: nothing counted
    }

    [Fact]
    public void GroupsThatRunOnEveryEntryReadOneCounter()
    {
        const string wat = """
            (module (func (export "_start") (local $x i32)
              (local.set $x (i32.const 1))
              (block (br_if 0 (local.get $x)) (nop))
              (local.set $x (i32.const 2))))
            """;
        // Block counts: up to the br_if and from the block's end to the function's end run on every entry (one counter);
        // the block's rest is skipped when the br_if is taken (its own). The scenario counters-function-entries checks
        // such reports, with a call that ends the program, against --no-opt's.
        var r = Instrument("wasm:block:end { report var runs: u32; runs++; }", wat: wat);
        Assert.Equal(2, Count(r, Op.GlobalSet, functions: 1));
        Assert.Equal(1, Assert.Single(r.Stats).SitesShared);
        Assert.True(r.ApproximateAfterTrap);
    }

    [Fact]
    public void AForwardBranchsTakenCountIsAddedOnTheBranch()
    {
        const string whileLoop = """
            (module (func (export "_start") (local $i i32)
              (block $done
                (loop $l
                  (br_if $done (i32.ge_u (local.get $i) (i32.const 5)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))))
            """;
        const string taken = "wasm:opcode:br_if:before { report var taken: u32; taken = taken + (arg0 != 0) as u32; }";
        // br_if $done becomes if (then: taken++; br 2) end: nothing is added at every execution and undone at every
        // fall-through. A loop's back edge, mostly taken, stays a br_if: +1 at every execution, -1 once, at the exit.
        var forward = Instrument(taken, wat: whileLoop);
        Assert.Equal((0, 1, 2), (Count(forward, Op.BrIf, functions: 1), Count(forward, Op.If, functions: 1), Count(forward, Op.Br, functions: 1)));
        var back = Instrument(taken, wat: CountingLoop);
        Assert.Equal((1, 0), (Count(back, Op.BrIf, functions: 1), Count(back, Op.If, functions: 1)));
    }

    [Fact]
    public void UnreachableCodeHasNoCounters()
    {
        const string wat = """(module (func (export "_start") (block (br 0) (nop) (nop)) (nop)))""";
        var r = Instrument("wasm:opcode:*:before { report var count: u32; count++; }", wat: wat);
        // One counter update: block, br and, after the block, nop and end run together; the nops after the br and the
        // block's end never run.
        Assert.Equal(1, Count(r, Op.GlobalSet, functions: 1));
        var stats = Assert.Single(r.Stats);
        Assert.Equal((7, 7, 3), (stats.SitesInjected, stats.SitesMerged, stats.SitesShared));
    }

    [Fact]
    public void ResidualPredicatesAndNonConstantAmountsAreEmittedAsWritten()
    {
        var r = Instrument("""
            var n: u32; var m: i32; var t: u32;
            wasm:opcode:local.get:before / imm0 == 0 / { n++; }
            wasm:opcode:i32.add:before { m = m + arg0; }
            wasm:opcode:br_if:before / arg0 != 0 / { t++; }
            """);
        Assert.Equal(3, r.Stats[0].SitesInjected); // folded to true at the three local.get 0, each alone in its block
        Assert.Equal((1, 0), (r.Stats[1].SitesInjected, r.Stats[1].SitesMerged)); // arg0 is not a constant
        Assert.Equal((1, 0), (r.Stats[2].SitesInjected, r.Stats[2].SitesMerged)); // a residual predicate
    }

    [Fact]
    public void AMapEntryWithAKeyKnownAtTheSiteIsACounterNotACallIntoTheCoreLibrary()
    {
        const string script = "report var g: map<(u32, u32), u32>; wasm:opcode:call:before { g[(fid, imm0)]++; }";
        // The application's only call stays the only call in its code; the plain code looks the entry up (inserting it).
        Assert.Equal(1, Count(Instrument(script), Op.Call));
        Assert.Equal(2, Count(Instrument(script, optimize: false), Op.Call));
    }
}
