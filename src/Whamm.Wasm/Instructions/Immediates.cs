using Whamm.Wasm.Types;

namespace Whamm.Wasm.Instructions;

/// <summary>A memory instruction's alignment exponent, memory index and static offset.</summary>
public readonly record struct MemArg(uint Align, uint Memory, ulong Offset);

/// <summary>The kind of a <see cref="BlockType"/>.</summary>
public enum BlockTypeKind : byte
{
    /// <summary>No parameters, no results (0x40).</summary>
    Empty,
    /// <summary>No parameters, one result.</summary>
    Value,
    /// <summary>The parameters and results of a function type.</summary>
    TypeIndex,
}

/// <summary>The type of a block, loop, if, try or try_table.</summary>
public readonly record struct BlockType(BlockTypeKind Kind, ValType Value = default, uint TypeIndex = 0)
{
    /// <summary>The empty block type.</summary>
    public static readonly BlockType Empty = new(BlockTypeKind.Empty);
}

/// <summary>The kind of a <c>try_table</c> catch clause (its encoding byte).</summary>
public enum CatchKind : byte
{
#pragma warning disable CS1591
    Catch = 0, CatchRef = 1, CatchAll = 2, CatchAllRef = 3,
#pragma warning restore CS1591
}

/// <summary>A <c>try_table</c> catch clause: kind, tag (for catch/catch_ref) and label depth.</summary>
public readonly record struct Catch(CatchKind Kind, uint Tag, uint Label)
{
    /// <summary>Whether the clause names a tag.</summary>
    public bool HasTag => Kind is CatchKind.Catch or CatchKind.CatchRef;
}
