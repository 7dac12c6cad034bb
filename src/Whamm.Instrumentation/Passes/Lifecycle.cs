using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Start-up and exit of the instrumented program (reference §3.5–§3.6, DECISIONS 6 and 15).
/// <para><b>Start-up</b> (a start function of ours, which then calls the application's own): the core library
/// learns where the static region ends, non-constant global initialisers and global statements run, then the
/// <c>wasm:begin</c> probes.</para>
/// <para><b>Exit</b> (<c>$whamm_exit</c>, exported as <c>wasm:exit</c> so a host can call it after a trap; runs once):
/// the <c>wasm:end</c> probes, then the <c>wasm:report</c> probes or else the default report (report globals
/// copied into their slots, then the core library prints the table), then the output buffer is flushed. It is
/// called when the exported <c>main</c> (else <c>_start</c>, else the start function) returns, through a
/// wrapper the export is pointed at, and before every call to WASI <c>proc_exit</c>.</para>
/// <code>
/// ;; after                                          
/// (func $_start_whamm (call $_start) (call $whamm_exit))   (export "_start" (func $_start_whamm))
/// (func $whamm_exit (if (global.get $done) (then return)) (global.set $done (i32.const 1))
///   ...wasm:end... (call $whamm_report (i32.const TABLE)) (call $whamm_flush))
/// </code>
/// </summary>
internal sealed class Lifecycle
{
    /// <summary>The export name of the exit function.</summary>
    public const string ExitExport = HostInterface.Exit;

    private readonly ModuleEditor editor;
    private readonly CheckedScript script;
    private readonly SiteIndex index;
    private readonly ScriptState state;
    private readonly bool report;
    private uint exitFunction;
    private uint doneGlobal;

    public Lifecycle(ModuleEditor editor, CheckedScript script, SiteIndex index, ScriptState state, bool report)
    {
        this.editor = editor;
        this.script = script;
        this.index = index;
        this.state = state;
        this.report = report;
    }

    /// <summary>Whether there is anything to do at exit (and so an exit function).</summary>
    public bool HasExit => state.Core is not null || index.End.Length > 0;

    /// <summary>Warnings for the user (no place to trigger the report from).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Adds the exit function (body filled by <see cref="Finish"/>) so injected code can call it.</summary>
    public void Prepare()
    {
        if (!HasExit) return;
        doneGlobal = editor.AddGlobal(new GlobalType(ValType.I32, Mutable: true), new InstructionBuilder().I32Const(0));
        exitFunction = editor.AddFunction(editor.AddType([], []), new InstructionBuilder());
        editor.SetFunctionName(exitFunction, "whamm_exit");
    }

    /// <summary>Code that runs the exit function (before <c>proc_exit</c>).</summary>
    public void EmitCallExit(InstructionBuilder b) => b.Call(exitFunction);

    /// <summary>
    /// After injection: lays out the static region, fills the exit function, adds the start-up function and
    /// points <c>main</c>/<c>_start</c> at wrappers. Commits the editor first (without validating) so that the
    /// application's start function and exports are in the numbering our additions use.
    /// </summary>
    public void Finish(IReadOnlyCollection<VariableDeclarationSyntax> deferred)
    {
        editor.Commit(validate: false); // the start function and exports use the committed numbering from here on
        var startup = StartupBody(deferred); // may allocate per-site variables of wasm:begin probes
        if (HasExit) FillExit();              // lays out the report table
        state.Functions?.EmitBodies();       // the user functions called so far (strings they use complete the static region)
        if (state.Libraries.AddInitFunction(editor) is { } sites) startup = new InstructionBuilder().Call(sites).Append(startup);
        if (state.Core is { } core)
        {
            var maps = MapCreation(core);
            core.Bridge?.Fill(editor, core.Memory, core.Data); // its save area last
            startup = CoreInit(core).Append(maps).Append(state.Startup).Append(startup);
            AddStaticData(core);
        }

        var originalStart = editor.Module.Start;
        uint? newStart = null;
        if (startup.Length > 0 || (HasExit && Entry() is null && originalStart is not null))
        {
            var body = startup;
            if (originalStart is { } s) body.Call(s);
            if (HasExit && Entry() is null && originalStart is not null) EmitCallExit(body);
            newStart = editor.AddFunction(editor.AddType([], []), body, startupLocals);
            editor.SetFunctionName(newStart.Value, "whamm_start");
            editor.SetStart(newStart.Value);
        }
        if (!HasExit) return;
        if (Entry() is { } entry)
        {
            var wrapper = Wrap(entry.Index);
            var exports = editor.Module.Exports;
            var at = exports.IndexOf(entry);
            exports[at] = entry with { Index = wrapper };
        }
        else if (originalStart is null)
        {
            Warnings.Add($"the application exports no `main` or `_start` and has no start function: nothing triggers the report; a host can call the export `{ExitExport}`");
        }
    }

