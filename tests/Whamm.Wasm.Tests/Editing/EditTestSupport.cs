using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>Shared helpers of the editing tests: a Wasmtime engine with every proposal we read, and decoding shortcuts.</summary>
internal static class EditTestSupport
{
    private static readonly Lazy<Wasmtime.Engine> engine = new(() => new Wasmtime.Engine(new Wasmtime.Config()
        .WithReferenceTypes(true).WithBulkMemory(true).WithMultiValue(true).WithSIMD(true).WithRelaxedSIMD(true, false)
        .WithMultiMemory(true).WithTailCalls(true).WithFunctionReferences(true).WithGc(true).WithExceptions(true)
        .WithWasmThreads(true).WithWideArithmetic(true)));

    /// <summary>An engine with every proposal Wasmtime 50 has switched on.</summary>
    public static Wasmtime.Engine Engine => engine.Value;

    public static Module Read(string wat) => ModuleReader.Read(TestWat.ToWasm(wat));

    /// <summary>Asserts Wasmtime accepts the module.</summary>
    public static void AssertWasmtimeValid(byte[] bytes, string? what = null)
    {
        var error = Wasmtime.Module.Validate(Engine, bytes);
        Assert.True(error is null, $"{what ?? "module"} rejected by Wasmtime: {error}");
    }

    /// <summary>Writes the module, checks Wasmtime accepts it and reads it back (so assertions see the encoded result).</summary>
    public static (byte[] Bytes, Module Reread) WriteAndReread(Module module)
    {
        var bytes = ModuleWriter.Write(module);
        AssertWasmtimeValid(bytes);
        return (bytes, ModuleReader.Read(bytes));
    }

    /// <summary>The instructions of defined function <paramref name="definedIndex"/>.</summary>
    public static List<Instruction> Code(Module m, int definedIndex) => m.Functions[definedIndex].Body.Decode();

    /// <summary>The immediates of every instruction <paramref name="op"/> in a defined function.</summary>
    public static List<uint> IndicesOf(Module m, int definedIndex, Op op) =>
        Code(m, definedIndex).Where(i => i.Op == op).Select(i => i.Index).ToList();

    /// <summary>The index of the defined function exported as <paramref name="name"/>.</summary>
    public static uint Export(Module m, string name) => m.Exports.Single(e => e.Name == name).Index;

    /// <summary>The defined-function position of the function exported as <paramref name="name"/>.</summary>
    public static int DefinedExport(Module m, string name) => (int)Export(m, name) - m.ImportedFunctionCount;
}
