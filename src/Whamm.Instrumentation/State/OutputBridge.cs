using Whamm.Instrumentation.Core;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
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
/// <para>
/// The default report, megabytes of rows written at exit by core code alone, borrows those bytes once for all its
/// writes (<c>$whamm_lend</c> 1 before it, 0 after) instead of copying them aside and back at every call, two of
/// the three copies of each byte written. Nothing else runs in between, so no code sees the lent bytes (a trap inside
/// the report leaves them lent).
/// </para>
/// <para>
/// Both functions are declared when the core library is linked and filled once the static region is complete: their
/// save area goes last, so that the site variables' addresses (the report's ids) do not depend on the application's
/// memory.
/// </para>
/// <code>
/// (func $whamm_fd_write (param $fd i32) (param $iovs i32) (param $count i32) (param $written i32) (result i32)
///   ;; len = min(iov.len, CHUNK); unless lent, save app[0, 12+len); app[0] = {12, len}; app[12..] = ours[iov.ptr..]
///   (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))
///   ;; ours[written] = app[8]; unless lent, restore app[0, 12+len)
/// )
/// (func $whamm_lend (param $on i32)   ;; on: save app[0, 12+CHUNK), lent = 1; off: restore it, lent = 0
/// </code>
/// </summary>
internal sealed class OutputBridge
{
    /// <summary>
    /// The most bytes one bridged call writes (and lends of the application's memory, plus 12: within its first page),
    /// as many as the core library buffers (<c>OUT_CAP</c>): Wasmtime spends about 0.4 µs a call besides its copy.
    /// </summary>
    public const int Chunk = 8192;

    /// <summary>WASI <c>fd_write</c>'s type: (fd, iovs, iovs_len, nwritten) -> errno.</summary>
    public static readonly FuncType FdWriteType = new([ValType.I32, ValType.I32, ValType.I32, ValType.I32], [ValType.I32]);

    private readonly uint fdWrite;
    private readonly uint app;

    private OutputBridge(uint function, uint lend, uint fdWrite, uint app)
    {
        Function = function;
        Lend = lend;
        this.fdWrite = fdWrite;
        this.app = app;
    }

    /// <summary>The bridge, of <c>fd_write</c>'s type: what the core library's <c>fd_write</c> import is bound to.</summary>
    public uint Function { get; }

    /// <summary><c>$whamm_lend(on)</c>: with 1 the application's bytes are kept aside for every bridged call until it is called with 0.</summary>
    public uint Lend { get; }

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

    /// <summary>Declares the bridge to <paramref name="fdWrite"/> through memory <paramref name="app"/> and its lending function; <see cref="Fill"/> writes their bodies.</summary>
    public static OutputBridge Declare(ModuleEditor editor, uint fdWrite, uint app)
    {
        var function = Dropping(editor);
        var lend = editor.AddFunction(editor.AddType(new FuncType([ValType.I32], [])), new InstructionBuilder());
        editor.SetFunctionName(lend, "whamm_lend");
        return new OutputBridge(function, lend, fdWrite, app);
    }

    /// <summary>
    /// A function of <c>fd_write</c>'s type that returns success having written nothing, which the core library takes as
    /// "drop the rest": the bridge until it is filled, and for good when nothing can carry the output.
    /// </summary>
    public static uint Dropping(ModuleEditor editor)
    {
        var function = editor.AddFunction(editor.AddType(FdWriteType), new InstructionBuilder().I32Const(0));
        editor.SetFunctionName(function, "whamm_fd_write");
        return function;
    }

    /// <summary>
    /// Reserves the save area at the end of <paramref name="data"/> (a flag saying whether the bytes are lent, then
    /// <see cref="Chunk"/> + 12 bytes) and writes the two bodies, which read memory <paramref name="ours"/>.
    /// </summary>
    public void Fill(ModuleEditor editor, uint ours, StaticData data)
    {
        var lent = data.Reserve(Chunk + 20, 8);
        var saveArea = lent + 8;
        const uint iovs = 1, written = 3, ptr = 4, len = 5, result = 6; // parameters fd 0, iovs 1, count 2, written 3
        var b = new InstructionBuilder();
        b.MemorySize(app).I32Eqz().If(BlockType.Empty, x => x.I32Const(8).Return()); // EBADF: nothing to lend
        b.LocalGet(iovs).I32Load(0, ours).LocalSet(ptr);
        b.LocalGet(iovs).I32Load(4, ours).LocalSet(len);
        b.LocalGet(len).I32Const(Chunk).LocalGet(len).I32Const(Chunk).I32LtU().Select().LocalSet(len);
        // Lend app[0, 12 + len): save it (unless lent already), write the iovec {12, len} and the bytes there.
        b.I32Const(0).I32Load(lent, ours).I32Eqz().If(BlockType.Empty, x => Copy(x, ours, app, saveArea, 0, n => n.LocalGet(len)));
        b.I32Const(0).I32Const(12).I32Store(0, app);
        b.I32Const(0).LocalGet(len).I32Store(4, app);
        b.I32Const(12).LocalGet(ptr).LocalGet(len).MemoryCopy(app, ours);
        b.LocalGet(0).I32Const(0).I32Const(1).I32Const(8).Call(fdWrite).LocalSet(result);
        b.LocalGet(written).I32Const(0).I32Load(8, app).I32Store(0, ours);
        b.I32Const(0).I32Load(lent, ours).I32Eqz().If(BlockType.Empty, x => Copy(x, app, ours, 0, saveArea, n => n.LocalGet(len)));
        b.LocalGet(result);
        Replace(editor, Function, b, [ValType.I32, ValType.I32, ValType.I32]);

        const uint on = 0; // $whamm_lend's parameter
        var lend = new InstructionBuilder();
        lend.I32Const(0).I32Load(lent, ours).LocalGet(on).I32Eq().If(BlockType.Empty, x => x.Return());
        lend.MemorySize(app).I32Eqz().If(BlockType.Empty, x => x.Return());
        lend.LocalGet(on).If(BlockType.Empty,
            x => Copy(x, ours, app, saveArea, 0, n => n.I32Const(Chunk)),
            x => Copy(x, app, ours, 0, saveArea, n => n.I32Const(Chunk)));
        lend.I32Const(0).LocalGet(on).I32Store(lent, ours);
        Replace(editor, Lend, lend, []);
    }

    /// <summary><c>to[at, at + 12 + len) = from[source, …)</c>, <paramref name="length"/> pushing len.</summary>
    private static void Copy(InstructionBuilder b, uint to, uint from, uint at, uint source, Action<InstructionBuilder> length)
    {
        b.I32Const((int)at).I32Const((int)source);
        length(b);
        b.I32Const(12).I32Add().MemoryCopy(to, from);
    }

    private static void Replace(ModuleEditor editor, uint function, InstructionBuilder body, ValType[] locals)
    {
        var defined = (int)(function - (uint)editor.Module.ImportedFunctionCount);
        editor.Module.Functions[defined] = new Function(editor.Module.Functions[defined].TypeIndex, body.ToFunctionBody(locals));
    }
}
