using System.Text.RegularExpressions;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>
/// Differential testing against Wasmtime: short random instruction sequences (every row of the opcode
/// table but the legacy exception ones, random immediates) in a module with a rich context (GC types,
/// shared and 64-bit memories, typed tables, tags, segments), often in unreachable code. Verdicts and
/// error offsets must agree.
/// </summary>
public partial class DifferentialFuzzTests
{
    private const string Base = """
        (module
          (type $f0 (func))
          (type $f1 (func (param i32) (result i32)))
          (type $s0 (sub (struct (field (mut i32)) (field i8))))
          (type $s1 (sub $s0 (struct (field (mut i32)) (field i8) (field (ref null $s0)))))
          (type $a0 (array (mut i16)))
          (type $a1 (array (mut anyref)))
          (type $f2 (func (param i64 anyref) (result i32 f32)))
          (import "m" "gi" (global $gi i32))
          (memory $m0 1 2 shared)
          (memory $m1 i64 1)
          (table $t0 2 funcref)
          (table $t1 2 externref)
          (table $t2 i64 2 (ref null $f1))
          (global $g0 (mut i32) (i32.const 0))
          (global $g1 anyref (ref.null any))
          (global $g2 (mut (ref null $s0)) (ref.null none))
          (tag $e0)
          (tag $e1 (param i32 i64))
          (data $d0 "abc")
          (elem $el0 func $x $y)
          (elem $el1 (ref null $s0) (item (ref.null none)))
          (elem declare func $y)
          (func $x (type $f1) local.get 0)
          (func $y (param i32 anyref (ref null $s1) v128 funcref) (result i32) (local i64 f64 externref (ref null $a1))
            i32.const 0 data.drop 0))
        """;

