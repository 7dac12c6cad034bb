using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;
using Whamm.Wasm.Writing;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>The type space is remapped everywhere too: type section, imports, locals, globals, tables, segments, code.</summary>
public class TypeRemapTests
{
    private const string GcProgram = """
        (module
          (type $pt (struct (field $x (mut i32)) (field $next (ref null $pt))))
          (rec (type $a (func (param (ref null $b)) (result i32))) (type $b (struct (field (ref null $a)))))
          (type $arr (array (mut i32)))
          (type $sub (sub (struct (field i32))))
          (type $subsub (sub final $sub (struct (field i32) (field i64))))
          (type $ii (func (param i32) (result i32)))
          (global $g (mut (ref null $pt)) (ref.null $pt))
          (table $t 1 (ref null $ii))
          (elem (table $t) (i32.const 0) (ref null $ii) (ref.func $inc))
          (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
          (func (export "run") (param i32) (result i32) (local $p (ref null $pt)) (local $arr (ref null $arr))
            (local.set $p (struct.new $pt (local.get 0) (ref.null $pt)))
            (global.set $g (local.get $p))
            (local.set $arr (array.new $arr (i32.const 5) (i32.const 3)))
            (struct.get $pt $x (global.get $g))
            (array.get $arr (local.get $arr) (i32.const 2))
            i32.add
            (call_indirect $t (type $ii) (i32.const 0))
            (block (type $ii) (i32.const 2) (i32.add))
            (ref.test (ref $subsub) (struct.new $subsub (i32.const 1) (i64.const 2)))
            i32.add
            (struct.get $sub 0 (ref.cast (ref $sub) (struct.new $subsub (i32.const 10) (i64.const 2))))
            i32.add))
        """;

    [Fact]
    public void InsertingATypeAtTheFrontRenumbersEveryTypeReference()
    {
        var module = Read(GcProgram);
        var typesBefore = module.Types.Count;
        var functionTypes = module.Functions.Select(f => f.TypeIndex).ToArray();
        module.RecGroups.Insert(0, new RecGroup([new SubType(new FuncType([ValType.F64], []))], Explicit: false));
        new Reencoder(new IndexMap().Insert(IndexSpace.Type, 0, 1)).Apply(module);

        Assert.Equal(typesBefore + 1, module.Types.Count);
        Assert.Equal(functionTypes.Select(t => t + 1), module.Functions.Select(f => f.TypeIndex));
        Assert.Equal(HeapType.Index(1), module.Globals[0].Type.Type.Heap);
        Assert.Equal(HeapType.Index(7), module.Tables[0].Type.Element.Heap);
        Assert.Equal([5u], module.Types[6].Supertypes);
        Assert.Equal(HeapType.Index(3), ((FuncType)module.Types[2].Composite).Params[0].Heap);
        Assert.Equal([HeapType.Index(1), HeapType.Index(4)], module.Functions[1].Body.Locals.Select(l => l.Type.Heap));
        Assert.Equal([1ul, 4], Code(module, 1).Where(i => i.Op is Op.StructNewDefault or Op.StructNew or Op.ArrayNew)
            .Select(i => i.Imm0).Take(2));
        ModuleValidator.Validate(module);

        var bytes = ModuleWriter.Write(module);
        AssertWasmtimeValid(bytes);
        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        using var wasm = Wasmtime.Module.FromBytes(Engine, "retyped", bytes);
        Assert.Equal(23, linker.Instantiate(store, wasm).GetFunction<int, int>("run")!(4));
    }

    [Fact]
    public void ImportedEntityTypesAndTagsFollowTheTypeSpace()
    {
        var module = Read("""
            (module
              (type $pt (struct (field i32)))
              (type $ii (func (param i32) (result i32)))
              (import "env" "g0" (global (ref null $pt)))
              (import "env" "f" (func (type $ii)))
              (import "env" "tab" (table 1 (ref null $ii)))
              (import "env" "e" (tag (param i32)))
              (tag $mine (param i32) (result))
              (func (export "run") (param i32) (result i32) (select (result (ref null $pt)) (global.get 0) (ref.null $pt) (i32.const 1)) drop local.get 0))
            """);
        module.RecGroups.Insert(0, new RecGroup([new SubType(new FuncType([ValType.F64], []))], Explicit: false));
        new Reencoder(new IndexMap().Insert(IndexSpace.Type, 0, 1)).Apply(module);
        var imports = module.Imports;
        Assert.Equal(HeapType.Index(1), imports[0].Global.Type.Heap);
        Assert.Equal(2u, imports[1].FuncType);
        Assert.Equal(HeapType.Index(2), imports[2].Table.Element.Heap);
        Assert.True(imports[3].Tag.TypeIndex > 0 && module.Tags[0].TypeIndex > 0);
        Assert.Equal(ValType.Ref(HeapType.Index(1), true), Code(module, 0).Single(i => i.Op == Op.SelectTyped).SelectTypes.Single());
        ModuleValidator.Validate(module);
        AssertWasmtimeValid(ModuleWriter.Write(module));
    }
}
