using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Passes;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Validation;
using Whamm.Wasm.Writing;

namespace Whamm.Instrumentation;

/// <summary>Options of <see cref="Instrumenter.Instrument"/>.</summary>
public sealed record InstrumentOptions
{
    /// <summary>Export <c>get_NAME</c> for every script global (DECISIONS 17); <c>--no-getters</c> turns it off.</summary>
    public bool Getters { get; init; } = true;

    /// <summary>Flush the report at exit (reference §3.6); <c>--no-report</c> turns it off.</summary>
    public bool Report { get; init; } = true;

    /// <summary>The user libraries the script may <c>use</c> (<c>--user-libs</c>), with their bytes.</summary>
    public IReadOnlyList<InstrumentLibrary> Libraries { get; init; } = [];

    /// <summary>Whether libraries are linked into the output or imported (<c>--link-strategy</c>).</summary>
    public LinkStrategy LinkStrategy { get; init; } = LinkStrategy.Default;

    /// <summary>What runs <c>@static</c> library calls while instrumenting (the CLI's is Wasmtime); null: such calls are an error.</summary>
    public StaticCallEvaluator? StaticCalls { get; init; }

    /// <summary>
    /// Send everything the core library prints (the report, <c>whamm_core.puts</c>, map dumps) to the host
    /// instead of WASI, so a host such as <c>whamm run</c> keeps it apart from the program's own output: see
    /// <see cref="HostInterface"/>. Off by default: a standalone instrumented module prints to stdout.
    /// </summary>
    public bool HostOutput { get; init; }

    /// <summary>
    /// Emit probe bodies (reference §5); <c>--no-body</c> turns it off to measure what the rest costs: operands are still
    /// saved and residual predicates still evaluated at every site, but nothing runs when they hold (an <c>alt</c> body
    /// becomes empty: the instruction is deleted and its results are zeros).
    /// </summary>
    public bool Bodies { get; init; } = true;

    /// <summary>
    /// Emit the run-time test of predicates that do not fold at a site (reference §5); <c>--no-pred</c> turns it off: the
    /// body runs unconditionally wherever the probe matched. Static folding still removes the sites where it folds to false.
    /// </summary>
    public bool Predicates { get; init; } = true;

    /// <summary>
    /// Compile counter-like probes the fast way (issue #9: increments merged per basic block, counters shared by the
    /// sites of a block, counters held in locals between calls); <c>--no-opt</c> turns it off and emits every probe at
    /// every site as written. Both give the same report and the same program behaviour; after a trap an optimised
    /// report may be approximate (<see cref="InstrumentResult"/> says so).
    /// </summary>
    public bool Optimize { get; init; } = true;

    /// <summary>
    /// With <see cref="Optimize"/>, hold counted script globals in function locals between calls and exits. A run stopped
    /// from outside (timeout, fuel, memory limit) loses what the active functions' locals held, so <c>whamm run</c> turns
    /// this off when it sets such a limit: the report is then off by at most the basic blocks that were running.
    /// </summary>
    public bool CountersInLocals { get; init; } = true;

    /// <summary>
    /// With <see cref="Optimize"/>, count map entries keyed by an access's <c>effective_addr</c> in byte planes, memories a
    /// page larger than the accessed one (<c>Counters/DenseMapCounters.Planes.cs</c>). A host that caps every memory's size
    /// (<c>whamm run --max-memory</c>) turns this off: at the cap a plane cannot have its extra page, and an access to the
    /// memory's top 4 KiB would trap in the probe.
    /// </summary>
    public bool AddressPlanes { get; init; } = true;

    /// <summary>
    /// Validate the output with our validator (the edited functions and the module-level parts) before returning. A host
    /// that validates the output anyway, with an engine that accepts the whole module faster, turns it off and calls
    /// <see cref="InstrumentResult.Validate"/> only when the engine rejects the output or cannot tell (a proposal it cannot
    /// switch on): the CLI gives the output to Wasmtime, so one validation, not two, is paid on success (issue #9).
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>Told the fraction (0 to 1) of the application's functions instrumented so far; null for no reports.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>
    /// How many threads may instrument functions at once when the script allows it (only counters of script globals, see
    /// <c>ProbeInjection.Parallel.cs</c>); 1: one by one. The output is the same either way (tests compare the two).
    /// </summary>
    internal int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How many pages of 2^16 one-byte counters <c>Counters.DenseMapCounters</c> may allocate (256 MiB); past them, map updates go to the map as written.</summary>
    internal int DenseCounterPages { get; init; } = 4096;
}

/// <summary>
/// What a host sees of an instrumented module. <see cref="Exit"/> runs the <c>wasm:end</c> probes and the report
/// once (call it after a trap). With <see cref="InstrumentOptions.HostOutput"/> the module imports
/// <see cref="OutputModule"/>.<see cref="OutputWrite"/> with WASI <c>fd_write</c>'s signature and meaning
/// (<c>(fd, iovs, iovs_len, nwritten) -> errno</c>, fd 1 unless the script chose another) and exports its
/// instrumentation memory as <see cref="OutputMemory"/>: the iovecs and the bytes they point at are in that memory.
/// </summary>
public static class HostInterface
{
    /// <summary>The exported exit function (no parameters, no results; runs once).</summary>
    public const string Exit = "wasm:exit";

