using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Walks every instruction of every original local function, looks its probes up by opcode
/// (<see cref="SiteIndex"/>), folds each probe at the site and injects what remains (reference §3.3):
/// <c>before</c> code ahead of the instruction, <c>after</c> code behind it, <c>wasm:func:entry</c> code at the
/// function entry. Operands a probe reads (<c>argN</c>) are saved into fresh locals of the types the validator
/// reports at that point and re-pushed for the instruction.
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
internal sealed class ProbeInjection
{
    private readonly ModuleEditor editor;
    private readonly SiteIndex index;
    private readonly ScriptState state;
    private readonly Dictionary<CheckedProbe, ProbeStats> stats;
    private FunctionValidator? validator; // reused across functions (Reset), no per-function allocation

    public ProbeInjection(ModuleEditor editor, SiteIndex index, ScriptState state, Dictionary<CheckedProbe, ProbeStats> stats)
    {
        this.editor = editor;
        this.index = index;
        this.state = state;
        this.stats = stats;
    }

    /// <summary>What was injected into each function (function index → descriptions), to name the culprit of a validation failure.</summary>
    public Dictionary<uint, List<string>> Injected { get; } = [];

    /// <summary>
    /// The application as it was before we added anything: sites are found and typed in its bodies and numbering
    /// (so <c>fid</c>, <c>imm0</c>, … are the application's own indices even when linking the core library added an
    /// import); our functions, appended after its own, are never instrumented.
    /// </summary>
    public required ValidationContext Original { get; init; }

    public void Run()
    {
        var module = editor.Module;
        var imported = (uint)Original.ImportedFunctions;
        var defined = Original.FunctionTypes.Length - Original.ImportedFunctions;
        for (var i = 0; i < defined; i++)
        {
            var fid = imported + (uint)i;
            InstrumentFunction(module, i, fid);
        }
    }

