using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Strings, built-ins and funcref resolution add functions and memory of ours only when a probe needs them at run
/// time: folded string methods and static <c>resolved_fid</c> leave no trace, run-time ones add each helper once.
/// </summary>
public sealed class EmittedOnlyWhenNeededTests
{
    private static (Module App, InstrumentResult Result) Instrument(string scenario)
    {
        var dir = Path.Combine(ScenarioTests.ScenarioDir, scenario);
        var wasm = Wasmtime.Module.ConvertText(File.ReadAllText(Path.Combine(dir, "app.wat"))).ToArray();
        var (script, diagnostics) = Checker.Check(SourceText.From(File.ReadAllText(Path.Combine(dir, "script.mm")), "script.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        return (ModuleReader.Read(wasm), Instrumenter.Instrument(ModuleReader.Read(wasm), script));
    }

    private static string[] OurFunctions(Module m) =>
        [.. (m.Names?.FunctionNames.Values ?? []).Where(n => n.StartsWith("whamm_", StringComparison.Ordinal))];

    [Fact]
    public void StaticResolvedFidNeedsNoShadowTable()
    {
        var (app, result) = Instrument("funcref-static-ref-func");
        Assert.Equal(app.MemoryCount, result.Module.MemoryCount);
        Assert.DoesNotContain(OurFunctions(result.Module), n => n.Contains("shadow", StringComparison.Ordinal));
    }

    [Fact]
    public void RunTimeResolvedFidShadowsEachTableOnce()
    {
        var (_, result) = Instrument("funcref-table-copy");
        var reserves = OurFunctions(result.Module).Where(n => n.StartsWith("whamm_shadow_reserve_", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(["whamm_shadow_reserve_0", "whamm_shadow_reserve_1"], reserves);
    }

    [Fact]
    public void FoldedStringMethodsAddNothing()
    {
        var (app, result) = Instrument("str-fold-call-target-methods");
        Assert.Equal(app.MemoryCount, result.Module.MemoryCount);
        Assert.Empty(OurFunctions(result.Module));
    }

    [Fact]
    public void RunTimeStringTestsAddEachHelperOnce()
    {
        var (_, result) = Instrument("str-runtime-methods");
        var ours = OurFunctions(result.Module);
        Assert.Equal(ours.Length, ours.Distinct(StringComparer.Ordinal).Count());
        foreach (var test in new[] { "startswith", "endswith", "contains" })
            Assert.Single(ours, n => n.StartsWith($"whamm_str_{test}_", StringComparison.Ordinal));
    }
}
