using System.Text;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Every C program of the corpus instrumented with an instruction counter, a call counter and one counter per
/// opcode category: the output validates (ours and Wasmtime), the program prints exactly what it printed
/// before under WASI, and the counts agree (the categories sum to the total; calls are counted by both).
/// </summary>
public sealed class CorpusInstrumentationTests
{
    private static readonly Wasmtime.Engine Engine = new();

    public static IEnumerable<object[]> CNames() => CorpusFiles.CNames();

    private static readonly string[] Categories = Enum.GetNames<OpCategory>().Select(n => n.ToLowerInvariant()).ToArray();

    private static string Script()
    {
        var sb = new StringBuilder();
        sb.AppendLine("var count: u64;");
        sb.AppendLine("var calls: u64;");
        sb.AppendLine("var calls_by_category: u64;");
        foreach (var c in Categories) sb.AppendLine($"var cat_{c}: u64;");
        sb.AppendLine("wasm:opcode:*:before { count++; }");
        sb.AppendLine("wasm:opcode:call:before { calls++; }");
        sb.Append("wasm:opcode:*:before {");
        for (var i = 0; i < Categories.Length; i++)
            sb.Append(i == 0 ? "" : " el").Append($"if (category_id == {(int)Enum.GetValues<OpCategory>()[i]}) {{ cat_{Categories[i]}++; }}");
        sb.AppendLine(" }");
        sb.AppendLine("wasm:opcode:*:before / opname == \"call\" / { calls_by_category++; }");
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(CNames))]
    public void CountsAgreeAndOutputIsUnchanged(string name)
    {
        var corpus = CorpusFiles.Get(name);
        var (script, diagnostics) = Checker.Check(SourceText.From(Script(), "count.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        var result = Instrumenter.Instrument(ModuleReader.Read(corpus.ReadBytes()), script, new InstrumentOptions());
        var bytes = result.ToBytes();
        ModuleValidator.Validate(ModuleReader.Read(bytes));
        var stdout = Path.GetTempFileName();
        try
        {
            int exit;
            var values = new Dictionary<string, ulong>();
            using (var store = new Wasmtime.Store(Engine))
            using (var linker = new Wasmtime.Linker(Engine))
            using (var wasm = Wasmtime.Module.FromBytes(Engine, corpus.ShortName, bytes))
            {
                linker.DefineWasi();
                store.SetWasiConfiguration(new Wasmtime.WasiConfiguration().WithArgs(corpus.ShortName).WithStandardOutput(stdout));
                var instance = linker.Instantiate(store, wasm);
                try
                {
                    instance.GetAction("_start")!();
                    exit = 0;
                }
                catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
                {
                    exit = code;
                }
                foreach (var g in script.Globals) values[g.Name] = (ulong)(long)instance.GetFunction("get_" + g.Name)!.Invoke()!;
            }
            Assert.Equal(CorpusFiles.ExpectedExitCode(corpus), exit);
            Assert.Equal(CorpusFiles.ExpectedStdout(corpus), File.ReadAllText(stdout));
            Assert.True(values["count"] > 0);
            Assert.True(values["calls"] > 0);
            Assert.Equal(values["count"], Categories.Aggregate(0UL, (sum, c) => sum + values["cat_" + c]));
            Assert.Equal(values["calls"], values["calls_by_category"]);
            Assert.True(values["cat_control"] >= values["calls"]);
        }
        finally
        {
            File.Delete(stdout);
        }
    }
}
