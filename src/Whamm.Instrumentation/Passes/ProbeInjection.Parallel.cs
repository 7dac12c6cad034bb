using System.Runtime.ExceptionServices;
using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Walking the functions on several threads when the script is only counters, of script globals or of per-site
/// variables of one size (a dense instruction counter, a sparse call counter, hotness, coverage): such a walk adds only
/// locals and code to the function being walked, and per-site instances whose addresses are known before the walk
/// (<see cref="SiteSlots"/>); no other static data, types or functions. So one worker per thread (all per-function
/// state is per instance) can take any share of the functions and the output is byte-identical to the sequential
/// walk's. Each worker counts into its own <see cref="ProbeStats"/> and <see cref="Injected"/>, summed at the end; the
/// foldings are made before the workers start, which then only read them.
/// </summary>
internal sealed partial class ProbeInjection
{
    /// <summary>Whether <see cref="Run"/> walked the functions on several workers.</summary>
    public bool WalkedInParallel { get; private set; }

    /// <summary>Where a worker's function takes its per-site instances from (<see cref="SiteSlots"/>); null when walking sequentially.</summary>
    private SiteSlots.Cursor? slotCursor;

    /// <summary>A worker of <see cref="RunParallel"/>: the coordinator's module, script, options and foldings, its own counts.</summary>
    private ProbeInjection(ProbeInjection coordinator)
        : this(coordinator.editor, coordinator.index, coordinator.state, coordinator.stats.Keys.ToDictionary(p => p, p => new ProbeStats(p)),
            coordinator.original, coordinator.functions)
    {
        foldedOnce = coordinator.foldedOnce;
        Options = coordinator.Options;
        Counters = coordinator.Counters;
        Calls = coordinator.Calls;
        BeforeProcExit = coordinator.BeforeProcExit;
        planesGrowHook = coordinator.planesGrowHook;
        globalsEligible = coordinator.globalsEligible;
    }

    /// <summary>
    /// Whether every probe match is an opcode <c>before</c> counter that the walk's shortcut takes (<see cref="CountsOnlyAt"/>:
    /// no static or stack values, the same unconditional countable folding at every site) and that only adds to script
    /// globals or counts into per-site variables (no maps) of one size that is a multiple of its alignment; no function
    /// or block events, shadow tables or user libraries (so no <c>@static</c> call either). Anything else may allocate
    /// shared state while walking and stays sequential. Folds the probes (into <see cref="foldedOnce"/>) and sets
    /// <paramref name="sites"/>: how many per-site instances a site of each opcode takes, and their size.
    /// </summary>
    private bool ParallelSafe(out (int[] InstancesAt, int Size) sites)
    {
        sites = (new int[SiteIndex.OpCount], 0);
        if (Counters is not { } plan || Options.Libraries.Count > 0 || state.Shadows is not null
            || index.FuncEntry.Length + index.FuncExit.Length + index.BlockStart.Length + index.BlockEnd.Length > 0) return false;
        foreach (var op in Enum.GetValues<Op>())
        {
            if (!index.AnyAt(op)) continue;
            var before = index.Opcode(ModeKind.Before, op);
            if (before.Length == 0) return false;
            // Cheap structural test first: folding below may evaluate what the sequential walk would only meet at a site.
            foreach (var pm in before)
            {
                if (plan.BodyOf(pm.Match) is not { } ops) return false;
                foreach (var c in ops)
                {
                    if (AddsToGlobal(c)) continue;
                    if (!CountsPerSite(c)) return false;
                    var size = ValueLayout.SiteSize(c.Variable.Type);
                    if (size % ValueLayout.SiteAlignment(size) != 0 || sites.Size != 0 && size != sites.Size) return false; // not end to end
                    sites.Size = size;
                    if (c.Kind == CounterOpKind.Declare) sites.InstancesAt[(int)op]++;
                }
            }
            if (!FoldsToCountsOnly(op)) return false;
        }
        return true;
    }

    private static bool AddsToGlobal(CounterOp op) =>
        op.Kind == CounterOpKind.Add && op.Key is null && op.Variable.VariableKind == VariableKind.Global;

    private static bool CountsPerSite(CounterOp op) =>
        op.Key is null && op.Variable.VariableKind == VariableKind.Unshared && !op.Variable.Type.IsMap;

    /// <summary>
    /// <see cref="CountsOnlyAt"/>, except that a folding error (a constant cast that would trap, an unsupported built-in)
    /// means sequential: the sequential walk reports it at the first site, or never when the opcode does not occur.
    /// </summary>
    private bool FoldsToCountsOnly(Op op)
    {
        try
        {
            return CountsOnlyAt(op) is not null;
        }
        catch (InstrumentationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Instruments the <paramref name="count"/> local functions on up to <see cref="InstrumentOptions.Threads"/> workers,
    /// this thread and dedicated ones, each claiming the next function from a counter (<c>Parallel.For</c>'s replicated
    /// tasks made more workers and cost more CPU for the same wall time). The first failure stops the others and is rethrown.
    /// </summary>
    private void RunParallel(int count, (int[] InstancesAt, int Size) sites)
    {
        var slots = sites.Size == 0 ? null : SiteSlots.Reserve(state, Counters!, module, count, sites.InstancesAt, sites.Size, Options.Threads);
        var gate = new object();
        var next = -1;
        var done = 0;
        Exception? failure = null;
        void Walk()
        {
            var worker = new ProbeInjection(this);
            try
            {
                for (int i; (i = Interlocked.Increment(ref next)) < count;)
                {
                    worker.slotCursor = slots?.Open(i);
                    worker.InstrumentFunction(i, types: null); // no site needs stack types: no argN/resN, alt or shadow tables
                    editor.BuildBody(i);
                    if (worker.slotCursor is { } cursor) slots!.Finish(cursor);
                    if (Options.Progress is { } progress)
                    {
                        lock (gate) progress.Report(++done / (double)count);
                    }
                }
            }
            catch (Exception e)
            {
                Volatile.Write(ref next, count);
                lock (gate) failure ??= e;
            }
            lock (gate) Absorb(worker);
        }
        var threads = Enumerable.Range(1, Math.Min(Options.Threads, count) - 1).Select(_ => new Thread(Walk)).ToArray();
        foreach (var t in threads) t.Start();
        Walk();
        foreach (var t in threads) t.Join();
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        slots?.Drain();
    }

    /// <summary>Adds a finished worker's counts, injected sites, approximation and counter globals to this coordinator's.</summary>
    private void Absorb(ProbeInjection worker)
    {
        foreach (var (probe, s) in worker.stats) stats[probe].Add(s);
        foreach (var (function, sites) in worker.Injected) Injected.Add(function, sites);
        Approximate |= worker.Approximate;
        AbsorbCounterGlobals(worker);
    }
}