    private void InstrumentFunction(Module module, int definedIndex, uint fid)
    {
        var body = module.Functions[definedIndex].Body;
        BodyEditor? bodyEditor = null;
        var pool = new LocalPool(() => bodyEditor ??= editor.EditBody(definedIndex));
        BodyEditor Editor() => bodyEditor ??= editor.EditBody(definedIndex);

        if (index.FuncEntry.Length > 0)
        {
            var code = new InstructionBuilder();
            var bindings = new SiteBindings(module, fid, 0, 0, false, null);
            foreach (var pm in index.FuncEntry) InjectProbe(pm, bindings, [], code, null, pool, fid, 0);
            if (code.Length > 0) Editor().InsertAtEntry(code);
        }
        if (!index.AnyOpcodeProbe) return;

        if (validator is null) validator = new FunctionValidator(Original, fid);
        else validator.Reset(fid);
        var reader = body.Instructions();
        var opidx = 0;
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            var atEnd = reader.AtEnd;
            var before = index.Before[(int)ins.Op];
            var after = atEnd ? [] : index.After[(int)ins.Op];
            if (before.Length > 0 || after.Length > 0)
            {
                var operands = validator.Operands.ToArray();
                var bindings = new SiteBindings(module, fid, ins.Offset, opidx, atEnd, ins);
                var pre = new InstructionBuilder();
                var post = new InstructionBuilder();
                foreach (var pm in before) InjectProbe(pm, bindings, operands, pre, null, pool, fid, ins.Offset);
                foreach (var pm in after) InjectProbe(pm, bindings, operands, pre, post, pool, fid, ins.Offset);
                if (pre.Length > 0) Editor().InsertBefore(ins.Offset, pre);
                if (post.Length > 0) Editor().InsertAfter(ins.Offset, post);
            }
            validator.Step(ins);
            opidx++;
        }
        validator.Finish();
    }

    /// <summary>
    /// One probe at one site: fold, then emit into <paramref name="pre"/> (and, for <c>after</c>, the body into
    /// <paramref name="post"/>).
    /// </summary>
    private void InjectProbe(ProbeMatch pm, SiteBindings bindings, ValType[] operands, InstructionBuilder pre, InstructionBuilder? post,
        LocalPool pool, uint fid, int pc)
    {
        var s = stats[pm.Probe];
        s.SitesMatched++;
        var statics = new Dictionary<string, Constant>(StringComparer.Ordinal);
        var maxArg = -1;
        var argTypes = new Dictionary<int, WhammType>();
        foreach (var use in pm.Match.BoundVariables)
        {
            if (use.IsStatic)
            {
                if (!bindings.TryGet(use, out var value)) { s.SitesSkipped++; return; }
                statics[use.Name] = value;
                continue;
            }
            var k = ArgIndex(use);
            if (k is null)
                throw new InstrumentationException($"the bound variable `{use.Name}` is not supported by the rewriter yet", pm.Probe.Syntax.Rule.Span);
            argTypes[k.Value] = use.Type;
            maxArg = Math.Max(maxArg, k.Value);
        }
        // Operand types at this site must be what the probe was checked with (type bounds filter sites).
        if (maxArg >= operands.Length) { s.SitesSkipped++; return; }
        foreach (var (k, t) in argTypes)
        {
            var actual = operands[operands.Length - 1 - k];
            if (FunctionValidator.IsUnknown(actual) || Constant.WasmType(t) != actual) { s.SitesSkipped++; return; }
        }
        for (var k = 0; k <= maxArg; k++)
        {
            var actual = operands[operands.Length - 1 - k];
            if (FunctionValidator.IsUnknown(actual) || FunctionValidator.IsUnknownRef(actual) || !actual.IsDefaultable) { s.SitesSkipped++; return; }
        }

        var model = pm.Match.Model;
        var folder = new ConstantFolder(model, v => statics.GetValueOrDefault(v.Name));
        var predicate = pm.Probe.Syntax.Predicate;
        var folded = predicate is null ? Constant.Of(true) : folder.Fold(predicate);
        if (folded is { Boolean: false })
        {
            s.SitesFoldedAway++;
            return;
        }
        folder.FoldBlock(pm.Probe.Syntax.Body);

        pool.BeginSite();
        var args = new Dictionary<int, uint>();
        for (var k = 0; k <= maxArg; k++)
        {
            var local = pool.Take(operands[operands.Length - 1 - k]);
            args[k] = local;
            pre.LocalSet(local); // arg0 (the top) first
        }
        var site = new ReportSite(fid, pc, editor.Module.FunctionName(fid) ?? $"#{fid}", pm.Probe.Index, ReportSite.RuleOf(pm.Match));
        var emitter = new ProbeEmitter(model, folder.Constants, state, site, args, pool.Take);
        var target = post ?? pre;
        if (post is not null) RePush(pre, args, maxArg);
        if (folded is null)
        {
            emitter.EmitExpression(target, predicate!);
            target.If(BlockType.Empty, b => emitter.EmitBlock(b, pm.Probe.Syntax.Body));
        }
        else
        {
            emitter.EmitBlock(target, pm.Probe.Syntax.Body);
        }
        if (post is null) RePush(pre, args, maxArg);
        s.SitesInjected++;
        if (!Injected.TryGetValue(fid, out var list)) Injected[fid] = list = [];
        list.Add($"probe {pm.Probe.Index} `{pm.Match.RuleName}` at pc {pc}");
    }

    private static void RePush(InstructionBuilder b, Dictionary<int, uint> args, int maxArg)
    {
        for (var k = maxArg; k >= 0; k--) b.LocalGet(args[k]);
    }

    private static int? ArgIndex(BoundVariableUse use)
    {
        var name = use.Variable.DerivedFrom is { } d && d.StartsWith("arg", StringComparison.Ordinal) ? d : use.Name;
        return name.StartsWith("arg", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) ? k : null;
    }

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
