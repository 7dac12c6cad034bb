using Whamm.Instrumentation.Core;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;

namespace Whamm.Instrumentation.State;

/// <summary>
/// Links the core library into the application (DECISIONS 13): its memory becomes the instrumentation memory,
/// its <c>fd_write</c> goes through <see cref="OutputBridge"/>, and its functions are named <c>whamm_core:NAME</c>
/// so a trap inside one is attributable.
/// </summary>
internal static class CoreLinking
{
    public static CoreBinding Link(ModuleEditor editor)
    {
        var library = CoreLibrary.Read();
        var appMemory = OutputBridge.ApplicationMemory(editor.Module);
        var fdWrite = OutputBridge.FdWrite(editor);
        var bridge = appMemory is null ? (uint?)null : OutputBridge.Declare(editor);
        var linked = editor.Link(library, new LinkOptions { NamePrefix = "whamm_core:", ResolveFunction = _ => bridge ?? fdWrite });
        var memory = linked.Memory(CoreLibrary.Exports.Memory);
        var data = new StaticData(HeapBase(library));
        if (bridge is { } b) OutputBridge.Fill(editor, b, fdWrite, appMemory!.Value, memory, data.Reserve(OutputBridge.Chunk + 12, 8));
        else editor.AddExport("memory", ExternalKind.Memory, memory); // the WASI host reads fd_write's buffers from it
        return new CoreBinding(memory, data, linked.Function);
    }

    /// <summary>The value of the library's exported <c>__heap_base</c> global (an <c>i32.const</c>): where our static region starts.</summary>
    private static uint HeapBase(Module library)
    {
        var export = library.Exports.Single(e => e.Name == CoreLibrary.Exports.HeapBase && e.Kind == ExternalKind.Global);
        var local = (int)export.Index - library.ImportCount(ExternalKind.Global);
        var init = library.Globals[local].Init.Decode();
        return init is [{ Op: Whamm.Wasm.Opcodes.Op.I32Const } value, ..]
            ? (uint)(int)value.Imm0
            : throw new InvalidOperationException($"the core library's {CoreLibrary.Exports.HeapBase} is not an i32.const");
    }
}
