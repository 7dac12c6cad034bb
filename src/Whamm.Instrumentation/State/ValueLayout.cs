using System.Text;
using Whamm.Language.Semantics;
using D = Whamm.Instrumentation.Core.CoreLibrary.Descriptor;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.State;

/// <summary>
/// How a Whamm value is laid out in the instrumentation memory and described to the core library: packed
/// little-endian scalars without padding (<c>bool</c> one byte, <c>str</c> an (address, length) pair, a map its
/// id, a tuple its elements in order; a per-site bool variable alone takes four bytes, <see cref="SiteSize"/>), and
/// the one-character-per-scalar descriptor the core library prints from (Core/README.md).
/// </summary>
internal static class ValueLayout
{
    /// <summary>Bytes a value occupies.</summary>
    public static int Size(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.Bool => 1,
        WhammTypeKind.U16 or WhammTypeKind.I16 => 2,
        WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.F32 or WhammTypeKind.Map => 4,
        WhammTypeKind.U64 or WhammTypeKind.I64 or WhammTypeKind.F64 or WhammTypeKind.Str => 8,
        WhammTypeKind.Tuple => t.Elements.Sum(Size),
        _ => throw new InstrumentationException($"values of type {t} cannot be stored"),
    };

    /// <summary>
    /// Bytes a per-site variable takes (<c>ScriptState.AllocateSiteVariable</c>): its size, but four for a <c>bool</c>,
    /// held in the low byte. A flag set to true (<c>reached = true</c>) is then one 32-bit store of a constant
    /// (<see cref="EmitSetSiteVariable"/>), where Cranelift stores a byte from a register it loads with the constant
    /// first: the instruction-coverage monitor went from 1.26x to 1.16x on json, sort, text and tree (docs/PERFORMANCE.md).
    /// </summary>
    public static int SiteSize(WhammType t) => t.Kind == WhammTypeKind.Bool ? 4 : Size(t);

    /// <summary>The alignment of a per-site variable of <paramref name="size"/> bytes (<see cref="SiteSize"/>): the largest power of two up to 8 that fits.</summary>
    public static int SiteAlignment(int size) => size >= 8 ? 8 : size >= 4 ? 4 : size >= 2 ? 2 : 1;

    /// <summary>The byte offset of element <paramref name="index"/> of a tuple.</summary>
    public static uint ElementOffset(WhammType tuple, int index) => (uint)tuple.Elements.Take(index).Sum(Size);

    /// <summary>The core library's descriptor of <paramref name="t"/> (<c>I</c> for u32, <c>(Iz)</c> for (u32, bool), …).</summary>
    public static string Descriptor(WhammType t)
    {
        var sb = new StringBuilder();
        AppendDescriptor(sb, t);
        return sb.ToString();
    }

    private static void AppendDescriptor(StringBuilder sb, WhammType t)
    {
        if (t.Kind == WhammTypeKind.Tuple)
        {
            sb.Append(D.TupleStart);
            foreach (var e in t.Elements) AppendDescriptor(sb, e);
            sb.Append(D.TupleEnd);
            return;
        }
        sb.Append(t.Kind switch
        {
            WhammTypeKind.U8 => D.U8, WhammTypeKind.I8 => D.I8, WhammTypeKind.U16 => D.U16, WhammTypeKind.I16 => D.I16,
            WhammTypeKind.U32 => D.U32, WhammTypeKind.I32 => D.I32, WhammTypeKind.U64 => D.U64, WhammTypeKind.I64 => D.I64,
            WhammTypeKind.F32 => D.F32, WhammTypeKind.F64 => D.F64, WhammTypeKind.Bool => D.Bool, WhammTypeKind.Str => D.Str,
            WhammTypeKind.Map => D.Map,
            _ => throw new InstrumentationException($"values of type {t} cannot be stored"),
        });
    }

    /// <summary>The scalars of <paramref name="t"/> in layout order (a <c>str</c> is two <c>u32</c>s), with their byte offsets.</summary>
    public static IEnumerable<(WhammType Scalar, int Offset)> Scalars(WhammType t, int offset = 0)
    {
        switch (t.Kind)
        {
            case WhammTypeKind.Tuple:
                foreach (var e in t.Elements)
                {
                    foreach (var s in Scalars(e, offset)) yield return s;
                    offset += Size(e);
                }
                break;
            case WhammTypeKind.Str:
                yield return (WhammType.U32, offset);
                yield return (WhammType.U32, offset + 4);
                break;
            case WhammTypeKind.Map:
                yield return (WhammType.U32, offset);
                break;
            default:
                yield return (t, offset);
                break;
        }
    }

