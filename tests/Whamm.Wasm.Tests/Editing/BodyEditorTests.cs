using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>InsertBefore / InsertAfter / Replace / Remove / AddLocal semantics, run on Wasmtime.</summary>
public class BodyEditorTests
{
    private const string Program = """
        (module
          (import "env" "log" (func $log (param i32)))
          (func (export "calc") (result i32) (local i32)
            i32.const 2
            i32.const 3
            i32.add)
          (func (export "blocky") (param i32) (result i32)
            (block $b (result i32)
              local.get 0
              br $b))
          (func (export "long") (result i32)
            i32.const 1000 i32.const 1000 i32.add i32.const 1000 i32.add i32.const 1000 i32.add
            i32.const 1000 i32.add i32.const 1000 i32.add i32.const 1000 i32.add))
        """;

    private static InstructionBuilder Log(int value) => new InstructionBuilder().I32Const(value).Call(0);

    /// <summary>Applies <paramref name="edit"/> to the body of export <paramref name="function"/>, runs it with <paramref name="argument"/>, returns (result, logged values).</summary>
    private static (int Result, List<int> Log, Module Module) Run(string function, Action<BodyEditor, List<Instructions.Instruction>> edit, int? argument = null)
    {
        var module = Read(Program);
        var editor = new ModuleEditor(module);
        var index = DefinedExport(module, function);
        edit(editor.EditBody(index), Code(module, index));
        var bytes = editor.Write();
        var log = new List<int>();
        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        linker.Define("env", "log", Wasmtime.Function.FromCallback(store, (int v) => log.Add(v)));
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        var instance = linker.Instantiate(store, wasm);
        var result = argument is { } a ? instance.GetFunction<int, int>(function)!(a) : instance.GetFunction<int>(function)!();
        return (result, log, module);
    }

    [Fact]
    public void ReplaceSwapsOneInstruction()
    {
        var (result, _, _) = Run("calc", (e, code) => e.Replace(code[2].Offset, new InstructionBuilder().I32Mul()));
        Assert.Equal(6, result);
    }

    [Fact]
    public void InsertionsRunInTheOrderAddedAroundTheInstruction()
    {
        var (result, log, _) = Run("calc", (e, code) =>
        {
            var add = code[2].Offset;
            e.InsertAfter(add, Log(3));
            e.InsertBefore(add, Log(1));
            e.InsertAfter(add, Log(4));
            e.InsertBefore(add, Log(2));
            e.InsertAtEntry(Log(0));
        });
        Assert.Equal(5, result);
        Assert.Equal([0, 1, 2, 3, 4], log);
    }

    [Fact]
    public void ReplaceAndInsertionsCombine()
    {
        var (result, log, _) = Run("calc", (e, code) =>
        {
            var add = code[2].Offset;
            e.InsertAfter(add, Log(3));
            e.Replace(add, new InstructionBuilder().I32Sub());
            e.InsertBefore(add, Log(1));
        });
        Assert.Equal(-1, result);
        Assert.Equal([1, 3], log);
    }

    [Fact]
    public void RemoveAndEmptyReplacementDelete()
    {
        var (result, _, module) = Run("calc", (e, code) =>
        {
            e.Remove(code[1].Offset);
            e.Replace(code[2].Offset, (InstructionBuilder?)null);
        });
        Assert.Equal(2, result);
        Assert.Equal([Op.I32Const, Op.End], Code(module, 0).Select(i => i.Op));
    }

    [Fact]
    public void AfterABlockStartMeansInsideTheBlock()
    {
        var (result, log, module) = Run("blocky", (e, code) =>
        {
            var block = code.Single(i => i.Op == Op.Block);
            e.InsertAfter(block.Offset, Log(7));
            e.InsertBefore(block.Offset, Log(6));
        }, argument: 9);
        Assert.Equal(9, result);
        Assert.Equal([6, 7], log);
        Assert.Equal([Op.I32Const, Op.Call, Op.Block, Op.I32Const, Op.Call, Op.LocalGet, Op.Br, Op.End, Op.End],
            Code(module, 1).Select(i => i.Op));
    }

    [Fact]
    public void AddedLocalsFollowTheExistingOnesAndRunsOfOneTypeMerge()
    {
        var (result, _, module) = Run("calc", (e, code) =>
        {
            var extra = e.AddLocal(ValType.I32);
            Assert.Equal(1u, extra); // no parameters, one declared local
            var wide = e.AddLocal(ValType.I64);
            Assert.Equal(2u, wide);
            // stack [2, 3] -> [2, 9]
            e.InsertBefore(code[2].Offset, new InstructionBuilder().LocalTee(extra).LocalGet(extra).I32Mul()
                .I64Const(1).LocalSet(wide));
        });
        Assert.Equal(11, result);
        Assert.Equal([new LocalDecl(2, ValType.I32), new LocalDecl(1, ValType.I64)], module.Functions[0].Body.Locals);
    }

