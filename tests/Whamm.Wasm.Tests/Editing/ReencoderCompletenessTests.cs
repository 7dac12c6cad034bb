using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>
/// Proves the reencoder misses no reference inside code: every opcode row with an index immediate, built with
/// indices in every slot, comes out with each index mapped and everything else untouched.
/// </summary>
public class ReencoderCompletenessTests
{
    /// <summary>Immediate kinds that name no module-level index (and must stay as they are).</summary>
    private static readonly ImmKind[] NotIndices =
    [
        ImmKind.Label, ImmKind.BrTable, ImmKind.Local, ImmKind.Field, ImmKind.U32, ImmKind.Lane, ImmKind.Shuffle,
        ImmKind.I32, ImmKind.I64, ImmKind.F32, ImmKind.F64, ImmKind.V128, ImmKind.ZeroByte, ImmKind.CastFlags,
    ];

    [Fact]
    public void EveryImmediateKindIsEitherRemappedOrKnownToHoldNoIndex()
    {
        foreach (var kind in Enum.GetValues<ImmKind>())
        {
            var remapped = OpDesc.SpaceOf(kind) is not null;
            Assert.True(remapped ^ NotIndices.Contains(kind), $"immediate kind {kind} is not classified for remapping");
        }
    }

    public static IEnumerable<object[]> RowsWithIndices() =>
        OpcodeTable.All.Where(o => o.Immediates.Any(k => OpDesc.SpaceOf(k) is not null)).Select(o => new object[] { o.Op });

    [Theory]
    [MemberData(nameof(RowsWithIndices))]
    public void EveryIndexImmediateIsRemapped(Op op)
    {
        var info = OpcodeTable.Get(op);
        // Every space moves by 3 from index 0: each index (5, memarg memory 0) must come out +3.
        var map = new IndexMap();
        foreach (var space in Enum.GetValues<IndexSpace>()) map.Insert(space, 0, 3);
        var original = Build(info, index: 5, memory: 0);
        var expected = Build(info, index: 8, memory: 3);
        AssertSame(expected, Remap(original, map), op);
    }

    [Theory]
    [MemberData(nameof(RowsWithIndices))]
    public void OnlyTheMovedSpaceChanges(Op op)
    {
        var info = OpcodeTable.Get(op);
        foreach (var moved in Enum.GetValues<IndexSpace>())
        {
            var map = new IndexMap().Insert(moved, 0, 1);
            var original = Build(info, index: 5, memory: 2);
            var expected = Build(info, index: 5, memory: 2, moved);
            AssertSame(expected, Remap(original, map), op);
        }
    }

