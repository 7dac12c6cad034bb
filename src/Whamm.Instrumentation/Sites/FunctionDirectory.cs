using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Sites;

/// <summary>
/// What the rewriter needs to know about the application's functions, worked out once per module: their types
/// and names, the local function of a name (for <c>alt_call_by_name</c>), the WASI <c>proc_exit</c> import, and
/// the current index of an original function (imports added by other passes shift them).
/// </summary>
internal sealed class FunctionDirectory
{
    /// <summary>The WASI module whose <c>proc_exit</c> ends the program.</summary>
    public const string WasiModule = "wasi_snapshot_preview1";

    /// <summary>The WASI function that ends the program.</summary>
    public const string ProcExitName = "proc_exit";

    private readonly ModuleEditor editor;
    private readonly Module module;
    private Dictionary<string, uint>? byName;

    public FunctionDirectory(ModuleEditor editor)
    {
        this.editor = editor;
        module = editor.Module;
        Count = module.FunctionCount;
        var imports = module.ImportsOf(ExternalKind.Func);
        for (var i = 0; i < imports.Count; i++)
        {
            if (imports[i] is { Module: WasiModule, Name: ProcExitName }) ProcExit = (uint)i;
        }
    }

    /// <summary>The number of functions of the original module (imports included).</summary>
    public int Count { get; }

    /// <summary>The original index of the <c>proc_exit</c> import, if the module imports it.</summary>
    public uint? ProcExit { get; }

    /// <summary>The type of original function <paramref name="fid"/>.</summary>
    public FuncType TypeOf(uint fid) => module.FunctionType(fid);

    /// <summary>The function's name (name section, else its import name), or <c>$fid</c>.</summary>
    public string NameOf(uint fid) =>
        module.FunctionName(fid) ?? (fid < (uint)module.ImportedFunctionCount ? module.ImportsOf(ExternalKind.Func)[(int)fid].Name : $"${fid}");

    /// <summary>The local (defined) function with name-section name <paramref name="name"/>.</summary>
    public uint? LocalByName(string name)
    {
        byName ??= (module.Names?.FunctionNames ?? new Dictionary<uint, string>())
            .Where(f => f.Key >= (uint)module.ImportedFunctionCount)
            .GroupBy(f => f.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(f => f.Key), StringComparer.Ordinal);
        return byName.TryGetValue(name, out var fid) ? fid : null;
    }

    /// <summary>The index of original function <paramref name="fid"/> in the module being built.</summary>
    public uint Current(uint fid) => editor.MapFromOriginal(IndexSpace.Func, fid);
}
