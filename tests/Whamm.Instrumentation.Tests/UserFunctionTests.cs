using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>User functions are emitted only when something calls them (the scenarios check what they compute).</summary>
public sealed class UserFunctionTests
{
    [Fact]
    public void OnlyCalledFunctionsAreEmitted()
    {
        var dir = Path.Combine(ScenarioTests.ScenarioDir, "fn-folded-away-not-called");
        var wasm = Wasmtime.Module.ConvertText(File.ReadAllText(Path.Combine(dir, "app.wat"))).ToArray();
        var (script, _) = Checker.Check(SourceText.From(File.ReadAllText(Path.Combine(dir, "script.mm")), "script.mm"));
        var module = Instrumenter.Instrument(ModuleReader.Read(wasm), script).Module;
        var names = Enumerable.Range(0, module.FunctionCount).Select(i => module.FunctionName((uint)i)).ToList();
        Assert.Contains("cheap", names);
        Assert.DoesNotContain("expensive", names); // called only where the predicate folded away
    }
}