    [Fact]
    public void NothingFollowsTheFinalEndAndOffsetsMustBeInstructions()
    {
        var module = Read(Program);
        var code = Code(module, 0);
        var after = new BodyEditor(module.Functions[0].Body, 0).InsertAfter(code[^1].Offset, Log(1));
        Assert.Throws<ArgumentException>(() => after.Build());
        var inside = new BodyEditor(module.Functions[0].Body, 0).InsertBefore(code[0].Offset + 1, Log(1));
        Assert.Throws<ArgumentException>(() => inside.Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BodyEditor(module.Functions[0].Body, 0).InsertBefore(0, Log(1)));
        var twice = new BodyEditor(module.Functions[0].Body, 0).Remove(code[0].Offset);
        Assert.Throws<InvalidOperationException>(() => twice.Remove(code[0].Offset));
    }

    [Fact]
    public void AnEditorWithoutChangesReturnsTheSameBody()
    {
        var module = Read(Program);
        var body = module.Functions[0].Body;
        Assert.Same(body, new BodyEditor(body, 0).Build());
        var editor = new ModuleEditor(module);
        editor.EditBody(0);
        editor.Commit();
        Assert.Same(body, module.Functions[0].Body);
    }

    [Fact]
    public void InvalidEditsAreReportedWithFunctionAndOffset()
    {
        var module = Read(Program);
        var editor = new ModuleEditor(module);
        var calc = DefinedExport(module, "calc");
        var code = Code(module, calc);
        editor.EditBody(calc).Replace(code[2].Offset, new InstructionBuilder().I64Add());
        var e = Assert.Throws<EditValidationException>(() => editor.Commit());
        Assert.Equal(editor.FunctionIndex(calc), e.FunctionIndex);
        Assert.NotNull(e.BodyOffset);
        Assert.Equal(code[2].Offset, e.BodyOffset);
        Assert.Contains($"function {e.FunctionIndex}", e.Message);
        Assert.Contains($"offset {code[2].Offset}", e.Message);
    }

    [Fact]
    public void InvalidEditsNameTheFunction()
    {
        var module = Read("(module (func $quiet (export \"q\")))");
        var editor = new ModuleEditor(module);
        editor.EditBody(0).InsertAtEntry(new InstructionBuilder().I32Const(1));
        var e = Assert.Throws<EditValidationException>(() => editor.Commit());
        Assert.Equal("quiet", e.FunctionName);
        Assert.Contains("(quiet)", e.Message);
    }

    [Fact]
    public void BodiesAreEditedInParallelAndRemappedInTheSamePass()
    {
        var wat = "(module (func $leaf) " + string.Concat(Enumerable.Range(0, 300).Select(i => $"(func call $leaf call {i})")) + ")";
        var module = Read(wat);
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []));
        Parallel.For(0, module.Functions.Count, i => editor.EditBody(i).InsertAtEntry(new InstructionBuilder().Call(hook)));
        editor.Commit();
        for (var i = 1; i < module.Functions.Count; i++) Assert.Equal([0u, 1, (uint)i], IndicesOf(module, i, Op.Call));
        WriteAndReread(module);
    }

    [Fact]
    public void IdenticalInsertionsAtManySitesEachRun()
    {
        // The same code added repeatedly is kept once in the editor's pool; each site must still get its copy.
        var (result, log, _) = Run("calc", (e, code) =>
        {
            e.InsertBefore(code[0].Offset, Log(7));
            e.InsertBefore(code[1].Offset, Log(7));
            e.InsertAfter(code[1].Offset, Log(8));
            e.InsertBefore(code[2].Offset, Log(7));
            e.InsertAfter(code[2].Offset, Log(7));
        });
        Assert.Equal(5, result);
        Assert.Equal([7, 7, 8, 7, 7], log);
    }

    [Fact]
    public void AnAppliedEditorTakesNoMoreEdits()
    {
        var module = Read(Program);
        var editor = new ModuleEditor(module);
        var index = DefinedExport(module, "calc");
        var body = editor.EditBody(index);
        var add = Code(module, index)[2].Offset;
        body.InsertBefore(add, Log(1));
        editor.Commit();
        Assert.Throws<InvalidOperationException>(() => body.InsertAfter(add, Log(2)));
    }

    [Fact]
    public void LongUntouchedRunsAroundInsertionsRun()
    {
        var (result, log, _) = Run("long", (e, code) =>
        {
            e.InsertAtEntry(Log(1));
            e.InsertAfter(code[2].Offset, Log(2)); // after the first add: 24 bytes of the original follow
            e.InsertBefore(code[^1].Offset, Log(3));
        });
        Assert.Equal(7000, result);
        Assert.Equal([1, 2, 3], log);
    }

    [Fact]
    public void AnEditedBodyTakesLongUntouchedRunsFromTheOriginalWithoutCopying()
    {
        var module = Read(Program);
        var original = module.Functions[DefinedExport(module, "long")].Body;
        var built = new BodyEditor(original, 0).InsertAtEntry(Log(1)).Build();
        var inserted = Log(1).Bytes.Length;
        Assert.Equal(original.Length + inserted, built.Length);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(original.Bytes, out var input));
        input.Array![input.Offset + original.Length - 3] = 0x08; // the last i32.const 1000 (e8 07) becomes 1128
        var w = new Binary.WasmWriter();
        built.WriteTo(w);
        Assert.Equal(original.Bytes.Span[original.CodeOffset..].ToArray(), w.WrittenSpan[(original.CodeOffset + inserted)..].ToArray());
    }
}