    [Fact]
    public void UnchangedBodyIsTheSameObjectAndAbstractTypesStay()
    {
        var map = new IndexMap().Insert(IndexSpace.Type, 0, 1).Insert(IndexSpace.Func, 0, 1);
        var w = new WasmWriter();
        w.WriteU32(1);
        w.WriteU32(1);
        w.WriteValType(ValType.FuncRef);
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.Block), blockType: new BlockType(BlockTypeKind.Value, ValType.ExternRef)));
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.RefNull), imm0: Instruction.SlotFromHeap(HeapType.Func)));
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.Drop)));
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.End)));
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.End)));
        var body = new FunctionBody(w.ToArray());
        Assert.Same(body, new Reencoder(map).Body(body));
    }

    [Fact]
    public void LocalsOfConcreteReferenceTypesAreRemapped()
    {
        var w = new WasmWriter();
        w.WriteU32(2);
        w.WriteU32(2);
        w.WriteValType(ValType.Ref(HeapType.Index(4), nullable: true));
        w.WriteU32(1);
        w.WriteValType(ValType.I32);
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.End)));
        var body = new Reencoder(new IndexMap().Insert(IndexSpace.Type, 2, 5)).Body(new FunctionBody(w.ToArray()));
        Assert.Equal([new LocalDecl(2, ValType.Ref(HeapType.Index(9), true)), new LocalDecl(1, ValType.I32)], body.Locals);
    }

    private static Instruction Remap(Instruction original, IndexMap map)
    {
        var w = new WasmWriter();
        w.WriteU32(0); // no locals
        InstructionWriter.Write(w, original);
        InstructionWriter.Write(w, new Instruction(OpcodeTable.Get(Op.End)));
        var body = new Reencoder(map).Body(new FunctionBody(w.ToArray()));
        var decoded = body.Decode();
        Assert.Equal(2, decoded.Count);
        return decoded[0];
    }

    /// <summary>
    /// An instance of the row: indices of every space are <paramref name="index"/> (+1 when their space is
    /// <paramref name="moved"/>), a memarg names <paramref name="memory"/>; everything else has fixed values.
    /// </summary>
    private static Instruction Build(OpcodeInfo info, uint index, uint memory, IndexSpace? moved = null)
    {
        uint Idx(IndexSpace space, uint value) => moved == space ? value + 1 : value;
        Span<ulong> slots = stackalloc ulong[4];
        var slot = 0;
        MemArg memArg = default;
        BlockType blockType = default;
        Array? vector = null;
        foreach (var kind in info.Immediates)
        {
            switch (kind)
            {
                case ImmKind.Label or ImmKind.Local or ImmKind.Field or ImmKind.U32: slots[slot++] = 2; break;
                case ImmKind.Func or ImmKind.Type or ImmKind.Table or ImmKind.Memory or ImmKind.Global or ImmKind.Tag
                    or ImmKind.Elem or ImmKind.Data:
                    slots[slot++] = Idx(OpDesc.SpaceOf(kind)!.Value, index + (uint)slot);
                    break;
                case ImmKind.MemArg: memArg = new MemArg((uint)info.NaturalAlignment, Idx(IndexSpace.Memory, memory), 1234); break;
                case ImmKind.BlockType: blockType = new BlockType(BlockTypeKind.TypeIndex, default, Idx(IndexSpace.Type, index)); break;
                case ImmKind.HeapType: slots[slot++] = Instruction.SlotFromHeap(HeapType.Index(Idx(IndexSpace.Type, index + (uint)slot))); break;
                case ImmKind.SelectTypes:
                    vector = new[] { ValType.Ref(HeapType.Index(Idx(IndexSpace.Type, index)), true) };
                    break;
                case ImmKind.Catches:
                    vector = new Catch[]
                    {
                        new(CatchKind.Catch, Idx(IndexSpace.Tag, index), 0), new(CatchKind.CatchAllRef, 0, 1),
                        new(CatchKind.CatchRef, Idx(IndexSpace.Tag, index + 1), 2), new(CatchKind.CatchAll, 0, 3),
                    };
                    break;
                case ImmKind.BrTable: vector = new uint[] { 3, 1, 0 }; break;
                case ImmKind.CastFlags: slots[slot++] = 3; break;
                case ImmKind.Lane: slots[slot++] = 1; break;
                case ImmKind.ZeroByte: break;
                case ImmKind.I32: slots[slot++] = unchecked((ulong)-5L); break;
                case ImmKind.I64: slots[slot++] = unchecked((ulong)-500L); break;
                case ImmKind.F32: slots[slot++] = 0x3F80_0000; break;
                case ImmKind.F64: slots[slot++] = 0x3FF0_0000_0000_0000; break;
                case ImmKind.V128 or ImmKind.Shuffle:
                    slots[slot++] = 0x0706050403020100;
                    slots[slot++] = 0x0F0E0D0C0B0A0908;
                    break;
                default: throw new InvalidOperationException($"no test value for {kind}");
            }
        }
        return new Instruction(info, 0, 0, slots[0], slots[1], slots[2], slots[3], memArg, blockType, vector);
    }

    private static void AssertSame(Instruction expected, Instruction actual, Op op)
    {
        Assert.Equal(expected.Op, actual.Op);
        Assert.True((expected.Imm0, expected.Imm1, expected.Imm2, expected.Imm3) == (actual.Imm0, actual.Imm1, actual.Imm2, actual.Imm3),
            $"{op}: immediates {(actual.Imm0, actual.Imm1, actual.Imm2, actual.Imm3)}, expected {(expected.Imm0, expected.Imm1, expected.Imm2, expected.Imm3)}");
        Assert.Equal(expected.MemArg, actual.MemArg);
        Assert.Equal(expected.BlockType, actual.BlockType);
        Assert.Equal(expected.Vector?.Cast<object>().ToArray() ?? [], actual.Vector?.Cast<object>().ToArray() ?? []);
    }
}
