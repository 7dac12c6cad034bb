using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Instructions;

/// <summary>
/// One decoded instruction with its immediates and location. Scalar immediates (indices, labels,
/// constants, lanes, flags, heap types) fill <see cref="Imm0"/>…<see cref="Imm3"/> in encoding order;
/// a memarg goes to <see cref="MemArg"/>, a block type to <see cref="BlockType"/>; v128 constants and
/// shuffle lanes take <see cref="Imm0"/> (low 8 bytes) and <see cref="Imm1"/>; vectors (br_table labels,
/// select types, catch clauses) go to <see cref="Vector"/>.
/// </summary>
public readonly struct Instruction
{
    /// <summary>Creates an instruction from its parts.</summary>
    public Instruction(OpcodeInfo opcode, int offset = 0, int length = 0, ulong imm0 = 0, ulong imm1 = 0, ulong imm2 = 0,
        ulong imm3 = 0, MemArg memArg = default, BlockType blockType = default, Array? vector = null)
    {
        Opcode = opcode;
        Offset = offset;
        Length = length;
        Imm0 = imm0;
        Imm1 = imm1;
        Imm2 = imm2;
        Imm3 = imm3;
        MemArg = memArg;
        BlockType = blockType;
        Vector = vector;
    }

    /// <summary>The opcode's table row.</summary>
    public OpcodeInfo Opcode { get; }
    /// <summary>The table member.</summary>
    public Op Op => Opcode.Op;
    /// <summary>Byte offset from the start of the function body (its local declarations included), or of the expression.</summary>
    public int Offset { get; }
    /// <summary>Encoded length in bytes (0 for instructions that were built, not read).</summary>
    public int Length { get; }
#pragma warning disable CS1591
    public ulong Imm0 { get; }
    public ulong Imm1 { get; }
    public ulong Imm2 { get; }
    public ulong Imm3 { get; }
#pragma warning restore CS1591
    /// <summary>The memarg of a memory instruction.</summary>
    public MemArg MemArg { get; }
    /// <summary>The block type of a structured instruction.</summary>
    public BlockType BlockType { get; }
    /// <summary><c>uint[]</c> labels (default last) for br_table, <c>ValType[]</c> for typed select, <c>Catch[]</c> for try_table.</summary>
    public Array? Vector { get; }

    /// <summary>The first immediate as a u32 index (function, local, global, label, …).</summary>
    public uint Index => (uint)Imm0;
    /// <summary>i32.const's value.</summary>
    public int I32 => (int)Imm0;
    /// <summary>i64.const's value.</summary>
    public long I64 => (long)Imm0;
    /// <summary>The heap type immediate stored in slot <paramref name="slot"/>.</summary>
    public HeapType HeapAt(int slot) => HeapFromSlot(slot switch { 0 => Imm0, 1 => Imm1, 2 => Imm2, _ => Imm3 });
    /// <summary>br_table's labels, the default last.</summary>
    public uint[] BrTableLabels => (uint[])Vector!;
    /// <summary>try_table's catch clauses.</summary>
    public Catch[] Catches => (Catch[])Vector!;
    /// <summary>Typed select's value types.</summary>
    public ValType[] SelectTypes => (ValType[])Vector!;

    /// <summary>Packs a heap type into an immediate slot.</summary>
    public static ulong SlotFromHeap(HeapType heap) => heap.IsConcrete ? heap.TypeIndex : 0x1_0000_0000UL | (byte)heap.Abstract;

    /// <summary>Unpacks a heap type from an immediate slot.</summary>
    public static HeapType HeapFromSlot(ulong slot) =>
        (slot & 0x1_0000_0000UL) != 0 ? HeapType.Of((AbstractHeap)(byte)slot) : HeapType.Index((uint)slot);

    /// <inheritdoc/>
    public override string ToString() => Opcode.Name;
}
