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
/// the code: the flush can be placed there while walking forward. Those blocks must end right after the loop (only
/// <c>end</c>s between, the shape compilers give a <c>while</c>): every way out then passes the outermost one's end, where
/// the flush runs once each time the loop is left.
/// </summary>
internal sealed class LoopFlow
{
    private readonly Dictionary<int, (bool Caches, List<int> Exits)> loops = [];

    /// <summary>Whether the loop opened at <paramref name="offset"/> may hold counters in locals.</summary>
    public bool Caches(int offset) => loops.TryGetValue(offset, out var l) && l.Caches;

    /// <summary>The openers of the enclosing blocks a branch inside the loop at <paramref name="offset"/> leaves to.</summary>
    public IReadOnlyList<int> ExitsOf(int offset) => loops[offset].Exits;

    public static LoopFlow Of(FunctionBody body, ReturningCalls calls)
    {
        var flow = new LoopFlow();
        var open = new List<(Op Op, int Offset)> { (Op.Nop, -1) }; // the function's own frame first
        var openLoops = new List<int>();                            // the indices in open of its loops: Go nests hundreds of blocks
        var adjacent = new HashSet<(int Loop, int Block)>();        // blocks whose end follows a loop's end with only ends between
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
                else if (chain is { } loop) adjacent.Add((loop, closed.Offset));
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
        // A flush after a block that ends further on would also run on paths that never entered the loop.
        foreach (var (offset, (caches, exits)) in flow.loops.ToArray())
        {
            if (caches && exits.Any(b => !adjacent.Contains((offset, b)))) flow.Disqualify(offset);
        }
        return flow;
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
