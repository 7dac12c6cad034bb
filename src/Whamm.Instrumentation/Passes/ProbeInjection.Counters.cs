using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Counter probes (<see cref="CounterPlan"/>, on unless <c>--no-opt</c>): at a site where such a probe folds to an
/// unconditional body with constant amounts nothing is emitted; its amounts join the site's counter group and are
/// added once, before the group's first counted site (<see cref="CounterGroup"/>), cached globals in locals
/// (<see cref="CounterCache"/>). A trap inside a group can thus count the rest of the group too.
/// <para>
/// A group that ends inside a construct (or at an <c>if</c> or <c>loop</c> opening one) which control leaves only
/// through its <c>end</c> also counts the code after that <c>end</c>, which runs exactly as often as the code before
/// it: the group is <em>suspended</em> in the construct's frame and resumed when the frame closes. The walk cannot see
/// ahead, so the suspension is optimistic: an instruction inside that may leave the construct otherwise (a call that
/// may not return, a branch past its end, a return, a throw, <c>unreachable</c>, an alt site) emits the suspended group
/// as it stands.
/// Its code goes before its first site either way.
/// </para>
/// <code>
/// ;; wasm:opcode:*:before { count++; }      ;; --no-opt: a global update before each of the four instructions
/// local.get 0                              local.get $n  i64.const 4  i64.add  local.set $n
/// i32.const 1                              local.get 0
/// i32.add                                  i32.const 1
/// br_if 0                                  i32.add
///                                          br_if 0
/// </code>
/// </summary>
internal sealed partial class ProbeInjection
{
    private CounterGroup group = new();
    private CounterCache cache = CounterCache.None;
    private bool[]? countsCached; // [op]: a counter probe there bumps a cached global
    private MapCounters? mapCounters;
    private bool loopsHold;                                 // per-site counters may be held in loops' locals
    private LoopFlow? loopFlow;                             // per function, found when a site in a loop first asks
    private readonly Dictionary<uint, uint> loopLocals = []; // counter address -> its local, per function
    private readonly Dictionary<int, List<uint>> loopHeld = []; // loop opener -> the locals it holds, per function
    private readonly List<(ValType Type, uint Local)> loopLocalPool = []; // per function: every loop's locals, shared (NewLoopLocal)

    /// <summary>
    /// At most this many counters per loop are held in locals: a tight loop gains most, and every counter held costs an
    /// update in memory each time the loop is left (and a register while it runs).
    /// </summary>
    private const int MaxLoopLocals = 4;
    private readonly List<(VariableSymbol Variable, long Value, bool IsSet)> siteUpdates = [];
    private List<ProbeStats> groupSites = [];          // the probe of each site counted into the current group
    private int groupFirstPc;                          // the first of them, where the group's updates go
    private int groupDepth;                            // the open frames at the first (the group's code is in the innermost)
    private int groupLoop = -1;                        // the loop whose body the group starts (its opener's offset), or -1
    private int groupRun = -1;                         // the frame the group runs once per run of (EveryRunOf), or -1
    private BlockExits? groupAfter;                    // the group starts at the end of a block entered in every iteration
    private readonly Dictionary<(VariableSymbol Variable, long Value, bool IsSet), uint> entryCounters = []; // per function
    private BlockExits? pendingAfter;                  // the block whose end the walk just passed, until a group starts or ends
    private (uint Local, bool Bump)? endedRuns;        // the run-count local of the group the current instruction ended
    private readonly Dictionary<(int Loop, ValType Type), uint> iterationLocals = []; // loop opener -> the local counting its iterations, per function
    private int walkDepth;                             // the open frames at the instruction being walked, before it opens one
    private int suspendedGroups;                       // groups suspended in open frames
    private int deadFrame = -1;                        // the frame whose rest is unreachable (after a br, return...), or -1
    private readonly List<(VariableLocation? Global, WhammType Type, uint Address, long Amount)> afterSite = []; // for the next instruction's group
    private readonly List<(WhammType Type, uint Address)> takenEdge = []; // per-site counters added on the current br_if's branch
    private readonly Stack<(CounterGroup, List<ProbeStats>)> spareGroups = [];

    /// <summary>Whether the current group has a first site (its start is fixed) or updates before one.</summary>
    private bool GroupStarted => groupSites.Count > 0 || !group.IsEmpty;

    /// <summary>A counter group waiting for the end of the construct it continues after (<see cref="Frame.Suspended"/>).</summary>
    private sealed record SuspendedGroup(CounterGroup Group, List<ProbeStats> Sites, int FirstPc, int Depth, int Loop, int Run, BlockExits? After);

    /// <summary>
    /// What is known of how often the end of a block is reached when the block is entered in every iteration of a loop
    /// that holds counters: as often as the loop iterates, less the runs of the groups that branched out of it with a
    /// <c>br</c> (<see cref="Locals"/>: the locals counting them); <see cref="Unknown"/> once anything else left it.
    /// </summary>
    internal sealed class BlockExits
    {
        public readonly List<uint> Locals = [];
        public bool Unknown;
    }
    private readonly Whamm.Wasm.Editing.InstructionBuilder groupCode = new();

    /// <summary>The counter probes of the script; null with <c>--no-opt</c>.</summary>
    public CounterPlan? Counters { get; init; }

    /// <summary>The calls counter groups and locals run on across (by default none).</summary>
    public ReturningCalls Calls { get; init; } = ReturningCalls.None;

    /// <summary>Whether some counter was merged across sites or cached: a trap may then leave the report short or long by the counts of the active groups and frames.</summary>
    public bool Approximate { get; private set; }

