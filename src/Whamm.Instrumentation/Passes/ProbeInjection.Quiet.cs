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

    private bool[] Quiet
    {
        get
        {
            if (quiet is not null) return quiet;
            quiet = new bool[SiteIndex.OpCount];
            foreach (var op in Enum.GetValues<Op>()) quiet[(int)op] = IsQuiet(op);
            return quiet;
        }
    }

    /// <summary>
    /// No probe at <paramref name="op"/>, and none of the predicates the full step branches on holds: it opens no frame,
    /// closes no arm (<c>else</c>, <c>end</c>, handlers, <c>delegate</c>), ends no basic block (branches, returns, throws,
    /// <c>unreachable</c>, <c>br_on_*</c>), calls nothing, writes no table and is no <c>memory.grow</c>.
    /// </summary>
    private bool IsQuiet(Op op) =>
        !index.AnyAt(op) && !ControlFlow.OpensFrame(op) && !ControlFlow.ClosesArm(op) && !ControlFlow.EndsBasicBlock(op)
        && !CounterFlow.IsCall(op) && !ShadowTables.Tracks(op) && op != Op.MemoryGrow;

    /// <summary>Whether the full step may be skipped at this instruction (not the last: the final <c>end</c> is an exit).</summary>
    private bool SkipsQuietly(Op op, bool atEnd, bool[] quietOps) =>
        quietOps[(int)op] && !atEnd && afterSite.Count == 0 && !(blockLeader && index.BlockStart.Length > 0);
}
