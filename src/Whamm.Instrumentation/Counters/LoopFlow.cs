using Whamm.Instrumentation.Sites;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// The loops of one function that may hold per-site counters in locals (<see cref="CachedCounter"/>), found by one
/// decode of its body: a loop qualifies when it is innermost (the locals of outer loops would stay live, and take
/// registers, across the inner ones), nothing inside it is a flush point (<see cref="CounterFlow.FlushAt"/>:
/// calls that may not return, returns, throws, branches out of the function) and no branch inside it goes back to an enclosing loop's
/// header, so control leaves it only past its own <c>end</c> or to the end of an enclosing block, which come later in
/// the code: the flush can be placed there while walking forward. Blocks that end right after the loop (only
/// <c>end</c>s between, the shape compilers give a <c>while</c>) are passed by every way out that reaches them, so one
/// flush after the outermost such exit serves them all. An interpreter's main loop (inside no other loop, dispatching
/// with <c>br_table</c>) may also leave to a block that ends further on (its halt or error path), which has a flush of
/// its own after its end. Paths that reach such an end without leaving the loop find its locals zero (flushed and
/// reset wherever a loop is left), so that flush adds nothing there; but two loops whose ways out pass one end must not
/// share a local (<see cref="Neighbours"/>), or the flush there would add one's counts to the other's counters.
/// </summary>
internal sealed class LoopFlow
{
    private readonly Dictionary<int, (bool Caches, List<int> Exits)> loops = [];
    private readonly HashSet<(int Loop, int Block)> adjacent = []; // blocks whose end follows a loop's end with only ends between
    private readonly Dictionary<int, List<int>> neighbours = [];    // loop -> the qualifying loops whose ways out pass a block end its own pass
    private readonly HashSet<int> mainLoops = [];                   // loops inside no other loop with a br_table of their own

    /// <summary>Whether the loop opened at <paramref name="offset"/> may hold counters in locals.</summary>
    public bool Caches(int offset) => loops.TryGetValue(offset, out var l) && l.Caches;

    /// <summary>The openers of the enclosing blocks a branch inside the loop at <paramref name="offset"/> leaves to.</summary>
    public IReadOnlyList<int> ExitsOf(int offset) => loops[offset].Exits;

    /// <summary>Whether the block opened at <paramref name="blockOffset"/> ends right after the loop opened at <paramref name="loopOffset"/>, only <c>end</c>s between.</summary>
    public bool EndsRightAfter(int loopOffset, int blockOffset) => adjacent.Contains((loopOffset, blockOffset));

    /// <summary>The qualifying loops that must not share a local with the loop opened at <paramref name="offset"/>: some block end is on the ways out of both.</summary>
    public IReadOnlyList<int> Neighbours(int offset) => neighbours.TryGetValue(offset, out var n) ? n : [];

    public static LoopFlow Of(FunctionBody body, ReturningCalls calls)
    {
        var flow = new LoopFlow();
        var open = new List<(Op Op, int Offset)> { (Op.Nop, -1) }; // the function's own frame first
        var openLoops = new List<int>();                            // the indices in open of its loops: Go nests hundreds of blocks
        int? chain = null;                                          // the loop whose end the instructions since were only ends after
        var reader = body.Instructions();
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            var atEnd = reader.AtEnd;
            if (ins.Op == Op.End && !atEnd)
            {
                var closed = open[^1];
                if (closed.Op == Op.Loop) chain = closed.Offset;
                else if (chain is { } loop) flow.adjacent.Add((loop, closed.Offset));
            }
            else
            {
                chain = null;
            }
            if (CounterFlow.FlushAt(ins, atEnd, open.Count, calls).Flush)
            {
                flow.DisqualifyAll(open, openLoops);
            }
            else if (ins.Op is Op.Br or Op.BrIf)
            {
                flow.Branch(open, openLoops, ins.Index);
            }
            else if (ins.Op == Op.BrTable)
            {
                if (openLoops.Count == 1) flow.mainLoops.Add(open[openLoops[0]].Offset); // in a loop inside no other
                foreach (var label in ins.BrTableLabels) flow.Branch(open, openLoops, label);
            }
            if (ControlFlow.OpensFrame(ins.Op))
            {
                if (ins.Op == Op.Loop)
                {
                    flow.DisqualifyAll(open, openLoops); // only innermost loops hold counters
                    flow.loops[ins.Offset] = (true, []);
                    openLoops.Add(open.Count);
                }
                open.Add((ins.Op, ins.Offset));
            }
            else if (ins.Op is Op.End or Op.Delegate && !atEnd)
            {
                if (open[^1].Op == Op.Loop) openLoops.RemoveAt(openLoops.Count - 1);
                open.RemoveAt(open.Count - 1);
            }
        }
        // A loop left to a block that ends further on is mostly a scan that stops early (memcmp's: a word's first bytes;
        // a hash table's probe), where a flush per entry costs more than its few steps save (text and hash ran 15-20%
        // slower). An interpreter's main loop (inside no other, dispatching with br_table) runs on, and such exits are
        // its halt and error paths.
        foreach (var (offset, (caches, exits)) in flow.loops.ToArray())
        {
            if (caches && !flow.mainLoops.Contains(offset) && exits.Any(b => !flow.EndsRightAfter(offset, b))) flow.Disqualify(offset);
        }
        flow.FindNeighbours();
        return flow;
    }

    /// <summary>Relates the qualifying loops whose ways out pass one block end: an exit of either, or a block ending right after either.</summary>
    private void FindNeighbours()
    {
        if (loops.Count < 2) return; // most functions: no allocation
        var passing = new Dictionary<int, List<int>>(); // block -> the qualifying loops whose ways out pass its end
        foreach (var (loop, (caches, exits)) in loops)
        {
            if (!caches) continue;
            foreach (var block in exits) Passes(passing, block, loop);
        }
        foreach (var (loop, block) in adjacent)
        {
            if (Caches(loop)) Passes(passing, block, loop);
        }
        foreach (var group in passing.Values)
        {
            if (group.Count < 2) continue;
            foreach (var loop in group)
            {
                if (!neighbours.TryGetValue(loop, out var list)) neighbours[loop] = list = [];
                foreach (var other in group)
                {
                    if (other != loop && !list.Contains(other)) list.Add(other);
                }
            }
        }
    }

    private static void Passes(Dictionary<int, List<int>> passing, int block, int loop)
    {
        if (!passing.TryGetValue(block, out var loopsThere)) passing[block] = loopsThere = [];
        if (!loopsThere.Contains(loop)) loopsThere.Add(loop);
    }

    /// <summary>
    /// A branch to <paramref name="label"/> leaves every loop inside the target frame (<paramref name="openLoops"/>: the
    /// indices of the open loops): to its end, or back to an outer loop's header.
    /// </summary>
    private void Branch(List<(Op Op, int Offset)> open, List<int> openLoops, uint label)
    {
        var target = open.Count - 1 - (int)label;
        for (var k = openLoops.Count - 1; k >= 0 && openLoops[k] > target; k--)
        {
            var loop = open[openLoops[k]].Offset;
            if (open[target].Op == Op.Loop) Disqualify(loop);
            else if (loops[loop].Exits is var exits && !exits.Contains(open[target].Offset)) exits.Add(open[target].Offset);
        }
    }

    private void DisqualifyAll(List<(Op Op, int Offset)> open, List<int> openLoops)
    {
        foreach (var i in openLoops) Disqualify(open[i].Offset);
    }

    private void Disqualify(int loop) => loops[loop] = loops[loop] with { Caches = false };
}
