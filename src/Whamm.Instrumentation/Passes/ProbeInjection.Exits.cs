using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Catalogue;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Function entry and exits, branch targets and the WASI exit:
/// <list type="bullet">
/// <item><c>wasm:func:entry</c> at the start of the body (<c>pc</c> 0);</item>
/// <item><c>wasm:func:exit</c> before every way out: <c>return</c>, <c>return_call*</c>, the final <c>end</c>, a <c>br</c>
///   to the function's outermost label, a <c>br_if</c> to it (only when taken), a <c>br_table</c> whose selected
///   target is it (tested at run time when only some targets are), and a call of WASI <c>proc_exit</c>; <c>pc</c>
///   and the other statics are those of the exit instruction. An exception propagating out of the function is
///   not an exit site;</item>
/// <item>branch <c>at_target</c>: the body runs exactly when the branch is taken, just before control transfers
///   (for <c>br_if</c> under a test of the saved condition; <c>br</c> and <c>br_table</c> always branch);</item>
/// <item><see cref="BeforeProcExit"/> last before a <c>proc_exit</c> call.</item>
/// </list>
/// <code>
/// ;; wasm:func:exit { n++; } at br_if 0 in the function's outermost block
/// local.set $c  local.get $c  if  global.get $n  i32.const 1  i32.add  global.set $n  end  local.get $c
/// br_if 0
/// </code>
/// </summary>
internal sealed partial class ProbeInjection
{
    private void InjectFuncEntry()
    {
        if (index.FuncEntry.Length == 0) return;
        pool.BeginSite();
        var code = new InstructionBuilder();
        InjectAll(index.FuncEntry, new SiteBindings(functions, fid, 0, 0, false, null), 0, code);
        if (code.Length > 0) Editor().InsertAtEntry(code);
    }

    private bool IsProcExitCall(in Instruction ins) => ins.Op == Op.Call && ins.Index == functions.ProcExit;

    private bool IsExitSite(in Instruction ins, bool atEnd, int depth) =>
        index.FuncExit.Length > 0 && ExitOf(ins, atEnd, depth) != ExitKind.None || BeforeProcExit is not null && IsProcExitCall(ins);

    /// <summary>How the instruction leaves the function (<see cref="ControlFlow.ExitOf"/>), a call of WASI <c>proc_exit</c> included.</summary>
    private ExitKind ExitOf(in Instruction ins, bool atEnd, int depth) =>
        IsProcExitCall(ins) ? ExitKind.Always : ControlFlow.ExitOf(ins, atEnd, depth);

    private void InjectFuncExit(in Site site, SiteCode code)
    {
        if (index.FuncExit.Length == 0) return;
        var kind = ExitOf(site.Ins, site.AtEnd, site.Depth);
        if (kind == ExitKind.None) return;
        var bindings = Bindings(site);
        if (kind == ExitKind.Always)
        {
            InjectAll(index.FuncExit, bindings, site.Pc, code.Pre);
            return;
        }
        var prepared = PrepareAll(index.FuncExit, bindings, site.Pc, null);
        if (kind == ExitKind.WhenTaken) EmitWhenTaken(code.Pre, site, prepared, WhenConditionHolds);
        else EmitWhenTableExits(code.Pre, site, prepared);
    }

    /// <summary>Func:exit probes before a <c>br_table</c> that may leave the function (a method of its own: its closure is made only there).</summary>
    private void EmitWhenTableExits(InstructionBuilder pre, Site site, List<Prepared> prepared) =>
        EmitWhenTaken(pre, site, prepared, (b, index, run) => WhenTableSelects(b, site.Ins, (uint)(site.Depth - 1), index, run));

    private void InjectAtTarget(in Site site, in SiteBindings bindings, SiteCode code)
    {
        var op = site.Ins.Op;
        if (op is not (Op.Br or Op.BrIf or Op.BrTable)) return;
        var matches = index.Opcode(ModeKind.SemanticAfter, op);
        if (matches.Length == 0) return;
        var prepared = PrepareAll(matches, bindings, site.Pc, site.Args);
        if (op == Op.BrIf) EmitWhenTaken(code.Pre, site, prepared, WhenConditionHolds);
        else foreach (var p in prepared) EmitAround(code.Pre, p);
    }

    private void InjectProcExitHook(in Site site, SiteCode code)
    {
        if (BeforeProcExit is { } hook && IsProcExitCall(site.Ins)) hook(code.Pre);
    }

    private List<Prepared> PrepareAll(ProbeMatch[] matches, in SiteBindings bindings, int pc, ValType[]? args)
    {
        var list = new List<Prepared>();
        foreach (var pm in matches)
        {
            if (Prepare(pm, bindings, pc, args) is { } p) list.Add(p);
        }
        return list;
    }

    /// <summary>
    /// Runs <paramref name="prepared"/> only when the branch at the site is taken: the operands are saved (at least the
    /// condition or index, arg0), <paramref name="guard"/> wraps the bodies in the test, and the operands are re-pushed.
    /// </summary>
    private void EmitWhenTaken(InstructionBuilder b, in Site site, List<Prepared> prepared, Action<InstructionBuilder, uint, Action<InstructionBuilder>> guard)
    {
        if (prepared.Count == 0) return;
        var count = Math.Max(1, prepared.Max(p => p.ArgTypes.Length));
        if (!Fits([], count, site.Args))
        {
            // Unreachable code: the operand types are unknown, and the branch never runs anyway.
            foreach (var p in prepared) statsOf[p.Match.Probe.Index].SitesSkipped++;
            return;
        }
        var args = Save(b, site.Args[..count]);
        guard(b, args[0], x =>
        {
            foreach (var p in prepared) EmitProbe(x, p, StackValues(x, p, args, []));
        });
        Push(b, args);
    }

    private static void WhenConditionHolds(InstructionBuilder b, uint condition, Action<InstructionBuilder> run) =>
        b.LocalGet(condition).If(BlockType.Empty, run);

    /// <summary>
    /// Runs <paramref name="run"/> when the <c>br_table</c> selects <paramref name="label"/>: an inner <c>br_table</c> with the same
    /// index jumps to the code for the positions that name it and past it for the others.
    /// <code>block  block  local.get $i  br_table 0 1 0 … (0: selected, 1: not)  end  run  end</code>
    /// </summary>
    private static void WhenTableSelects(InstructionBuilder b, in Instruction table, uint label, uint index, Action<InstructionBuilder> run)
    {
        var (targets, fallbackLabel) = ControlFlow.BrTable(table);
        var choose = targets.Select(l => l == label ? 0u : 1u).ToArray();
        var fallback = fallbackLabel == label ? 0u : 1u;
        b.Block(BlockType.Empty, skip =>
        {
            skip.Block(BlockType.Empty, hit => hit.LocalGet(index).BrTable(choose, fallback));
            run(skip);
        });
    }
}
