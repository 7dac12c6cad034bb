using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>The WAT libraries the linking tests merge into applications, and the app-side wrappers that call them.</summary>
internal static class LinkLibraries
{
    /// <summary>
    /// A library with its own memory (active and passive data), a mutable global, a table with an active segment
    /// used by <c>call_indirect</c>, a <c>ref.func</c> + <c>call_ref</c>, and the WASI <c>fd_write</c> import.
    /// </summary>
    public const string Core = """
        (module
          (type $w (func (param i32 i32 i32 i32) (result i32)))
          (type $ii (func (param i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (type $w)))
          (memory (export "mem") 1)
          (data (i32.const 16) "\2a\00\00\00")
          (data $greeting "hello")
          (global $count (export "count") (mut i32) (i32.const 0))
          (table $t 2 funcref)
          (elem (table $t) (i32.const 0) func $inc $double)
          (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
          (func $double (type $ii) local.get 0 i32.const 2 i32.mul)
          (func $bump (export "bump") (result i32)
            global.get $count i32.const 1 i32.add global.set $count
            i32.const 0 global.get $count i32.store
            global.get $count)
          (func $stored (export "stored") (result i32) i32.const 16 i32.load)
          (func $apply (export "apply") (param i32 i32) (result i32) local.get 0 local.get 1 call_indirect $t (type $ii))
          (func $viaref (export "viaref") (param i32) (result i32) local.get 0 ref.func $double call_ref $ii)
          (func $greet (export "greet") (result i32)
            i32.const 100 i32.const 0 i32.const 5 memory.init $greeting
            data.drop $greeting
            i32.const 104 i32.load8_u)
          (func $write (export "write") (param i32) (result i32)
            i32.const 1 local.get 0 i32.const 1 i32.const 200 call $fd_write))
        """;

    /// <summary>
    /// What an instrumentation core library looks like: a counter in its own memory and global, checked against its
    /// active data on every call (a trap if the library's memory was not initialised or was written by the app).
    /// </summary>
    public const string Counter = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
          (memory 1)
          (data (i32.const 8) "\78\56\34\12")
          (global $ticks (export "ticks") (mut i64) (i64.const 0))
          (func $tick (export "tick")
            i32.const 8 i32.load i32.const 0x12345678 i32.ne
            if unreachable end
            global.get $ticks i64.const 1 i64.add global.set $ticks
            i32.const 0 global.get $ticks i64.store))
        """;

    /// <summary>
    /// Adds an exported application function <paramref name="name"/> of <paramref name="parameters"/> → i32 that
    /// passes its parameters to <paramref name="target"/> and returns its result.
    /// </summary>
    public static void ExportCall(ModuleEditor editor, string name, uint target, int parameters)
    {
        var type = editor.AddType(Enumerable.Repeat(ValType.I32, parameters).ToArray(), [ValType.I32]);
        var body = new InstructionBuilder();
        for (var i = 0u; i < parameters; i++) body.LocalGet(i);
        editor.AddExport(name, ExternalKind.Func, editor.AddFunction(type, body.Call(target)));
    }
}
