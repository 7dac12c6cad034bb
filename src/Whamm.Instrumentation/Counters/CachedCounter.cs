using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// A per-site counter (or flag: <see cref="IsSet"/>, set to <see cref="Value"/>) at <see cref="Address"/> that a loop
/// holds in a local while it runs. Only loops without calls, returns, throws, branches out of the function or back to
/// an enclosing loop qualify (<see cref="LoopFlow"/>): control then leaves them only to the end of an enclosing block
/// (or their own), and there, after that <c>end</c>, the local is added to memory and reset. A trap inside the loop loses
/// what the local held (the report after a trap is approximate).
/// </summary>
internal sealed record CachedCounter(WhammType Type, uint Address, long Value, bool IsSet)
{
    /// <summary>The local's type: a flag is an i32 marker.</summary>
    public ValType LocalType => IsSet ? ValType.I32 : ValueLayout.ValType(Type);

    /// <summary><c>local += amount</c>, wrapping in the local's type.</summary>
    public static void EmitAdd(InstructionBuilder b, WhammType type, uint local, long amount)
    {
        b.LocalGet(local);
        if (ValueLayout.ValType(type) == ValType.I64) b.I64Const(amount).I64Add(); else b.I32Const((int)amount).I32Add();
        b.LocalSet(local);
    }

    /// <summary>Adds the local to the counter in memory (or sets the flag when the marker is on), then resets the local.</summary>
    public void EmitFlush(InstructionBuilder b, uint memory, uint local)
    {
        var wide = LocalType == ValType.I64;
        if (IsSet)
        {
            b.LocalGet(local).If(BlockType.Empty, x => ValueLayout.EmitSetSiteVariable(x, Type, memory, Address, Value));
        }
        else
        {
            ValueLayout.ZeroBase(b);
            new MemoryLocation(Type, memory, Address).EmitLoad(b);
            b.LocalGet(local);
            if (wide) b.I64Add(); else b.I32Add();
            ValueLayout.EmitStoreTop(b, Type, memory, Address);
        }
        if (wide) b.I64Const(0); else b.I32Const(0);
        b.LocalSet(local);
    }
}
