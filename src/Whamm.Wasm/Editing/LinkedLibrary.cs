using Whamm.Wasm.Model;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Where a library merged by <see cref="ModuleEditor.Link"/> ended up. Every index is in the editor's current
/// numbering as it stood when <c>Link</c> returned (the numbering <see cref="ModuleEditor.AddFunction(uint, FunctionBody)"/>
/// returns): it counts the imports added so far, it stays valid as long as no import is inserted before it with an
/// explicit position, and references to it are remapped with everything else at commit.
/// </summary>
public sealed class LinkedLibrary
{
    private readonly Dictionary<string, Export> _exports;

    internal LinkedLibrary(uint[] types, uint[] functions, uint[] tables, uint[] memories, uint[] globals, uint[] tags,
        IEnumerable<Export> exports)
    {
        Types = types;
        Functions = functions;
        Tables = tables;
        Memories = memories;
        Globals = globals;
        Tags = tags;
        _exports = exports.ToDictionary(e => e.Name);
    }

    /// <summary>The application's type index of each of the library's types, by the library's type index.</summary>
    public IReadOnlyList<uint> Types { get; }
    /// <summary>The application's function index of each library function (imports first), by the library's index.</summary>
    public IReadOnlyList<uint> Functions { get; }
    /// <summary>The application's table index of each library table, by the library's index.</summary>
    public IReadOnlyList<uint> Tables { get; }
    /// <summary>The application's memory index of each library memory, by the library's index.</summary>
    public IReadOnlyList<uint> Memories { get; }
    /// <summary>The application's global index of each library global, by the library's index.</summary>
    public IReadOnlyList<uint> Globals { get; }
    /// <summary>The application's tag index of each library tag, by the library's index.</summary>
    public IReadOnlyList<uint> Tags { get; }

    /// <summary>The index of the function the library exports as <paramref name="exportName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The library exports no function of that name.</exception>
    public uint Function(string exportName) => Get(exportName, ExternalKind.Func);
    /// <summary>The index of the global the library exports as <paramref name="exportName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The library exports no global of that name.</exception>
    public uint Global(string exportName) => Get(exportName, ExternalKind.Global);
    /// <summary>The index of the memory the library exports as <paramref name="exportName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The library exports no memory of that name.</exception>
    public uint Memory(string exportName) => Get(exportName, ExternalKind.Memory);
    /// <summary>The index of the table the library exports as <paramref name="exportName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The library exports no table of that name.</exception>
    public uint Table(string exportName) => Get(exportName, ExternalKind.Table);
    /// <summary>The index of the tag the library exports as <paramref name="exportName"/>.</summary>
    /// <exception cref="KeyNotFoundException">The library exports no tag of that name.</exception>
    public uint Tag(string exportName) => Get(exportName, ExternalKind.Tag);

    /// <summary>The index of the function exported as <paramref name="exportName"/>, when the library exports one.</summary>
    public bool TryFunction(string exportName, out uint index) => TryGet(exportName, ExternalKind.Func, out index);
    /// <summary>The index of the global exported as <paramref name="exportName"/>, when the library exports one.</summary>
    public bool TryGlobal(string exportName, out uint index) => TryGet(exportName, ExternalKind.Global, out index);
    /// <summary>The index of the memory exported as <paramref name="exportName"/>, when the library exports one.</summary>
    public bool TryMemory(string exportName, out uint index) => TryGet(exportName, ExternalKind.Memory, out index);
    /// <summary>The index of the table exported as <paramref name="exportName"/>, when the library exports one.</summary>
    public bool TryTable(string exportName, out uint index) => TryGet(exportName, ExternalKind.Table, out index);
    /// <summary>The index of the tag exported as <paramref name="exportName"/>, when the library exports one.</summary>
    public bool TryTag(string exportName, out uint index) => TryGet(exportName, ExternalKind.Tag, out index);

    private bool TryGet(string name, ExternalKind kind, out uint index)
    {
        var found = _exports.TryGetValue(name, out var e) && e.Kind == kind;
        index = found ? e!.Index : 0;
        return found;
    }

    private uint Get(string name, ExternalKind kind)
    {
        if (TryGet(name, kind, out var index)) return index;
        throw new KeyNotFoundException(_exports.TryGetValue(name, out var other)
            ? $"the linked library's export '{name}' is a {Noun(other.Kind)}, not a {Noun(kind)}"
            : $"the linked library exports no {Noun(kind)} named '{name}'");
    }

    private static string Noun(ExternalKind kind) => kind == ExternalKind.Func ? "function" : kind.ToString().ToLowerInvariant();
}
