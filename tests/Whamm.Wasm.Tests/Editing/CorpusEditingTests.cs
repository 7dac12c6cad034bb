using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Types;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>
/// The instrumentation shape of the rewriter over the whole corpus: an imported hook at function index 0 (every
/// function index moves) and a call to it at every function entry. The result must validate (ours and Wasmtime's)
/// and the C programs must print what they printed before.
/// </summary>
public class CorpusEditingTests
{
    public static IEnumerable<object[]> AllNames() => CorpusFiles.AllNames();

    public static IEnumerable<object[]> CNames() => CorpusFiles.CNames();

    /// <summary>Adds <c>whamm.hook</c> at function index 0 and calls it at every entry; commits with our validator.</summary>
    internal static byte[] HookEveryEntry(Module module)
    {
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        var call = new InstructionBuilder().Call(hook).ToArray();
        Parallel.For(0, module.Functions.Count, i => editor.EditBody(i).InsertAtEntry(call));
        return editor.Write();
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void HookAtIndexZeroAndAtEveryEntryValidates(string name)
    {
        var original = ModuleReader.Read(CorpusFiles.Get(name).ReadBytes());
        var before = original.Functions.Count;
        var bytes = HookEveryEntry(original);
        AssertWasmtimeValid(bytes, name);
        var edited = ModuleReader.Read(bytes);
        Assert.Equal(before, edited.Functions.Count);
        Assert.Equal("hook", edited.ImportsOf(ExternalKind.Func).First().Name);
        for (var i = 0; i < edited.Functions.Count; i++)
        {
            var first = edited.Functions[i].Body.Instructions().Read();
            Assert.Equal((Whamm.Wasm.Opcodes.Op.Call, 0u), (first.Op, first.Index));
        }
    }

    [Theory]
    [MemberData(nameof(CNames))]
    public void InstrumentedCProgramsPrintTheSameOutput(string name)
    {
        var corpus = CorpusFiles.Get(name);
        var bytes = HookEveryEntry(ModuleReader.Read(corpus.ReadBytes()));
        var hooks = 0L;
        using var module = Wasmtime.Module.FromBytes(Engine, corpus.ShortName, bytes);
        var run = WasiCommand.Run(Engine, module, c => c.WithArgs(corpus.ShortName),
            define: (linker, store) => linker.Define("whamm", "hook", Wasmtime.Function.FromCallback(store, () => { hooks++; })));
        Assert.Equal(CorpusFiles.ExpectedExitCode(corpus), run.ExitCode);
        Assert.Equal(CorpusFiles.ExpectedStdout(corpus), run.Stdout);
        Assert.True(hooks > 0, "the hook never ran");
    }
}