    /// <summary>Gives the function locals for the cached globals when a counter probe may bump one here (a quick scan of its opcodes).</summary>
    private void BeginCounters()
    {
        cache = CounterCache.None;
        loopLocals.Clear();
        loopHeld.Clear();
        loopLocalPool.Clear();
        iterationLocals.Clear();
        entryCounters.Clear();
        pendingAfter = null;
        loopsHold = Counters is { AnySiteCounters: true } && Options.CountersInLocals;
        BeginRuns();
        loopFlow = null;
        suspendedGroups = 0;
        deadFrame = -1;
        afterSite.Clear();
        takenEdge.Clear();
        BeginCounterGlobals();
        if (Counters is not { AnyCached: true } plan) return;
        countsCached ??= CachedCounterOps(plan);
        var reader = module.Functions[definedIndex].Body.Instructions();
        var counts = false;
        while (!reader.AtEnd && !counts) counts = countsCached[(int)reader.Read().Op];
        if (!counts) return;
        cache = new CounterCache();
        foreach (var (name, location) in state.Globals)
        {
            if (plan.Caches(name) && location is VariableLocation global) cache.Add(global, Editor().AddLocal(ValueLayout.ValType(global.Type)));
        }
        Approximate = true;
    }

    private bool[] CachedCounterOps(CounterPlan plan)
    {
        var ops = new bool[SiteIndex.OpCount];
        for (var op = 0; op < ops.Length; op++)
        {
            foreach (var pm in index.Opcode(ModeKind.Before, (Op)op))
            {
                ops[op] |= plan.BodyOf(pm.Match)?.Any(c => c.Variable.VariableKind == VariableKind.Global && plan.Caches(c.Variable.Name)) == true;
            }
        }
        return ops;
    }

    /// <summary>Whether the instruction must be visited for the counters: it ends a started group, or flushes the cache.</summary>
    private bool CounterSite(in Instruction ins, bool atEnd, int depth) =>
        Counters is not null && (GroupStarted && EndsCounterGroup(ins, atEnd) || !cache.IsEmpty && CounterFlow.FlushAt(ins, atEnd, depth, Calls).Flush);

    /// <summary>A group also ends where an alt probe may replace the instruction with code that calls out.</summary>
    private bool EndsCounterGroup(in Instruction ins, bool atEnd) =>
        CounterFlow.EndsGroup(ins, atEnd, Calls) || index.Opcode(ModeKind.Alt, ins.Op).Length > 0;

    /// <summary>
    /// At the end of a group: its updates go before its first counted site (code from there to the group's end always
    /// runs together), and the cache is flushed before the last instruction where control may leave.
    /// </summary>
    private void InjectCounters(in Site site, SiteCode code)
    {
        if (Counters is null || !EndsCounterGroup(site.Ins, site.AtEnd)) return;
        endedRuns = null;
        if (GroupStarted) // sites without updates of their own (they read an earlier group's counter) end it too
        {
            if (frameCount > groupDepth && frames[groupDepth].Suspended is null) SuspendGroup(ref frames[groupDepth]);
            else endedRuns = EmitGroup(group, groupSites, groupFirstPc, groupDepth, groupLoop, groupRun > 0, groupAfter,
                site.Ins.Op == Op.Br && LeavesTrackedBlock(site.Ins.Index, site.Depth));
        }
        var (flush, leaves) = cache.IsEmpty ? (false, false) : CounterFlow.FlushAt(site.Ins, site.AtEnd, site.Depth, Calls);
        if (flush) cache.EmitFlush(code.Pre, leaves);
    }

    /// <summary>
    /// Emits a group's updates before its first site and empties it. One site updated right before itself counts exactly
    /// as --no-opt would, even when it traps. The flags of a group that starts a loop's body are set before the loop
    /// instead: the body runs at least once each time the loop is entered, so they are set once, not per iteration.
    /// In a loop that holds counters, a group's runs are counted by the loop's iterations (<paramref name="everyIteration"/>),
    /// derived from them (<paramref name="after"/>), or by a local of its own, also for a single counter when
    /// <paramref name="exits"/> (its <c>br</c> leaves a block whose end is derived); returns that run count when it has one.
    /// </summary>
    private (uint Local, bool Bump)? EmitGroup(CounterGroup counted, List<ProbeStats> sites, int firstPc, int depth, int loop, bool everyIteration,
        BlockExits? after = null, bool exits = false)
    {
        if (sites.Count > 1)
        {
            Approximate = true;
            foreach (var s in sites) s.SitesMerged++;
        }
        groupCode.Clear();
        if (loop >= 0 && state.Core?.Memory is { } memory)
        {
            counted.EmitSets(groupCode, memory);
            if (groupCode.Length > 0)
            {
                Approximate = true;
                Editor().InsertBefore(loop, groupCode);
                groupCode.Clear();
            }
        }
        var locals = new GroupLocals(this, depth - 1, everyIteration, after);
        var counted32 = counted.Emit(groupCode, state.Core?.Memory, cache, locals, everyIteration || after is not null || exits);
        Editor().InsertBefore(firstPc, groupCode);
        sites.Clear();
        return counted32 is { Bump: true } || everyIteration ? counted32 : null;
    }

