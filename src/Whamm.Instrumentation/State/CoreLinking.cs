using Whamm.Instrumentation.Core;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;

namespace Whamm.Instrumentation.State;

/// <summary>
/// Links the core library into the application (DECISIONS 13): its memory becomes the instrumentation memory,
/// its <c>fd_write</c> goes through <see cref="OutputBridge"/> (or, with <see cref="InstrumentOptions.HostOutput"/>,
/// to the host's <see cref="HostInterface.OutputWrite"/>), and its functions are named <c>whamm_core:NAME</c> so a trap
/// inside one is attributable.
/// </summary>
internal static class CoreLinking
{
    public static CoreBinding Link(ModuleEditor editor, bool hostOutput)
    {
        var library = CoreLibrary.Read();
        if (hostOutput) return LinkToHost(editor, library);
        var appMemory = OutputBridge.ApplicationMemory(editor);
        // An export named `memory` that is not a 32-bit memory cannot carry WASI buffers, and the name is taken.
        var unusable = appMemory is null && editor.Module.Exports.Any(e => e.Name == "memory");
        var fdWrite = OutputBridge.FdWrite(editor);
        var bridge = appMemory is { } app ? OutputBridge.Declare(editor, fdWrite, app) : null; // filled once the static region is laid out
        var drop = unusable ? OutputBridge.Dropping(editor) : (uint?)null;
        var linked = editor.Link(library, new LinkOptions { NamePrefix = "whamm_core:", ResolveFunction = _ => bridge?.Function ?? drop ?? fdWrite });
        var memory = linked.Memory(CoreLibrary.Exports.Memory);
        if (bridge is null && !unusable) editor.AddExport("memory", ExternalKind.Memory, memory); // the WASI host reads fd_write's buffers from it
        return new CoreBinding(memory, new StaticData(HeapBase(library)), linked.Function)
        {
            Bridge = bridge,
            Warning = unusable
                ? "the application's export `memory` is not a 32-bit memory, so WASI cannot carry the monitor's output: what it prints (the report included) is dropped; `whamm run` captures it"
                : null,
        };
    }

    /// <summary>
    /// <c>--link-strategy imported</c>: the core library's memory and every function it exports become imports from
    /// module <c>whamm_core</c> (the host preloads <see cref="CoreLibrary.Bytes"/>, which prints through WASI itself);
    /// the static region is still laid out at its <c>__heap_base</c>, written into the imported memory.
    /// </summary>
    public static CoreBinding Import(ModuleEditor editor)
    {
        const string module = Whamm.Language.Semantics.LibrarySignatures.CoreLibraryName;
        var library = CoreLibrary.Read();
        var memoryExport = library.Exports.Single(e => e.Kind == ExternalKind.Memory && e.Name == CoreLibrary.Exports.Memory);
        var memory = editor.AddMemoryImport(module, memoryExport.Name, library.MemoryType(memoryExport.Index));
        var functions = library.Exports.Where(e => e.Kind == ExternalKind.Func)
            .ToDictionary(e => e.Name, e => editor.AddFunctionImport(module, e.Name, library.FunctionType(e.Index)), StringComparer.Ordinal);
        return new CoreBinding(memory, new StaticData(HeapBase(library)), name => functions[name]);
    }

    /// <summary>The library's <c>fd_write</c> becomes an import of the host's writer, which reads the buffers from our memory, exported for it.</summary>
    private static CoreBinding LinkToHost(ModuleEditor editor, Module library)
    {
        var write = editor.AddFunctionImport(HostInterface.OutputModule, HostInterface.OutputWrite, OutputBridge.FdWriteType);
        var linked = editor.Link(library, new LinkOptions { NamePrefix = "whamm_core:", ResolveFunction = _ => write });
        var memory = linked.Memory(CoreLibrary.Exports.Memory);
        editor.AddExport(HostInterface.OutputMemory, ExternalKind.Memory, memory);
        return new CoreBinding(memory, new StaticData(HeapBase(library)), linked.Function);
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
