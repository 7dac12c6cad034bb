using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;
using static Whamm.Language.Semantics.WhammType;

namespace Whamm.Language.Catalogue;

/// <summary>
/// The <c>wasm:opcode</c> events as data: which rows of the opcode table (<see cref="Op"/>) become
/// events, in which order, and what each event needs beyond what <see cref="OpcodeEventFactory"/>
/// derives from its row (opname, bytecode, category, argN/resN from a fixed signature, immN from the
/// immediates, the memarg group, data_size).
/// <para>
/// <b>Order and coverage.</b> <see cref="Reference"/> lists Whamm 1.0's 310 events in its YAML order
/// (reference §2.6); probe numbering follows this order (in <c>wasm:opcode:*:before</c> the copy for
/// <see cref="Op.Return"/> is number 13, <see cref="Op.I32Load"/> 26, <see cref="Op.I32Const"/> 51).
/// Every other row of the table (SIMD and relaxed SIMD, legacy exception handling, wide arithmetic)
/// then gets an event too, in table order, so each row has exactly one event: the reference
/// numbering stays intact and nothing in the table is unprobeable. <see cref="Additions"/> holds the
/// extras of those appended rows that need any.
/// </para>
/// <para>
/// <b>Extras</b> are the per-event facts the table cannot give: the stack variables of rows without a
/// fixed signature (<c>s:</c>, required for them), the reference's mode sets (<c>m:</c>), and the
/// feature flags of <see cref="X"/> (call-site vars, funcref resolution, <c>br_table</c> vars, and the
/// reference's quirks kept for compatibility such as unsigned operands of <c>_u</c> comparisons).
/// </para>
/// </summary>
internal static class OpcodeEventRows
{
    /// <summary>The mode sets of reference §2.4, in the order the reference lists them (probe numbering follows it).</summary>
    internal enum M : byte
    {
        /// <summary>before, after, alt.</summary>
        Default,
        /// <summary>alt, before (an unreachable instruction has no "after").</summary>
        Unreachable,
        /// <summary>before, after.</summary>
        End,
        /// <summary>before, after (semantic_after), alt (block_alt), entry, exit.</summary>
        Block,
        /// <summary>before, after, alt, at_target (semantic_after).</summary>
        Branch,
    }

    /// <summary>Per-event extras.</summary>
    [Flags]
    internal enum X : ushort
    {
        None = 0,
        /// <summary>Integer operands are typed u32/u64 instead of i32/i64 (the reference's choice for some <c>_u</c> instructions).</summary>
        Unsigned = 1 << 0,
        /// <summary>Only arg0 is declared (reference quirk kept: its <c>i64.eq</c> entry declares no arg1).</summary>
        FirstOperandOnly = 1 << 1,
        /// <summary>Immediates are exposed as one untyped family <c>imm[0:9]+</c> instead of per position.</summary>
        ImmediateFamily = 1 << 2,
        /// <summary>A memarg instruction that does not write memory although it has value operands (wait/notify).</summary>
        ReadOnlyAccess = 1 << 4,
        /// <summary>Call-site vars (target_fn_type, target_fn_name, target_imp_module) and alt_call_by_id/alt_call_by_name.</summary>
        CallSite = 1 << 5,
        /// <summary>table_entry_idx, target_funcref, resolved_fid (dynamic) and resolve_funcref.</summary>
        FuncRefResolution = 1 << 6,
        /// <summary>A static resolved_fid found by looking back one instruction for a function-reference constant (else -1).</summary>
        ResolvedFidLookBack = 1 << 7,
        /// <summary>A static resolved_fid equal to imm0.</summary>
        ResolvedFidFromImmediate = 1 << 8,
        /// <summary>targets, default_target, num_targets, target.</summary>
        BrTableVars = 1 << 9,
        /// <summary>failed = res0 == -1.</summary>
        GrowFailed = 1 << 10,
        /// <summary>The bulk-memory function dup_at.</summary>
        DupAt = 1 << 11,
        /// <summary>Event name is <c>typed_</c> + mnemonic (the typed form of an instruction sharing its mnemonic).</summary>
        TypedName = 1 << 12,
        /// <summary>Event name and opname are mnemonic + <c>_null</c> (the nullable form of a cast or test, as the reference names it).</summary>
        NullName = 1 << 13,
    }