    /// <summary>
    /// Where <see cref="EmitGroup"/> holds a group's counters, in the loops of frames [0, <paramref name="Top"/>]: a struct,
    /// as delegates made per group were 70 MB of esbuild's hotness rewrite.
    /// </summary>
    private readonly record struct GroupLocals(ProbeInjection Walk, int Top, bool EveryIteration, BlockExits? After) : ICounterLocals
    {
        public bool MayHold => Walk.HoldingLoop(Top) is not null;

        public uint? Local(CachedCounter counter) => Walk.LoopLocal(counter, Top);

        public bool Global(WhammType type, uint address, long value, bool isSet) => Walk.HoldInGlobal(type, address, value, isSet);

        public (uint Local, bool Bump)? Runs(IReadOnlyList<CachedCounter> counters) =>
            EveryIteration ? Walk.IterationLocal(counters, Top)
            : After is { Unknown: false } after ? Walk.AfterBlockLocal(counters, Top, after)
            : Walk.GroupLoopLocal(counters, Top);
    }

    /// <summary>Parks the current group in <paramref name="frame"/> (a construct opened since its first site) and starts an empty one.</summary>
    private void SuspendGroup(ref Frame frame)
    {
        frame.Suspended = new SuspendedGroup(group, groupSites, groupFirstPc, groupDepth, groupLoop, groupRun, groupAfter);
        suspendedGroups++;
        (group, groupSites) = spareGroups.TryPop(out var spare) ? spare : (new CounterGroup(), []);
    }

    /// <summary>At the end of the construct: the suspended group is the current one again (the construct's last group ended at its <c>end</c>).</summary>
    private void ResumeGroup(SuspendedGroup suspended)
    {
        if (!group.IsEmpty) throw new InvalidOperationException("a counter group is open at the end of a construct");
        spareGroups.Push((group, groupSites));
        (group, groupSites, groupFirstPc, groupDepth, groupLoop, groupRun, groupAfter) =
            (suspended.Group, suspended.Sites, suspended.FirstPc, suspended.Depth, suspended.Loop, suspended.Run, suspended.After);
        suspendedGroups--;
    }

    /// <summary>
    /// After an instruction of <paramref name="op"/>: code after one that never falls through is unreachable up to the
    /// <c>else</c>, <c>end</c> or <c>catch</c> of its frame (included: code before those runs only when falling into them).
    /// </summary>
    private void FollowReachability(Op op)
    {
        if (deadFrame < 0)
        {
            if (ControlFlow.NeverFallsThrough(op)) deadFrame = frameCount - 1;
        }
        else if (ControlFlow.ClosesArm(op) && frameCount - 1 == deadFrame)
        {
            deadFrame = -1;
        }
    }

    /// <summary>
    /// Before <paramref name="ins"/>: the groups suspended in the frames it may leave other than through their ends are
    /// emitted as they stand (their constructs do not always run to the end).
    /// </summary>
    private void LeaveSuspended(in Instruction ins, bool atEnd, int depth)
    {
        var kept = BranchTarget(ins, depth) ?? ins.Op switch // frames [0, kept] stay; the rest may be left
        {
            Op.Unreachable or Op.Try or Op.TryTable or Op.Catch or Op.CatchAll => 0,
            _ => CounterFlow.FlushAt(ins, atEnd, depth, Calls).Flush || index.Opcode(ModeKind.Alt, ins.Op).Length > 0 ? 0 : int.MaxValue,
        };
        for (var f = frameCount - 1; f > kept; f--)
        {
            if (frames[f].Suspended is not { } s) continue;
            frames[f].Suspended = null;
            suspendedGroups--;
            EmitGroup(s.Group, s.Sites, s.FirstPc, s.Depth, s.Loop, s.Run > 0, s.After);
            spareGroups.Push((s.Group, s.Sites));
        }
    }

    /// <summary>
    /// The local holding <paramref name="counter"/> while the innermost loop of frames [0, <paramref name="top"/>] runs
    /// (the frames of the code the counter's group is in), when that loop qualifies (<see cref="LoopFlow"/>); it is flushed
    /// where the loop is left (<see cref="FlushFromLocal"/>). Null: update the counter outside a local.
    /// </summary>
    private uint? LoopLocal(CachedCounter counter, int top)
    {
        if (HoldingLoop(top) is not { } loop) return null;
        if (loopLocals.TryGetValue(counter.Address, out var held)) return held;
        if (NewLoopLocal(loop, counter.LocalType, [counter]) is not { } local) return null;
        loopLocals[counter.Address] = local;
        return local;
    }

    /// <summary>
    /// One local counting how often a group of the innermost loop of frames [0, <paramref name="top"/>] runs, for all its
    /// <paramref name="counters"/> (each flushed as the local times its amount): a loop holds one register per group, not
    /// one per counter (a branch's taken and total). Null when the loop does not qualify or holds enough locals.
    /// </summary>
    private (uint Local, bool Bump)? GroupLoopLocal(IReadOnlyList<CachedCounter> counters, int top) =>
        HoldingLoop(top) is { } loop && NewLoopLocal(loop, counters[0].LocalType, counters) is { } local ? (local, true) : null;

    /// <summary>
    /// The counters of a group that runs once in every iteration of the innermost loop of frames [0, <paramref name="top"/>]
    /// (<see cref="EveryIteration"/>) are flushed from the loop's iteration count (<see cref="IterationCount"/>): nothing
    /// is counted where the group runs. In a loop that may hold counters no call can end the program mid-iteration; a trap
    /// may, and leaves the report approximate anyway.
    /// </summary>
    private (uint Local, bool Bump)? IterationLocal(IReadOnlyList<CachedCounter> counters, int top)
    {
        if (IterationCount(top, counters[0].LocalType) is not var (loop, local)) return null;
        FlushFromLocal(loop, local, counters);
        return (local, false);
    }