    private static readonly HeapType[] Heaps =
    [
        HeapType.Func, HeapType.Extern, HeapType.Any, HeapType.Eq, HeapType.I31, HeapType.Struct, HeapType.Array,
        HeapType.Exn, HeapType.None, HeapType.NoFunc, HeapType.NoExtern, HeapType.NoExn,
        HeapType.Index(0), HeapType.Index(1), HeapType.Index(2), HeapType.Index(3), HeapType.Index(4), HeapType.Index(5),
    ];

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 6).Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSequencesAgreeWithWasmtime(int seed)
    {
        var baseBytes = TestWat.ToWasm(Base);
        var rng = new Random(seed);
        var ops = OpcodeTable.All.Where(o => (o.Feature & Feature.LegacyExceptions) == 0).ToArray();
        var failures = new List<string>();
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            var module = ModuleReader.Read(baseBytes);
            var last = module.Functions.Count - 1;
            var function = module.Functions[last];
            var body = new List<Instruction>();
            var prefix = rng.Next(4);
            if (prefix <= 1) body.Add(new Instruction(OpcodeTable.Get(Op.Unreachable)));
            else if (prefix == 2) body.Add(new Instruction(OpcodeTable.Get(Op.LocalGet), imm0: (ulong)rng.Next(9)));
            else body.Add(new Instruction(OpcodeTable.Get(Op.Block), blockType: RandomBlockType(rng)));
            var n = 1 + rng.Next(5);
            for (var i = 0; i < n; i++) body.Add(RandomInstruction(rng, ops));
            if (prefix == 3) body.Add(new Instruction(OpcodeTable.Get(Op.End)));
            if (rng.Next(2) == 0) body.Add(new Instruction(OpcodeTable.Get(Op.Unreachable)));
            body.Add(new Instruction(OpcodeTable.Get(Op.End)));

            var w = new WasmWriter();
            w.WriteBytes(function.Body.Bytes.Span[..function.Body.CodeOffset]);
            foreach (var ins in body) InstructionWriter.Write(w, ins);
            module.Functions[last] = new Function(function.TypeIndex, new FunctionBody(w.ToArray()));
            byte[] bytes;
            try
            {
                bytes = ModuleWriter.Write(module);
            }
            catch (Exception e) when (e is WasmException or InvalidOperationException)
            {
                continue; // the writer refuses the random instruction; not the validator's business
            }

            var theirs = WasmtimeOracle.Validate(bytes);
            var ours = CorpusAgreementTests.Ours(bytes);
            var sequence = string.Join(" ", body.Select(i => i.Opcode.Name));
            if ((theirs is null) != (ours is null))
            {
                failures.Add($"#{iteration} [{sequence}]: Wasmtime: {theirs ?? "valid"}; ours: {ours ?? "valid"}");
            }
            else if (theirs is not null && !theirs.Contains("found outside", StringComparison.Ordinal)
                && Offset(theirs) != Offset(ours!))
            {
                failures.Add($"#{iteration} [{sequence}]: offsets differ. Wasmtime: {theirs}; ours: {ours}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string Offset(string message) => OffsetPattern().Match(message).Groups[1].Value;

    [GeneratedRegex("offset 0x([0-9a-f]+)")]
    private static partial Regex OffsetPattern();

    private static ValType RandomValType(Random rng) => rng.Next(9) switch
    {
        0 => ValType.I32,
        1 => ValType.I64,
        2 => ValType.F32,
        3 => ValType.F64,
        4 => ValType.V128,
        _ => ValType.Ref(Heaps[rng.Next(Heaps.Length)], rng.Next(2) == 0),
    };

    private static BlockType RandomBlockType(Random rng) => rng.Next(4) switch
    {
        0 => BlockType.Empty,
        1 => new BlockType(BlockTypeKind.Value, RandomValType(rng)),
        _ => new BlockType(BlockTypeKind.TypeIndex, default, (uint)rng.Next(8)),
    };

    private static Instruction RandomInstruction(Random rng, OpcodeInfo[] ops)
    {
        var info = ops[rng.Next(ops.Length)];
        var slots = new ulong[4];
        var slot = 0;
        MemArg memArg = default;
        BlockType blockType = default;
        Array? vector = null;
        ulong Small() => (ulong)rng.Next(rng.Next(4) == 0 ? 8 : 3);
        foreach (var kind in info.Immediates)
        {
            switch (kind)
            {
                case ImmKind.BlockType: blockType = RandomBlockType(rng); break;
                case ImmKind.BrTable:
                {
                    var labels = new uint[rng.Next(4) + 1];
                    for (var i = 0; i < labels.Length; i++) labels[i] = (uint)Small();
                    vector = labels;
                    break;
                }
                case ImmKind.MemArg:
                    memArg = new MemArg(rng.Next(3) == 0 ? (uint)rng.Next(5) : (uint)info.NaturalAlignment,
                        (uint)rng.Next(rng.Next(5) == 0 ? 3 : 2), rng.Next(10) == 0 ? 0x1_0000_0000UL : (ulong)rng.Next(100));
                    break;
                case ImmKind.Lane: slots[slot++] = (ulong)rng.Next(rng.Next(3) == 0 ? 20 : 2); break;
                case ImmKind.Shuffle or ImmKind.V128:
                    slots[slot++] = rng.Next(5) == 0 ? ulong.MaxValue : 0x0706050403020100UL;
                    slots[slot++] = 0x0F0E0D0C0B0A0908UL;
                    break;
                case ImmKind.HeapType: slots[slot++] = Instruction.SlotFromHeap(Heaps[rng.Next(Heaps.Length)]); break;
                case ImmKind.CastFlags: slots[slot++] = (ulong)rng.Next(4); break;
                case ImmKind.SelectTypes:
                    vector = rng.Next(6) == 0 ? new[] { RandomValType(rng), RandomValType(rng) } : new[] { RandomValType(rng) };
                    break;
                case ImmKind.Catches:
                {
                    var catches = new Catch[rng.Next(3)];
                    for (var i = 0; i < catches.Length; i++) catches[i] = new Catch((CatchKind)rng.Next(4), (uint)rng.Next(3), (uint)Small());
                    vector = catches;
                    break;
                }
                case ImmKind.ZeroByte: break;
                case ImmKind.I32 or ImmKind.I64 or ImmKind.F32 or ImmKind.F64: slots[slot++] = (ulong)rng.Next(10); break;
                default: slots[slot++] = Small(); break;
            }
        }
        return new Instruction(info, 0, 0, slots[0], slots[1], slots[2], slots[3], memArg, blockType, vector);
    }
}
