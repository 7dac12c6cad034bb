using Whamm.Instrumentation.Counters;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests.Counters;

/// <summary>
/// Which calls certainly return unless the program traps (<see cref="ReturningCalls"/>); that counters run on across
/// them without changing a report is checked by the scenario counters-returning-calls and the corpus exactness tests.
/// </summary>
public sealed class ReturningCallsTests
{
    private const string App = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (import "env" "host" (func $host))
          (type $unary (func (param i32) (result i32)))
          (type $void (func (param i32)))
          (table 2 funcref)
          (elem (i32.const 0) $twice $stop)
          (tag $oops)
          (func $twice (type $unary) (i32.mul (local.get 0) (i32.const 2)))
          (func $stop (type $void) (call $exit (local.get 0)))
          (func $even (param i32) (result i32)
            (if (result i32) (local.get 0) (then (call $odd (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 1))))
          (func $odd (param i32) (result i32)
            (if (result i32) (local.get 0) (then (call $even (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))
          (func $stops_later (call $stop (i32.const 1)))
          (func $throws (throw $oops))
          (func $tail (return_call $stops_later))
          (func $caller (export "caller")
            (drop (call $twice (i32.const 1)))
            (drop (call $write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0)))
            (drop (call $even (i32.const 4)))
            (drop (call_indirect (type $unary) (i32.const 1) (i32.const 0)))
            (call $exit (i32.const 0))
            (call $host)
            (call $stops_later)
            (call_indirect (type $void) (i32.const 1) (i32.const 1))
            (call $throws)
            (call $tail)))
        """;

    /// <summary>Whether each call of <c>$caller</c> (the last function of <paramref name="app"/>) returns, in order.</summary>
    private static bool[] CallerReturns(string app = App, bool analysed = true)
    {
        var module = ModuleReader.Read(Wasmtime.Module.ConvertText(app).ToArray());
        var calls = analysed ? ReturningCalls.Of(module, new ValidationContext(module), threads: 2) : ReturningCalls.None;
        var returns = new List<bool>();
        var reader = module.Functions[^1].Body.Instructions();
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            if (CounterFlow.IsCall(ins.Op)) returns.Add(calls.Returns(ins));
        }
        return [.. returns];
    }

    [Fact]
    public void ACallReturnsWhenNoCalleeItMayReachEndsTheProgramOrThrows()
    {
        // $twice, WASI fd_write, the mutual recursion $even/$odd, call_indirect $unary (only $twice has that type); then
        // proc_exit, an unknown import, a function calling one that exits, call_indirect $void ($stop exits), a throw and
        // a tail call of a function that exits.
        Assert.Equal([true, true, true, true, false, false, false, false, false, false], CallerReturns());
    }

    [Theory]
    [InlineData("""(table 2 funcref)""", """(table (export "t") 2 funcref)""")]
    [InlineData("""(func $caller (export "caller")""", """(func $caller (export "caller") (param funcref)""")]
    [InlineData("""(func $caller (export "caller")""", """(func $caller (export "caller") (result externref) (ref.null extern)""")]
    public void AnIndirectCallMayLeaveWhenATableOrAReferenceCrossesTheModulesBoundary(string part, string crossing)
    {
        // The host may put a function of its own in the table; direct calls are unaffected.
        Assert.Equal([true, true, true, false], CallerReturns(App.Replace(part, crossing))[..4]);
    }

    [Fact]
    public void WithoutTheAnalysisEveryCallMayLeave() => Assert.All(CallerReturns(analysed: false), Assert.False);
}
