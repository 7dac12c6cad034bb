using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// A per-site counter (or flag: <see cref="IsSet"/>, set to <see cref="Value"/>) at <see cref="Address"/> that a loop
/// holds in a local while it runs. Only loops without calls, returns, throws, branches out of the function or back to
/// an enclosing loop qualify (<see cref="LoopFlow"/>): control then leaves them only past their own <c>end</c> or to the
/// end of an enclosing block right after it, and after the outermost of those ends the local is added to the counter (its
/// global or memory) and reset. A trap inside the loop loses what the local held (the report after a trap is
/// approximate). A local may count the runs of a group instead of the counter's amounts (<see cref="Times"/>: the
/// counter's amount per run; 1: the local holds the amounts).
/// </summary>
internal sealed record CachedCounter(WhammType Type, uint Address, long Value, bool IsSet, long Times = 1)
{
    /// <summary>The local's type: a flag is an i32 marker.</summary>
    public ValType LocalType => IsSet ? ValType.I32 : ValueLayout.ValType(Type);

    /// <summary><c>local += amount</c>, wrapping in the local's type.</summary>
    public static void EmitAdd(InstructionBuilder b, WhammType type, uint local, long amount) => EmitAdd(b, ValueLayout.ValType(type), local, amount);

    /// <summary><c>local += amount</c> for a local of <paramref name="type"/>, wrapping.</summary>
    public static void EmitAdd(InstructionBuilder b, ValType type, uint local, long amount)
    {
        b.LocalGet(local);
        if (type == ValType.I64) b.I64Const(amount).I64Add(); else b.I32Const((int)amount).I32Add();
        b.LocalSet(local);
    }

    /// <summary>Adds the local (times <see cref="Times"/>) to the counter in memory, or sets the flag when the marker is on.</summary>
    public void EmitFlush(InstructionBuilder b, uint memory, uint local)
    {
        if (IsSet)
        {
            b.LocalGet(local).If(BlockType.Empty, x => ValueLayout.EmitSetSiteVariable(x, Type, memory, Address, Value));
            return;
        }
        ValueLayout.ZeroBase(b);
        new MemoryLocation(Type, memory, Address).EmitLoad(b);
        AddLocal(b, local);
        ValueLayout.EmitStoreTop(b, Type, memory, Address);
    }

    /// <summary>
    /// The same into the counter's global (<see cref="CounterGlobals"/>): the code around the loop then needs no base of
    /// the instrumentation memory for it.
    /// </summary>
    public void EmitFlushToGlobal(InstructionBuilder b, uint local)
    {
        if (IsSet)
        {
            b.LocalGet(local).If(BlockType.Empty, x => CounterGlobals.EmitSet(x, Type, Address, Value));
            return;
        }
        CounterGlobals.EmitUpdate(b, Address, x => AddLocal(x, local));
    }

    /// <summary>Adds the local times <see cref="Times"/> to the value on the stack.</summary>
    private void AddLocal(InstructionBuilder b, uint local)
    {
        var wide = LocalType == ValType.I64;
        b.LocalGet(local);
        if (Times != 1)
        {
            if (wide) b.I64Const(Times).I64Mul(); else b.I32Const((int)Times).I32Mul();
        }
        if (wide) b.I64Add(); else b.I32Add();
    }

    /// <summary>Zeroes the local after its counters were flushed (the loop may run again).</summary>
    public static void EmitReset(InstructionBuilder b, ValType type, uint local)
    {
        if (type == ValType.I64) b.I64Const(0); else b.I32Const(0);
        b.LocalSet(local);
    }
}
