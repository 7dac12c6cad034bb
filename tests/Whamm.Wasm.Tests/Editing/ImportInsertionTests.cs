using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>Adding imports shifts index spaces; every kind of reference must follow, observed on Wasmtime.</summary>
public class ImportInsertionTests
{
    private const string Program = """
        (module
          (type $v (func))
          (type $ii (func (param i32) (result i32)))
          (import "env" "double" (func $double (type $ii)))
          (global $counter (mut i32) (i32.const 0))
          (global $fref (ref null $ii) (ref.func $inc))
          (table $t 4 funcref)
          (elem (table $t) (i32.const 0) func $inc $square)
          (elem declare func $twice)
          (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
          (func $square (type $ii) (local $tmp i32) local.get 0 local.tee $tmp local.get $tmp i32.mul)
          (func $twice (type $ii) local.get 0 call $double)
          (func $init global.get $counter i32.const 100 i32.add global.set $counter)
          (func $run (export "run") (param i32) (result i32)
            local.get 0 call $inc
            i32.const 1 call_indirect $t (type $ii)
            i32.const 2 ref.func $twice table.set $t
            i32.const 2 call_indirect $t (type $ii))
          (func (export "viaref") (param i32) (result i32) local.get 0 global.get $fref call_ref $ii)
          (func (export "counter") (result i32) global.get $counter)
          (start $init))
        """;

    [Fact]
    public void PrependingAHookImportAndCallingItAtEveryEntryKeepsBehaviour()
    {
        var module = Read(Program);
        var originalRun = Export(module, "run");
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        Assert.Equal(0u, hook);
        var call = new InstructionBuilder().Call(hook);
        for (var i = 0; i < module.Functions.Count; i++) editor.EditBody(i).InsertAtEntry(call);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);

