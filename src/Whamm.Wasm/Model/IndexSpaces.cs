using Whamm.Wasm.Types;

namespace Whamm.Wasm.Model;

/// <summary>
/// A snapshot of a module's index spaces as flat arrays (imports first), for code that looks up types
/// by index many times: the validator, the rewriter. Take a new one after editing the module.
/// </summary>
public sealed class IndexSpaces
{
    /// <summary>Builds the arrays from <paramref name="module"/>.</summary>
    public IndexSpaces(Module module)
    {
        var funcs = new List<uint>();
        var tables = new List<TableType>();
        var memories = new List<MemoryType>();
        var globals = new List<GlobalType>();
        var tags = new List<TagType>();
        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternalKind.Func: funcs.Add(import.FuncType); break;
                case ExternalKind.Table: tables.Add(import.Table); break;
                case ExternalKind.Memory: memories.Add(import.Memory); break;
                case ExternalKind.Global: globals.Add(import.Global); break;
                case ExternalKind.Tag: tags.Add(import.Tag); break;
            }
        }
        ImportedFunctions = funcs.Count;
        ImportedGlobals = globals.Count;
        foreach (var f in module.Functions) funcs.Add(f.TypeIndex);
        foreach (var t in module.Tables) tables.Add(t.Type);
        memories.AddRange(module.Memories);
        foreach (var g in module.Globals) globals.Add(g.Type);
        tags.AddRange(module.Tags);
        Types = module.Types.ToArray();
        FunctionTypes = funcs.ToArray();
        Tables = tables.ToArray();
        Memories = memories.ToArray();
        Globals = globals.ToArray();
        Tags = tags.ToArray();
    }

    /// <summary>Every defined type.</summary>
    public SubType[] Types { get; }
    /// <summary>Type index of each function.</summary>
    public uint[] FunctionTypes { get; }
    /// <summary>Each table's type.</summary>
    public TableType[] Tables { get; }
    /// <summary>Each memory's type.</summary>
    public MemoryType[] Memories { get; }
    /// <summary>Each global's type.</summary>
    public GlobalType[] Globals { get; }
    /// <summary>Each tag's type.</summary>
    public TagType[] Tags { get; }
    /// <summary>How many functions are imported.</summary>
    public int ImportedFunctions { get; }
    /// <summary>How many globals are imported.</summary>
    public int ImportedGlobals { get; }

    /// <summary>The function type at <paramref name="typeIndex"/>, or null if it is not a function type.</summary>
    public FuncType? FuncTypeAt(uint typeIndex) =>
        typeIndex < Types.Length ? Types[typeIndex].Composite as FuncType : null;
}
