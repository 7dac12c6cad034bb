using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.State;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Counters derived from others instead of counted. A basic block (a counter group's stretch of code, cut where groups
/// are: <see cref="CounterFlow"/>) runs as often as the edges into it are taken, and most edges are counted already:
/// falling into a block's <c>end</c> or branching there with <c>br</c> is taken as often as the block the edge leaves
/// runs, a <c>br_if</c> as often as its block runs less the block after it (its fall-through), an <c>if</c>'s else arm as
/// often as the <c>if</c> runs less its then arm. So the code after a block's <c>end</c> and an else arm can take their
/// runs from the counters of the blocks before them (<see cref="RunFormula"/>), computed once at exit
/// (<see cref="DerivedCounters"/>): one counter fewer bumped in every diamond of branchy code. The walk only looks
/// back: a block's runs are known when the walk reaches its start, from blocks it has passed, whose counters count
/// (or were derived before it). Fall-throughs, then arms, loop headers, code after a call that may not return and
/// targets of <c>br_table</c> or exception edges count for themselves.
/// <para>
/// Exact after a normal exit or <c>proc_exit</c>: that call ends its block (no edge is taken as the program leaves), and
/// every edge into a derived block's start was taken whenever it is counted. A trap or a stop from outside may leave
/// the blocks of the active frames counted ahead, as merged groups do (<see cref="Approximate"/>). Off with an
/// <c>alt</c> probe, which may replace a branch.
/// </para>
/// </summary>
internal sealed partial class ProbeInjection
{
    private readonly RunFormulas runFormulas = new();
    private readonly DerivedCounters.Records derivedHere = new();
    private bool? deriving;
    private RunFormula blockRuns;           // how often the current basic block runs, or unknown
    private RunFormula? blockCounter;       // the counter of one of its per-site variables bumped by 1 once per run: its runs
    private int takenFrame = -1;            // a br_if's target waiting for the block after it (its fall-through) to have a counter
    private RunFormula takenFrom;           // the runs of the br_if's block
    private int thenFrame = -1;             // an if whose then arm's first block is the current one

    /// <summary>Whether counters may be derived: counters are merged and no <c>alt</c> probe may replace a branch.</summary>
    private bool Deriving => deriving ??= Counters is not null && Enum.GetValues<Op>()
        .All(op => index.Opcode(ModeKind.Alt, op).Length == 0 && index.Opcode(ModeKind.BlockAlt, op).Length == 0);

    private void BeginRuns()
    {
        runFormulas.Clear();
        derivedHere.Clear();
        blockRuns = RunFormula.Unknown; // the function's entry
        blockCounter = null;
        takenFrame = thenFrame = -1;
    }

    /// <summary>The width of a counter of <paramref name="type"/> whose value may be derived (an integer of 32 or 64 bits, which wraps as its slot does), or 0.</summary>
    private static byte RunWidth(WhammType type) => type.IsInteger && ValueLayout.Size(type) is 4 or 8 ? (byte)ValueLayout.Size(type) : (byte)0;

    /// <summary>
    /// The per-site counter at <paramref name="counter"/>, bumped by <paramref name="amount"/> where the current block runs,
    /// is derived when the block's runs are known: a record computes it at exit, and nothing counts it here.
    /// </summary>
    private bool TryDerive(uint counter, WhammType type, long amount)
    {
        var width = RunWidth(type);
        if (!Deriving || width == 0 || amount is < int.MinValue or > int.MaxValue) return false;
        var runs = blockCounter ?? blockRuns;
        if (!runs.IsKnown || runs.Count > 0 && runs.Width != width) return false;
        derivedHere.Add(counter, amount, runFormulas.Terms(runs), width);
        Approximate = true;
        return true;
    }

    /// <summary>
    /// A per-site variable of <paramref name="type"/> bumped by 1 at the current block reads the counter at
    /// <paramref name="counter"/> (its own, shared or derived): the first such is the block's runs, which resolve the edges
    /// that waited for them.
    /// </summary>
    private void NoteRunCounter(uint counter, WhammType type)
    {
        var width = RunWidth(type);
        if (!Deriving || blockCounter is not null || width == 0) return;
        var runs = runFormulas.Counter(counter, width);
        blockCounter = runs;
        if (takenFrame >= 0) AddInflow(takenFrame, runFormulas.Combine(takenFrom, runs, -1));
        if (thenFrame >= 0) frames[thenFrame].ThenRuns = runs;
        takenFrame = thenFrame = -1;
    }

    /// <summary>
    /// After <paramref name="ins"/> (before its frame closes; <paramref name="depth"/> open frames before it opened one):
    /// where it ends a block, the edges it takes join their targets' inflows and the next block's runs are found.
    /// </summary>
    private void FollowRuns(in Instruction ins, bool atEnd, int depth)
    {
        if (!Deriving) return;
        if (ins.Op is Op.Try or Op.TryTable || ControlFlow.BranchesUnfollowed(ins.Op))
        {
            // Exception edges and typed branches reach labels this walk does not follow: no join counts on them.
            for (var f = 0; f < frameCount; f++) frames[f].Inflow = RunFormula.Unknown;
        }
        if (!EndsCounterGroup(ins, atEnd)) return;
        var live = deadFrame < 0;
        var runs = live ? blockCounter ?? blockRuns : RunFormula.Zero;
        if (takenFrame >= 0) frames[takenFrame].Inflow = RunFormula.Unknown; // its fall-through had no counter
        takenFrame = thenFrame = -1;
        var next = RunFormula.Unknown;
        var top = frameCount - 1;
        switch (ins.Op)
        {
            case Op.Br when live:
                AddInflow(depth - 1 - (int)ins.Index, runs);
                break;
            case Op.BrIf when live:
                var target = depth - 1 - (int)ins.Index;
                if (!Joins(target)) break;
                if (runs.IsKnown) (takenFrame, takenFrom) = (target, runs);
                else frames[target].Inflow = RunFormula.Unknown;
                break;
            case Op.BrTable when live:
                foreach (var label in ins.BrTableLabels) AddInflow(depth - 1 - (int)label, RunFormula.Unknown);
                break;
            case Op.If:
                (frames[top].IfRuns, frames[top].ThenRuns) = (runs, RunFormula.Unknown);
                if (live) thenFrame = top;
                break;
            case Op.Else:
                AddInflow(top, runs);
                next = runFormulas.Combine(frames[top].IfRuns, frames[top].ThenRuns, -1);
                (frames[top].IfRuns, frames[top].ThenRuns) = (RunFormula.Zero, RunFormula.Zero); // no else edge at the end
                break;
            case Op.End when !atEnd:
                ref var frame = ref frames[top];
                next = frame.Op switch
                {
                    Op.Block => runFormulas.Combine(frame.Inflow, runs, 1),
                    Op.If => runFormulas.Combine(runFormulas.Combine(frame.Inflow, runs, 1), runFormulas.Combine(frame.IfRuns, frame.ThenRuns, -1), 1),
                    Op.Loop => runs, // nothing branches to a loop's end
                    _ => RunFormula.Unknown,
                };
                break;
        }
        (blockRuns, blockCounter) = (next, null);
    }

    /// <summary>Whether frame <paramref name="target"/> is a block or an <c>if</c>, whose label is its end (not a loop's header or the function's exit).</summary>
    private bool Joins(int target) => target > 0 && frames[target].Op is Op.Block or Op.If;

    private void AddInflow(int target, RunFormula runs)
    {
        if (Joins(target)) frames[target].Inflow = runFormulas.Combine(frames[target].Inflow, runs, 1);
    }

    /// <summary>The function's records go to the module's table, in function order (through <see cref="slotCursor"/> on several workers).</summary>
    private void FinishRuns()
    {
        if (derivedHere.Count == 0) return;
        if (slotCursor is { } cursor) cursor.Derived = (derivedHere.Bytes.ToArray(), derivedHere.Count);
        else (state.Derived ??= new DerivedCounters()).Add(derivedHere.Bytes, derivedHere.Count);
        derivedHere.Clear();
    }
}
