using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;
using static Whamm.Wasm.Tests.Editing.LinkLibraries;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>
/// <see cref="ModuleEditor.Link"/> on small WAT libraries: the linked result validates (ours at commit, and Wasmtime)
/// and runs, with the application calling into the library through functions added and edited in the same session.
/// </summary>
public class LinkTests
{
    private const string FdWriteImport = """(import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))""";

    /// <summary>An application with an import, memory with data, a global, a table and calls; optionally importing fd_write.</summary>
    private static string App(bool importsFdWrite) => $$"""
        (module
          (import "env" "log" (func $log (param i32)))
          {{(importsFdWrite ? FdWriteImport : "")}}
          (memory (export "memory") 1)
          (data (i32.const 0) "app!")
          (global $g (mut i32) (i32.const 7))
          (table $apptable 1 funcref)
          (elem (i32.const 0) $own)
          (type $r (func (result i32)))
          (func $own (result i32) i32.const 5)
          (func $run (export "run") (result i32)
            global.get $g call $own i32.add
            i32.const 0 call_indirect $apptable (type $r) i32.add)
          (func (export "app_load") (result i32) i32.const 0 i32.load))
        """;

    /// <summary>The module instantiated with <c>env.log</c> and a recording <c>fd_write</c> (and <c>whamm.hook</c> counting calls).</summary>
    private sealed class Run : IDisposable
    {
        private readonly Wasmtime.Store _store = new(Engine);
        private readonly Wasmtime.Linker _linker = new(Engine);
        private readonly Wasmtime.Module _module;

        public Run(byte[] bytes)
        {
            _linker.Define("env", "log", Wasmtime.Function.FromCallback(_store, (int _) => { }));
            _linker.Define("whamm", "hook", Wasmtime.Function.FromCallback(_store, () => { Hooks++; }));
            _linker.Define("wasi_snapshot_preview1", "fd_write", Wasmtime.Function.FromCallback(_store,
                (int fd, int iovs, int count, int written) =>
                {
                    Writes.Add((fd, iovs, count, written));
                    return 0;
                }));
            _module = Wasmtime.Module.FromBytes(Engine, "linked", bytes);
            Instance = _linker.Instantiate(_store, _module);
        }

        public Wasmtime.Instance Instance { get; }
        public List<(int, int, int, int)> Writes { get; } = [];
        public int Hooks { get; private set; }

        public int Call(string export, params int[] args) => (int)Instance.GetFunction(export)!.Invoke(args.Select(a => (Wasmtime.ValueBox)a).ToArray())!;

        public void Dispose()
        {
            _module.Dispose();
            _linker.Dispose();
            _store.Dispose();
        }
    }

    /// <summary>Exports wrappers of the Core library's functions and its global and memory from the application.</summary>
    private static void ExportCore(ModuleEditor editor, LinkedLibrary core, string suffix = "")
    {
        ExportCall(editor, "bump" + suffix, core.Function("bump"), 0);
        ExportCall(editor, "stored" + suffix, core.Function("stored"), 0);
        ExportCall(editor, "apply" + suffix, core.Function("apply"), 2);
        ExportCall(editor, "viaref" + suffix, core.Function("viaref"), 1);
        ExportCall(editor, "greet" + suffix, core.Function("greet"), 0);
        ExportCall(editor, "write" + suffix, core.Function("write"), 1);
        editor.AddExport("count" + suffix, ExternalKind.Global, core.Global("count"));
        editor.AddExport("mem" + suffix, ExternalKind.Memory, core.Memory("mem"));
    }

    [Fact]
    public void LinkedLibraryRunsWithItsOwnMemoryDataGlobalTableAndReusesTheAppsFdWrite()
    {
        var module = Read(App(importsFdWrite: true));
        var run = (int)DefinedExport(module, "run");
        var editor = new ModuleEditor(module);
        // An import added first moves every function; the link must use the numbering that counts it.
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        var core = editor.Link(Read(Core), new LinkOptions { NamePrefix = "core:" });
        Assert.Equal(editor.MapFromOriginal(IndexSpace.Func, 1), core.Functions[0]); // fd_write (import 1, after env.log) reused
        editor.EditBody(run).InsertAtEntry(new InstructionBuilder().Call(hook).Call(core.Function("bump")).Drop());
        ExportCore(editor, core);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);

