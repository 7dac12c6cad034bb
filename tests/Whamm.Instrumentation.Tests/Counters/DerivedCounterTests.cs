using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Tests.Counters;

/// <summary>
/// Per-site counters computed at exit from the counters of the code around them (<c>Passes/ProbeInjection.Runs.cs</c>):
/// where they are derived, where they must count, and that the report is --no-opt's, after a normal exit and after
/// <c>proc_exit</c> from deep inside a derived diamond.
/// </summary>
public sealed class DerivedCounterTests
{
    private const string Hotness = "wasm:opcode:*:before { report var count: u32; count++; }";
    private const string Blocks = "wasm:block:end { report var count: u32; count++; }";

    /// <summary><c>$f</c>, a diamond, called 20 times from a loop with odd and even arguments (a Collatz walk).</summary>
    private const string Diamond = """
        (module
          (func $f (param i32) (result i32)
            (if (result i32) (i32.and (local.get 0) (i32.const 1))
              (then (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
              (else (i32.shr_u (local.get 0) (i32.const 1)))))
          (func (export "_start") (local $k i32) (local $n i32)
            (local.set $n (i32.const 27))
            (loop $again
              (local.set $n (call $f (local.get $n)))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $k) (i32.const 20))))))
        """;

    /// <summary>
    /// <c>$g</c>: a block left by a <c>br_if</c> whose fall-through returns, so the code after the block runs exactly when
    /// the branch is taken; then an <c>if</c> without <c>else</c> whose then arm may branch out of the block around it, so
    /// the code after the <c>if</c> runs as often as its then arm falls through plus the times the arm is skipped, and
    /// the code after that block as often as that code plus the branch.
    /// </summary>
    private const string Skip = """
        (module
          (func $g (param i32) (result i32) (local $r i32)
            (block $skip
              (br_if $skip (i32.rem_u (local.get 0) (i32.const 3)))
              (return (i32.const 7)))
            (block $out
              (if (i32.gt_u (local.get 0) (i32.const 10))
                (then
                  (br_if $out (i32.eq (local.get 0) (i32.const 14)))
                  (local.set $r (i32.const 2))))
              (local.set $r (i32.add (local.get $r) (i32.const 1))))
            (i32.add (local.get $r) (i32.const 9)))
          (func (export "_start") (local $k i32)
            (loop $again
              (drop (call $g (local.get $k)))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $k) (i32.const 20))))))
        """;

    private static InstrumentResult AssertExact(string script, string wat)
    {
        var r = CounterOptimisationTests.Instrument(script, wat: wat);
        var report = WasiHarness.RunStart(r.ToBytes());
        Assert.Contains("REPORT CSV FLUSH", report);
        Assert.Equal(WasiHarness.RunStart(CounterOptimisationTests.Instrument(script, optimize: false, wat: wat).ToBytes()), report);
        return r;
    }

    /// <summary>How many times <paramref name="op"/> occurs in defined function <paramref name="function"/>.</summary>
    private static int Count(InstrumentResult r, int function, Op op)
    {
        var n = 0;
        var reader = r.Module.Functions[function].Body.Instructions();
        while (!reader.AtEnd) n += reader.Read().Op == op ? 1 : 0;
        return n;
    }

    [Fact]
    public void AnElseArmRunsAsOftenAsItsIfLessItsThenArm()
    {
        foreach (var script in new[] { Hotness, Blocks })
        {
            var r = AssertExact(script, Diamond);
            Assert.Equal(1, Assert.Single(r.Stats).SitesDerived);
            // $f counts its entry and its then arm in Wasm globals; the else arm and the code after the if count nothing.
            Assert.Equal(2, Count(r, 0, Op.GlobalSet));
        }
    }

    [Fact]
    public void TheCodeAfterABlockAndASkippedArmTakeTheirRunsFromTheBranchesToThem()
    {
        var r = AssertExact(Blocks, Skip);
        // Derived: the code after $skip (its br_if's block less the fall-through, which returns), after the if (its then
        // arm's fall-through plus the if's block less the then arm) and after $out (that code plus the then arm's branch).
        Assert.Equal(3, Assert.Single(r.Stats).SitesDerived);
        // Counted in $g: the br_if's block, the return, the then arm up to its br_if and after it.
        Assert.Equal(4, Count(r, 0, Op.GlobalSet));
    }

    [Fact]
    public void CountersOfSixtyFourBitsAndOtherAmountsAreDerivedToo()
    {
        const string script = "wasm:opcode:*:before { report var count: u64; report var cost: u32; count++; cost = cost + 3; }";
        var r = AssertExact(script, Diamond);
        // count (64-bit) is derived at the else arm; cost (32-bit) never is, as the runs known are count's 64-bit ones.
        Assert.Equal(1, r.Stats.Single().SitesDerived);
        // Both 32-bit: count at the else arm, and cost in all five groups ($f's entry, arms; _start's entry, loop), 3 x count.
        r = AssertExact("wasm:opcode:*:before { report var count: u32; report var cost: u32; count++; cost = cost + 3; }", Diamond);
        Assert.Equal(6, r.Stats.Single().SitesDerived);
    }

    [Fact]
    public void AReportAfterProcExitInsideADerivedDiamondIsExact()
    {
        // $f ends the program from its then arm at the 7th call; $h's diamond around the call and the code after it are
        // derived, and the frames active at the exit must not count the code they never reached.
        const string wat = """
            (module
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (func $f (param i32)
                (if (i32.eq (local.get 0) (i32.const 6)) (then (call $exit (i32.const 0)))))
              (func $h (param i32) (result i32)
                (if (result i32) (i32.and (local.get 0) (i32.const 1))
                  (then (call $f (local.get 0)) (i32.const 1))
                  (else (call $f (local.get 0)) (i32.const 2))))
              (func (export "_start") (local $k i32) (local $s i32)
                (loop $again
                  (local.set $s (i32.add (local.get $s) (call $h (local.get $k))))
                  (local.set $k (i32.add (local.get $k) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $k) (i32.const 20))))))
            """;
        foreach (var script in new[] { Hotness, Blocks }) Assert.True(AssertExact(script, wat).Stats.Single().SitesDerived > 0);
    }

    [Fact]
    public void BranchTableTargetsCountForThemselves()
    {
        const string wat = """
            (module
              (func $t (param i32) (result i32)
                (block $c (block $b (block $a
                  (br_table $a $b $c (local.get 0)))
                  (return (i32.const 1)))
                  (return (i32.const 2)))
                (i32.const 3))
              (func (export "_start") (local $k i32)
                (loop $again
                  (drop (call $t (i32.rem_u (local.get $k) (i32.const 4))))
                  (local.set $k (i32.add (local.get $k) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $k) (i32.const 20))))))
            """;
        var r = AssertExact(Blocks, wat);
        Assert.Equal(0, Assert.Single(r.Stats).SitesDerived);
    }

    [Fact]
    public void AnAltProbeTurnsDerivingOff()
    {
        var r = AssertExact(Hotness + " wasm:opcode:nop:alt { }", Diamond);
        Assert.All(r.Stats, s => Assert.Equal(0, s.SitesDerived));
    }
}
