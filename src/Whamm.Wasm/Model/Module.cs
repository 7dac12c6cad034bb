using Whamm.Wasm.Types;

namespace Whamm.Wasm.Model;

/// <summary>
/// An editable WebAssembly module. Sections are lists of immutable entries; function bodies stay
/// encoded until asked for. Index spaces (functions, tables, memories, globals, tags) start with the
/// imports of that kind, followed by the defined entries. Read one with
/// <see cref="Reading.ModuleReader"/>, write it with <see cref="Writing.ModuleWriter"/>; change indices
/// with the editing API in <c>Whamm.Wasm.Editing</c>, which remaps every reference.
/// </summary>
public sealed class Module
{
    private SubType[]? _types;
    private int _typesVersion = -1;
    private Import[][]? _importsByKind;
    private int _importsVersion = -1;

    /// <summary>Type section: recursion groups. <see cref="Types"/> is the flattened type index space.</summary>
    public TrackedList<RecGroup> RecGroups { get; } = [];
    /// <summary>Import section.</summary>
    public TrackedList<Import> Imports { get; } = [];
    /// <summary>Function and code sections together: defined functions.</summary>
    public TrackedList<Function> Functions { get; } = [];
    /// <summary>Table section.</summary>
    public TrackedList<Table> Tables { get; } = [];
    /// <summary>Memory section.</summary>
    public TrackedList<MemoryType> Memories { get; } = [];
    /// <summary>Tag section.</summary>
    public TrackedList<TagType> Tags { get; } = [];
    /// <summary>Global section.</summary>
    public TrackedList<Global> Globals { get; } = [];
    /// <summary>Export section.</summary>
    public TrackedList<Export> Exports { get; } = [];
    /// <summary>Element section.</summary>
    public TrackedList<ElementSegment> Elements { get; } = [];
    /// <summary>Data section.</summary>
    public TrackedList<DataSegment> Data { get; } = [];
    /// <summary>Custom sections, in file order, each remembering where it stood.</summary>
    public TrackedList<CustomSection> CustomSections { get; } = [];
    /// <summary>Start function index.</summary>
    public uint? Start { get; set; }
    /// <summary>Whether a data count section is written (required when code uses memory.init/data.drop).</summary>
    public bool HasDataCount { get; set; }
    /// <summary>The decoded name section, or null when absent or undecodable (then it is kept verbatim).</summary>
    public NameSection? Names { get; set; }

    /// <summary>What the reader saw, so the writer can copy unchanged sections verbatim.</summary>
    internal OriginalSections? Original { get; set; }

    /// <summary>Every defined type, in index order (flattened from <see cref="RecGroups"/>).</summary>
    public IReadOnlyList<SubType> Types
    {
        get
        {
            if (_types is null || _typesVersion != RecGroups.Version)
            {
                _types = RecGroups.SelectMany(g => g.Types).ToArray();
                _typesVersion = RecGroups.Version;
            }
            return _types;
        }
    }

    /// <summary>Number of imports of a kind (the first index of the defined entries of that kind).</summary>
    public int ImportCount(ExternalKind kind) => ImportsByKind()[(int)kind].Length;

    /// <summary>The imports split by kind, in index order; rebuilt only when <see cref="Imports"/> changed.</summary>
    private Import[][] ImportsByKind()
    {
        if (_importsByKind is null || _importsVersion != Imports.Version)
        {
            var byKind = new List<Import>[5];
            for (var k = 0; k < byKind.Length; k++) byKind[k] = [];
            foreach (var import in Imports) byKind[(int)import.Kind].Add(import);
            _importsByKind = Array.ConvertAll(byKind, l => l.ToArray());
            _importsVersion = Imports.Version;
        }
        return _importsByKind;
    }

    /// <summary>Number of imported functions.</summary>
    public int ImportedFunctionCount => ImportCount(ExternalKind.Func);
    /// <summary>Size of the function index space.</summary>
    public int FunctionCount => ImportedFunctionCount + Functions.Count;
    /// <summary>Size of the table index space.</summary>
    public int TableCount => ImportCount(ExternalKind.Table) + Tables.Count;
    /// <summary>Size of the memory index space.</summary>
    public int MemoryCount => ImportCount(ExternalKind.Memory) + Memories.Count;
    /// <summary>Size of the global index space.</summary>
    public int GlobalCount => ImportCount(ExternalKind.Global) + Globals.Count;
    /// <summary>Size of the tag index space.</summary>
    public int TagCount => ImportCount(ExternalKind.Tag) + Tags.Count;

    /// <summary>The imports of one kind, in index order.</summary>
    public IReadOnlyList<Import> ImportsOf(ExternalKind kind) => ImportsByKind()[(int)kind];

    /// <summary>Type index of function <paramref name="funcIndex"/> (imported or defined).</summary>
    public uint FunctionTypeIndex(uint funcIndex)
    {
        var imported = ImportedFunctionCount;
        if (funcIndex >= imported) return Functions[(int)(funcIndex - imported)].TypeIndex;
        return ImportsOf(ExternalKind.Func)[(int)funcIndex].FuncType;
    }

    /// <summary>The function type of function <paramref name="funcIndex"/>.</summary>
    public FuncType FunctionType(uint funcIndex) => (FuncType)Types[(int)FunctionTypeIndex(funcIndex)].Composite;

    /// <summary>Type of global <paramref name="index"/>.</summary>
    public GlobalType GlobalType(uint index)
    {
        var imported = ImportCount(ExternalKind.Global);
        return index >= imported ? Globals[(int)(index - imported)].Type : ImportsOf(ExternalKind.Global)[(int)index].Global;
    }

    /// <summary>Type of memory <paramref name="index"/>.</summary>
    public MemoryType MemoryType(uint index)
    {
        var imported = ImportCount(ExternalKind.Memory);
        return index >= imported ? Memories[(int)(index - imported)] : ImportsOf(ExternalKind.Memory)[(int)index].Memory;
    }

    /// <summary>Type of table <paramref name="index"/>.</summary>
    public TableType TableType(uint index)
    {
        var imported = ImportCount(ExternalKind.Table);
        return index >= imported ? Tables[(int)(index - imported)].Type : ImportsOf(ExternalKind.Table)[(int)index].Table;
    }

    /// <summary>Type of tag <paramref name="index"/>.</summary>
    public TagType TagType(uint index)
    {
        var imported = ImportCount(ExternalKind.Tag);
        return index >= imported ? Tags[(int)(index - imported)] : ImportsOf(ExternalKind.Tag)[(int)index].Tag;
    }

    /// <summary>The name-section name of a function, or null.</summary>
    public string? FunctionName(uint funcIndex) => Names?.FunctionNames.GetValueOrDefault(funcIndex);
}

/// <summary>The raw bytes of each known section as read, with the list versions at that moment.</summary>
internal sealed class OriginalSections
{
    public required ReadOnlyMemory<byte> File { get; init; }
    public Dictionary<SectionId, ReadOnlyMemory<byte>> Raw { get; } = new();
    /// <summary>The data section's segments as read (after their count): what <see cref="Module.Data"/> defers.</summary>
    public ReadOnlyMemory<byte> DataItems { get; set; }
    public Dictionary<SectionId, int> Versions { get; } = new();
    public uint? Start { get; set; }
    public bool HasDataCount { get; set; }
    public NameSection? Names { get; set; }
}