    /// <summary>
    /// The local counting the iterations of the innermost loop of frames [0, <paramref name="top"/>], bumped at the start
    /// of its body, made on first use; null when the loop does not hold counters or holds enough locals.
    /// </summary>
    private (int Loop, uint Local)? IterationCount(int top, ValType type)
    {
        if (HoldingLoop(top) is not { } loop) return null;
        var key = (frames[loop].Offset, type);
        if (!iterationLocals.TryGetValue(key, out var local))
        {
            if (NewLoopLocal(loop, type, []) is not { } fresh) return null;
            iterationLocals[key] = local = fresh;
            var bump = new InstructionBuilder();
            CachedCounter.EmitAdd(bump, type, local, 1);
            Editor().InsertAfter(frames[loop].Offset, bump);
        }
        return (loop, local);
    }

    /// <summary>
    /// The frame whose every run code at the walk's depth runs once in, or -1: a loop (once per iteration) or the function
    /// (frame 0, once per entry). Only blocks lie between (no <c>if</c> arm, no inner loop), and no branch since that
    /// frame opened went to the end of one of them, back to the loop or out of it, and for the function nothing left it or
    /// called out to a callee that may end the program (<see cref="CutFrames"/>).
    /// </summary>
    private int EveryRunOf(int depth)
    {
        for (var f = depth - 1; f >= 0; f--)
        {
            if (frames[f].Cut) return -1;
            if (f == 0 || frames[f].Op == Op.Loop) return f;
            if (frames[f].Op != Op.Block) return -1;
        }
        return -1;
    }

    /// <summary>Code at the walk's depth runs once in every iteration of the innermost loop around it (<see cref="EveryRunOf"/>).</summary>
    private bool EveryIteration => EveryRunOf(walkDepth) > 0;

    /// <summary>The outermost frame (its index) a <c>br</c>, <c>br_if</c> or <c>br_table</c> at <paramref name="depth"/> may go to; null for other instructions.</summary>
    private static int? BranchTarget(in Instruction ins, int depth)
    {
        switch (ins.Op)
        {
            case Op.Br or Op.BrIf:
                return depth - 1 - (int)ins.Index;
            case Op.BrTable:
                var outermost = 0u;
                foreach (var label in ins.BrTableLabels) outermost = Math.Max(outermost, label); // no LINQ at every branch of the walk
                return depth - 1 - (int)outermost;
            default:
                return null;
        }
    }

    /// <summary>
    /// After a branch: the rest of every frame it leaves or goes to the label of (a loop: of its iteration) may be
    /// skipped. After a call that may not return, a throw or an exit of the function: the rest of the function
    /// (<see cref="EveryRunOf"/>).
    /// </summary>
    private void CutFrames(in Instruction ins, bool atEnd, int depth)
    {
        if (!frames[0].Cut && CounterFlow.FlushAt(ins, atEnd, depth, Calls).Flush) frames[0].Cut = true;
        if (BranchTarget(ins, depth) is not { } target) return;
        var from = Math.Max(target, 1);
        // Inward out, over the runs of frames earlier branches cut: Go's branches leave hundreds of nested blocks.
        for (var f = depth - 1; f >= from;)
        {
            if (frames[f].Cut)
            {
                f = frames[f].CutRun - 1;
                continue;
            }
            frames[f].Cut = true;
            frames[f].CutRun = from;
            f--;
        }
        for (var k = exitFrames.Count - 1; k >= 0 && exitFrames[k] >= from; k--)
        {
            if (exitFrames[k] == target) continue;
            // Leaving a tracked block: a br whose group counts its runs is subtracted from the runs that reach the end.
            var exits = frames[exitFrames[k]].Exits!;
            if (ins.Op == Op.Br && endedRuns is var (local, _)) exits.Locals.Add(local);
            else exits.Unknown = true;
        }
    }

    /// <summary>Whether a <c>br</c> to <paramref name="label"/> leaves a block whose end's runs are derived (<see cref="BlockExits"/>).</summary>
    private bool LeavesTrackedBlock(uint label, int depth)
    {
        for (var k = exitFrames.Count - 1; k >= 0 && exitFrames[k] >= depth - (int)label; k--)
        {
            if (frames[exitFrames[k]].Exits is { Unknown: false }) return true;
        }
        return false;
    }

    /// <summary>
    /// Walk bookkeeping for derived runs: a block opened in every iteration of a loop that holds counters is tracked; at
    /// its end the next group may take its runs from it, unless another group ends first.
    /// </summary>
    private void FollowBlockExits(in Instruction ins, bool atEnd)
    {
        if (ins.Op == Op.Block && loopsHold && EveryIteration)
        {
            frames[frameCount - 1].Exits = new BlockExits();
            exitFrames.Add(frameCount - 1);
        }
        if (Counters is not null && EndsCounterGroup(ins, atEnd)) pendingAfter = null;
        if (ins.Op == Op.End && !atEnd) pendingAfter = frames[frameCount - 1].Exits;
        endedRuns = null;
    }

    /// <summary>
    /// The current group starts at <paramref name="pc"/> (an <paramref name="op"/>), in the walk's frames; at a loop's <c>end</c>, in the frames
    /// around the loop: code there runs once each time the loop is left (falling out of its body), so it takes no local
    /// of the loop (a register while the loop runs) and may read the function's entry counter.
    /// </summary>
    private void StartGroup(int pc, Op op, int loop)
    {
        var depth = op == Op.End && frames[walkDepth - 1].Op == Op.Loop ? walkDepth - 1 : walkDepth;
        (groupFirstPc, groupDepth, groupLoop, groupRun, groupAfter) = (pc, depth, loop, EveryRunOf(depth), pendingAfter);
        pendingAfter = null;
    }

