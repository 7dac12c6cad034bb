using System.Text;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>Types, definitions, exports, names and custom sections added through <see cref="ModuleEditor"/>.</summary>
public class ModuleEditorTests
{
    [Fact]
    public void AddingATypeTwiceDeduplicates()
    {
        var module = Read("""
            (module
              (type $a (func (param i32)))
              (type $sub (sub (func (param i64))))
              (rec (type $r (func (param (ref null $r))))))
            """);
        var editor = new ModuleEditor(module);
        Assert.Equal(0u, editor.AddType([ValType.I32], []));
        var groups = module.RecGroups.Count;
        var fresh = editor.AddType([ValType.F32], [ValType.F64]);
        Assert.Equal(3u, fresh);
        Assert.Equal(fresh, editor.AddType([ValType.F32], [ValType.F64]));
        Assert.Equal(groups + 1, module.RecGroups.Count);
        // A non-final type and a recursive one are not the same as plain function types that look alike.
        Assert.NotEqual(1u, editor.AddType([ValType.I64], []));
        Assert.NotEqual(2u, editor.AddType([ValType.Ref(HeapType.Index(2), true)], []));
        Assert.Equal(groups + 3, module.RecGroups.Count);
        editor.Commit();
        WriteAndReread(module);
    }

    [Fact]
    public void DefinitionsAddedThroughTheEditorWorkTogether()
    {
        var module = Read("""
            (module
              (memory (export "mem") 1)
              (func $base (result i32) i32.const 1))
            """);
        var editor = new ModuleEditor(module);
        var i32 = editor.AddType([], [ValType.I32]);
        var g = editor.AddGlobal(new GlobalType(ValType.I32, Mutable: true), new InstructionBuilder().I32Const(40));
        var t = editor.AddTable(new TableType(ValType.FuncRef, new Limits(2)));
        var added = editor.AddFunction(i32, new InstructionBuilder().GlobalGet(g).Call(0).I32Add());
        editor.AddActiveElements(t, new InstructionBuilder().I32Const(1).ToConstExpr(), added);
        var caller = editor.AddFunction(i32, new InstructionBuilder().I32Const(1).CallIndirect(i32, t));
        editor.AddActiveData(0, new InstructionBuilder().I32Const(100).ToConstExpr(), "hi"u8.ToArray());
        var passive = editor.AddPassiveData(new byte[] { 7 });
        var local = new InstructionBuilder()
            .I32Const(200).I32Const(0).I32Const(1).Emit(Op.MemoryInit, passive, 0)
            .I32Const(200).I32Load8U()
            .LocalTee(0).LocalGet(0).I32Add();
        var init = editor.AddFunction(i32, local, [ValType.I32]);
        var refd = editor.AddFunction(i32, new InstructionBuilder().RefFunc(added).RefIsNull());
        editor.DeclareFunctionReferences(added);
        editor.AddExport("caller", ExternalKind.Func, caller);
        editor.AddExport("init", ExternalKind.Func, init);
        editor.AddExport("refd", ExternalKind.Func, refd);
        editor.AddExport("g", ExternalKind.Global, g);
        editor.SetFunctionName(added, "added");
        editor.AddCustomSection("whamm.note", "hello"u8.ToArray());
        Assert.Throws<ArgumentException>(() => editor.AddExport("mem", ExternalKind.Func, 0));
        var bytes = editor.Write();

        Assert.Equal("added", module.FunctionName(added));
        var (_, reread) = WriteAndReread(module);
        Assert.Equal("added", reread.FunctionName(added));
        Assert.Equal("hello", Encoding.UTF8.GetString(reread.CustomSections.Single(c => c.Name == "whamm.note").Content.Span));
        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        using var wasm = Wasmtime.Module.FromBytes(Engine, "edited", bytes);
        var instance = linker.Instantiate(store, wasm);
        Assert.Equal(41, instance.GetFunction<int>("caller")!());
        Assert.Equal(14, instance.GetFunction<int>("init")!());
        Assert.Equal(0, instance.GetFunction<int>("refd")!());
        Assert.Equal(40, instance.GetGlobal("g")!.GetValue());
        Assert.Equal("hi", instance.GetMemory("mem")!.ReadString(100, 2, Encoding.ASCII));
    }

    [Fact]
    public void TheNameSectionStaysAfterDataAddedToAModuleThatHadNone()
    {
        var module = Read("""(module (memory 1) (func $named (local $i i32)))""");
        Assert.Equal(SectionId.Code, module.CustomSections.Single(c => c.Name == "name").After);
        new ModuleEditor(module).AddActiveData(0, new InstructionBuilder().I32Const(8).ToConstExpr(), "x"u8.ToArray());
        var (_, reread) = WriteAndReread(module);
        Assert.Equal(SectionId.Data, reread.CustomSections.Single(c => c.Name == "name").After);
        Assert.Equal("named", reread.FunctionName(0));
    }

