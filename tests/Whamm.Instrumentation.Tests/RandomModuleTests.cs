using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Binaryen's random modules (every proposal Binaryen generates, unreachable code, multi-value blocks) instrumented
/// with the counter optimisations' monitors, optimised: the output validates, by ours and by Wasmtime's validator (Wasmtime
/// 50 cannot compile some of their GC types).
/// </summary>
public sealed class RandomModuleTests
{
    /// <summary>Map entries by address (dense arrays), per-site maps of branch targets, per-site counters, global counts.</summary>
    private const string Script = """
        report var trace: map<(u32, bool), u32>;
        wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
        wasm:opcode:br_table:before { report var chosen: map<u32, u32>; chosen[target]++; }
        wasm:opcode:*:before { report var hot: u32; hot++; }
        var count: u64;
        wasm:opcode:*:before { count++; }
        """;

    private static readonly Lazy<CheckedScript> Checked = new(() =>
    {
        var (script, diagnostics) = Checker.Check(SourceText.From(Script, "random.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        return script;
    });

    /// <summary>Every fourth module (250 of the 1,000 that scripts/corpus/gen-random.sh makes).</summary>
    public static IEnumerable<object[]> Modules() =>
        CorpusFiles.Random().Where((_, i) => i % 4 == 0).Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Modules))]
    public void InstrumentedModulesValidate(string name)
    {
        var module = CorpusFiles.Random().Single(m => m.Name == name);
        var bytes = Instrumenter.Instrument(ModuleReader.Read(module.ReadBytes()), Checked.Value).ToBytes();
        ModuleValidator.Validate(ModuleReader.Read(bytes));
        Assert.Null(Wasmtime.Module.Validate(Whamm.Runtime.WasmtimeEngines.Shared, bytes));
    }
}
