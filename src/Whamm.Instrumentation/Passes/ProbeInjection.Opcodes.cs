using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Catalogue;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Opcode probes in <c>before</c>, <c>after</c> and <c>alt</c> mode (reference §3.3).
/// <code>
/// ;; wasm:opcode:i32.div_s(arg0: i32):alt / arg0 == 0 / { return 0; }   ;; residual predicate
/// local.set $a0  local.set $a1             ;; every operand saved, arg0 (the top) first
/// local.get $a0  i32.const 0  i32.eq
/// if (result i32)
///   i32.const 0  local.set $r0             ;; the result local starts at zero
///   block  i32.const 0  local.set $r0  br 0  end   ;; the body; `return v` stores v and leaves
///   local.get $r0
/// else
///   local.get $a1  local.get $a0  i32.div_s  ;; the original instruction
/// end
/// </code>
/// <c>after</c> probes at instructions that never fall through (<c>br</c>, <c>return</c>, <c>unreachable</c>, <c>throw</c>, …)
/// are skipped: code there could never run.
/// </summary>
internal sealed partial class ProbeInjection
{
    private void InjectBefore(in Site site, in SiteBindings bindings, SiteCode code)
    {
        foreach (var pm in index.Opcode(ModeKind.Before, site.Ins.Op))
        {
            if (Prepare(pm, bindings, site.Pc, site.Args) is { } p && !TryCount(p)) EmitAround(code.Pre, p);
        }
    }

    private void InjectAfter(in Site site, in SiteBindings bindings, SiteCode code)
    {
        var matches = index.Opcode(ModeKind.After, site.Ins.Op);
        if (matches.Length == 0 || site.AtEnd) return; // nothing follows the function's final end
        foreach (var pm in matches)
        {
            if (ControlFlow.NeverFallsThrough(site.Ins.Op))
            {
                statsOf[pm.Probe.Index].SitesMatched++;
                statsOf[pm.Probe.Index].SitesSkipped++;
                continue;
            }
            if (Prepare(pm, bindings, site.Pc, site.Args, results: site.Results) is not { } p) continue;
            var args = Save(code.Pre, p.ArgTypes);
            Push(code.Pre, args);
            var results = Save(code.Post, p.ResultTypes);
            EmitProbe(code.Post, p, StackValues(code.Post, p, args, results));
            Push(code.Post, results);
        }
    }

    /// <summary>
    /// The instruction replaced by the body: every operand saved (not re-pushed), the results left in locals that start
    /// at zero (an empty body pushes zeros: always valid code) and that <c>return v;</c> or <c>alt_call_by_*</c> set.
    /// At an instruction that never falls through the replacement ends with <c>unreachable</c>, because the code after
    /// it was validated as dead code.
    /// </summary>
    private void InjectAlt(in Site site, in SiteBindings bindings, SiteCode code)
    {
        var matches = index.Opcode(ModeKind.Alt, site.Ins.Op);
        if (matches.Length == 0) return;
        Prepared? chosen = null;
        foreach (var pm in matches)
        {
            // An alt probe takes all operands: the instruction's effect must be known and its results storable.
            if (site.Results is null && !ControlFlow.NeverFallsThrough(site.Ins.Op) || !AllDefaultable(site.Results))
            {
                statsOf[pm.Probe.Index].SitesMatched++;
                statsOf[pm.Probe.Index].SitesSkipped++;
                continue;
            }
            if (Prepare(pm, bindings, site.Pc, site.Args, saveArgs: site.Args.Length) is not { } p) continue;
            if (chosen is { } first)
                throw new InstrumentationException(
                    $"two alt probes replace the same instruction ({site.Ins.Opcode.Name} in {SiteText(site.Pc)}): `{first.Match.Probe}` (probe {first.Match.Probe.Index}) and `{p.Match.Probe}` (probe {p.Match.Probe.Index})",
                    p.Match.Probe.Syntax.Rule.Span);
            chosen = p;
        }
        if (chosen is { } only) code.Replacement = AltReplacement(site, only);
    }

    /// <summary>The code replacing the instruction of <paramref name="site"/> by <paramref name="chosen"/> (a method of its own: its closures are made only at such a site).</summary>
    private InstructionBuilder AltReplacement(Site site, Prepared chosen)
    {
        var r = new InstructionBuilder();
        var args = Save(r, chosen.ArgTypes);
        var resultTypes = site.Results ?? [];
        var alt = new AltSite(args, chosen.ArgTypes, [.. resultTypes.Select(pool.Take)], resultTypes, functions, SiteText(site.Pc));
        var stack = StackValues(r, chosen, args, []);
        void Body(InstructionBuilder b)
        {
            for (var k = 0; k < resultTypes.Length; k++)
            {
                ProbeEmitter.EmitDefault(b, resultTypes[k]);
                b.LocalSet(alt.Results[k]);
            }
            EmitProbe(b, chosen, stack, alt, guarded: false);
            Push(b, alt.Results);
        }
        if (chosen.IsResidual)
        {
            Emitter(chosen, stack).EmitExpression(r, chosen.Match.Probe.Syntax.Predicate!);
            r.If(ResultBlock([.. resultTypes.Reverse()]), Body, b =>
            {
                Push(b, args);
                b.Emit(editor.FromOriginal(site.Ins)); // new code is not renumbered at commit

            });
        }
        else
        {
            Body(r);
        }
        if (ControlFlow.NeverFallsThrough(site.Ins.Op)) r.Unreachable();
        return r;
    }

    /// <summary>Whether an alt replacement can start its results at zero (there is no v128 zero to emit).</summary>
    private static bool AllDefaultable(ValType[]? types) => types is null || types.All(t => Storable(t) && t != ValType.V128);
}
