using Whamm.Instrumentation.State;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// The locals of one function that hold its not yet flushed amounts of cached script globals
/// (<see cref="CounterPlan.Caches"/>): a loop bumps a register, not a global, and the global is brought up to date
/// where control may leave the function (<see cref="CounterFlow.FlushAt"/>). Wasm zeroes locals on entry, so
/// every call starts from nothing. A trap loses what the active frames held: the report after a trap is then approximate.
/// </summary>
internal sealed class CounterCache
{
    private readonly List<(VariableLocation Global, uint Local)> locals = [];

    /// <summary>No locals: every bump goes to the global.</summary>
    public static CounterCache None { get; } = new();

    public bool IsEmpty => locals.Count == 0;

    /// <summary>Holds <paramref name="global"/> in <paramref name="local"/> in this function.</summary>
    public void Add(VariableLocation global, uint local) => locals.Add((global, local));

    /// <summary>Adds <paramref name="amount"/> (wrapping) to the global's local, or to the global itself when it has none here.</summary>
    public void EmitBump(InstructionBuilder b, VariableLocation global, long amount)
    {
        var slot = global.Slots[0];
        var local = LocalOf(slot);
        if (local >= 0) b.LocalGet(locals[local].Local); else b.GlobalGet(slot);
        EmitAdd(b, global, amount);
        if (local >= 0) b.LocalSet(locals[local].Local); else b.GlobalSet(slot);
    }

    /// <summary>The position of the local holding global <paramref name="slot"/>, or -1 (a loop, not a lambda: this runs per site).</summary>
    private int LocalOf(uint slot)
    {
        for (var i = 0; i < locals.Count; i++)
        {
            if (locals[i].Global.Slots[0] == slot) return i;
        }
        return -1;
    }

    /// <summary>Adds every local to its global and, unless the function is left right after, resets it.</summary>
    public void EmitFlush(InstructionBuilder b, bool leaves)
    {
        foreach (var (global, local) in locals)
        {
            b.GlobalGet(global.Slots[0]).LocalGet(local);
            if (IsWide(global)) b.I64Add(); else b.I32Add();
            b.GlobalSet(global.Slots[0]);
            if (leaves) continue;
            if (IsWide(global)) b.I64Const(0); else b.I32Const(0);
            b.LocalSet(local);
        }
    }

    private static void EmitAdd(InstructionBuilder b, VariableLocation global, long amount)
    {
        if (IsWide(global)) b.I64Const(amount).I64Add(); else b.I32Const((int)amount).I32Add();
    }

    private static bool IsWide(VariableLocation global) => ValueLayout.ValType(global.Type) == ValType.I64;
}