    [Fact]
    public void InvalidModuleLevelAdditionsAreReported()
    {
        var editor = new ModuleEditor(Read("(module (func (export \"f\")))"));
        editor.AddGlobal(new GlobalType(ValType.I32, Mutable: false), new InstructionBuilder().I64Const(1));
        var e = Assert.Throws<EditValidationException>(() => editor.Commit());
        Assert.Null(e.FunctionIndex);
        Assert.Contains("global", e.Message);

        var tables = new ModuleEditor(Read("(module (func (export \"f\")))"));
        tables.AddActiveElements(3, new InstructionBuilder().I32Const(0).ToConstExpr(), 0);
        Assert.Throws<EditValidationException>(() => tables.Commit());
    }

    [Fact]
    public void UnchangedBodiesStayTheSameObjectsAndUntouchedSectionsTheSameBytes()
    {
        var module = Read("""
            (module
              (import "env" "f" (func $f))
              (memory 1)
              (data (i32.const 0) "abc")
              (func $pure (result i32) i32.const 1)
              (func $calls call $f)
              (func $loads (result i32) i32.const 0 i32.load))
            """);
        var bodies = module.Functions.Select(f => f.Body).ToArray();
        var dataVersion = module.Data.Version;
        var editor = new ModuleEditor(module);
        editor.AddFunctionImport("env", "g", new FuncType([], []));
        editor.Commit();
        Assert.Same(bodies[0], module.Functions[0].Body);
        Assert.Same(bodies[1], module.Functions[1].Body); // calls the import $f, whose index does not move
        Assert.Same(bodies[2], module.Functions[2].Body);
        Assert.Equal(dataVersion, module.Data.Version);
        WriteAndReread(module);
    }

    [Fact]
    public void InstructionBuilderChecksImmediatesAgainstTheTable()
    {
        var b = new InstructionBuilder();
        Assert.Throws<ArgumentException>(() => b.Emit(Op.Call));
        Assert.Throws<ArgumentException>(() => b.Emit(Op.I32Add, 1u));
        Assert.Throws<ArgumentException>(() => b.Emit(Op.I32Load, 1u));
        Assert.Throws<ArgumentException>(() => b.Emit(Op.Block, 1u));
        b.Block(BlockType.Empty, inner => inner.Loop(new BlockType(BlockTypeKind.Value, ValType.I32), l => l.I32Const(-1).Br(1)).Drop())
            .If(BlockType.Empty, t => t.Nop(), e => e.Unreachable());
        Assert.Equal(0, b.Depth);
        b.Block(BlockType.Empty);
        Assert.Throws<InvalidOperationException>(() => b.ToConstExpr());
        b.End();
        var body = b.ToFunctionBody([ValType.I32, ValType.I32, ValType.F64]);
        Assert.Equal([new LocalDecl(2, ValType.I32), new LocalDecl(1, ValType.F64)], body.Locals);
        Assert.Equal(
            [Op.Block, Op.Loop, Op.I32Const, Op.Br, Op.End, Op.Drop, Op.End, Op.If, Op.Nop, Op.Else, Op.Unreachable, Op.End,
                Op.Block, Op.End, Op.End],
            body.Decode().Select(i => i.Op));
    }

    [Fact]
    public void NameSubsectionsKeyedByOtherSpacesFollowTheirImports()
    {
        var module = Read("""
            (module
              (type $t (func))
              (memory $mem 1)
              (table $tab 1 funcref)
              (tag $tag)
              (data $d "x")
              (elem $e func)
              (func $fn (local $l i32)
                (block $lbl br $lbl)))
            """);
        var editor = new ModuleEditor(module);
        editor.AddFunctionImport("i", "f", 0);
        editor.AddMemoryImport("i", "m", new MemoryType(new Limits(1)));
        editor.AddTableImport("i", "t", new TableType(ValType.FuncRef, new Limits(1)));
        editor.AddTagImport("i", "tag", new TagType(0));
        editor.Commit();
        var (_, m) = WriteAndReread(module);
        var raw = m.Names!.OtherSubsections.ToDictionary(s => s.Id, s => s.Bytes.ToArray());
        // labels (3) are keyed by function: $fn moved from 0 to 1; memories (6), tables (5), tags (11) moved from 0 to 1.
        foreach (var id in new byte[] { 3, 5, 6, 11 })
        {
            Assert.True(raw.ContainsKey(id), $"name subsection {id} missing");
            Assert.Equal(1, raw[id][0]); // one entry
            Assert.Equal(1, raw[id][1]); // keyed by index 1
        }
        Assert.Equal("fn", m.FunctionName(1));
        Assert.Equal("l", m.Names.LocalNames[1][0]);
    }
}
