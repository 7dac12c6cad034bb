using System.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;
using Xunit.Abstractions;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// A million insertions into maps of the core library from an instrumented program: a probe at every call of
/// <c>$insert(key, i)</c> stores <c>i²</c> under <c>key</c> and <c>3i + 1</c> under <c>(key, i)</c>; a probe at every
/// call of <c>$check(key, i)</c> reads both back, counts each value that is not what was stored, and sums them, and
/// reads a pair that was never stored. The keys are <c>i · 0x9E3779B1</c> (odd, so distinct modulo 2³², and spread
/// over all bits). The sums are compared with their closed forms, and <c>wasm:end</c> rereads the first and last keys.
/// </summary>
public sealed class MillionEntryMapTests(ITestOutputHelper output)
{
    private const int N = 1_000_000;
    private const uint Spread = 0x9E3779B1;

    private static readonly string App = $$"""
        (module
          (func $insert (param $key i32) (param $i i32))
          (func $check (param $key i32) (param $i i32))
          (func (export "_start")
            (local $i i32)
            (loop $fill
              (call $insert (i32.mul (local.get $i) (i32.const {{Spread}})) (local.get $i))
              (br_if $fill (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const {{N}}))))
            (local.set $i (i32.const 0))
            (loop $read
              (call $check (i32.mul (local.get $i) (i32.const {{Spread}})) (local.get $i))
              (br_if $read (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const {{N}}))))))
        """;

    // arg0 is i (the last parameter), arg1 the key; $insert is function 0, $check function 1.
    private static readonly string Script = $$"""
        var squares: map<u32, u64>;
        var pairs: map<(u32, u32), u64>;
        var inserted: u32;
        var checked: u32;
        var wrong: u32;
        var square_sum: u64;
        var pair_sum: u64;
        var absent_sum: u64;
        var ends_ok: bool;

        wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 0 / {
            var i: u64 = arg0 as u64;
            squares[arg1 as u32] = i * i;
            pairs[(arg1 as u32, arg0 as u32)] = 3 * i + 1;
            inserted++;
        }

        wasm:opcode:call(arg0: i32, arg1: i32):before / imm0 == 1 / {
            var i: u64 = arg0 as u64;
            var square: u64 = squares[arg1 as u32];
            var pair: u64 = pairs[(arg1 as u32, arg0 as u32)];
            if (square != i * i || pair != 3 * i + 1) { wrong++; }
            square_sum = square_sum + square;
            pair_sum = pair_sum + pair;
            absent_sum = absent_sum + pairs[(arg1 as u32, (arg0 + 1) as u32)];
            checked++;
        }

        wasm:end {
            ends_ok = squares[{{Spread}}] == 1 && squares[{{unchecked(Spread * (N - 1))}}] == {{(ulong)(N - 1) * (N - 1)}}
                && pairs[({{unchecked(Spread * (N - 1))}}, {{N - 1}})] == {{3UL * (N - 1) + 1}};
        }
        """;

    [Fact]
    public void EveryInsertedValueReadsBack()
    {
        var clock = Stopwatch.StartNew();
        var (script, diagnostics) = Checker.Check(SourceText.From(Script, "million.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(App).ToArray());
        var bytes = Instrumenter.Instrument(app, script).ToBytes();

        using var module = Wasmtime.Module.FromBytes(WasiHarness.Engine, "million", bytes);
        using var store = new Wasmtime.Store(WasiHarness.Engine);
        using var linker = new Wasmtime.Linker(WasiHarness.Engine);
        linker.DefineWasi();
        store.SetWasiConfiguration(new Wasmtime.WasiConfiguration());
        var instance = linker.Instantiate(store, module);
        instance.GetAction("_start")!();
        ulong Get(string name) => instance.GetFunction("get_" + name)!.Invoke() switch
        {
            long l => (ulong)l,
            int i => (uint)i,
            var other => throw new InvalidOperationException($"get_{name} returned {other}"),
        };

        const ulong n = N;
        Assert.Equal(n, Get("inserted"));
        Assert.Equal(n, Get("checked"));
        Assert.Equal(0UL, Get("wrong"));
        Assert.Equal((n - 1) * n * (2 * n - 1) / 6, Get("square_sum")); // Σ i² for i < n
        Assert.Equal(3 * (n - 1) * n / 2 + n, Get("pair_sum"));           // Σ (3i + 1)
        Assert.Equal(0UL, Get("absent_sum"));
        Assert.Equal(1UL, Get("ends_ok"));
        output.WriteLine($"{N} insertions into each map, then {N} reads of each: {clock.Elapsed.TotalSeconds:F1} s");
    }
}
