using Whamm.Wasm.Types;

namespace Whamm.Wasm.Model;

/// <summary>An import. Exactly the field matching <see cref="Kind"/> is meaningful.</summary>
public sealed record Import(string Module, string Name, ExternalKind Kind)
{
    /// <summary>Type index of an imported function.</summary>
    public uint FuncType { get; init; }
    /// <summary>Type of an imported table.</summary>
    public TableType Table { get; init; }
    /// <summary>Type of an imported memory.</summary>
    public MemoryType Memory { get; init; }
    /// <summary>Type of an imported global.</summary>
    public GlobalType Global { get; init; }
    /// <summary>Type of an imported tag.</summary>
    public TagType Tag { get; init; }

#pragma warning disable CS1591
    public static Import Function(string module, string name, uint typeIndex) => new(module, name, ExternalKind.Func) { FuncType = typeIndex };
    public static Import OfTable(string module, string name, TableType type) => new(module, name, ExternalKind.Table) { Table = type };
    public static Import OfMemory(string module, string name, MemoryType type) => new(module, name, ExternalKind.Memory) { Memory = type };
    public static Import OfGlobal(string module, string name, GlobalType type) => new(module, name, ExternalKind.Global) { Global = type };
    public static Import OfTag(string module, string name, TagType type) => new(module, name, ExternalKind.Tag) { Tag = type };
#pragma warning restore CS1591
}

/// <summary>An export.</summary>
public sealed record Export(string Name, ExternalKind Kind, uint Index);

/// <summary>A defined global.</summary>
public sealed record Global(GlobalType Type, ConstExpr Init);

/// <summary>A defined table, with an explicit initialiser expression when encoded in the 0x40 form.</summary>
public sealed record Table(TableType Type, ConstExpr? Init = null);

/// <summary>A defined function: its type index and body.</summary>
public sealed record Function(uint TypeIndex, FunctionBody Body);

/// <summary>How an element or data segment is applied.</summary>
public enum SegmentMode : byte
{
    /// <summary>Copied into a table/memory at instantiation.</summary>
    Active,
    /// <summary>Used by table.init/memory.init.</summary>
    Passive,
    /// <summary>Element segments only: forward-declares ref.func targets.</summary>
    Declarative,
}

/// <summary>
/// An element segment. Items are either function indices (<see cref="Functions"/>) or constant
/// expressions (<see cref="Expressions"/>). <see cref="Encoding"/> is the flags value (0–7) it was read
/// with; the writer keeps it so a rewritten segment keeps its form.
/// </summary>
public sealed record ElementSegment(SegmentMode Mode, ValType Type, byte Encoding)
{
    /// <summary>Target table of an active segment.</summary>
    public uint Table { get; init; }
    /// <summary>Offset expression of an active segment.</summary>
    public ConstExpr? Offset { get; init; }
    /// <summary>Function indices, for the encodings that list them (flags without bit 2).</summary>
    public uint[]? Functions { get; init; }
    /// <summary>Item expressions, for the encodings with bit 2.</summary>
    public ConstExpr[]? Expressions { get; init; }
    /// <summary>Number of items.</summary>
    public int Count => Functions?.Length ?? Expressions!.Length;
}

/// <summary>A data segment; <see cref="Encoding"/> is its flags value (0–2).</summary>
public sealed record DataSegment(SegmentMode Mode, ReadOnlyMemory<byte> Bytes, byte Encoding)
{
    /// <summary>Target memory of an active segment.</summary>
    public uint Memory { get; init; }
    /// <summary>Offset expression of an active segment.</summary>
    public ConstExpr? Offset { get; init; }
}

/// <summary>
/// A custom section: name and payload after the name. <see cref="After"/> is the known section it
/// followed when read (or <see cref="SectionId.Custom"/> for "before every known section"); the
/// writer puts it back there.
/// </summary>
public sealed record CustomSection(string Name, ReadOnlyMemory<byte> Content, SectionId After)
{
    /// <summary>The original bytes of the whole section (id, size, name, content) when read from a file.</summary>
    public ReadOnlyMemory<byte> Raw { get; init; }
}
