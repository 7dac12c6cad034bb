using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Sites;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// The walk's shortcut for the instructions nothing happens at, most of a sparse monitor's millions: no probe matches
/// their opcode, and they open, close, end or leave no frame, basic block or counter group, call nothing (no counter
/// flush, no <c>proc_exit</c>), write no table (shadow tables) and grow no memory (address planes). At such an
/// instruction every test of the full step fails, so the walk only notes where a basic block starts and remembers it.
/// </summary>
internal sealed partial class ProbeInjection
{
    private bool[]? quiet; // [op]

    private bool[] Quiet => quiet ??= Enum.GetValues<Op>().Aggregate(new bool[SiteIndex.OpCount], (q, op) =>
    {
        q[(int)op] = IsQuiet(op);
        return q;
    });

    private bool IsQuiet(Op op) =>
        !index.AnyAt(op) && !ControlFlow.OpensFrame(op) && !ControlFlow.EndsBasicBlock(op) && !ControlFlow.ClosesArm(op)
        && !ControlFlow.NeverFallsThrough(op) && !CounterFlow.IsCall(op) && !CounterFlow.AlwaysLeaves(op) && !ShadowTables.Tracks(op)
        && op is not (Op.Delegate or Op.BrOnNull or Op.BrOnNonNull or Op.BrOnCast or Op.BrOnCastFail or Op.Try or Op.TryTable
            or Op.Catch or Op.CatchAll or Op.MemoryGrow);

    /// <summary>Whether the full step may be skipped at this instruction (not the last: the final <c>end</c> is an exit).</summary>
    private bool SkipsQuietly(Op op, bool atEnd, bool[] quietOps) =>
        quietOps[(int)op] && !atEnd && afterSite.Count == 0 && !(blockLeader && index.BlockStart.Length > 0);
}
