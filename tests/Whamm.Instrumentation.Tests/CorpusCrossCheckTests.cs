using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Every runnable program of the corpus (the C programs and the WASI-runnable npm modules) instrumented with
/// <see cref="CorpusMonitor"/>: the output validates (ours, then Wasmtime while compiling it), the program's stdout
/// (masked per the npm table), exit status and written files are unchanged, and counts taken in independent ways agree.
/// </summary>
public sealed class CorpusCrossCheckTests
{
    public static IEnumerable<object[]> Programs() => CorpusProgram.Names();

    [Fact]
    public void AtLeastFiveNpmProgramsAreRunnable() =>
        Assert.True(CorpusProgram.All().Count(p => p.Module.Kind == CorpusKind.Npm) >= 5, "the npm table must list at least 5 WASI-runnable programs");

    [Theory]
    [MemberData(nameof(Programs))]
    public void CountsAgreeAndBehaviourIsUnchanged(string name)
    {
        var program = CorpusProgram.Get(name);
        var app = ModuleReader.Read(program.Module.ReadBytes());
        var monitor = CorpusMonitor.For(app);
        var v = WasiHarness.RunInstrumented(program, app, monitor.Script).Globals;
        void Same(string what, ulong expected, ulong actual) => Assert.True(expected == actual, $"{name}: {what}: {expected} != {actual}");
        Assert.True(v["calls"] > 0 && v["brif"] > 0, $"{name}: the program ran no call or br_if");
        if (monitor.CountsInstructions)
        {
            Same("instructions = sum over categories", v["count"], CorpusMonitor.Categories.Aggregate(0UL, (sum, c) => sum + v["cat_" + c]));
            Same("load category in the chain = loads by category_id", v["cat_load"], v["loads_by_category"]);
            Same("store category in the chain = stores by category_id", v["cat_store"], v["stores_by_category"]);
            Assert.True(v["cat_control"] >= v["calls"] + v["brif"], $"{name}: fewer control instructions than calls + br_ifs");
        }
        Same("calls by event = calls by opname", v["calls"], v["calls_by_name"]);
        Same("br_if executions = taken + fall-through", v["brif"], v["brif_taken"] + v["brif_fallthrough"]);
        Same("br_if fall-through (after) = zero condition (before)", v["brif_fallthrough"], v["brif_zero"]);
        Same("br_if taken (before, arg0 != 0) = at_target", v["brif_taken"], v["brif_at_target"]);
        if (v["proc_exits"] == 0) Same("function entries = exits", v["entries"], v["exits"]);
        else Assert.True(v["entries"] >= v["exits"], $"{name}: left through proc_exit, yet {v["entries"]} entries < {v["exits"]} exits");
        Same("loads by name = loads by category_id", v["loads_by_name"], v["loads_by_category"]);
        Same("stores by name = stores by category_id", v["stores_by_name"], v["stores_by_category"]);
        Assert.True(v["loads_by_name"] > 0 && v["stores_by_name"] > 0, $"{name}: no load or store ran");

        Assert.NotEmpty(monitor.Callees);
        foreach (var f in monitor.Callees) Same($"calls to {f} = entries of {f}", v[$"calls_{f}"], v[$"entries_{f}"]);
        Assert.True(monitor.Callees.Any(f => v[$"entries_{f}"] > 0), $"{name}: none of the {monitor.Callees.Count} direct-only callees ran");
    }
}
