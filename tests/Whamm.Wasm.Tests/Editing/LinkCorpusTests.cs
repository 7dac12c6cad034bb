using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>
/// The instrumenter's use of <see cref="ModuleEditor.Link"/> over the C and npm corpus: the <see cref="LinkLibraries.Counter"/>
/// core library (its own memory, data and global, and fd_write) linked in, its <c>tick</c> called at every entry of the
/// application's functions. The result validates (ours and Wasmtime's) and the C programs print what they printed before
/// while the library counts.
/// </summary>
public class LinkCorpusTests
{
    private const string Wasi = "wasi_snapshot_preview1";

    public static IEnumerable<object[]> CAndNpmNames() => CorpusFiles.CNames().Concat(CorpusFiles.NpmNames());

    public static IEnumerable<object[]> CNames() => CorpusFiles.CNames();

    /// <summary>Links the counter, calls its <c>tick</c> at every entry and exports its count as <c>whamm_ticks</c>.</summary>
    private static byte[] LinkCounter(Module module)
    {
        var own = module.Functions.Count;
        var editor = new ModuleEditor(module);
        var counter = editor.Link(Read(LinkLibraries.Counter), new LinkOptions { NamePrefix = "whamm_core:" });
        var call = new InstructionBuilder().Call(counter.Function("tick")).ToArray();
        Parallel.For(0, own, i => editor.EditBody(i).InsertAtEntry(call));
        editor.AddExport("whamm_ticks", ExternalKind.Global, counter.Global("ticks"));
        return editor.Write();
    }

    [Theory]
    [MemberData(nameof(CAndNpmNames))]
    public void LinkedCounterValidates(string name)
    {
        var original = ModuleReader.Read(CorpusFiles.Get(name).ReadBytes());
        var functions = original.FunctionCount;
        var fdWrites = original.ImportsOf(ExternalKind.Func).Count(i => i is { Module: Wasi, Name: "fd_write" });
        var bytes = LinkCounter(original);
        AssertWasmtimeValid(bytes, name);

        var linked = ModuleReader.Read(bytes);
        var added = fdWrites == 0 ? 1 : 0; // reused when the application has it
        Assert.Equal(functions + added + 1, linked.FunctionCount);
        Assert.Equal(Math.Max(fdWrites, 1), linked.ImportsOf(ExternalKind.Func).Count(i => i is { Module: Wasi, Name: "fd_write" }));
        var tick = (uint)(linked.FunctionCount - 1);
        Assert.Equal("whamm_core:tick", linked.FunctionName(tick));
        var first = linked.Functions[0].Body.Instructions().Read();
        Assert.Equal((Whamm.Wasm.Opcodes.Op.Call, tick), (first.Op, first.Index));
    }

    [Theory]
    [MemberData(nameof(CNames))]
    public void CProgramsWithTheLinkedCounterPrintTheSameOutput(string name)
    {
        var corpus = CorpusFiles.Get(name);
        var bytes = LinkCounter(ModuleReader.Read(corpus.ReadBytes()));
        long ticks = 0;
        using var module = Wasmtime.Module.FromBytes(Engine, corpus.ShortName, bytes);
        var run = WasiCommand.Run(Engine, module, c => c.WithArgs(corpus.ShortName),
            after: instance => ticks = (long)instance.GetGlobal("whamm_ticks")!.GetValue()!);
        Assert.Equal(CorpusFiles.ExpectedExitCode(corpus), run.ExitCode);
        Assert.Equal(CorpusFiles.ExpectedStdout(corpus), run.Stdout);
        Assert.True(ticks > 0, "the linked library never ran");
    }
}