    /// <summary>
    /// The runs of a group that starts at the end of a block entered in every iteration: the loop's iteration count less
    /// the runs of the groups that left the block with a <c>br</c>, so the group's counters are flushed from those locals
    /// and nothing is counted where it runs. i32 counters only; others have a local of their own.
    /// </summary>
    private (uint Local, bool Bump)? AfterBlockLocal(IReadOnlyList<CachedCounter> counters, int top, BlockExits after)
    {
        if (counters[0].LocalType != ValType.I32 || IterationCount(top, ValType.I32) is not var (loop, iterations)) return GroupLoopLocal(counters, top);
        FlushFromLocal(loop, iterations, counters);
        foreach (var exit in after.Locals) FlushFromLocal(loop, exit, counters.Select(c => c with { Times = -c.Times }));
        return (iterations, false);
    }

    /// <summary>The frame of the innermost loop of frames [0, <paramref name="top"/>] when it may hold counters in locals.</summary>
    private int? HoldingLoop(int top)
    {
        if (!loopsHold) return null;
        var loop = frames[top].Loop;
        if (loop == 0) return null;
        loopFlow ??= LoopFlow.Of(module.Functions[definedIndex].Body, Calls); // a function without loops never decodes its body again
        return loopFlow.Caches(frames[loop].Offset) ? loop : null;
    }

    /// <summary>
    /// A local of the loop opened by <paramref name="frame"/> for <paramref name="counters"/>, flushed where the loop is
    /// left; null past <see cref="MaxLoopLocals"/>. Loops share locals: only innermost loops hold counters, so one is open
    /// at a time, and each leaves its locals flushed and zeroed (but not with the loops whose flushes it passes,
    /// <see cref="FreeLoopLocal"/>). A local of its own per loop was a value live from the function's entry across its
    /// calls, which Cranelift stored to the stack at every entry (json's printf_core: 68).
    /// </summary>
    private uint? NewLoopLocal(int frame, ValType type, IEnumerable<CachedCounter> counters)
    {
        if (!loopHeld.TryGetValue(frames[frame].Offset, out var held)) loopHeld[frames[frame].Offset] = held = [];
        if (held.Count == MaxLoopLocals) return null;
        var local = FreeLoopLocal(type, frame, held);
        held.Add(local);
        FlushFromLocal(frame, local, counters);
        Approximate = true;
        return local;
    }

    /// <summary>
    /// A local of <paramref name="type"/> from the function's loop locals that the loop opened by <paramref name="frame"/>
    /// (holding <paramref name="held"/>) and its neighbours (<see cref="LoopFlow.Neighbours"/>) do not hold yet, else a new one.
    /// </summary>
    private uint FreeLoopLocal(ValType type, int frame, List<uint> held)
    {
        var neighbours = loopFlow!.Neighbours(frames[frame].Offset);
        foreach (var (t, l) in loopLocalPool)
        {
            if (t == type && !held.Contains(l) && !HeldByAny(neighbours, l)) return l;
        }
        var local = Editor().AddLocal(type);
        loopLocalPool.Add((type, local));
        return local;
    }

    private bool HeldByAny(IReadOnlyList<int> loops, uint local)
    {
        foreach (var loop in loops)
        {
            if (loopHeld.TryGetValue(loop, out var held) && held.Contains(local)) return true;
        }
        return false;
    }

    /// <summary>
    /// Adds <paramref name="local"/> (times each amount) to <paramref name="counters"/> where the loop opened by
    /// <paramref name="frame"/> is left (<see cref="LoopFlow"/>): after the end of the outermost block that ends right
    /// after it and that it branches out to, else after its own (falling out of the loop and every branch to those
    /// blocks pass that one <c>end</c> once, before the loop can run again), and after the end of each block further
    /// out that it branches to.
    /// </summary>
    private void FlushFromLocal(int frame, uint local, IEnumerable<CachedCounter> counters)
    {
        var loop = frames[frame].Offset;
        var exits = loopFlow!.ExitsOf(loop);
        var at = frame;
        for (var f = 1; f < frame; f++)
        {
            if (!exits.Contains(frames[f].Offset)) continue;
            if (!loopFlow.EndsRightAfter(loop, frames[f].Offset)) AddFlush(f, local, counters);
            else if (at == frame) at = f;
        }
        AddFlush(at, local, counters);
    }

    private void AddFlush(int frame, uint local, IEnumerable<CachedCounter> counters)
    {
        foreach (var counter in counters) (frames[frame].Flush ??= []).Add((counter, local));
    }

    /// <summary>
    /// A per-site variable the probe only adds to (<see cref="CounterPlan.IsAdditive"/>), at an ordinary instruction of a
    /// qualifying loop, starting at zero: held in a local of the loop like a merged counter (<see cref="LoopLocal"/>).
    /// </summary>
    private Location? HoldInLoop(CounterPlan plan, ProbeMatch pm, Instruction site, VariableSymbol variable, MemoryLocation at, Folding.Constant? initial)
    {
        if (!plan.IsAdditive(pm.Match, variable) || initial is { WasmValue: not 0 } || ControlFlow.OpensFrame(site.Op) || site.Op is Op.End or Op.Else or Op.Delegate)
            return null;
        return LoopLocal(new CachedCounter(variable.Type, at.Address, 0, false), frameCount - 1) is { } local
            ? new VariableLocation(variable.Type, [local], IsGlobal: false)
            : null;
    }