    /// <summary>
    /// Pushes the value stored at <paramref name="offset"/> from the address <paramref name="pushBase"/> pushes
    /// (flattened, as <see cref="WhammType.WasmTypes"/>). A static address is base 0 with the address as offset.
    /// </summary>
    public static void EmitLoad(InstructionBuilder b, WhammType t, uint memory, Action<InstructionBuilder> pushBase, uint offset)
    {
        foreach (var (s, off) in Scalars(t))
        {
            var op = LoadOp(s);
            pushBase(b);
            b.Emit(op, InstructionBuilder.Natural(op, offset + (uint)off, memory));
        }
    }

    /// <summary>
    /// Stores the flattened value on top of the stack at <paramref name="offset"/> from the address
    /// <paramref name="pushBase"/> pushes; it goes through <paramref name="temp"/> locals because a store wants
    /// its address below the value.
    /// </summary>
    public static void EmitStore(InstructionBuilder b, WhammType t, uint memory, Action<InstructionBuilder> pushBase, uint offset, Func<ValType, uint> temp)
    {
        var scalars = Scalars(t).ToArray();
        var locals = new uint[scalars.Length];
        for (var i = scalars.Length - 1; i >= 0; i--) b.LocalSet(locals[i] = temp(ValType(scalars[i].Scalar)));
        for (var i = 0; i < scalars.Length; i++)
        {
            pushBase(b);
            b.LocalGet(locals[i]);
            var op = StoreOp(scalars[i].Scalar);
            b.Emit(op, InstructionBuilder.Natural(op, offset + (uint)scalars[i].Offset, memory));
        }
    }

    /// <summary>Adds <paramref name="amount"/> (wrapping) to the integer scalar at <paramref name="offset"/> from the address <paramref name="pushBase"/> pushes: a counter bump without temporaries.</summary>
    public static void EmitAddConstant(InstructionBuilder b, WhammType scalar, uint memory, uint offset, long amount, Action<InstructionBuilder> pushBase)
    {
        var wide = ValType(scalar) == Whamm.Wasm.Types.ValType.I64;
        pushBase(b);
        pushBase(b);
        b.Emit(LoadOp(scalar), InstructionBuilder.Natural(LoadOp(scalar), offset, memory));
        if (wide) b.I64Const(amount).I64Add(); else b.I32Const((int)amount).I32Add();
        b.Emit(StoreOp(scalar), InstructionBuilder.Natural(StoreOp(scalar), offset, memory));
    }

    /// <summary>
    /// Sets the per-site variable at static address <paramref name="offset"/> to the integer or bool <paramref name="value"/>
    /// (its Wasm value); a bool's whole slot (<see cref="SiteSize"/>) is written, its upper bytes zero.
    /// </summary>
    public static void EmitSetSiteVariable(InstructionBuilder b, WhammType scalar, uint memory, uint offset, long value)
    {
        ZeroBase(b);
        if (ValType(scalar) == Whamm.Wasm.Types.ValType.I64) b.I64Const(value); else b.I32Const((int)value);
        var store = scalar.Kind == WhammTypeKind.Bool ? Op.I32Store : StoreOp(scalar);
        b.Emit(store, InstructionBuilder.Natural(store, offset, memory));
    }

    /// <summary>Stores the scalar on top of the stack at static address <paramref name="offset"/>; <see cref="ZeroBase"/> was pushed below it.</summary>
    public static void EmitStoreTop(InstructionBuilder b, WhammType scalar, uint memory, uint offset) =>
        b.Emit(StoreOp(scalar), InstructionBuilder.Natural(StoreOp(scalar), offset, memory));

    /// <summary>The base of a static address: <c>i32.const 0</c> (the address goes in the memarg offset).</summary>
    public static void ZeroBase(InstructionBuilder b) => b.I32Const(0);

    /// <summary>The Wasm type of a scalar.</summary>
    public static ValType ValType(WhammType scalar) => Folding.Constant.WasmType(scalar)
        ?? throw new InstrumentationException($"{scalar} is not a scalar");

    private static Op LoadOp(WhammType s) => s.Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.Bool => Op.I32Load8U,
        WhammTypeKind.I8 => Op.I32Load8S,
        WhammTypeKind.U16 => Op.I32Load16U,
        WhammTypeKind.I16 => Op.I32Load16S,
        WhammTypeKind.U64 or WhammTypeKind.I64 => Op.I64Load,
        WhammTypeKind.F32 => Op.F32Load,
        WhammTypeKind.F64 => Op.F64Load,
        _ => Op.I32Load,
    };

    private static Op StoreOp(WhammType s) => s.Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.Bool => Op.I32Store8,
        WhammTypeKind.U16 or WhammTypeKind.I16 => Op.I32Store16,
        WhammTypeKind.U64 or WhammTypeKind.I64 => Op.I64Store,
        WhammTypeKind.F32 => Op.F32Store,
        WhammTypeKind.F64 => Op.F64Store,
        _ => Op.I32Store,
    };
}
