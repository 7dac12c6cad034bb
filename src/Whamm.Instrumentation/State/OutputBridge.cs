using Whamm.Instrumentation.Core;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.State;

/// <summary>
/// How the core library's output reaches WASI. A WASI host reads <c>fd_write</c>'s buffers from the instance's
/// export named <c>memory</c>, which is the application's, not ours. When the application exports a memory of that
/// name, the core library's <c>fd_write</c> import is bound to a bridge of ours instead: it lends itself the first
/// bytes of the application's memory for the call, copying them aside and back (at most <see cref="Chunk"/> bytes per
/// call; the core library repeats short writes). Otherwise our memory is exported as <c>memory</c> and the core
/// library calls <c>fd_write</c> directly.
/// <code>
/// (func $whamm_fd_write (param $fd i32) (param $iovs i32) (param $count i32) (param $written i32) (result i32)
///   ;; len = min(iov.len, CHUNK); save app[0, 12+len); app[0] = {12, len}; app[12..] = ours[iov.ptr..]
///   (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))
///   ;; ours[written] = app[8]; restore app[0, 12+len)
/// )
/// </code>
/// </summary>
internal static class OutputBridge
{
    /// <summary>The most bytes one bridged call writes (and lends of the application's memory, plus 12).</summary>
    public const int Chunk = 4096;

    /// <summary>WASI <c>fd_write</c>'s type: (fd, iovs, iovs_len, nwritten) -> errno.</summary>
    public static readonly FuncType FdWriteType = new([ValType.I32, ValType.I32, ValType.I32, ValType.I32], [ValType.I32]);

    /// <summary>
    /// The application's exported memory named <c>memory</c> (32-bit), or null. The export still names it in the
    /// application's own numbering, which memory imports of user libraries may have shifted.
    /// </summary>
    public static uint? ApplicationMemory(ModuleEditor editor) =>
        editor.Module.Exports.FirstOrDefault(e => e.Kind == ExternalKind.Memory && e.Name == "memory") is { } export
        && editor.MapFromOriginal(IndexSpace.Memory, export.Index) is var index
        && !editor.Module.MemoryType(index).Limits.Is64
            ? index
            : null;

    /// <summary>The application's <c>fd_write</c> import, added when it has none (before any definition: imports renumber).</summary>
    public static uint FdWrite(ModuleEditor editor)
    {
        var index = 0u;
        foreach (var import in editor.Module.Imports)
        {
            if (import.Kind != ExternalKind.Func) continue;
            if (import.Module == CoreLibrary.FdWriteModule && import.Name == CoreLibrary.FdWriteName
                && editor.Module.Types[(int)import.FuncType].Composite is FuncType t && t.Equals(FdWriteType))
                return index;
            index++;
        }
        return editor.AddFunctionImport(CoreLibrary.FdWriteModule, CoreLibrary.FdWriteName, FdWriteType);
    }

    /// <summary>
    /// A function of <c>fd_write</c>'s type whose body <see cref="Fill"/> writes once the memories are known; until then
    /// (and for good when nothing can carry the output) it returns success having written nothing, which the core
    /// library takes as "drop the rest".
    /// </summary>
    public static uint Declare(ModuleEditor editor)
    {
        var function = editor.AddFunction(editor.AddType(FdWriteType), new Wasm.Editing.InstructionBuilder().I32Const(0));
        editor.SetFunctionName(function, "whamm_fd_write");
        return function;
    }

    /// <summary>The bridge's body: parameters fd 0, iovs 1, count 2, written 3; locals ptr 4, len 5, result 6.</summary>
    public static void Fill(ModuleEditor editor, uint function, uint fdWrite, uint app, uint ours, uint saveArea)
    {
        const uint iovs = 1, written = 3, ptr = 4, len = 5, result = 6;
        var b = new InstructionBuilder();
        b.MemorySize(app).I32Eqz().If(Whamm.Wasm.Instructions.BlockType.Empty, x => x.I32Const(8).Return()); // EBADF: nothing to lend
        b.LocalGet(iovs).I32Load(0, ours).LocalSet(ptr);
        b.LocalGet(iovs).I32Load(4, ours).LocalSet(len);
        b.LocalGet(len).I32Const(Chunk).LocalGet(len).I32Const(Chunk).I32LtU().Select().LocalSet(len);
        // Lend app[0, 12 + len): save it, write the iovec {12, len} and the bytes there.
        b.I32Const((int)saveArea).I32Const(0).LocalGet(len).I32Const(12).I32Add().MemoryCopy(ours, app);
        b.I32Const(0).I32Const(12).I32Store(0, app);
        b.I32Const(0).LocalGet(len).I32Store(4, app);
        b.I32Const(12).LocalGet(ptr).LocalGet(len).MemoryCopy(app, ours);
        b.LocalGet(0).I32Const(0).I32Const(1).I32Const(8).Call(fdWrite).LocalSet(result);
        b.LocalGet(written).I32Const(0).I32Load(8, app).I32Store(0, ours);
        b.I32Const(0).I32Const((int)saveArea).LocalGet(len).I32Const(12).I32Add().MemoryCopy(app, ours);
        b.LocalGet(result);
        var defined = (int)(function - (uint)editor.Module.ImportedFunctionCount);
        editor.Module.Functions[defined] = new Function(editor.Module.Functions[defined].TypeIndex, b.ToFunctionBody([ValType.I32, ValType.I32, ValType.I32]));
    }
}
