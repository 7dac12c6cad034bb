using Whamm.Instrumentation.Sites;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Where merged counters must be up to date. A counter group is a basic block (<see cref="ControlFlow.EndsBasicBlock"/>)
/// cut again at every call that may not return (<see cref="ReturningCalls"/>), because the callee may end the program
/// (WASI <c>proc_exit</c> flushes the report there) or throw: its amounts are added before its first counted
/// instruction, so whatever leaves the group has been counted, exactly as the per-site code would have. Counters held in
/// locals are flushed to their globals where control may leave the function or reach code that reads them: such calls,
/// returns, throws, branches to the function's label and the final <c>end</c>.
/// </summary>
internal static class CounterFlow
{
    public static bool IsCall(Op op) => op is Op.Call or Op.CallIndirect or Op.CallRef;

    /// <summary>Instructions after which this function never continues: returns (<see cref="ControlFlow.ExitOf"/>) and throws.</summary>
    public static bool AlwaysLeaves(Op op) => IsThrow(op) || op is Op.Return or Op.ReturnCall or Op.ReturnCallIndirect or Op.ReturnCallRef;

    private static bool IsThrow(Op op) => op is Op.Throw or Op.ThrowRef or Op.Rethrow;

    /// <summary>Whether a counter group ends with <paramref name="ins"/> (the caller adds proc_exit calls and alt sites).</summary>
    public static bool EndsGroup(in Instruction ins, bool atEnd, ReturningCalls calls) =>
        atEnd || ControlFlow.EndsBasicBlock(ins.Op) || calls.MayLeave(ins);

    /// <summary>
    /// Whether locals must be flushed before <paramref name="ins"/>, and whether the function is certainly left there
    /// (then the locals need not be reset): calls that may not return, throws, and the function's exits (<see cref="ControlFlow.ExitOf"/>).
    /// <c>delegate</c> and the <c>br_on_*</c> branches flush whatever their label (rare). <paramref name="depth"/> is the
    /// number of open frames.
    /// </summary>
    public static (bool Flush, bool Leaves) FlushAt(in Instruction ins, bool atEnd, int depth, ReturningCalls calls)
    {
        if (IsThrow(ins.Op)) return (true, true);
        if (calls.MayLeave(ins) || ControlFlow.BranchesUnfollowed(ins.Op)) return (true, false);
        var exit = ControlFlow.ExitOf(ins, atEnd, depth);
        return (exit != ExitKind.None, exit == ExitKind.Always && ins.Op != Op.BrTable);
    }
}