    /// <summary>The import module name of the output writer.</summary>
    public const string OutputModule = "whamm:host";

    /// <summary>The output writer's import name.</summary>
    public const string OutputWrite = "write";

    /// <summary>The export name of the instrumentation memory the writer's buffers live in.</summary>
    public const string OutputMemory = "whamm:memory";
}

/// <summary>What happened to one probe.</summary>
public sealed class ProbeStats
{
    internal ProbeStats(CheckedProbe probe) => Probe = probe;

    /// <summary>The probe.</summary>
    public CheckedProbe Probe { get; }

    /// <summary>Sites whose event the probe matches.</summary>
    public int SitesMatched { get; internal set; }

    /// <summary>Sites where the predicate folded to <c>false</c>: nothing injected.</summary>
    public int SitesFoldedAway { get; internal set; }

    /// <summary>
    /// Sites that do not fit the probe: operand, result or local types other than its type bounds, unreachable code, an
    /// <c>immN</c> the site lacks, <c>after</c> at an instruction that never falls through, an <c>alt</c> whose stack effect
    /// is not known from the instruction alone.
    /// </summary>
    public int SitesSkipped { get; internal set; }

    /// <summary>Sites where code was injected (unconditionally or behind a residual predicate).</summary>
    public int SitesInjected { get; internal set; }

    /// <summary>
    /// Injected sites whose counter updates were merged with other sites' into one update per group of code that runs
    /// together, or dropped in unreachable code (a subset of <see cref="SitesInjected"/>).
    /// </summary>
    public int SitesMerged { get; internal set; }

    /// <summary>Merged sites whose per-site variables share a counter with an earlier site of their basic block.</summary>
    public int SitesShared { get; internal set; }

    /// <summary>Merged sites whose per-site counters are computed at exit from the counters of the code around them (a subset of <see cref="SitesMerged"/>).</summary>
    public int SitesDerived { get; internal set; }

    /// <summary>Adds the counts of <paramref name="other"/> (this probe's, from another worker of the same run).</summary>
    internal void Add(ProbeStats other)
    {
        SitesMatched += other.SitesMatched;
        SitesFoldedAway += other.SitesFoldedAway;
        SitesSkipped += other.SitesSkipped;
        SitesInjected += other.SitesInjected;
        SitesMerged += other.SitesMerged;
        SitesShared += other.SitesShared;
        SitesDerived += other.SitesDerived;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"probe {Probe.Index} {Probe}: {SitesMatched} sites matched, {SitesFoldedAway} folded away, {SitesSkipped} skipped, {SitesInjected} injected ({SitesMerged} merged, {SitesShared} shared, {SitesDerived} derived)";
}

/// <summary>The instrumented module and what was done.</summary>
public sealed class InstrumentResult
{
    internal InstrumentResult(Module module, IReadOnlyList<ProbeStats> stats, IReadOnlyList<string> warnings, OutputValidation validation,
        bool approximateAfterTrap)
    {
        ApproximateAfterTrap = approximateAfterTrap;
        this.validation = validation;
        Module = module;
        Stats = stats;
        Warnings = warnings;
    }

    private readonly OutputValidation validation;

    /// <summary>How long validating the output with our validator took (zero while <see cref="Validate"/> has not run).</summary>
    public TimeSpan ValidationTime => validation.Time;

    /// <summary>
    /// Validates the output with our validator unless that was done (<see cref="InstrumentOptions.Validate"/>); an invalid
    /// output throws an internal <see cref="InstrumentationException"/> naming the function, the offset and the probes
    /// injected there.
    /// </summary>
    public void Validate() => validation.Run();

    /// <summary>Things the user should know that do not stop instrumentation (e.g. nothing triggers the report).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The instrumented module (validated unless <see cref="InstrumentOptions.Validate"/> was off).</summary>
    public Module Module { get; }

    /// <summary>Per probe, in script order.</summary>
    public IReadOnlyList<ProbeStats> Stats { get; }

    /// <summary>
    /// Whether counters were merged per basic block or held in locals (<see cref="InstrumentOptions.Optimize"/>): then a
    /// report flushed after a trap (<see cref="HostInterface.Exit"/>) may be off by the counts of the code running when it
    /// trapped. After a normal exit or <c>proc_exit</c> the report is always exact.
    /// </summary>
    public bool ApproximateAfterTrap { get; }

    /// <summary>Whether the functions were instrumented on several threads (<see cref="InstrumentOptions.Threads"/>).</summary>
    internal bool WalkedInParallel { get; init; }

    /// <summary>The module's bytes.</summary>
    public byte[] ToBytes() => ModuleWriter.Write(Module);