        Assert.Equal(originalRun + 1, Export(module, "run"));
        var count = 0;
        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        linker.Define("whamm", "hook", Wasmtime.Function.FromCallback(store, () => { count++; }));
        linker.Define("env", "double", Wasmtime.Function.FromCallback(store, (int x) => 2 * x));
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        var instance = linker.Instantiate(store, wasm);
        Assert.Equal(1, count); // the start function
        Assert.Equal(32, instance.GetFunction<int, int>("run")!(3)); // double(square(inc(3)))
        Assert.Equal(5, count); // + run, inc, square, twice (double is imported: no body)
        Assert.Equal(6, instance.GetFunction<int, int>("viaref")!(5));
        Assert.Equal(7, count); // + viaref, inc
        Assert.Equal(100, instance.GetFunction<int>("counter")!());
    }

    [Fact]
    public void EveryFunctionReferenceFollowsAPrependedImport()
    {
        var module = Read(Program);
        var before = Snapshot(module);
        var editor = new ModuleEditor(module);
        editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        editor.Commit();
        var (_, m) = WriteAndReread(module);
        var after = Snapshot(m);

        uint Shift(uint f) => f + 1;
        Assert.Equal(before.Exports.Select(e => e with { Index = Shift(e.Index) }), after.Exports);
        Assert.Equal(Shift(before.Start), after.Start);
        Assert.Equal(before.Elements.Select(e => e.Select(Shift).ToArray()), after.Elements);
        Assert.Equal(before.Calls.Select(Shift), after.Calls);
        Assert.Equal(before.RefFuncs.Select(Shift), after.RefFuncs);
        Assert.Equal(before.GlobalInitRefFuncs.Select(Shift), after.GlobalInitRefFuncs);
        Assert.Equal(before.FunctionNames.Select(p => (Shift(p.Key), p.Value)), after.FunctionNames.Select(p => (p.Key, p.Value)));
        Assert.Equal(before.LocalNameKeys.Select(Shift), after.LocalNameKeys);
        Assert.Equal("double", m.FunctionName(1));
        Assert.Equal("square", m.FunctionName(3));
        Assert.Equal("tmp", m.Names!.LocalNames[3][1]);
    }

    private sealed record Refs(List<Export> Exports, uint Start, List<uint[]> Elements, List<uint> Calls, List<uint> RefFuncs,
        List<uint> GlobalInitRefFuncs, List<KeyValuePair<uint, string>> FunctionNames, List<uint> LocalNameKeys);

    private static Refs Snapshot(Module m) => new(
        [.. m.Exports],
        m.Start!.Value,
        m.Elements.Select(e => e.Functions ?? e.Expressions!.SelectMany(x => x.Decode()).Where(i => i.Op == Op.RefFunc).Select(i => i.Index).ToArray()).ToList(),
        m.Functions.SelectMany(f => f.Body.Decode()).Where(i => i.Op == Op.Call).Select(i => i.Index).ToList(),
        m.Functions.SelectMany(f => f.Body.Decode()).Where(i => i.Op == Op.RefFunc).Select(i => i.Index).ToList(),
        m.Globals.SelectMany(g => g.Init.Decode()).Where(i => i.Op == Op.RefFunc).Select(i => i.Index).ToList(),
        m.Names!.FunctionNames.OrderBy(p => p.Key).ToList(),
        m.Names.LocalNames.Where(p => p.Value.Count > 0).Select(p => p.Key).Order().ToList());

    [Fact]
    public void AddingAGlobalImportShiftsGlobalGetAndSet()
    {
        var module = Read("""
            (module
              (global $a (mut i32) (i32.const 10))
              (global $b i32 (i32.const 5))
              (global $c i32 (global.get $b))
              (func (export "f") (result i32)
                global.get $a global.get $c i32.add global.set $a global.get $a)
              (func (export "untouched") (result i32) i32.const 3))
            """);
        var untouched = module.Functions[1].Body;
        var editor = new ModuleEditor(module);
        var g = editor.AddGlobalImport("env", "g", new GlobalType(ValType.I32, Mutable: false));
        Assert.Equal(0u, g);
        var reader = editor.AddFunction(editor.AddType([], [ValType.I32]), new InstructionBuilder().GlobalGet(g).GlobalGet(3).I32Add());
        editor.AddExport("imported_plus_c", ExternalKind.Func, reader);
        var bytes = editor.Write();

        Assert.Same(untouched, module.Functions[1].Body);
        Assert.Equal([1u, 3, 1], IndicesOf(module, 0, Op.GlobalGet));
        Assert.Equal([1u], IndicesOf(module, 0, Op.GlobalSet));
        Assert.Equal(2u, module.Globals[2].Init.Decode()[0].Index); // $c's initialiser reads $b, now global 2
        Assert.Equal("b", module.Names!.GlobalNames[2]);

        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        linker.Define("env", "g", new Wasmtime.Global(store, Wasmtime.ValueKind.Int32, 42, Wasmtime.Mutability.Immutable));
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        var instance = linker.Instantiate(store, wasm);
        Assert.Equal(15, instance.GetFunction<int>("f")!());
        Assert.Equal(20, instance.GetFunction<int>("f")!());
        Assert.Equal(47, instance.GetFunction<int>("imported_plus_c")!());
    }

    [Fact]
    public void AddingAMemoryImportShiftsMemargsDataSegmentsAndExportsInAMultiMemoryModule()
    {
        var module = Read("""
            (module
              (memory $m0 1)
              (memory $m1 (export "m1") 1)
              (data (memory $m1) (i32.const 0) "\2a")
              (data $passive "\05")
              (func (export "f") (result i32)
                i32.const 8 i32.const 7 i32.store $m1
                i32.const 8 i32.load $m1
                i32.const 0 i32.load8_u $m1 i32.add
                i32.const 0 i32.load8_u $m0 i32.add
                memory.size $m1 i32.add
                i32.const 16 i32.const 0 i32.const 1 memory.init $m1 $passive
                i32.const 16 i32.load8_u $m1 i32.add
                i32.const 24 i32.const 0 i32.const 4 memory.copy $m0 $m1
                i32.const 24 i32.load8_u $m0 i32.add))
            """);
        var editor = new ModuleEditor(module);
        var imported = editor.AddMemoryImport("env", "mem", new MemoryType(new Limits(1)), at: 0);
        var peek = editor.AddFunction(editor.AddType([], [ValType.I32]), new InstructionBuilder().I32Const(0).I32Load8U(memory: imported));
        editor.AddExport("peek", ExternalKind.Func, peek);
        var bytes = editor.Write();

        var memargs = Code(module, 0).Where(i => i.Opcode.Has(ImmKind.MemArg)).Select(i => i.MemArg.Memory);
        Assert.Equal([2u, 2, 2, 1, 2, 1], memargs);
        Assert.Equal(2u, module.Data[0].Memory);
        Assert.Equal(2u, module.Exports.Single(e => e.Name == "m1").Index);
        var copy = Code(module, 0).Single(i => i.Op == Op.MemoryCopy);
        Assert.Equal((1ul, 2ul), (copy.Imm0, copy.Imm1));

        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        var memory = new Wasmtime.Memory(store, 1);
        memory.WriteByte(0, 100);
        linker.Define("env", "mem", memory);
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        var instance = linker.Instantiate(store, wasm);
        Assert.Equal(7 + 42 + 0 + 1 + 5 + 42, instance.GetFunction<int>("f")!());
        Assert.Equal(100, instance.GetFunction<int>("peek")!());
    }

    [Fact]
    public void AddingATableImportShiftsTableInstructionsAndElementSegments()
    {
        var module = Read("""
            (module
              (type $ii (func (param i32) (result i32)))
              (table $t 2 funcref)
              (elem (table $t) (i32.const 1) func $neg)
              (func $neg (type $ii) i32.const 0 local.get 0 i32.sub)
              (func (export "f") (param i32) (result i32)
                local.get 0 i32.const 1 call_indirect $t (type $ii)
                table.size $t i32.add))
            """);
        var editor = new ModuleEditor(module);
        Assert.Equal(0u, editor.AddTableImport("env", "tab", new TableType(ValType.FuncRef, new Limits(1))));
        var bytes = editor.Write();
        Assert.Equal(1u, module.Elements[0].Table);
        var call = Code(module, 1).Single(i => i.Op == Op.CallIndirect);
        Assert.Equal(1ul, call.Imm1);
        Assert.Equal([1u], IndicesOf(module, 1, Op.TableSize));

        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        linker.Define("env", "tab", new Wasmtime.Table(store, Wasmtime.TableKind.FuncRef, null, 1, 10));
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        Assert.Equal(-5 + 2, linker.Instantiate(store, wasm).GetFunction<int, int>("f")!(5));
    }

    [Fact]
    public void AddingATagImportShiftsThrowAndCatchClauses()
    {
        var module = Read("""
            (module
              (tag $e (param i32))
              (func (export "f") (param i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $e $h)
                    local.get 0 throw $e)
                  i32.const -1)))
            """);
        var editor = new ModuleEditor(module);
        var type = editor.AddType([ValType.I64], []);
        Assert.Equal(0u, editor.AddTagImport("env", "tag", new TagType(type)));
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);
        Assert.Equal([1u], IndicesOf(module, 0, Op.Throw));
        Assert.Equal(1u, Code(module, 0).Single(i => i.Op == Op.TryTable).Catches.Single().Tag);
    }

    [Fact]
    public void SeveralImportsAreOneBatchAppliedAtCommit()
    {
        var module = Read("""
            (module
              (import "env" "f" (func $f))
              (global $g (mut i32) (i32.const 0))
              (func $a call $f call $b global.get $g drop)
              (func $b))
            """);
        var a = module.Functions[0].Body;
        var editor = new ModuleEditor(module);
        var v = editor.AddType([], []);
        Assert.Equal(1u, editor.AddFunctionImport("w", "one", v));
        Assert.Equal(2u, editor.AddFunctionImport("w", "two", v));
        Assert.Equal(0u, editor.AddFunctionImport("w", "zero", v, at: 0));
        Assert.Equal(0u, editor.AddGlobalImport("w", "g", new GlobalType(ValType.I32, false)));
        // Nothing is rewritten yet: the three function imports and the global import wait in one map.
        Assert.Same(a, module.Functions[0].Body);
        Assert.Equal(1u, editor.PendingMap.Map(IndexSpace.Func, 0));
        Assert.Equal(5u, editor.PendingMap.Map(IndexSpace.Func, 2));
        Assert.Equal(1u, editor.PendingMap.Map(IndexSpace.Global, 0));
        Assert.Equal(5u, editor.MapFromOriginal(IndexSpace.Func, 2));
        editor.Commit();
        Assert.True(editor.PendingMap.IsIdentity);
        Assert.Equal(5u, editor.MapFromOriginal(IndexSpace.Func, 2));
        Assert.Equal([1u, 5], IndicesOf(module, 0, Op.Call));
        Assert.Equal([1u], IndicesOf(module, 0, Op.GlobalGet));
        Assert.Equal(["zero", "f", "one", "two"], module.ImportsOf(ExternalKind.Func).Select(i => i.Name));
        WriteAndReread(module);
    }

    [Fact]
    public void InsertedCodeIsInTheNewNumberingWhileOriginalCodeIsRemappedInTheSamePass()
    {
        var module = Read("(module (func $a call $b call $b) (func $b))");
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        var calls = Code(module, 0).Where(i => i.Op == Op.Call).ToList();
        var body = editor.EditBody(0);
        body.Replace(calls[0].Offset, new InstructionBuilder().Call(hook));
        body.InsertAfter(calls[1].Offset, new InstructionBuilder().Call(editor.FunctionIndex(1)));
        editor.Commit();
        Assert.Equal([0u, 2, 2], IndicesOf(module, 0, Op.Call));
        WriteAndReread(module);
    }

    [Fact]
    public void AnImportAfterADefinitionOfItsKindIsRefused()
    {
        var editor = new ModuleEditor(Read("(module)"));
        editor.AddGlobal(new GlobalType(ValType.I32, false), new InstructionBuilder().I32Const(1));
        Assert.Throws<InvalidOperationException>(() => editor.AddGlobalImport("env", "g", new GlobalType(ValType.I32, false)));
        editor.AddFunctionImport("env", "f", new FuncType([], [])); // another kind is fine
    }

    [Fact]
    public void AnImportAfterOtherContentCommitsTheBatchFirst()
    {
        var module = Read("""
            (module
              (func $a call $b)
              (func $b))
            """);
        var editor = new ModuleEditor(module);
        var v = editor.AddType([], []);
        var first = editor.AddFunctionImport("w", "first", v);
        var body = editor.EditBody(0);
        body.InsertAtEntry(new InstructionBuilder().Call(first).Call(2));
        var second = editor.AddFunctionImport("w", "second", v, at: 0); // moves everything, including what was just inserted
        Assert.Equal(0u, second);
        Assert.Throws<InvalidOperationException>(() => body.InsertAtEntry(new InstructionBuilder().Nop())); // applied: sealed
        editor.Commit();
        Assert.Equal([1u, 3, 3], IndicesOf(module, 0, Op.Call));
        WriteAndReread(module);
    }
}