    private Export? Entry() =>
        editor.Module.Exports.FirstOrDefault(e => e.Kind == ExternalKind.Func && e.Name == "main")
        ?? editor.Module.Exports.FirstOrDefault(e => e.Kind == ExternalKind.Func && e.Name == "_start");

    /// <summary>A function of the entry's type that calls it and then the exit function, keeping its results.</summary>
    private uint Wrap(uint function)
    {
        var typeIndex = editor.Module.FunctionTypeIndex(function);
        var type = (FuncType)editor.Module.Types[(int)typeIndex].Composite;
        var body = new InstructionBuilder();
        for (var i = 0; i < type.Params.Length; i++) body.LocalGet((uint)i);
        body.Call(function);
        EmitCallExit(body);
        var wrapper = editor.AddFunction(typeIndex, body);
        editor.SetFunctionName(wrapper, (editor.Module.FunctionName(function) ?? $"#{function}") + "_whamm");
        return wrapper;
    }

    private readonly List<ValType> startupLocals = [];
    private readonly List<ValType> exitLocals = [];

    private InstructionBuilder StartupBody(IReadOnlyCollection<VariableDeclarationSyntax> deferred)
    {
        var b = new InstructionBuilder();
        var statements = script.Syntax.GlobalStatements
            .Where(s => s is not VariableDeclarationSyntax d || deferred.Contains(d))
            .ToArray();
        if (statements.Length > 0)
        {
            var block = new BlockSyntax(statements[0].Span, statements);
            var folder = new ConstantFolder(script.GlobalModel, _ => null, state.Facts, state.StaticCalls);
            folder.FoldBlock(block);
            new ProbeEmitter(script.GlobalModel, folder.Constants, state, null, new Dictionary<string, uint>(), Local(startupLocals))
                .EmitBlock(b, block);
        }
        EmitProbes(b, index.Begin, startupLocals);
        return b;
    }

    private void FillExit()
    {
        var inner = ExportExit();
        var b = new InstructionBuilder();
        b.GlobalGet(doneGlobal).If(BlockType.Empty, x => x.Return());
        b.I32Const(1).GlobalSet(doneGlobal);
        if (inner is not null) b.Call(inner.Value);
        state.CounterGlobals?.EmitFlush(b, state.Core!.Memory);
        state.Derived?.EmitDerive(b, state.Core!);
        state.MapCounters?.EmitFlush(b, Local(exitLocals));
        state.DenseMapCounters?.EmitFlush(b, Local(exitLocals));
        EmitProbes(b, index.End, exitLocals);
        if (report)
        {
            if (index.Report.Length > 0) EmitProbes(b, index.Report, exitLocals);
            else if (state.Reports.Count > 0) EmitDefaultReport(b);
        }
        if (state.Core is { } core) b.Call(core.Function(CoreLibrary.Exports.Flush));
        var defined = (int)(exitFunction - (uint)editor.Module.ImportedFunctionCount);
        editor.Module.Functions[defined] = new Function(editor.Module.Functions[defined].TypeIndex, b.ToFunctionBody(exitLocals));
    }

    /// <summary>
    /// Exports the exit function. An application instrumented before already exports one: ours takes its name and
    /// calls it first (that monitor's report, then ours, as at a normal exit); returns its index.
    /// </summary>
    private uint? ExportExit()
    {
        var exports = editor.Module.Exports;
        if (exports.FirstOrDefault(e => e.Name == ExitExport) is not { } inner)
        {
            editor.AddExport(ExitExport, ExternalKind.Func, exitFunction);
            return null;
        }
        var type = inner.Kind == ExternalKind.Func ? editor.Module.Types[(int)editor.Module.FunctionTypeIndex(inner.Index)].Composite : null;
        if (type is not FuncType { Params: [], Results: [] })
            throw new InstrumentationException($"the application exports `{ExitExport}`, which is not a function without parameters or results: it cannot be instrumented");
        exports[exports.IndexOf(inner)] = inner with { Index = exitFunction };
        return inner.Index;
    }