    /// <summary>After the <c>end</c> of a loop, or of the outermost block a loop branches out to: the loops' counters held in locals go to their globals or memory.</summary>
    private void InjectLoopFlush(in Site site, SiteCode code)
    {
        if (site.Ins.Op != Op.End || site.AtEnd || frames[frameCount - 1].Flush is not { } held) return;
        foreach (var (counter, local) in held)
        {
            if (HoldInGlobal(counter.Type, counter.Address, counter.Value, counter.IsSet)) counter.EmitFlushToGlobal(code.Post, local);
            else counter.EmitFlush(code.Post, state.Core!.Memory, local);
        }
        foreach (var (counter, local) in held.DistinctBy(h => h.Local)) CachedCounter.EmitReset(code.Post, counter.LocalType, local);
    }

    /// <summary>
    /// Counts a prepared probe into the current group when it is a counter here (unconditional, constant amounts,
    /// per-site variables starting at zero); false when it must be emitted as written.
    /// </summary>
    private bool TryCount(Prepared p)
    {
        var op = p.Ins?.Op ?? Op.Nop;
        if (Counters?.BodyOf(p.Match.Match) is not { } ops || p.IsResidual || !Countable(ops, p.Folder.Constants, op)) return false;
        Count(p.Match, ops, p.Folder.Constants, p.Pc, op, p.Ins?.Index ?? 0);
        return true;
    }

    /// <summary>
    /// Whether every amount, value and key of the body is a constant (and initial values are zero, map amounts positive),
    /// or the truth of the condition of the <c>if</c> or <c>br_if</c> of <paramref name="site"/>.
    /// </summary>
    private bool Countable(CounterOp[] ops, Dictionary<Language.Syntax.ExpressionSyntax, Folding.Constant> constants, Op site)
    {
        if (!Options.Bodies) return false;
        foreach (var op in ops)
        {
            if (op.Kind == CounterOpKind.AddCondition)
            {
                if (site is Op.If or Op.BrIf) continue;
                return false;
            }
            if (op.Key is { } key && (KeyOf(key, constants) is null || op.Negate)) return false;
            if (op.Value is null) continue;
            if (!constants.TryGetValue(op.Value, out var c) || !(c.IsInteger || c.Type.Kind == WhammTypeKind.Bool)) return false;
            if (op.Kind == CounterOpKind.Declare && c.WasmValue != 0) return false;
            if (op.Key is not null && c.WasmValue <= 0) return false; // an entry exists iff its counter is non-zero
        }
        return true;
    }

