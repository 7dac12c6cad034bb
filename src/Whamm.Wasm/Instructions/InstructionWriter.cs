using Whamm.Wasm.Binary;
using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Instructions;

/// <summary>Encodes instructions; the mirror of <see cref="InstructionReader"/>, driven by the same immediate kinds.</summary>
public static class InstructionWriter
{
    /// <summary>Writes an opcode with its prefix.</summary>
    public static void WriteOpcode(WasmWriter w, OpcodeInfo opcode)
    {
        if (opcode.Prefix == 0)
        {
            w.WriteByte((byte)opcode.Code);
            return;
        }
        w.WriteByte(opcode.Prefix);
        w.WriteU32(opcode.Code);
    }

    /// <summary>Writes <paramref name="ins"/>.</summary>
    public static void Write(WasmWriter w, in Instruction ins)
    {
        WriteOpcode(w, ins.Opcode);
        var slot = 0;
        foreach (var kind in ins.Opcode.ImmediateKinds)
        {
            if (ImmKinds.IsIndex(kind))
            {
                w.WriteU32((uint)Slot(ins, slot++));
                continue;
            }
            switch (kind)
            {
                case ImmKind.BlockType: WriteBlockType(w, ins.BlockType); break;
                case ImmKind.BrTable:
                {
                    var labels = ins.BrTableLabels;
                    w.WriteU32((uint)labels.Length - 1);
                    foreach (var label in labels) w.WriteU32(label);
                    break;
                }
                case ImmKind.MemArg: WriteMemArg(w, ins.MemArg); break;
                case ImmKind.Lane or ImmKind.CastFlags: w.WriteByte((byte)Slot(ins, slot++)); break;
                case ImmKind.ZeroByte: w.WriteByte(0); break;
                case ImmKind.Shuffle or ImmKind.V128:
                    w.WriteF64Bits(Slot(ins, slot++));
                    w.WriteF64Bits(Slot(ins, slot++));
                    break;
                case ImmKind.I32: w.WriteS32((int)Slot(ins, slot++)); break;
                case ImmKind.I64: w.WriteS64((long)Slot(ins, slot++)); break;
                case ImmKind.F32: w.WriteF32Bits((uint)Slot(ins, slot++)); break;
                case ImmKind.F64: w.WriteF64Bits(Slot(ins, slot++)); break;
                case ImmKind.HeapType: w.WriteHeapType(Instruction.HeapFromSlot(Slot(ins, slot++))); break;
                case ImmKind.SelectTypes:
                {
                    var types = ins.SelectTypes;
                    w.WriteU32((uint)types.Length);
                    foreach (var t in types) w.WriteValType(t);
                    break;
                }
                case ImmKind.Catches:
                {
                    var catches = ins.Catches;
                    w.WriteU32((uint)catches.Length);
                    foreach (var c in catches)
                    {
                        w.WriteByte((byte)c.Kind);
                        if (c.HasTag) w.WriteU32(c.Tag);
                        w.WriteU32(c.Label);
                    }
                    break;
                }
                default: throw new InvalidOperationException($"immediate kind {kind} has no encoder");
            }
        }
    }

    /// <summary>Writes a block type.</summary>
    public static void WriteBlockType(WasmWriter w, BlockType type)
    {
        switch (type.Kind)
        {
            case BlockTypeKind.Empty: w.WriteByte(0x40); break;
            case BlockTypeKind.Value: w.WriteValType(type.Value); break;
            default: w.WriteS64(type.TypeIndex); break;
        }
    }

    /// <summary>Writes a memarg, setting flag bit 6 only when the memory index is not 0.</summary>
    public static void WriteMemArg(WasmWriter w, MemArg memArg)
    {
        if (memArg.Memory == 0)
        {
            w.WriteU32(memArg.Align);
        }
        else
        {
            w.WriteU32(memArg.Align | 0x40);
            w.WriteU32(memArg.Memory);
        }
        w.WriteU64(memArg.Offset);
    }

    private static ulong Slot(in Instruction ins, int slot) => slot switch
    {
        0 => ins.Imm0,
        1 => ins.Imm1,
        2 => ins.Imm2,
        _ => ins.Imm3,
    };
}
