using Whamm.Wasm.Model;

namespace Whamm.Runtime.Hosting;

/// <summary>
/// Maps a byte offset in a module's binary (Wasmtime's <c>TrapFrame.ModuleOffset</c>) to the function
/// that holds it and the Wizard <c>pc</c> (offset from the start of the body, local declarations
/// included), using the bodies' file offsets from our reader.
/// </summary>
public sealed class TrapLocator
{
    private readonly Module _module;
    private readonly long[] _starts;

    /// <summary>Indexes the bodies of <paramref name="module"/> (as read from the binary Wasmtime runs).</summary>
    public TrapLocator(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _module = module;
        _starts = module.Functions.Select(f => f.Body.FileOffset).ToArray();
    }

    /// <summary>The function index (imports counted) and pc of <paramref name="moduleOffset"/>, or null outside every body.</summary>
    public (uint FunctionIndex, long Pc)? Locate(long moduleOffset)
    {
        // Bodies are in file order; the last one starting at or before the offset is the candidate.
        var i = Array.BinarySearch(_starts, moduleOffset);
        if (i < 0) i = ~i - 1;
        if (i < 0) return null;
        var body = _module.Functions[i].Body;
        var pc = moduleOffset - body.FileOffset;
        if (pc >= body.Length) return null;
        return ((uint)(_module.ImportedFunctionCount + i), pc);
    }

    /// <summary>
    /// The function and pc of a Wasmtime frame when it belongs to this module, else null. Wasmtime's
    /// frame carries the name section's module name, the function's name and the pc (its
    /// <c>FunctionOffset</c> counts from the body start, locals included, as ours); all must agree
    /// with what the module offset maps to, which tells the application's frames from a library's.
    /// </summary>
    public (uint FunctionIndex, long Pc)? Locate(Wasmtime.TrapFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if ((frame.ModuleName ?? "") != (_module.Names?.ModuleName ?? "")) return null;
        if (Locate((long)frame.ModuleOffset) is not var (fid, pc)) return null;
        if (pc != (long)frame.FunctionOffset) return null;
        if (!string.IsNullOrEmpty(frame.FunctionName) && _module.Names?.FunctionNames.TryGetValue(fid, out var name) == true && name != frame.FunctionName) return null;
        return (fid, pc);
    }

    /// <summary>The function's name from the name section, else <c>#fid</c> (the report's convention).</summary>
    public string NameOf(uint functionIndex) =>
        _module.Names?.FunctionNames.TryGetValue(functionIndex, out var name) == true ? name : $"#{functionIndex}";
}