    /// <summary>Counts a probe at a site of <paramref name="siteOp"/> into the current group; <paramref name="label"/> is a <c>br_if</c>'s.</summary>
    private void Count(ProbeMatch pm, CounterOp[] ops, Dictionary<Language.Syntax.ExpressionSyntax, Folding.Constant> constants, int pc, Op siteOp, uint label = 0)
    {
        if (deadFrame >= 0)
        {
            CountUnreachable(pm, ops, constants, pc);
            return;
        }
        if (!GroupStarted) StartGroup(pc, siteOp, recentCount > 0 && Recent[^1].Op == Op.Loop ? Recent[^1].Offset : -1);
        siteUpdates.Clear();
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case CounterOpKind.Declare:
                    continue;
                case CounterOpKind.AddCondition when op.Variable.VariableKind == VariableKind.Global:
                    CountCondition(siteOp, label, (VariableLocation)state.Globals[op.Variable.Name], op.Variable.Type, 0);
                    continue;
                case CounterOpKind.AddCondition:
                    continue; // at the instance, below
            }
            var value = op.Value is null ? 1 : constants[op.Value].WasmValue;
            switch (op.Kind)
            {
                case CounterOpKind.Add when op.Key is { } key:
                    mapCounters ??= state.MapCounters ??= new MapCounters(state.RequireCore("a map counter"), editor);
                    group.AddToCounter(mapCounters.Base, mapCounters.SlotOf((MapLocation)state.Globals[op.Variable.Name], KeyOf(key, constants)!), value);
                    break;
                case CounterOpKind.Add when op.Variable.VariableKind == VariableKind.Global:
                    group.AddGlobal((VariableLocation)state.Globals[op.Variable.Name], op.Negate ? -value : value);
                    break;
                default:
                    siteUpdates.Add((op.Variable, op.Negate ? -value : value, op.Kind == CounterOpKind.Set));
                    break;
            }
        }
        // The instances, in declaration order: one that the group already counts for reads that counter.
        var stat = statsOf[pm.Probe.Index];
        var site = new ReportSite(fid, pc, reportName, pm.Probe.Index, pm.ReportRule);
        foreach (var op in ops)
        {
            if (op.Kind != CounterOpKind.Declare) continue;
            var update = SiteUpdate(op.Variable) is var (value, isSet) && (isSet || value != 0) ? (value, isSet) : ((long, bool)?)null;
            var counter = update is var (v, s) ? group.SharedCounter(op.Variable, v, s) ?? EntryCounter(op.Variable, v, s) : null;
            var at = SiteVariable(op, site, op.Value is null ? null : constants[op.Value], counter);
            var counts = !CountsCondition(ops, op.Variable);
            if (counter is not null) stat.SitesShared++;
            else if (update is var (amount, set))
            {
                if (!set && counts && TryDerive(at, op.Variable.Type, amount))
                {
                    group.AddDerived(op.Variable, at, amount);
                    stat.SitesDerived++;
                }
                else group.AddCounter(op.Variable, at, amount, set);
                if (groupRun == 0) entryCounters.TryAdd((op.Variable, amount, set), at);
            }
            else if (!counts) CountCondition(siteOp, label, null, op.Variable.Type, at);
            if (update is (1, false) && counts) NoteRunCounter(counter ?? at, op.Variable.Type);
        }
        Record(pm, pc);
        groupSites.Add(stat);
    }

    /// <summary>
    /// The address of a new instance of a per-site variable at a counted site (it starts at zero): from the function's
    /// range when the functions are walked in parallel (<see cref="SiteSlots"/>), else the next in the static region.
    /// </summary>
    private uint SiteVariable(CounterOp declaration, ReportSite site, Folding.Constant? initial, uint? valueAddress) =>
        slotCursor?.Take(declaration, site, valueAddress) ?? state.AllocateSiteInstance(declaration.Variable, site, initial, valueAddress, declaration.Slot);

    /// <summary>The counter of an earlier group that runs on every entry, as the current group does (<see cref="EveryRunOf"/>: frame 0), for the same update; null if none.</summary>
    private uint? EntryCounter(VariableSymbol variable, long value, bool isSet)
    {
        if (groupRun != 0 || !entryCounters.TryGetValue((variable, value, isSet), out var counter)) return null;
        Approximate = true;
        return counter;
    }

    private static bool CountsCondition(CounterOp[] ops, VariableSymbol variable)
    {
        foreach (var op in ops)
        {
            if (op.Kind == CounterOpKind.AddCondition && ReferenceEquals(op.Variable, variable)) return true;
        }
        return false;
    }

    /// <summary>
    /// One for each time the condition of the <c>if</c> or <c>br_if</c> held, for a script global or the per-site
    /// instance at <paramref name="address"/>: one in the then arm (it runs exactly then); for a branch, one at every
    /// execution and minus one at every fall-through (the instruction after it starts a group), or one on the branch
    /// itself (<see cref="BranchSplits"/>). No operand is looked at.
    /// </summary>
    private void CountCondition(Op site, uint label, VariableLocation? global, WhammType type, uint address)
    {
        Approximate = true;
        if (site == Op.BrIf && global is null && BranchSplits(label))
        {
            takenEdge.Add((type, address));
            return;
        }
        if (site == Op.BrIf) AddTo(group, global, type, address, 1);
        afterSite.Add((global, type, address, site == Op.BrIf ? -1 : 1));
    }

    /// <summary>
    /// Whether the current <c>br_if</c> becomes <c>if (then: count; br L+1) end</c>, so that its per-site taken counts are
    /// added on the branch itself: one update when it is taken instead of one at every execution and its undoing at every
    /// fall-through (two updates of one address in a row, the second waiting for the first: printf's format loop spent a
    /// fifth of its time there). Only a forward branch (out of a block, mostly not taken; a loop's back edge mostly is,
    /// and splitting it made matmul's branch monitor 1.24x -> 1.57x), to a label without values inside the function, with
    /// no <c>alt</c> probe that would replace it.
    /// </summary>
    private bool BranchSplits(uint label) =>
        label < frameCount - 1 && frames[frameCount - 1 - (int)label].Op != Op.Loop && LabelArity(label) == 0 && index.Opcode(ModeKind.Alt, Op.BrIf).Length == 0;

    /// <summary>At a <c>br_if</c> whose taken counts go on the branch (<see cref="BranchSplits"/>): the branch, split.</summary>
    private void InjectTakenEdge(in Site site, SiteCode code)
    {
        if (takenEdge.Count > 0) code.Replacement = TakenEdge(site);
    }

    /// <summary>The replacement of a split <c>br_if</c> (a method of its own: its closure is made only at such a site).</summary>
    private InstructionBuilder TakenEdge(Site site)
    {
        var memory = state.Core!.Memory;
        var code = new InstructionBuilder().If(BlockType.Empty, then =>
        {
            foreach (var (type, address) in takenEdge)
            {
                if (LoopLocal(new CachedCounter(type, address, 1, false), frameCount - 1) is { } local) CachedCounter.EmitAdd(then, type, local, 1);
                else if (HoldInGlobal(type, address, 1, false)) CounterGlobals.EmitAdd(then, type, address, 1);
                else ValueLayout.EmitAddConstant(then, type, memory, address, 1, ValueLayout.ZeroBase);
            }
            then.Br(site.Ins.Index + 1);
        });
        takenEdge.Clear();
        return code;
    }

    private static void AddTo(CounterGroup to, VariableLocation? global, WhammType type, uint address, long amount)
    {
        if (global is not null) to.AddGlobal(global, amount);
        else to.AddAmount(type, address, amount);
    }

    /// <summary>Before the instruction after an <c>if</c> or <c>br_if</c> (<see cref="CountCondition"/>): its group starts with these.</summary>
    private void CountAfterSite(in Instruction ins)
    {
        if (!GroupStarted) StartGroup(ins.Offset, ins.Op, -1);
        foreach (var (global, type, address, amount) in afterSite) AddTo(group, global, type, address, amount);
        afterSite.Clear();
    }

    /// <summary>
    /// A counter site in unreachable code: its per-site variables are allocated (their report rows say 0) but nothing
    /// counts for it, so it takes no counter, group or loop local.
    /// </summary>
    private void CountUnreachable(ProbeMatch pm, CounterOp[] ops, Dictionary<Language.Syntax.ExpressionSyntax, Folding.Constant> constants, int pc)
    {
        var site = new ReportSite(fid, pc, reportName, pm.Probe.Index, pm.ReportRule);
        foreach (var op in ops)
        {
            if (op.Kind == CounterOpKind.Declare) SiteVariable(op, site, op.Value is null ? null : constants[op.Value], null);
        }
        Record(pm, pc);
        statsOf[pm.Probe.Index].SitesMerged++;
    }

    /// <summary>
    /// The dense arrays for the entries of map <paramref name="variable"/>, when nothing reads it while the program runs:
    /// a script global no probe reads, or a per-site map its probe only adds to.
    /// </summary>
    private DenseMapCounters? DenseMapsFor(CounterPlan plan, CheckedMatch match, VariableSymbol variable)
    {
        var counted = variable.VariableKind switch
        {
            VariableKind.Global => plan.Merges(variable.Name) && state.Globals.GetValueOrDefault(variable.Name) is MapLocation,
            VariableKind.Unshared => plan.IsAdditive(match, variable),
            _ => false,
        };
        return counted ? DenseCounters(state.RequireCore("a map counter")) : null;
    }

    private DenseMapCounters DenseCounters(CoreBinding core) =>
        state.DenseMapCounters ??= new DenseMapCounters(core, editor, state, Options.DenseCounterPages) { UsePlanes = Options.AddressPlanes };

    // ------------------------------------------------------------------ the walk's shortcut

    /// <summary>A probe of a <see cref="CountsOnlyAt"/> opcode, resolved once for all its sites: no lookups per site.</summary>
    private readonly record struct CountOnly(ProbeMatch Match, CounterOp[] Ops, Dictionary<Language.Syntax.ExpressionSyntax, Folding.Constant> Constants);

    private static readonly CountOnly[] NotCountsOnly = [];
    private CountOnly[]?[]? countsOnly; // [op]: the probes when every one there is a counter that reads nothing of the site and folds alike everywhere, NotCountsOnly when not, null not yet known

    /// <summary>
    /// Whether the instruction needs nothing but counting: its probes are all <c>before</c> counters without static or
    /// stack values whose one folding (the same at every site) is countable, and it ends no group. Then the walk skips
    /// the per-site machinery (site record, bindings, folding, emission) of a dense monitor's millions of sites.
    /// </summary>
    private bool CountsOnly(in Instruction ins, bool atEnd)
    {
        if (Counters is null) return false;
        countsOnly ??= new CountOnly[]?[SiteIndex.OpCount];
        var probes = countsOnly[(int)ins.Op] ??= CountsOnlyAt(ins.Op) ?? NotCountsOnly;
        return probes.Length > 0 && !EndsCounterGroup(ins, atEnd) && (cache.IsEmpty || !CounterFlow.FlushAt(ins, atEnd, frameCount, Calls).Flush);
    }

    /// <summary>The probes at <paramref name="op"/> resolved for counting, when all of them are counters the shortcut takes; else null.</summary>
    private CountOnly[]? CountsOnlyAt(Op op)
    {
        var before = index.Opcode(ModeKind.Before, op);
        if (before.Length == 0 || Enum.GetValues<ModeKind>().Any(m => m != ModeKind.Before && index.Opcode(m, op).Length > 0)) return null;
        var probes = new CountOnly[before.Length];
        for (var i = 0; i < before.Length; i++)
        {
            var pm = before[i];
            var needs = pm.Needs;
            if (Counters!.BodyOf(pm.Match) is not { } ops || needs.Statics.Length + needs.ArgCount + needs.ResultCount + needs.Locals.Length + needs.Derived.Length > 0) return null;
            var folded = foldedOnce.TryGetValue(pm, out var once) ? once : Fold(pm, NoStatics);
            if (!foldedOnce.ContainsKey(pm) || folded.Predicate is not { Boolean: true } || !Countable(ops, folded.Folder.Constants, op)) return null;
            probes[i] = new CountOnly(pm, ops, folded.Folder.Constants);
        }
        return probes;
    }

    /// <summary>Counts every probe of a <see cref="CountsOnlyAt"/> instruction into the current group.</summary>
    private void CountFast(in Instruction ins)
    {
        foreach (var p in countsOnly![(int)ins.Op]!)
        {
            statsOf[p.Match.Probe.Index].SitesMatched++;
            Count(p.Match, p.Ops, p.Constants, ins.Offset, ins.Op);
        }
    }

    /// <summary>The constant elements of a map key at this site (one for a scalar key), or null when one is not known.</summary>
    private static Folding.Constant[]? KeyOf(Language.Syntax.ExpressionSyntax key, Dictionary<Language.Syntax.ExpressionSyntax, Folding.Constant> constants)
    {
        var elements = key is Language.Syntax.TupleExpressionSyntax t ? t.Elements : [key];
        var values = new Folding.Constant[elements.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!constants.TryGetValue(elements[i], out var c)) return null;
            values[i] = c;
        }
        return values;
    }

    /// <summary>What the site does to one of its variables: the sum of its amounts, or the value it sets last; null when nothing.</summary>
    private (long Value, bool IsSet)? SiteUpdate(VariableSymbol variable)
    {
        (long, bool)? update = null;
        foreach (var (v, value, isSet) in siteUpdates)
        {
            if (!ReferenceEquals(v, variable)) continue;
            update = isSet ? (value, true) : ((update?.Item1 ?? 0) + value, false);
        }
        return update;
    }
}