    /// <summary>Our validator's check of the module once encoded, which holds nothing of the model (<see cref="OutputCheck"/>).</summary>
    public OutputCheck Check => validation.Detached();
}

/// <summary>
/// Compiles a checked script into an application module (the bytecode-rewriting back end, reference §4.1):
/// script globals become Wasm globals with getters, and every probe is folded and injected at its sites.
/// The output is validated before it is returned (unless <see cref="InstrumentOptions.Validate"/> is off); an invalid
/// result throws an internal <see cref="InstrumentationException"/> naming the function and the probes injected there.
/// </summary>
/// <example><code>
/// var (script, _) = Checker.Check(SourceText.From("var n: u32; wasm:opcode:call:before { n++; }", "calls.mm"));
/// var result = Instrumenter.Instrument(ModuleReader.ReadFile("app.wasm"), script, new InstrumentOptions());
/// File.WriteAllBytes("out.wasm", result.ToBytes());
/// </code></example>
public static class Instrumenter
{
    /// <summary>The map types of the script's globals and of its probes' per-site variables, in source order.</summary>
    private static IEnumerable<WhammType> MapTypes(CheckedScript script) =>
        script.Globals.Select(g => g.Type)
            .Concat(script.Probes.Where(p => p.Matches.Count > 0).SelectMany(p => p.Syntax.Body.DescendantNodesAndSelf()
                .OfType<Language.Syntax.VariableDeclarationSyntax>()
                .Select(d => p.Matches[0].Model.SymbolOf(d)).OfType<VariableSymbol>().Select(v => v.Type)))
            .Where(t => t.IsMap);

    /// <summary>Instruments <paramref name="app"/> (edited in place) with <paramref name="script"/>.</summary>
    /// <exception cref="ArgumentException">The script has errors.</exception>
    /// <exception cref="InstrumentationException">The script uses what this version cannot compile, or (internal) the output is invalid.</exception>
    public static InstrumentResult Instrument(Module app, CheckedScript script, InstrumentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(script);
        if (script.HasErrors) throw new ArgumentException("the script has errors; check it first", nameof(script));
        options ??= new InstrumentOptions();

        var index = SiteIndex.Build(script);
        var stats = script.Probes.ToDictionary(p => p, p => new ProbeStats(p));
        var editor = new ModuleEditor(app);
        var original = new ValidationContext(app, editor.Features); // built once per module: type canonicalisation is not per-function work
        var functions = new FunctionDirectory(editor, original);
        var counters = options.Optimize ? CounterPlan.Analyze(script, options.CountersInLocals) : null;
        var calls = counters is { CountsBetweenCalls: true } ? ReturningCalls.Of(app, original, options.Threads) : ReturningCalls.None;
        var facts = ModuleFacts.Of(app);
        var shadowPlan = ShadowTables.PlanFor(script, app); // the element segments in the application's numbering
        // Imports first (they renumber): user libraries', then the core library's; merged libraries after the core's link.
        var libraries = LibraryBinding.Bind(editor, script, options);
        var core = !CoreUse.Needed(script) ? null
            : options.LinkStrategy == LinkStrategy.Imported ? CoreLinking.Import(editor) : CoreLinking.Link(editor, options.HostOutput);
        libraries.Merge(editor);
        facts.InstrumentationMemory = core?.Memory;
        var state = new ScriptState(core)
        {
            Libraries = libraries,
            StaticCalls = new Folding.StaticCalls(options.StaticCalls, lib => lib.IsCore ? core?.Memory : libraries.Memory(lib.Name)),
            Facts = facts,
            Helpers = new CodeGen.HelperFunctions(editor),
        };
        state.Functions = new UserFunctions(editor, script, state);
        if (core is not null) state.ReserveMapAreas(MapTypes(script));
        if (shadowPlan is not null) state.Shadows = ShadowTables.Build(editor, state, shadowPlan);
        var deferred = ScriptGlobals.AddGlobals(editor, script, state);
        var lifecycle = new Lifecycle(editor, script, index, state, options.Report);
        lifecycle.Prepare();
        var injection = new ProbeInjection(editor, index, state, stats, original, functions)
        {
            Options = options,
            Counters = counters,
            Calls = calls,
        };
        if (lifecycle.HasExit) injection.BeforeProcExit = lifecycle.EmitCallExit;
        injection.Run();
        state.CounterGlobals = Counters.CounterGlobals.Add(editor, injection.CounterGlobalsUsed);
        if (options.Getters) ScriptGlobals.AddGetters(editor, state);
        lifecycle.Finish(deferred);
        editor.Commit(validate: false);
        state.CounterGlobals?.Patch(editor.Module, injection.FunctionsWithCounterGlobals);
        var validation = new OutputValidation(editor, injection.Injected);
        if (options.Validate) validation.Run();
        var warnings = core?.Warning is { } w ? [w, .. lifecycle.Warnings] : lifecycle.Warnings;
        return new InstrumentResult(app, script.Probes.Select(p => stats[p]).ToArray(), warnings, validation, injection.Approximate || state.DenseMapCounters?.UsesPlanes == true)
        {
            WalkedInParallel = injection.WalkedInParallel,
        };
    }
}