        var linked = ModuleReader.Read(bytes);
        Assert.Equal(["hook", "log", "fd_write"], linked.ImportsOf(ExternalKind.Func).Select(i => i.Name));
        Assert.Equal(2, linked.MemoryCount);
        Assert.Equal("core:bump", linked.FunctionName(core.Function("bump")));
        Assert.DoesNotContain(linked.Exports, e => e.Name == "stored" && e.Kind != ExternalKind.Func);

        using var r = new Run(bytes);
        Assert.Equal(7 + 5 + 5, r.Call("run"));
        Assert.Equal(7 + 5 + 5, r.Call("run"));
        Assert.Equal(2, r.Hooks);
        Assert.Equal(2, r.Instance.GetGlobal("count")!.GetValue());
        Assert.Equal(2, r.Instance.GetMemory("mem")!.ReadInt32(0)); // bump stored into the library's memory…
        Assert.Equal(0x21707061, r.Call("app_load"));                // …not into the application's ("app!")
        Assert.Equal(3, r.Call("bump"));
        Assert.Equal(42, r.Call("stored"));                          // active data, in the library's memory
        Assert.Equal(6, r.Call("apply", 5, 0));                      // call_indirect through the library's table
        Assert.Equal(10, r.Call("apply", 5, 1));
        Assert.Equal(8, r.Call("viaref", 4));
        Assert.Equal('o', r.Call("greet"));                          // passive data through memory.init
        Assert.Equal(0, r.Call("write", 123));
        Assert.Equal([(1, 123, 1, 200)], r.Writes);
    }

    [Fact]
    public void AnImportTheAppLacksIsAddedAndTheAppsFunctionsMove()
    {
        var module = Read(App(importsFdWrite: false));
        var run = Export(module, "run");
        var editor = new ModuleEditor(module);
        var core = editor.Link(Read(Core));
        Assert.Equal(1u, core.Functions[0]); // after env.log
        Assert.Equal(run + 1, editor.MapFromOriginal(IndexSpace.Func, run));
        ExportCore(editor, core);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);

        var linked = ModuleReader.Read(bytes);
        Assert.Equal(["log", "fd_write"], linked.ImportsOf(ExternalKind.Func).Select(i => i.Name));
        Assert.Equal(run + 1, Export(linked, "run"));
        Assert.Equal("fd_write", linked.FunctionName(1)); // the import the link added is named, without a prefix here
        using var r = new Run(bytes);
        Assert.Equal(17, r.Call("run"));
        Assert.Equal(1, r.Call("bump"));
        Assert.Equal(0, r.Call("write", 64));
        Assert.Equal([(1, 64, 1, 200)], r.Writes);
    }

    [Fact]
    public void ResolveFunctionBindsALibraryImportToAnAppFunction()
    {
        const string asker = """
            (module
              (import "host" "answer" (func $answer (result i32)))
              (func (export "ask") (result i32) call $answer i32.const 100 i32.add))
            """;
        var module = Read(App(importsFdWrite: false));
        var own = (uint)module.ImportedFunctionCount; // $own, the first defined function
        var editor = new ModuleEditor(module);
        var seen = new List<string>();
        var lib = editor.Link(Read(asker), new LinkOptions
        {
            ResolveFunction = import =>
            {
                seen.Add($"{import.Module}.{import.Name}");
                return import.Name == "answer" ? own : null;
            },
        });
        Assert.Equal(["host.answer"], seen);
        Assert.Equal(own, lib.Functions[0]);
        ExportCall(editor, "ask", lib.Function("ask"), 0);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);
        Assert.Single(ModuleReader.Read(bytes).ImportsOf(ExternalKind.Func)); // env.log only
        using var r = new Run(bytes);
        Assert.Equal(105, r.Call("ask"));
    }

    [Fact]
    public void ResolveFunctionToAFunctionOfAnotherTypeIsRejected()
    {
        const string lib = """(module (import "host" "f" (func (param i64))) (func (export "g") i64.const 1 call 0))""";
        var editor = new ModuleEditor(Read(App(importsFdWrite: false)));
        var e = Assert.Throws<ArgumentException>(() => editor.Link(Read(lib), new LinkOptions { ResolveFunction = _ => 1 }));
        Assert.Contains("host.f", e.Message);
        Assert.Contains("[i64] -> []", e.Message);
    }

    [Fact]
    public void LinkingTwiceGivesTwoIndependentCopies()
    {
        var editor = new ModuleEditor(Read(App(importsFdWrite: true)));
        var library = Read(Core);
        var first = editor.Link(library);
        var second = editor.Link(library);
        Assert.NotEqual(first.Memory("mem"), second.Memory("mem"));
        Assert.NotEqual(first.Global("count"), second.Global("count"));
        Assert.Equal(first.Functions[0], second.Functions[0]); // one fd_write, reused by both
        Assert.Equal(first.Types, second.Types);               // no type added twice
        ExportCore(editor, first, "1");
        ExportCore(editor, second, "2");
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);
        Assert.Equal(3, ModuleReader.Read(bytes).MemoryCount);

        using var r = new Run(bytes);
        for (var i = 0; i < 3; i++) r.Call("bump1");
        Assert.Equal(1, r.Call("bump2"));
        Assert.Equal(3, r.Instance.GetGlobal("count1")!.GetValue());
        Assert.Equal(1, r.Instance.GetGlobal("count2")!.GetValue());
        Assert.Equal(3, r.Instance.GetMemory("mem1")!.ReadInt32(0));
        Assert.Equal(1, r.Instance.GetMemory("mem2")!.ReadInt32(0));
        Assert.Equal('o', r.Call("greet1")); // each copy has its own passive segment to drop
        Assert.Equal('o', r.Call("greet2"));
    }

    [Fact]
    public void TypesAreDeduplicatedAndRecursionGroupsKept()
    {
        const string lists = """
            (module
              (type $ii (func (param i32) (result i32)))
              (rec (type $node (struct (field i32) (field (ref null $node)))) (type $mk (func (param i32) (result (ref $node)))))
              (func $make (type $mk) local.get 0 ref.null $node struct.new $node)
              (func (export "second") (type $ii) (local $n (ref null $node))
                local.get 0
                local.get 0 i32.const 9 i32.add call $make
                struct.new $node local.tee $n
                struct.get $node 0
                local.get $n struct.get $node 1 struct.get $node 0
                i32.add))
            """;
        var module = Read(App(importsFdWrite: false));
        var before = module.Types.Count;
        var editor = new ModuleEditor(module);
        var first = editor.Link(Read(lists));
        var types = module.Types.Count;
        var second = editor.Link(Read(lists));
        Assert.Equal(before + 1 + 2, types);           // (func (param i32) (result i32)) is new, and the group of 2
        Assert.Equal(types, module.Types.Count);       // the second link adds nothing
        Assert.Equal(first.Types, second.Types);
        Assert.True(module.RecGroups[^1].Explicit);
        Assert.Equal(2, module.RecGroups[^1].Types.Length);
        ExportCall(editor, "second", second.Function("second"), 1);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);
        using var r = new Run(bytes);
        Assert.Equal(3 + (3 + 9), r.Call("second", 3));
    }

    [Fact]
    public void AFunctionDeclaredForRefFuncOnlyByItsExportStaysDeclared()
    {
        const string lib = """
            (module
              (type $r (func (result i32)))
              (func $f (export "f") (result i32) i32.const 41)
              (func (export "g") (result i32) ref.func $f call_ref $r))
            """;
        var editor = new ModuleEditor(Read(App(importsFdWrite: false)));
        ExportCall(editor, "g", editor.Link(Read(lib)).Function("g"), 0);
        var bytes = editor.Write();
        AssertWasmtimeValid(bytes);
        using var r = new Run(bytes);
        Assert.Equal(41, r.Call("g"));
    }

    [Fact]
    public void AnExplicitTableMapsInAnyOrderAndDoesNotComposeWithInsertions()
    {
        var map = new IndexMap().SetTable(IndexSpace.Func, [4, 0, 9]);
        Assert.Equal([4u, 0, 9], Enumerable.Range(0, 3).Select(i => map.Map(IndexSpace.Func, (uint)i)));
        Assert.Equal(9u, map.Clone().Map(IndexSpace.Func, 2));
        Assert.False(map.IsIdentityFor(IndexSpace.Func));
        Assert.True(map.IsIdentityFor(IndexSpace.Global));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Map(IndexSpace.Func, 3));
        Assert.Throws<InvalidOperationException>(() => map.Insert(IndexSpace.Func, 0, 1));
        Assert.Throws<InvalidOperationException>(() => new IndexMap().Insert(IndexSpace.Func, 0, 1).SetTable(IndexSpace.Func, [1]));
    }

    [Fact]
    public void AMissingExportIsNamedInTheError()
    {
        var core = new ModuleEditor(Read(App(importsFdWrite: true))).Link(Read(Core));
        Assert.Contains("'tock'", Assert.Throws<KeyNotFoundException>(() => core.Function("tock")).Message);
        Assert.Contains("is a global, not a function", Assert.Throws<KeyNotFoundException>(() => core.Function("count")).Message);
        Assert.False(core.TryTable("mem", out _));
        Assert.True(core.TryMemory("mem", out var mem));
        Assert.Equal(1u, mem);
    }

    [Fact]
    public void ALibraryNeedingAFeatureTheAppLacksFailsAtCommit()
    {
        const string tail = """(module (func $f (export "f") (result i32) return_call $g) (func $g (result i32) i32.const 1))""";
        var editor = new ModuleEditor(Read(App(importsFdWrite: false)), Feature.Wasm2);
        var lib = editor.Link(Read(tail), new LinkOptions { NamePrefix = "lib:" });
        var e = Assert.Throws<EditValidationException>(() => editor.Commit());
        Assert.Equal(lib.Function("f"), e.FunctionIndex);
        Assert.Equal("lib:f", e.FunctionName);

        var memories = new ModuleEditor(Read(App(importsFdWrite: false)), Feature.Wasm2);
        memories.Link(Read(LinkLibraries.Counter));
        Assert.Throws<EditValidationException>(() => memories.Commit()); // a second memory needs multi-memory
    }

    [Fact]
    public void AnInvalidLibraryIsRefusedBeforeAnythingChanges()
    {
        var library = Read("""(module (func (export "f") (result i32) i32.const 1))""");
        library.Functions[0] = library.Functions[0] with { Body = new InstructionBuilder().Call(7).ToFunctionBody() };
        var module = Read(App(importsFdWrite: false));
        var functions = module.Functions.Count;
        var e = Assert.Throws<ArgumentException>(() => new ModuleEditor(module).Link(library));
        Assert.Contains("library is invalid", e.Message);
        Assert.Equal(functions, module.Functions.Count);
    }

    [Fact]
    public void AnImportAfterDefinitionsIsRefusedWithoutAddingAnyImport()
    {
        var module = Read(App(importsFdWrite: false));
        var editor = new ModuleEditor(module);
        editor.AddFunction(editor.AddType([], []), new InstructionBuilder());
        var imports = module.Imports.Count;
        Assert.Throws<InvalidOperationException>(() => editor.Link(Read(Core)));
        Assert.Equal(imports, module.Imports.Count);
    }
}
