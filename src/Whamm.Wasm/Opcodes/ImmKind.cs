namespace Whamm.Wasm.Opcodes;

/// <summary>
/// The kinds of immediate an instruction carries, in encoding order. Decoding, encoding, index
/// remapping and printing are all driven by these kinds, so a new opcode row needs no new code
/// unless it introduces a new kind.
/// </summary>
public enum ImmKind : byte
{
    /// <summary>Block type: empty, one value type, or a type index (s33).</summary>
    BlockType,
    /// <summary>Branch label depth (u32).</summary>
    Label,
    /// <summary><c>br_table</c>: a vector of label depths followed by the default depth.</summary>
    BrTable,
    /// <summary>Function index (u32).</summary>
    Func,
    /// <summary>Type index (u32).</summary>
    Type,
    /// <summary>Table index (u32).</summary>
    Table,
    /// <summary>Memory index (u32).</summary>
    Memory,
    /// <summary>Global index (u32).</summary>
    Global,
    /// <summary>Local index (u32).</summary>
    Local,
    /// <summary>Tag index (u32).</summary>
    Tag,
    /// <summary>Element segment index (u32).</summary>
    Elem,
    /// <summary>Data segment index (u32).</summary>
    Data,
    /// <summary>Struct field index (u32).</summary>
    Field,
    /// <summary>A plain u32 count (e.g. <c>array.new_fixed</c>'s length).</summary>
    U32,
    /// <summary>Memory argument: alignment flags, optional memory index (flag bit 6), offset (u64).</summary>
    MemArg,
    /// <summary>SIMD lane index (one byte).</summary>
    Lane,
    /// <summary><c>i8x16.shuffle</c>: sixteen lane bytes.</summary>
    Shuffle,
    /// <summary>Signed 32-bit LEB constant.</summary>
    I32,
    /// <summary>Signed 64-bit LEB constant.</summary>
    I64,
    /// <summary>IEEE 754 single, four little-endian bytes.</summary>
    F32,
    /// <summary>IEEE 754 double, eight little-endian bytes.</summary>
    F64,
    /// <summary>Sixteen raw bytes.</summary>
    V128,
    /// <summary>A heap type (s33: abstract code or type index).</summary>
    HeapType,
    /// <summary>Typed <c>select</c>: a vector of value types.</summary>
    SelectTypes,
    /// <summary>A reserved zero byte (<c>atomic.fence</c>).</summary>
    ZeroByte,
    /// <summary><c>br_on_cast</c> flags byte: bit 0 = first heap type nullable, bit 1 = second.</summary>
    CastFlags,
    /// <summary><c>try_table</c> catch clauses.</summary>
    Catches,
}

/// <summary>Questions about <see cref="ImmKind"/> that decoding, encoding, remapping and printing share.</summary>
public static class ImmKinds
{
    /// <summary>Whether an immediate of <paramref name="kind"/> is one u32 LEB128: an index, a label or a plain u32.</summary>
    public static bool IsIndex(ImmKind kind) => kind is ImmKind.Label or ImmKind.Func or ImmKind.Type or ImmKind.Table
        or ImmKind.Memory or ImmKind.Global or ImmKind.Local or ImmKind.Tag or ImmKind.Elem or ImmKind.Data or ImmKind.Field
        or ImmKind.U32;
}
