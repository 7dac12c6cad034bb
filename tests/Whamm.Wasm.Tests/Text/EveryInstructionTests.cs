using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Text;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Tests.Text;

/// <summary>
/// Every row of the opcode table, with immediates chosen so that a swapped or dropped one shows
/// (non-zero indices, distinct memory/table/segment numbers, NaN payloads), printed flat and folded and
/// parsed back: the body must come back byte for byte.
/// </summary>
public class EveryInstructionTests
{
    private const string Context = """
        (module
          (type (func))
          (type (struct (field i32) (field i64)))
          (type (array (mut i32)))
          (memory 1) (memory 1)
          (table 2 funcref) (table 2 funcref)
          (global (mut i32) (i32.const 0)) (global (mut i32) (i32.const 0))
          (tag) (tag)
          (elem func 0) (elem func 0) (elem func 0)
          (data "a") (data "b") (data "c")
          (func (local i32 i32)))
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryOpcodeRowPrintsAndParsesBack(bool folded)
    {
        var module = TextParser.Read(TextParser.Parse(Context));
        var body = Body(out var covered);
        module.Functions[0] = new Function(0, new FunctionBody(body));
        var text = WatPrinter.Print(module, new WatOptions { Folded = folded });
        var reparsed = TextParser.Read(TextParser.Parse(text));
        var actual = reparsed.Functions[0].Body.Bytes.ToArray();
        if (!body.AsSpan().SequenceEqual(actual))
        {
            var expectedIns = module.Functions[0].Body.Decode();
            var actualIns = reparsed.Functions[0].Body.Decode();
            var i = 0;
            while (i < Math.Min(expectedIns.Count, actualIns.Count) && Same(expectedIns[i], actualIns[i])) i++;
            Assert.Fail($"instruction {i} ({(i < expectedIns.Count ? expectedIns[i].Opcode.Name : "end")}) does not come back: " +
                $"got {(i < actualIns.Count ? actualIns[i].Opcode.Name : "nothing")}");
        }
        Assert.Equal(OpcodeTable.All.Select(o => o.Op).Order(), covered.Order());
    }

    private static bool Same(in Instruction a, in Instruction b) =>
        a.Op == b.Op && (a.Imm0, a.Imm1, a.Imm2, a.Imm3) == (b.Imm0, b.Imm1, b.Imm2, b.Imm3) && a.MemArg == b.MemArg && a.BlockType == b.BlockType;

    /// <summary>Locals, then every row (structured ones closed so the text is well-formed), then <c>end</c>.</summary>
    private static byte[] Body(out HashSet<Op> coveredOps)
    {
        var covered = coveredOps = [];
        var w = new WasmWriter();
        w.WriteU32(1);
        w.WriteU32(2);
        w.WriteValType(ValType.I32);
        void Emit(Op op)
        {
            covered.Add(op);
            InstructionWriter.Write(w, Make(OpcodeTable.Get(op)));
        }
        foreach (var row in OpcodeTable.All)
        {
            switch (row.Op)
            {
                case Op.End:
                    covered.Add(Op.End);
                    break;
                case Op.Else:
                    Emit(Op.If);
                    Emit(Op.Else);
                    Emit(Op.End);
                    break;
                case Op.Catch or Op.CatchAll:
                    Emit(Op.Try);
                    Emit(row.Op);
                    Emit(Op.End);
                    break;
                case Op.Delegate:
                    Emit(Op.Try);
                    Emit(Op.Delegate);
                    break;
                default:
                    Emit(row.Op);
                    if (row.Has(ImmKind.BlockType)) Emit(Op.End);
                    break;
            }
        }
        Emit(Op.End);
        return w.ToArray();
    }

    /// <summary>An instruction of <paramref name="row"/> with distinctive immediates.</summary>
    private static Instruction Make(OpcodeInfo row)
    {
        var slots = new ulong[4];
        var slot = 0;
        var tables = 0;
        var memories = 0;
        var heaps = 0;
        MemArg memArg = default;
        BlockType blockType = default;
        Array? vector = null;
        foreach (var kind in row.Immediates)
        {
            switch (kind)
            {
                case ImmKind.BlockType: blockType = new BlockType(BlockTypeKind.TypeIndex, default, 0); break;
                case ImmKind.Label: slots[slot++] = 0; break;
                case ImmKind.Func: slots[slot++] = 0; break;
                case ImmKind.Type: slots[slot++] = 1; break;
                case ImmKind.Table: slots[slot++] = tables++ == 0 ? 1UL : 0UL; break;
                case ImmKind.Memory: slots[slot++] = memories++ == 0 ? 1UL : 0UL; break;
                case ImmKind.Global or ImmKind.Local or ImmKind.Tag or ImmKind.Field or ImmKind.Lane: slots[slot++] = 1; break;
                case ImmKind.Elem or ImmKind.Data: slots[slot++] = 2; break;
                case ImmKind.U32: slots[slot++] = 3; break;
                case ImmKind.CastFlags: slots[slot++] = 1; break;
                case ImmKind.I32: slots[slot++] = unchecked((ulong)(long)-7); break;
                case ImmKind.I64: slots[slot++] = unchecked((ulong)(long.MinValue + 3)); break;
                case ImmKind.F32: slots[slot++] = 0xFFA0_0001; break;
                case ImmKind.F64: slots[slot++] = 0x8000_0000_0000_0001; break;
                case ImmKind.V128:
                    slots[slot++] = 0x0706_0504_0302_0100;
                    slots[slot++] = 0xFFFE_0D0C_0B0A_0908;
                    break;
                case ImmKind.Shuffle:
                    slots[slot++] = 0x1F05_1D03_1B01_1900;
                    slots[slot++] = 0x0F0E_0D0C_0B0A_0908;
                    break;
                case ImmKind.HeapType:
                    slots[slot++] = Instruction.SlotFromHeap(heaps++ == 0 ? HeapType.Index(1) : HeapType.Any);
                    break;
                case ImmKind.MemArg: memArg = new MemArg((uint)Math.Max(row.NaturalAlignment - 1, 0), 1, 24); break;
                case ImmKind.BrTable: vector = new uint[] { 0, 0 }; break;
                case ImmKind.SelectTypes: vector = new[] { ValType.I64 }; break;
                case ImmKind.Catches:
                    vector = new[]
                    {
                        new Catch(CatchKind.Catch, 1, 0), new Catch(CatchKind.CatchRef, 1, 0),
                        new Catch(CatchKind.CatchAll, 0, 0), new Catch(CatchKind.CatchAllRef, 0, 0),
                    };
                    break;
                case ImmKind.ZeroByte: break;
                default: throw new InvalidOperationException($"no test value for {kind}");
            }
        }
        return new Instruction(row, 0, 0, slots[0], slots[1], slots[2], slots[3], memArg, blockType, vector);
    }
}