    /// <summary>A stack variable given explicitly: argK/resK, or a family (<c>Index</c> = -1).</summary>
    internal readonly record struct Slot(bool IsResult, int Index, WhammType Type);

    /// <summary>One event row.</summary>
    internal sealed record Row(Op Op, M Modes, Slot[]? Stack, X Extras);

    private static Row R(Op op, M m = M.Default, Slot[]? s = null, X x = X.None) => new(op, m, s, x);
    private static Slot Arg(int index, WhammType type) => new(false, index, type);
    private static Slot Res(int index, WhammType type) => new(true, index, type);
    private static readonly Slot ArgN = new(false, -1, Unknown);
    private static readonly Slot ResN = new(true, -1, Unknown);

    /// <summary>Whamm 1.0's 310 opcode events, in its YAML order (reference §2.6).</summary>
    internal static readonly Row[] Reference =
    [
        R(Op.Unreachable, m: M.Unreachable, s: []),
        R(Op.Nop),
        R(Op.Block, m: M.Block, s: [ArgN]),
        R(Op.Loop, m: M.Block, s: [ArgN]),
        R(Op.If, m: M.Block, s: [Arg(0, U32)]),
        R(Op.Else, m: M.Block, s: []),
        R(Op.TryTable, m: M.Block, s: []),
        R(Op.Throw, s: [ArgN]),
        R(Op.ThrowRef, s: [ArgN]),
        R(Op.End, m: M.End, s: []),
        R(Op.Br, m: M.Branch, s: []),
        R(Op.BrIf, m: M.Branch, s: [Arg(0, U32)]),
        R(Op.BrTable, m: M.Branch, s: [Arg(0, U32)], x: X.BrTableVars),
        R(Op.Return, s: []),
        R(Op.Call, s: [ArgN, ResN], x: X.CallSite),
        R(Op.CallIndirect, s: [Arg(0, I32), ArgN, ResN], x: X.FuncRefResolution),
        R(Op.ReturnCall, s: [ArgN], x: X.CallSite),
        R(Op.ReturnCallIndirect, s: [Arg(0, I32), ArgN, ResN], x: X.FuncRefResolution),
        R(Op.Drop, s: [ArgN]),
        R(Op.Select, s: [ArgN]),
        R(Op.SelectTyped, s: [ArgN], x: X.TypedName),
        R(Op.LocalGet, s: []),
        R(Op.LocalSet, s: [Arg(0, Unknown)]),
        R(Op.LocalTee, s: [Arg(0, Unknown)]),
        R(Op.GlobalGet, s: []),
        R(Op.GlobalSet, s: [Arg(0, Unknown)]),
        R(Op.I32Load),
        R(Op.I64Load),
        R(Op.F32Load),
        R(Op.F64Load),
        R(Op.I32Load8S),
        R(Op.I32Load8U),
        R(Op.I32Load16S),
        R(Op.I32Load16U),
        R(Op.I64Load8S),
        R(Op.I64Load8U),
        R(Op.I64Load16S),
        R(Op.I64Load16U),
        R(Op.I64Load32S),
        R(Op.I64Load32U),
        R(Op.I32Store),
        R(Op.I64Store),
        R(Op.F32Store),
        R(Op.F64Store),
        R(Op.I32Store8),
        R(Op.I32Store16),
        R(Op.I64Store8),
        R(Op.I64Store16),
        R(Op.I64Store32),
        R(Op.MemorySize, s: [Res(0, I32)]),
        R(Op.MemoryGrow, s: [Arg(0, U32), Res(0, I32)], x: X.GrowFailed),
        R(Op.I32Const),
        R(Op.I64Const),
        R(Op.F32Const),
        R(Op.F64Const),
        R(Op.RefNull, s: []),
        R(Op.RefIsNull, s: [ArgN]),
        R(Op.RefFunc, s: [], x: X.ResolvedFidFromImmediate),
        R(Op.RefEq, s: [ArgN]),
        R(Op.I32Eqz),
        R(Op.I32Eq),
        R(Op.I32Ne),
        R(Op.I32LtS),
        R(Op.I32LtU, x: X.Unsigned),
        R(Op.I32GtS),
        R(Op.I32GtU, x: X.Unsigned),
        R(Op.I32LeS),
        R(Op.I32LeU, x: X.Unsigned),
        R(Op.I32GeS),
        R(Op.I32GeU, x: X.Unsigned),
        R(Op.I64Eqz),
        R(Op.I64Eq, x: X.FirstOperandOnly),
        R(Op.I64Ne),
        R(Op.I64LtS),
        R(Op.I64LtU, x: X.Unsigned),
        R(Op.I64GtS),
        R(Op.I64GtU, x: X.Unsigned),
        R(Op.I64LeS),
        R(Op.I64LeU, x: X.Unsigned),
        R(Op.I64GeS),
        R(Op.I64GeU, x: X.Unsigned),
        R(Op.F32Eq),
        R(Op.F32Ne),
        R(Op.F32Lt),
        R(Op.F32Gt),
        R(Op.F32Le),
        R(Op.F32Ge),
        R(Op.F64Eq),
        R(Op.F64Ne),
        R(Op.F64Lt),
        R(Op.F64Gt),
        R(Op.F64Le),
        R(Op.F64Ge),
        R(Op.I32Clz),
        R(Op.I32Ctz),
        R(Op.I32Popcnt),
        R(Op.I32Add),
        R(Op.I32Sub),
        R(Op.I32Mul),
        R(Op.I32DivS),
        R(Op.I32DivU, x: X.Unsigned),
        R(Op.I32RemS),
        R(Op.I32RemU, x: X.Unsigned),
        R(Op.I32And),
        R(Op.I32Or),
        R(Op.I32Xor),
        R(Op.I32Shl),
        R(Op.I32ShrS),
        R(Op.I32ShrU),
        R(Op.I32Rotl),
        R(Op.I32Rotr),
        R(Op.I64Clz),
        R(Op.I64Ctz),
        R(Op.I64Popcnt),
        R(Op.I64Add),
        R(Op.I64Sub),
        R(Op.I64Mul),
        R(Op.I64DivS),
        R(Op.I64DivU),
        R(Op.I64RemS),
        R(Op.I64RemU),
        R(Op.I64And),
        R(Op.I64Or),
        R(Op.I64Xor),
        R(Op.I64Shl),
        R(Op.I64ShrS),
        R(Op.I64ShrU),
        R(Op.I64Rotl),
        R(Op.I64Rotr),
        R(Op.F32Abs),
        R(Op.F32Neg),
        R(Op.F32Ceil),
        R(Op.F32Floor),
        R(Op.F32Trunc),
        R(Op.F32Nearest),
        R(Op.F32Sqrt),
        R(Op.F32Add),
        R(Op.F32Sub),
        R(Op.F32Mul),
        R(Op.F32Div),
        R(Op.F32Min),
        R(Op.F32Max),
        R(Op.F32Copysign),
        R(Op.F64Abs),
        R(Op.F64Neg),
        R(Op.F64Ceil),
        R(Op.F64Floor),
        R(Op.F64Trunc),
        R(Op.F64Nearest),
        R(Op.F64Sqrt),
        R(Op.F64Add),
        R(Op.F64Sub),
        R(Op.F64Mul),
        R(Op.F64Div),
        R(Op.F64Min),
        R(Op.F64Max),
        R(Op.F64Copysign),
        R(Op.I32WrapI64),
        R(Op.I32TruncF32S),
        R(Op.I32TruncF32U),
        R(Op.I32TruncF64S),
        R(Op.I32TruncF64U),
        R(Op.I64ExtendI32S),
        R(Op.I64ExtendI32U, x: X.Unsigned),
        R(Op.I64TruncF32S),
        R(Op.I64TruncF32U),
        R(Op.I64TruncF64S),
        R(Op.I64TruncF64U),
        R(Op.F32ConvertI32S),
        R(Op.F32ConvertI32U, x: X.Unsigned),
        R(Op.F32ConvertI64S),
        R(Op.F32ConvertI64U, x: X.Unsigned),
        R(Op.F32DemoteF64),
        R(Op.F64ConvertI32S),
        R(Op.F64ConvertI32U, x: X.Unsigned),
        R(Op.F64ConvertI64S),
        R(Op.F64ConvertI64U, x: X.Unsigned),
        R(Op.F64PromoteF32),
        R(Op.I32ReinterpretF32),
        R(Op.I64ReinterpretF64),
        R(Op.F32ReinterpretI32),
        R(Op.F64ReinterpretI64),
        R(Op.I32Extend8S),
        R(Op.I32Extend16S),
        R(Op.I64Extend8S),
        R(Op.I64Extend16S),
        R(Op.I64Extend32S),
        R(Op.StructNew, s: [ArgN]),
        R(Op.StructNewDefault, s: []),
        R(Op.StructGet, s: [ArgN]),
        R(Op.StructGetS, s: [ArgN]),
        R(Op.StructGetU, s: [ArgN]),
        R(Op.StructSet, s: [ArgN]),
        R(Op.ArrayNew, s: [Arg(0, U32), ArgN]),
        R(Op.ArrayNewDefault, s: [Arg(0, U32)]),
        R(Op.ArrayNewFixed, s: [ArgN]),
        R(Op.ArrayNewData, s: [Arg(0, I32), Arg(1, I32)]),
        R(Op.ArrayNewElem, s: [Arg(0, I32), Arg(1, I32)]),
        R(Op.ArrayGet, s: [ArgN]),
        R(Op.ArrayGetS, s: [ArgN]),
        R(Op.ArrayGetU, s: [ArgN]),
        R(Op.ArraySet, s: [ArgN]),
        R(Op.ArrayLen, s: [ArgN]),
        R(Op.ArrayFill, s: [ArgN]),
        R(Op.ArrayCopy, s: [ArgN]),
        R(Op.ArrayInitData, s: [ArgN]),
        R(Op.ArrayInitElem, s: [ArgN]),
        R(Op.RefTest, s: [ArgN], x: X.ImmediateFamily),
        R(Op.RefTestNull, s: [ArgN], x: X.ImmediateFamily | X.NullName),
        R(Op.RefCast, s: [ArgN], x: X.ImmediateFamily),
        R(Op.RefCastNull, s: [ArgN], x: X.ImmediateFamily | X.NullName),
        R(Op.BrOnCast, s: [ArgN]),
        R(Op.BrOnCastFail, s: [ArgN]),
        R(Op.AnyConvertExtern, s: [ArgN]),
        R(Op.ExternConvertAny, s: [ArgN]),
        R(Op.RefI31, s: [Arg(0, I32)]),
        R(Op.I31GetS, s: [ArgN]),
        R(Op.I31GetU, s: [ArgN]),
        R(Op.I32TruncSatF32S),
        R(Op.I32TruncSatF32U),
        R(Op.I32TruncSatF64S),
        R(Op.I32TruncSatF64U),
        R(Op.I64TruncSatF32S),
        R(Op.I64TruncSatF32U),
        R(Op.I64TruncSatF64S),
        R(Op.I64TruncSatF64U),
        R(Op.MemoryInit, s: [Arg(0, I32), Arg(1, I32), Arg(2, I32)], x: X.DupAt),
        R(Op.MemoryCopy, s: [Arg(0, I32), Arg(1, I32), Arg(2, I32)], x: X.DupAt),
        R(Op.MemoryFill, s: [Arg(0, I32), Arg(1, I32), Arg(2, I32)], x: X.DupAt),
        R(Op.DataDrop),
        R(Op.ElemDrop),
        R(Op.TableCopy, s: [Arg(0, I32), Arg(1, I32), Arg(2, I32)]),
        R(Op.TableInit, s: [Arg(0, I32), Arg(1, I32), Arg(2, I32)]),
        R(Op.TableFill, s: [ArgN]),
        R(Op.TableGet, s: [Arg(0, I32)], x: X.FuncRefResolution),
        R(Op.TableSet, s: [ArgN], x: X.ResolvedFidLookBack),
        R(Op.TableGrow, s: [ArgN]),
        R(Op.TableSize, s: []),
        R(Op.MemoryAtomicNotify, x: X.ReadOnlyAccess),
        R(Op.MemoryAtomicWait32, x: X.ReadOnlyAccess),
        R(Op.MemoryAtomicWait64, x: X.ReadOnlyAccess),
        R(Op.AtomicFence),
        R(Op.I32AtomicLoad),
        R(Op.I64AtomicLoad),
        R(Op.I32AtomicLoad8U),
        R(Op.I32AtomicLoad16U),
        R(Op.I64AtomicLoad8U),
        R(Op.I64AtomicLoad16U),
        R(Op.I64AtomicLoad32U),
        R(Op.I32AtomicStore),
        R(Op.I32AtomicStore8),
        R(Op.I32AtomicStore16),
        R(Op.I64AtomicStore),
        R(Op.I64AtomicStore8),
        R(Op.I64AtomicStore16),
        R(Op.I64AtomicStore32),
        R(Op.I32AtomicRmwAdd),
        R(Op.I32AtomicRmw8AddU),
        R(Op.I32AtomicRmw16AddU),
        R(Op.I64AtomicRmwAdd),
        R(Op.I64AtomicRmw8AddU),
        R(Op.I64AtomicRmw16AddU),
        R(Op.I64AtomicRmw32AddU),
        R(Op.I32AtomicRmwSub),
        R(Op.I32AtomicRmw8SubU),
        R(Op.I32AtomicRmw16SubU),
        R(Op.I64AtomicRmwSub),
        R(Op.I64AtomicRmw8SubU),
        R(Op.I64AtomicRmw16SubU),
        R(Op.I64AtomicRmw32SubU),
        R(Op.I32AtomicRmwAnd),
        R(Op.I32AtomicRmw8AndU),
        R(Op.I32AtomicRmw16AndU),
        R(Op.I64AtomicRmwAnd),
        R(Op.I64AtomicRmw8AndU),
        R(Op.I64AtomicRmw16AndU),
        R(Op.I64AtomicRmw32AndU),
        R(Op.I32AtomicRmwOr),
        R(Op.I32AtomicRmw8OrU),
        R(Op.I32AtomicRmw16OrU),
        R(Op.I64AtomicRmwOr),
        R(Op.I64AtomicRmw8OrU),
        R(Op.I64AtomicRmw16OrU),
        R(Op.I64AtomicRmw32OrU),
        R(Op.I32AtomicRmwXor),
        R(Op.I32AtomicRmw8XorU),
        R(Op.I32AtomicRmw16XorU),
        R(Op.I64AtomicRmwXor),
        R(Op.I64AtomicRmw8XorU),
        R(Op.I64AtomicRmw16XorU),
        R(Op.I64AtomicRmw32XorU),
        R(Op.I32AtomicRmwXchg),
        R(Op.I32AtomicRmw8XchgU),
        R(Op.I32AtomicRmw16XchgU),
        R(Op.I64AtomicRmwXchg),
        R(Op.I64AtomicRmw8XchgU),
        R(Op.I64AtomicRmw16XchgU),
        R(Op.I64AtomicRmw32XchgU),
        R(Op.I32AtomicRmwCmpxchg),
        R(Op.I32AtomicRmw8CmpxchgU),
        R(Op.I32AtomicRmw16CmpxchgU),
        R(Op.I64AtomicRmwCmpxchg),
        R(Op.I64AtomicRmw8CmpxchgU),
        R(Op.I64AtomicRmw16CmpxchgU),
        R(Op.I64AtomicRmw32CmpxchgU),
        R(Op.CallRef, s: [ArgN], x: X.ResolvedFidLookBack),
        R(Op.ReturnCallRef, s: [ArgN], x: X.ResolvedFidLookBack),
        R(Op.RefAsNonNull, s: [ArgN]),
        R(Op.BrOnNull, s: [ArgN]),
        R(Op.BrOnNonNull, s: [ArgN]),
    ];

    /// <summary>
    /// Extras of the appended rows (those not in <see cref="Reference"/>) that need any; every other
    /// appended row is derived entirely from the table with the default modes.
    /// </summary>
    internal static readonly Row[] Additions =
    [
        R(Op.Try, m: M.Block, s: [ArgN]),
        R(Op.Catch, s: [ResN]),
        R(Op.Rethrow, s: []),
        R(Op.Delegate, s: []),
        R(Op.CatchAll, s: []),
    ];
}
