using Whamm.Wasm.Binary;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Instructions;

/// <summary>
/// Decodes instructions one at a time from a function body or constant expression, driven entirely by
/// the immediate kinds of the opcode table. A mutable struct: keep it in a local and call
/// <see cref="Read"/> until <see cref="AtEnd"/>.
/// </summary>
public struct InstructionReader
{
    private WasmReader _r;

    /// <summary>Reads instructions from <paramref name="reader"/>'s current position to the end of its data.</summary>
    public InstructionReader(WasmReader reader) => _r = reader;

    /// <summary>True when the data is exhausted.</summary>
    public readonly bool AtEnd => _r.AtEnd;

    /// <summary>Position of the next instruction within the data.</summary>
    public readonly int Position => _r.Position;

    /// <summary>File offset of the first byte of the data (add <see cref="Instruction.Offset"/> for an instruction's file offset).</summary>
    public readonly long FileOffset => _r.FileOffset;

    /// <summary>Decodes the next instruction.</summary>
    public Instruction Read()
    {
        var start = _r.Position;
        var opcode = ReadOpcode(ref _r);
        // Most instructions have no immediate or one index (local.get, call, br...): no loop over their kinds.
        if (opcode.ImmediateKinds.Length == 0) return new Instruction(opcode, start, _r.Position - start);
        if (opcode.OneIndex)
        {
            var index = _r.ReadU32();
            return new Instruction(opcode, start, _r.Position - start, index);
        }
        return ReadImmediates(opcode, start);
    }

    private Instruction ReadImmediates(OpcodeInfo opcode, int start)
    {
        Span<ulong> slots = stackalloc ulong[4];
        var slot = 0;
        MemArg memArg = default;
        BlockType blockType = default;
        Array? vector = null;
        foreach (var kind in opcode.ImmediateKinds)
        {
            if (ImmKinds.IsIndex(kind))
            {
                slots[slot++] = _r.ReadU32();
                continue;
            }
            switch (kind)
            {
                case ImmKind.BlockType: blockType = ReadBlockType(ref _r); break;
                case ImmKind.BrTable:
                {
                    var count = _r.ReadCount();
                    var labels = new uint[count + 1];
                    for (var i = 0; i <= count; i++) labels[i] = _r.ReadU32();
                    vector = labels;
                    break;
                }
                case ImmKind.MemArg: memArg = ReadMemArg(ref _r); break;
                case ImmKind.Lane or ImmKind.CastFlags: slots[slot++] = _r.ReadByte(); break;
                case ImmKind.ZeroByte:
                    if (_r.ReadByte() != 0) throw _r.ErrorAt(_r.Position - 1, "zero byte expected");
                    break;
                case ImmKind.Shuffle or ImmKind.V128:
                    slots[slot++] = _r.ReadF64Bits();
                    slots[slot++] = _r.ReadF64Bits();
                    break;
                case ImmKind.I32: slots[slot++] = (ulong)(long)_r.ReadS32(); break;
                case ImmKind.I64: slots[slot++] = (ulong)_r.ReadS64(); break;
                case ImmKind.F32: slots[slot++] = _r.ReadF32Bits(); break;
                case ImmKind.F64: slots[slot++] = _r.ReadF64Bits(); break;
                case ImmKind.HeapType: slots[slot++] = Instruction.SlotFromHeap(_r.ReadHeapType()); break;
                case ImmKind.SelectTypes:
                {
                    var count = _r.ReadCount();
                    var types = new ValType[count];
                    for (var i = 0; i < count; i++) types[i] = _r.ReadValType();
                    vector = types;
                    break;
                }
                case ImmKind.Catches:
                {
                    var count = _r.ReadCount(2);
                    var catches = new Catch[count];
                    for (var i = 0; i < count; i++)
                    {
                        var at = _r.Position;
                        var k = _r.ReadByte();
                        if (k > 3) throw _r.ErrorAt(at, $"invalid catch kind 0x{k:x2}");
                        var catchKind = (CatchKind)k;
                        var tag = catchKind is CatchKind.Catch or CatchKind.CatchRef ? _r.ReadU32() : 0;
                        catches[i] = new Catch(catchKind, tag, _r.ReadU32());
                    }
                    vector = catches;
                    break;
                }
                default: throw new InvalidOperationException($"immediate kind {kind} has no decoder");
            }
        }
        return new Instruction(opcode, start, _r.Position - start, slots[0], slots[1], slots[2], slots[3], memArg, blockType, vector);
    }

    /// <summary>Reads an opcode (with its prefix) and returns its table row.</summary>
    public static OpcodeInfo ReadOpcode(ref WasmReader r)
    {
        var at = r.Position;
        var b = r.ReadByte();
        if (OpcodeTable.Lookup(b) is { } single) return single;
        if (OpcodeTable.IsPrefix(b))
        {
            var sub = r.ReadU32();
            return OpcodeTable.Lookup(b, sub) ?? throw r.ErrorAt(at, $"unknown 0x{b:x2} subopcode: 0x{sub:x}");
        }
        throw r.ErrorAt(at, $"illegal opcode: 0x{b:x2}");
    }

    /// <summary>Reads a block type.</summary>
    public static BlockType ReadBlockType(ref WasmReader r)
    {
        var b = r.PeekByte();
        if (b == 0x40)
        {
            r.ReadByte();
            return BlockType.Empty;
        }
        if (b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B or 0x64 or 0x63 || HeapType.IsAbstractCode(b))
            return new BlockType(BlockTypeKind.Value, r.ReadValType());
        var at = r.Position;
        var index = r.ReadS33();
        if (index < 0) throw r.ErrorAt(at, $"invalid block type 0x{b:x2}");
        if (index > uint.MaxValue) throw r.ErrorAt(at, "type index out of bounds");
        return new BlockType(BlockTypeKind.TypeIndex, default, (uint)index);
    }

    /// <summary>Reads a memarg: alignment flags (bit 6: a memory index follows) and offset.</summary>
    public static MemArg ReadMemArg(ref WasmReader r)
    {
        var at = r.Position;
        var flags = r.ReadU32();
        uint memory = 0;
        if ((flags & 0x40) != 0)
        {
            flags &= ~0x40u;
            memory = r.ReadU32();
        }
        if (flags >= 64) throw r.ErrorAt(at, "malformed memop alignment: alignment too large");
        return new MemArg(flags, memory, r.ReadU64());
    }
}