    private void EmitDefaultReport(InstructionBuilder b)
    {
        var core = state.RequireCore("the report");
        foreach (var (value, slot) in state.ReportGlobals)
        {
            value.EmitLoad(b);
            slot.EmitStore(b, Local(exitLocals));
        }
        if (core.Bridge is { } lending) b.I32Const(1).Call(lending.Lend); // core code alone writes until the report's end
        b.I32Const((int)state.Reports.Write(core.Data)).Call(core.Function(CoreLibrary.Exports.Report)); // flushes at its end
        if (core.Bridge is { } returning) b.I32Const(0).Call(returning.Lend);
    }

    /// <summary>The static region becomes active data segments of the instrumentation memory, which is made large enough for it.</summary>
    private void AddStaticData(CoreBinding core)
    {
        var data = core.Data;
        foreach (var (address, bytes) in data.Segments()) editor.AddActiveData(core.Memory, new InstructionBuilder().I32Const((int)address).ToConstExpr(), bytes);
        var pages = (data.End + 0xFFFFu) / 0x10000u;
        var local = (int)(core.Memory - (uint)editor.Module.ImportCount(ExternalKind.Memory));
        if (local < 0)
        {
            // An imported core memory (--link-strategy imported) has the size the host gives it.
            var min = editor.Module.MemoryType(core.Memory).Limits.Min;
            if (min < pages)
                throw new InstrumentationException($"the instrumentation's static data ({data.End} bytes) does not fit the imported core library's initial memory ({min} pages); use the default link strategy");
            return;
        }
        var memory = editor.Module.Memories[local];
        if (memory.Limits.Min < pages) editor.Module.Memories[local] = memory with { Limits = memory.Limits with { Min = pages } };
    }

    /// <summary>The start-up code calls <c>whamm_init(static_end)</c> first; called by <see cref="Finish"/> once the region is complete.</summary>
    private InstructionBuilder CoreInit(CoreBinding core) =>
        new InstructionBuilder().I32Const((int)core.Data.End).Call(core.Function(CoreLibrary.Exports.Init));

    /// <summary>Creates every map with the id the injected code uses and the descriptors its dump prints by.</summary>
    private InstructionBuilder MapCreation(CoreBinding core)
    {
        var b = new InstructionBuilder();
        for (var id = 0; id < state.Maps.Count; id++)
        {
            var (key, keyLength) = core.Data.String(ValueLayout.Descriptor(state.Maps[id].MapKey));
            var (value, valueLength) = core.Data.String(ValueLayout.Descriptor(state.Maps[id].MapValue));
            b.I32Const(id).I32Const((int)key).I32Const(keyLength).I32Const((int)value).I32Const(valueLength).Call(core.Function(CoreLibrary.Exports.MapCreateWithId));
        }
        return b;
    }

    /// <summary>Emits the probes of a package that has no sites (begin, end, report) in script order.</summary>
    private void EmitProbes(InstructionBuilder b, ProbeMatch[] probes, List<ValType> locals)
    {
        foreach (var pm in probes)
        {
            var (probe, match) = (pm.Probe, pm.Match);
            var folder = new ConstantFolder(match.Model, _ => null, state.Facts, state.StaticCalls);
            var predicate = probe.Syntax.Predicate;
            var folded = predicate is null ? Constant.Of(true) : folder.Fold(predicate);
            if (folded is { Boolean: false }) continue;
            folder.FoldBlock(probe.Syntax.Body);
            var site = new ReportSite(0, 0, "", probe.Index, ReportSite.RuleOf(match));
            var emitter = new ProbeEmitter(match.Model, folder.Constants, state, site, new Dictionary<string, uint>(), Local(locals));
            if (folded is null)
            {
                emitter.EmitExpression(b, predicate!);
                b.If(BlockType.Empty, x => emitter.EmitBlock(x, probe.Syntax.Body));
            }
            else
            {
                emitter.EmitBlock(b, probe.Syntax.Body);
            }
        }
    }

    /// <summary>A local allocator for a function of ours without parameters.</summary>
    private static Func<ValType, uint> Local(List<ValType> locals) => t =>
    {
        locals.Add(t);
        return (uint)(locals.Count - 1);
    };
}
