using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Walks every instruction of every original local function once (decoding only: the operand and result types of
/// the sites that need them come from <see cref="StackTypes"/>, which validates functions in parallel ahead of the
/// walk), looks its probes up by opcode and mode (<see cref="SiteIndex"/>), folds each probe at the site and injects
/// what remains (reference §3.3–§3.4). One file per placement kind:
/// <list type="bullet">
/// <item>this file: the walk, folding a probe at a site (<see cref="Prepare"/>) and the shared emission steps;</item>
/// <item><c>ProbeInjection.Opcodes.cs</c>: <c>before</c>, <c>after</c> (with <c>resN</c>) and <c>alt</c>;</item>
/// <item><c>ProbeInjection.Blocks.cs</c>: <c>entry</c>, <c>exit</c>, semantic <c>after</c> and <c>block_alt</c> of structured
///   blocks, and the basic-block events <c>wasm:block:start</c>/<c>end</c>;</item>
/// <item><c>ProbeInjection.Exits.cs</c>: <c>wasm:func:entry</c>/<c>exit</c>, branch <c>at_target</c> and the hook before <c>proc_exit</c>.</item>
/// <item><c>ProbeInjection.Parallel.cs</c>: the walk on several threads when the script is only counters (<see cref="SiteSlots"/>).</item>
/// </list>
/// Operands a probe reads (<c>argN</c>) are saved into fresh locals of the types the validator reports at that
/// point and re-pushed for the instruction. Code at one instruction runs in this order: block:start, opcode
/// <c>before</c> probes, block <c>exit</c> probes (before <c>else</c>/<c>end</c>), <c>at_target</c>, block:end,
/// func:exit, <see cref="BeforeProcExit"/>, saving a table change's operands; the instruction or its <c>alt</c> replacement;
/// the shadow table update (<see cref="ShadowTables"/>); opcode <c>after</c> probes,
/// semantic <c>after</c> of the block an <c>end</c> closes; <c>block_alt</c> and <c>entry</c> code of a block it opens.
/// <code>
/// ;; before                  ;; after: wasm:opcode:i32.add(arg0: i32):before / arg0 > 1 / { n++; }
/// local.get 0                local.get 0
/// i32.const 2                i32.const 2
/// i32.add                    local.set $arg0            ;; save the top operand
///                            local.get $arg0  i32.const 1  i32.gt_s
///                            if  global.get $n  i32.const 1  i32.add  global.set $n  end
///                            local.get $arg0            ;; re-push it
///                            i32.add
/// </code>
/// </summary>
internal sealed partial class ProbeInjection
{
    private readonly ModuleEditor editor;
    private readonly Module module;
    private readonly SiteIndex index;
    private readonly ScriptState state;
    private readonly Dictionary<CheckedProbe, ProbeStats> stats;
    private readonly ProbeStats[] statsOf; // the same by probe index: looked up at every site
    private readonly FunctionDirectory functions;
    private readonly ValidationContext original;

    // The function being instrumented.
    private int definedIndex;
    private uint fid;
    private BodyEditor? bodyEditor;
    private LocalPool pool = null!;
    private int functionResults;
    // The instructions before the current one, nearest last, in recent[recentEnd - recentCount .. recentEnd]: a window
    // sliding over a buffer many times its size, so remembering an instruction is a store, and the window is moved back
    // to the start only once per buffer length.
    private readonly LookBack.Past[] recent = new LookBack.Past[64 * LookBack.Depth];
    private int recentEnd;
    private int recentCount;
    private readonly SiteCode siteCode = new();
    private uint? planesGrowHook;
    private string reportName = ""; // the function's name in reports, built once per function
    // Probes that fold alike at every site (no statics); parallel workers share their coordinator's, filled before they start.
    private readonly Dictionary<ProbeMatch, Folded> foldedOnce = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Sites are found and typed in the application as it was before we added anything (<paramref name="original"/>,
    /// <paramref name="functions"/>): <c>fid</c>, <c>imm0</c>, … are the application's own indices even when linking
    /// the core library added an import; our functions, appended after its own, are never instrumented.
    /// </summary>
    public ProbeInjection(ModuleEditor editor, SiteIndex index, ScriptState state, Dictionary<CheckedProbe, ProbeStats> stats,
        ValidationContext original, FunctionDirectory functions)
    {
        this.editor = editor;
        module = editor.Module;
        this.index = index;
        this.state = state;
        this.stats = stats;
        statsOf = new ProbeStats[stats.Count == 0 ? 0 : stats.Keys.Max(p => p.Index) + 1];
        foreach (var (probe, s) in stats) statsOf[probe.Index] = s;
        this.original = original;
        this.functions = functions;
        editorOfFunction = Editor;
    }

    /// <summary>What was injected into each function, to name the culprit of a validation failure.</summary>
    public Dictionary<uint, InjectedSites> Injected { get; } = [];
    private InjectedSites? injectedHere; // Injected[fid] of the function being walked, once it has one

    /// <summary>
    /// The probes injected into one function: the first <see cref="Listed"/> sites and how many more, so a monitor does
    /// not keep a record per site (yosys's calls: 31,802 functions with sites, whose records of sixteen in lists held 3 MB
    /// more); the text is built only when a validation failure names the culprits.
    /// </summary>
    public sealed class InjectedSites
    {
        private const int Listed = 4;
        private readonly (ProbeMatch Match, int Pc)[] first = new (ProbeMatch, int)[Listed];
        private int count;

        public void Add(ProbeMatch match, int pc)
        {
            if (count < Listed) first[count] = (match, pc);
            count++;
        }

        /// <summary>The sites as <c>probe N `RULE` at pc PC</c>, comma-separated, then the count of the others.</summary>
        public override string ToString() =>
            string.Join(", ", first.Take(count).Select(i => $"probe {i.Match.Probe.Index} `{i.Match.RuleName}` at pc {i.Pc}"))
            + (count > Listed ? $", and {count - Listed} more sites" : "");
    }

    /// <summary>
    /// Code inserted before every call of WASI <c>proc_exit</c> (after any func:exit and block:end probe code
    /// there), e.g. to flush a report. When set, every function is walked even without opcode probes.
    /// </summary>
    public Action<InstructionBuilder>? BeforeProcExit { get; set; }

    /// <summary>The evaluation knobs (<see cref="InstrumentOptions.Bodies"/>, <see cref="InstrumentOptions.Predicates"/>) and progress.</summary>
    public InstrumentOptions Options { get; init; } = new();

    /// <summary>
    /// Instruments every original local function: on <see cref="InstrumentOptions.Threads"/> workers when the script
    /// is <see cref="ParallelSafe">parallel-safe</see>, else one by one.
    /// </summary>
    public void Run()
    {
        planesGrowHook = PlanesGrowHook();
        PlanCounterGlobals();
        var count = functions.Count - functions.ImportCount;
        if (Options.Threads > 1 && count > 1 && ParallelSafe(out var sites))
        {
            WalkedInParallel = true;
            RunParallel(count, sites);
            return;
        }
        using var types = Enum.GetValues<Op>().Any(NeedsTypes) ? new StackTypes(original, NeedsTypes) : null;
        for (var i = 0; i < count; i++)
        {
            InstrumentFunction(i, types);
            editor.BuildBody(i); // its edits go now, not at the commit
            Options.Progress?.Report((i + 1.0) / count);
        }
    }

    private BodyEditor Editor() => bodyEditor ??= editor.EditBody(definedIndex);

    /// <summary><see cref="Editor"/> as a delegate, made once: a method group converted at each site was a new delegate there.</summary>
    private readonly Func<BodyEditor> editorOfFunction;

    /// <summary>Whether a site of <paramref name="op"/> needs its operand or result types (the validator, in <see cref="StackTypes"/>).</summary>
    private bool NeedsTypes(Op op) => index.NeedsStackTypes(op) || state.Shadows is not null && ShadowTables.Tracks(op);

    private void InstrumentFunction(int defined, StackTypes? types)
    {
        definedIndex = defined;
        fid = (uint)(functions.ImportCount + defined);
        injectedHere = null;
        bodyEditor = null;
        pool = new LocalPool(editorOfFunction);
        reportName = functions.NameSectionName(fid) ?? $"#{fid}";
        functionResults = functions.TypeOf(fid).Results.Length;
        InjectFuncEntry();
        var walkForProcExit = BeforeProcExit is not null && functions.ProcExit is not null;
        if (!index.NeedsTraversal && !walkForProcExit && state.Shadows is null) return;
        recentCount = 0;
        recentEnd = 0;

        var stackTypes = types?.Take(defined) ?? FunctionStackTypes.None;
        BeginFrames();
        BeginBasicBlocks();
        BeginCounters();
        var reader = module.Functions[definedIndex].Body.Instructions();
        var opidx = 0;
        var quietOps = Quiet;
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            var atEnd = reader.AtEnd;
            var op = ins.Op;
            if (SkipsQuietly(op, atEnd, quietOps))
            {
                AdvanceBasicBlocks(ins, opidx++, atEnd);
                Remember(ins);
                continue;
            }
            var depth = walkDepth = frameCount;
            if (ControlFlow.OpensFrame(op)) PushFrame(ins);
            if (afterSite.Count > 0) CountAfterSite(ins);
            var blockEvent = IsBasicBlockSite(ins, atEnd);
            var otherSite = blockEvent || IsExitSite(ins, atEnd, depth) || HasFrameProbes(op) || state.Shadows is not null && ShadowTables.Tracks(op)
                || op == Op.MemoryGrow && planesGrowHook is not null;
            if (!otherSite && CountsOnly(ins, atEnd))
            {
                CountFast(ins);
            }
            else if (index.AnyAt(op) || otherSite || CounterSite(ins, atEnd, depth))
            {
                var (args, results) = stackTypes.At(opidx);
                InstrumentSite(new Site(ins, opidx, atEnd, depth, args, results));
            }
            if (suspendedGroups > 0) LeaveSuspended(ins, atEnd, depth);
            if (Counters is not null)
            {
                CutFrames(ins, atEnd, depth);
                if (loopsHold) FollowBlockExits(ins, atEnd);
                FollowRuns(ins, atEnd, depth);
            }
            FollowReachability(op);
            if (op is Op.End or Op.Delegate && !atEnd) PopFrame();
            AdvanceBasicBlocks(ins, opidx, atEnd);
            Remember(ins);
            opidx++;
        }
        FinishRuns();
    }

    private void Remember(in Instruction ins)
    {
        if (recentEnd == recent.Length)
        {
            Array.Copy(recent, recentEnd - (LookBack.Depth - 1), recent, 0, LookBack.Depth - 1);
            recentEnd = LookBack.Depth - 1;
        }
        recent[recentEnd++] = new LookBack.Past(ins);
        recentCount = Math.Min(recentCount + 1, LookBack.Depth);
    }

    /// <summary>The instructions just before the current one (at most <see cref="LookBack.Depth"/>), the nearest last.</summary>
    private ReadOnlySpan<LookBack.Past> Recent => recent.AsSpan(recentEnd - recentCount, recentCount);

    /// <summary>
    /// One instruction being instrumented: where it is, its operands and (when it falls through) its results, top first.
    /// A struct passed by reference, as is <see cref="SiteBindings"/> (<see cref="Prepared"/>, a struct too, by value): as
    /// objects, the three were 450 bytes of garbage a site (32 MB in esbuild's sparse rewrite; its heap after the walk 43
    /// MB before, 35 after).
    /// </summary>
    private readonly record struct Site(Instruction Ins, int Opidx, bool AtEnd, int Depth, ValType[] Args, ValType[]? Results)
    {
        public int Pc => Ins.Offset;
    }

    /// <summary>
    /// The code gathered for one site, inserted when the site is done (builders made on first use: most sites fold away).
    /// One instance serves every site in turn: the editor copies the bytes, so the builders are cleared and reused.
    /// </summary>
    private sealed class SiteCode
    {
        public void Reset()
        {
            pre?.Clear();
            post?.Clear();
            Replacement = null;
        }

        private InstructionBuilder? pre;
        private InstructionBuilder? post;

        public InstructionBuilder Pre => pre ??= new InstructionBuilder();
        public InstructionBuilder Post => post ??= new InstructionBuilder();
        public InstructionBuilder? Replacement;

        public void Apply(Func<BodyEditor> editor, int offset)
        {
            if (pre is { Length: > 0 }) editor().InsertBefore(offset, pre);
            if (Replacement is { } r) editor().Replace(offset, r);
            if (post is { Length: > 0 }) editor().InsertAfter(offset, post);
        }
    }

    private void InstrumentSite(in Site site)
    {
        pool.BeginSite();
        var code = siteCode;
        code.Reset();
        var bindings = Bindings(site);
        InjectBlockStart(site, code);
        InjectBefore(site, bindings, code);
        InjectBlockExit(site, code);
        InjectAtTarget(site, bindings, code);
        InjectBlockEnd(site, code);
        InjectCounters(site, code);
        InjectTakenEdge(site, code);
        InjectFuncExit(site, code);
        InjectProcExitHook(site, code);
        InjectAlt(site, bindings, code);
        InjectShadowUpdate(site, code);
        InjectPlanesGrow(site, code);
        InjectAfter(site, bindings, code);
        InjectBlockAfter(site, code);
        InjectLoopFlush(site, code);
        InjectBlockOpen(site, bindings, code);
        code.Apply(editorOfFunction, site.Ins.Offset);
    }

    private SiteBindings Bindings(in Site site, int instrCount = 0) =>
        new(functions, fid, site.Pc, site.Opidx, site.AtEnd, site.Ins, instrCount, recent.AsMemory(recentEnd - recentCount, recentCount));

    /// <summary>
    /// Keeps the shadow tables in step with a table-changing instruction (right before and after it, so the probes'
    /// code is outside); not where an alt probe replaces the instruction.
    /// </summary>
    private void InjectShadowUpdate(in Site site, SiteCode code)
    {
        if (state.Shadows is not { } shadows || !ShadowTables.Tracks(site.Ins.Op) || code.Replacement is not null) return;
        shadows.Track(site.Ins, site.Args, Recent, pool.Take, code.Pre, code.Post);
    }

    /// <summary>
    /// The function that grows the byte planes of address-keyed map counters after a <c>memory.grow</c>
    /// (<see cref="DenseMapCounters.GrowHook"/>), when a probe may count by <c>effective_addr</c>: made before the walk,
    /// which may meet a <c>memory.grow</c> before the first counter.
    /// </summary>
    private uint? PlanesGrowHook()
    {
        if (Counters is null || !Options.AddressPlanes || state.Core is not { } core || !stats.Keys.Any(p => p.Syntax.Body.DescendantNodesAndSelf()
                .Any(n => n is NameExpressionSyntax { Name.Text: "effective_addr" })))
            return null;
        return DenseCounters(core).GrowHook();
    }

    /// <summary>After a <c>memory.grow</c> of a 32-bit memory: grows the byte planes to match (<see cref="PlanesGrowHook"/>).</summary>
    private void InjectPlanesGrow(in Site site, SiteCode code)
    {
        if (planesGrowHook is { } hook && site.Ins.Op == Op.MemoryGrow && state.DenseMapCounters!.FollowsGrowth(site.Ins.Index))
            code.Post.Call(hook);
    }

    private string SiteText(int pc) => $"function {functions.NameOf(fid)} (fid {fid}) at pc {pc}";

    // ------------------------------------------------------------------ folding a probe at a site

    /// <summary>
    /// One probe folded at one site, ready to emit: its statics, the folder's constants, the folded predicate
    /// (<c>true</c>, or null when a residual run-time test remains), the operands to save (arg0, the top, first)
    /// and the results to save in after probes (res0 first).
    /// </summary>
    private readonly record struct Prepared(ProbeMatch Match, Dictionary<string, Constant> Statics, ConstantFolder Folder, Constant? Predicate,
        ValType[] ArgTypes, ValType[] ResultTypes, int Pc, Instruction? Ins)
    {
        public bool IsResidual => Predicate is null;
    }

    /// <summary>
    /// Counts the match, binds the statics, checks the stack values against the type bounds and folds. Null when
    /// the probe does not apply here (skipped) or its predicate folds to false (folded away). <paramref name="args"/>
    /// are the operands this placement can save (top first; null: none), <paramref name="saveArgs"/> how many to save
    /// whatever the probe reads (all of them for alt), <paramref name="results"/> the results an after probe can read.
    /// </summary>
    private Prepared? Prepare(ProbeMatch pm, in SiteBindings bindings, int pc, ValType[]? args = null, int saveArgs = 0, ValType[]? results = null)
    {
        var s = statsOf[pm.Probe.Index];
        s.SitesMatched++;
        var needs = pm.Needs;
        var statics = NoStatics;
        if (needs.Statics.Length > 0)
        {
            statics = new Dictionary<string, Constant>(StringComparer.Ordinal);
            foreach (var use in needs.Statics)
            {
                if (!bindings.TryGet(use, out var value)) return Skip(s);
                statics[use.Name] = value;
            }
        }
        var argCount = Math.Max(needs.ArgCount, saveArgs);
        if (!Fits(needs.Args, argCount, args) || !Fits(needs.Results, needs.ResultCount, results) || !LocalsFit(needs.Locals)) return Skip(s);

        var folded = needs.Statics.Length == 0 && foldedOnce.TryGetValue(pm, out var once) ? once : Fold(pm, statics);
        if (folded.Predicate is { Boolean: false })
        {
            s.SitesFoldedAway++;
            return null;
        }
        return new Prepared(pm, statics, folded.Folder, folded.Predicate, Top(args, argCount), Top(results, needs.ResultCount), pc, bindings.Instruction);
    }

    private static readonly Dictionary<string, Constant> NoStatics = new(StringComparer.Ordinal);

    /// <summary>A probe's predicate (null: residual) and body folded with the given statics.</summary>
    private sealed record Folded(ConstantFolder Folder, Constant? Predicate);

    /// <summary>
    /// Folds <paramref name="pm"/> with <paramref name="statics"/>. Without statics the result is the same at every site,
    /// so it is kept for the next sites unless folding evaluated a library call (which may answer differently each time).
    /// </summary>
    private Folded Fold(ProbeMatch pm, Dictionary<string, Constant> statics)
    {
        var folder = new ConstantFolder(pm.Match.Model, sv => statics.GetValueOrDefault(sv.Name), state.Facts, state.StaticCalls);
        var predicate = pm.Probe.Syntax.Predicate;
        var folded = predicate is null ? Constant.Of(true) : folder.Fold(predicate);
        if (!Options.Predicates) folded ??= Constant.Of(true);
        if (folded is not { Boolean: false }) folder.FoldBlock(pm.Probe.Syntax.Body);
        var result = new Folded(folder, folded);
        if (statics.Count == 0 && !folder.CalledLibrary) foldedOnce[pm] = result;
        return result;
    }

    private static Prepared? Skip(ProbeStats s)
    {
        s.SitesSkipped++;
        return null;
    }

    /// <summary>The top <paramref name="count"/> values of <paramref name="values"/> (top first).</summary>
    private static ValType[] Top(ValType[]? values, int count)
    {
        if (count == 0) return [];
        var top = new ValType[count];
        for (var k = 0; k < count; k++) top[k] = values![k];
        return top;
    }

    /// <summary>Whether the top <paramref name="count"/> values exist, can be held in locals and have the types the probe requires.</summary>
    private static bool Fits(StackSlot[] slots, int count, ValType[]? values)
    {
        if (count == 0) return true;
        if (values is null || count > values.Length) return false;
        for (var k = 0; k < count; k++)
        {
            if (!Storable(values[k])) return false;
        }
        foreach (var slot in slots)
        {
            if (values[slot.Index] != slot.Type) return false;
        }
        return true;
    }

    /// <summary>Whether a stack value of type <paramref name="t"/> can be saved to a local and pushed again (a v128 too: the script cannot name it, but an address below it can be read).</summary>
    private static bool Storable(ValType t) => !FunctionValidator.IsUnknown(t) && !FunctionValidator.IsUnknownRef(t) && t.IsDefaultable;

    private bool LocalsFit(StackSlot[] slots)
    {
        foreach (var slot in slots)
        {
            if (LocalType(slot.Index) != slot.Type) return false;
        }
        return true;
    }

    /// <summary>The declared type of local <paramref name="index"/> of the function (parameters first), null past the last.</summary>
    private ValType? LocalType(int index)
    {
        var parameters = functions.TypeOf(fid).Params;
        if (index < parameters.Length) return parameters[index];
        var rest = (ulong)(index - parameters.Length);
        foreach (var d in module.Functions[definedIndex].Body.Locals)
        {
            if (rest < d.Count) return d.Type;
            rest -= d.Count;
        }
        return null;
    }

    // ------------------------------------------------------------------ emission steps shared by the placements

    /// <summary>Pops <paramref name="types"/> (top first) into fresh locals; returns them.</summary>
    private uint[] Save(InstructionBuilder b, ValType[] types)
    {
        var locals = new uint[types.Length];
        for (var k = 0; k < types.Length; k++)
        {
            locals[k] = pool.Take(types[k]);
            b.LocalSet(locals[k]);
        }
        return locals;
    }

    /// <summary>Pushes saved values back, deepest first.</summary>
    private static void Push(InstructionBuilder b, uint[] locals)
    {
        for (var k = locals.Length - 1; k >= 0; k--) b.LocalGet(locals[k]);
    }

    /// <summary>
    /// The locals holding each stack value <paramref name="p"/> names (<c>arg0</c>, <c>res1</c>, <c>local2</c>, aliases),
    /// computing its derived values into fresh locals first.
    /// </summary>
    private Dictionary<string, uint> StackValues(InstructionBuilder b, Prepared p, uint[] args, uint[] results)
    {
        var needs = p.Match.Needs;
        var stack = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var slot in needs.Args) stack["arg" + slot.Index] = args[slot.Index];
        foreach (var slot in needs.Results) stack["res" + slot.Index] = results[slot.Index];
        foreach (var slot in needs.Locals) stack["local" + slot.Index] = (uint)slot.Index;
        for (var k = 0; k < args.Length; k++) stack.TryAdd("arg" + k, args[k]); // saved for the bound functions (dup_at)
        foreach (var (name, target) in needs.Aliases) stack[name] = stack[target];
        foreach (var d in needs.Derived)
        {
            DerivedValues.Emit(b, d.Name, stack, p.Statics, p.Ins, state.Shadows);
            var local = pool.Take(d.Type.WasmTypes[0]);
            b.LocalSet(local);
            stack[d.Name] = local;
        }
        return stack;
    }

    private ProbeEmitter Emitter(Prepared p, Dictionary<string, uint> stack, AltSite? alt = null) =>
        new(p.Match.Match.Model, p.Folder.Constants, state,
            new ReportSite(fid, p.Pc, reportName, p.Match.Probe.Index, p.Match.ReportRule), stack, pool.Take, alt)
        {
            SiteInstruction = p.Ins,
            HoldSiteVariable = Counters is { } plan && p.Ins is { } ins ? (v, at, initial) => HoldInLoop(plan, p.Match, ins, v, at, initial) : null,
            DenseMaps = Counters is { } counted ? v => DenseMapsFor(counted, p.Match.Match, v) : null,
        };

    /// <summary>
    /// Emits a prepared probe's body, under <c>if</c> when a residual predicate remains (unless
    /// <paramref name="guarded"/> is false: the caller has tested it), and records the injection.
    /// </summary>
    private void EmitProbe(InstructionBuilder b, Prepared p, Dictionary<string, uint> stack, AltSite? alt = null, bool guarded = true)
    {
        var emitter = Emitter(p, stack, alt);
        var syntax = p.Match.Probe.Syntax;
        void Body(InstructionBuilder x)
        {
            if (Options.Bodies) emitter.EmitBody(x, syntax.Body);
        }
        if (p.IsResidual && guarded)
        {
            emitter.EmitExpression(b, syntax.Predicate!);
            b.If(BlockType.Empty, Body);
        }
        else
        {
            Body(b);
        }
        Record(p);
    }

    /// <summary>The common placement: save the operands the probe reads, run it, re-push them.</summary>
    private void EmitAround(InstructionBuilder b, Prepared p)
    {
        var args = Save(b, p.ArgTypes);
        EmitProbe(b, p, StackValues(b, p, args, []));
        Push(b, args);
    }

    private void Record(Prepared p) => Record(p.Match, p.Pc);

    private void Record(ProbeMatch pm, int pc)
    {
        statsOf[pm.Probe.Index].SitesInjected++;
        if (injectedHere is null) Injected[fid] = injectedHere = new InjectedSites();
        injectedHere.Add(pm, pc);
    }

    /// <summary>Prepares each match and emits the survivors with <see cref="EmitAround"/>.</summary>
    private void InjectAll(ProbeMatch[] matches, in SiteBindings bindings, int pc, InstructionBuilder b)
    {
        foreach (var pm in matches)
        {
            if (Prepare(pm, bindings, pc) is { } p && !TryCount(p)) EmitAround(b, p);
        }
    }

    /// <summary>The block type of a structured instruction producing <paramref name="results"/> from nothing.</summary>
    private BlockType ResultBlock(ValType[] results) => results.Length switch
    {
        0 => BlockType.Empty,
        1 => new BlockType(BlockTypeKind.Value, results[0]),
        _ => new BlockType(BlockTypeKind.TypeIndex, TypeIndex: editor.AddType([], results)),
    };

    /// <summary>
    /// Locals of one function for the probes' saved operands and variables: a site's locals are free again at
    /// the next site, so sites share them (per type) instead of each adding its own.
    /// </summary>
    private sealed class LocalPool(Func<BodyEditor> editor)
    {
        private readonly Dictionary<ValType, List<uint>> free = [];
        private readonly Dictionary<ValType, int> used = [];

        public void BeginSite() => used.Clear();

        public uint Take(ValType type)
        {
            var list = free.TryGetValue(type, out var l) ? l : free[type] = [];
            var n = used.GetValueOrDefault(type);
            used[type] = n + 1;
            if (n < list.Count) return list[n];
            var local = editor().AddLocal(type);
            list.Add(local);
            return local;
        }
    }
}
