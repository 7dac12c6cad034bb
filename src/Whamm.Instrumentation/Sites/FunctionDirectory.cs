using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Sites;

/// <summary>
/// What the rewriter needs to know about the application's functions, taken once from the application as it
/// was before anything was added (linking the core library may add an import, which renumbers functions): their
/// types, names and imports in the application's own numbering (the one <c>fid</c> and <c>imm0</c> use), the local
/// function of a name (for <c>alt_call_by_name</c>), the WASI <c>proc_exit</c> import, and the current index of an
/// original function.
/// </summary>
internal sealed class FunctionDirectory
{
    /// <summary>The WASI module whose <c>proc_exit</c> ends the program.</summary>
    public const string WasiModule = "wasi_snapshot_preview1";

    /// <summary>The WASI function that ends the program.</summary>
    public const string ProcExitName = "proc_exit";

    private readonly ModuleEditor editor;
    private readonly ValidationContext original;
    private readonly Import[] imports;
    private readonly IReadOnlyDictionary<uint, string> names;
    private Dictionary<string, uint>? byName;

    /// <summary>Snapshots <paramref name="editor"/>'s module; <paramref name="original"/> was built from it before any edit.</summary>
    public FunctionDirectory(ModuleEditor editor, ValidationContext original)
    {
        this.editor = editor;
        this.original = original;
        imports = [.. editor.Module.ImportsOf(ExternalKind.Func)];
        names = editor.Module.Names?.FunctionNames ?? new Dictionary<uint, string>();
        ModuleName = editor.Module.Names?.ModuleName;
        for (var i = 0; i < imports.Length; i++)
        {
            if (imports[i] is { Module: WasiModule, Name: ProcExitName }) ProcExit = (uint)i;
        }
    }

    /// <summary>The number of functions of the original module (imports included).</summary>
    public int Count => original.FunctionTypes.Length;

    /// <summary>The number of imported functions of the original module.</summary>
    public int ImportCount => imports.Length;

    /// <summary>The module's own name from the name section, if any.</summary>
    public string? ModuleName { get; }

    /// <summary>The original index of the <c>proc_exit</c> import, if the module imports it.</summary>
    public uint? ProcExit { get; }

    /// <summary>The type of original function <paramref name="fid"/>.</summary>
    public FuncType TypeOf(uint fid) => original.FuncTypes[original.FunctionTypes[fid]]!;

    /// <summary>The import that original function <paramref name="fid"/> is, or null for a defined function.</summary>
    public Import? ImportOf(uint fid) => fid < (uint)imports.Length ? imports[fid] : null;

    /// <summary>The name-section name of original function <paramref name="fid"/>, or null.</summary>
    public string? NameSectionName(uint fid) => names.GetValueOrDefault(fid);

    /// <summary>The function's name (name section, else its import name), or <c>$fid</c>.</summary>
    public string NameOf(uint fid) => NameSectionName(fid) ?? ImportOf(fid)?.Name ?? $"${fid}";

    /// <summary>The local (defined) function with name-section name <paramref name="name"/>.</summary>
    public uint? LocalByName(string name)
    {
        byName ??= names
            .Where(f => f.Key >= (uint)imports.Length)
            .GroupBy(f => f.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(f => f.Key), StringComparer.Ordinal);
        return byName.TryGetValue(name, out var fid) ? fid : null;
    }

    /// <summary>The index of original function <paramref name="fid"/> in the module being built.</summary>
    public uint Current(uint fid) => editor.MapFromOriginal(IndexSpace.Func, fid);
}
