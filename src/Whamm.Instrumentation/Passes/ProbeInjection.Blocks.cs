using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Catalogue;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Probes placed relative to structured blocks (<c>block</c>, <c>loop</c>, <c>if</c>, <c>else</c>, <c>try_table</c>):
/// <c>entry</c> right after the opener (the start of the body or arm; for a loop, every iteration), <c>exit</c>
/// before the <c>else</c>/<c>end</c> closing the body or arm (the fall-through exit), semantic <c>after</c> right
/// after the matching <c>end</c> (where branches to the block land), and <c>block_alt</c>, which skips the block:
/// <code>
/// ;; wasm:opcode:block:alt / arg-free residual predicate p / { body }
/// block                                  block
///   ...                                    p  if  body  br 1  end   ;; leave the block: the original is skipped
/// end                                      ...
///                                        end
/// </code>
/// The original stays in place (as dead code when skipped unconditionally), so the branch depths inside it keep
/// their meaning; a skipped <c>loop</c> is turned into a <c>block</c> so that <c>br 0</c> leaves it, and <c>if</c>
/// gets its condition forced to true so that the skip happens in its then-arm. The block must have type
/// [] -> [] (the body cannot produce its values), and a loop cannot be skipped conditionally (there is no label to
/// leave it by without renumbering the branches inside): both are diagnostics.
/// <para>
/// Basic blocks (<c>wasm:block:start</c>/<c>end</c>, reference §3.4): a block ends with each instruction of
/// <see cref="ControlFlow.EndsBasicBlock"/>, with a call of WASI <c>proc_exit</c> and with the final <c>end</c>; the
/// next instruction starts one. <c>end</c> code goes before the block's last instruction (it runs exactly once per
/// execution of the block, so the sum of <c>instr_count</c> over the run equals the number of instructions executed),
/// <c>start</c> code before its first.
/// </para>
/// </summary>
internal sealed partial class ProbeInjection
{
    /// <summary>An open control frame, and the probes that wait for its <c>else</c> or <c>end</c>.</summary>
    private struct Frame
    {
        public Op Op;
        public int Params;
        public int Results;
        public List<Prepared>? Exit;
        public List<Prepared>? After;
        public int Offset;                   // of the opener
        public List<(CachedCounter Counter, uint Local)>? Flush; // counters of loops inside, held in locals, to flush after the end
        public SuspendedGroup? Suspended;    // the counter group that continues after the end (ProbeInjection.Counters.cs)
        public bool Cut;                     // a branch since it opened may have skipped the rest of it (or of a loop's iteration)
        public int CutRun;                   // when cut: the frames from this index up to this one are all cut
        public BlockExits? Exits;            // a block entered in every iteration of a loop holding counters: what branched out of it
        public int Loop;                     // the innermost loop frame up to this one, or 0 (Go nests hundreds of blocks)
        public RunFormula Inflow;            // a block's or if's: the edges taken to its end so far, zero at first (ProbeInjection.Runs.cs)
        public RunFormula IfRuns, ThenRuns;  // an if's: the runs of its block and of its then arm's first block
    }

    private Frame[] frames = new Frame[16];
    private int frameCount;
    private readonly List<int> exitFrames = []; // the open frames with Exits, innermost last
    private bool blockLeader; // the next instruction starts a basic block
    private int blockStart;   // opidx of the current basic block's first instruction

    private void BeginFrames()
    {
        frameCount = 0;
        exitFrames.Clear();
        frames[frameCount++] = new Frame { Op = Op.Nop, Results = functionResults };
    }

    private void PushFrame(in Instruction opener)
    {
        if (frameCount == frames.Length) Array.Resize(ref frames, frames.Length * 2);
        var (p, r) = ControlFlow.Arity(original, opener.BlockType);
        var loop = opener.Op == Op.Loop ? frameCount : frames[frameCount - 1].Loop;
        frames[frameCount++] = new Frame { Op = opener.Op, Params = p, Results = r, Offset = opener.Offset, Loop = loop };
    }

    private void PopFrame()
    {
        if (frames[frameCount - 1].Suspended is { } suspended) ResumeGroup(suspended);
        if (frames[frameCount - 1].Exits is not null) exitFrames.RemoveAt(exitFrames.Count - 1);
        frames[--frameCount] = default;
    }

    /// <summary>How many values a branch to <paramref name="label"/> carries.</summary>
    private int LabelArity(uint label)
    {
        ref var f = ref frames[frameCount - 1 - (int)label];
        return f.Op == Op.Loop ? f.Params : f.Results;
    }

    /// <summary>Whether the instruction closes (part of) a frame with waiting probes.</summary>
    private bool HasFrameProbes(Op op) =>
        op is Op.Else or Op.End && frames[frameCount - 1] is { Exit: not null } or { After: not null } or { Flush: not null };

    private void InjectBlockExit(in Site site, SiteCode code)
    {
        if (site.Ins.Op is not (Op.Else or Op.End) || site.AtEnd) return;
        ref var f = ref frames[frameCount - 1];
        if (f.Exit is null) return;
        foreach (var p in f.Exit) EmitAround(code.Pre, p);
        f.Exit = null;
    }

    private void InjectBlockAfter(in Site site, SiteCode code)
    {
        if (site.Ins.Op != Op.End || site.AtEnd || frames[frameCount - 1].After is not { } after) return;
        foreach (var p in after) EmitAround(code.Post, p);
    }

    private void InjectBlockOpen(in Site site, in SiteBindings bindings, SiteCode code)
    {
        var op = site.Ins.Op;
        if (op is not (Op.Block or Op.Loop or Op.If or Op.Else or Op.TryTable)) return;
        ref var f = ref frames[frameCount - 1];
        InjectBlockAlt(site, bindings, code, f);
        foreach (var pm in index.Opcode(ModeKind.Entry, op))
        {
            if (Prepare(pm, bindings, site.Pc) is { } p) EmitAround(code.Post, p);
        }
        foreach (var pm in index.Opcode(ModeKind.Exit, op))
        {
            if (Prepare(pm, bindings, site.Pc) is { } p) (f.Exit ??= []).Add(p);
        }
        foreach (var pm in index.Opcode(ModeKind.SemanticAfter, op))
        {
            if (Prepare(pm, bindings, site.Pc) is { } p) (f.After ??= []).Add(p);
        }
    }

    private void InjectBlockAlt(in Site site, in SiteBindings bindings, SiteCode code, in Frame f)
    {
        var matches = index.Opcode(ModeKind.BlockAlt, site.Ins.Op);
        if (matches.Length == 0) return;
        var op = site.Ins.Op;
        // The if's condition is its only operand (arg0): saved, and forced to true when the body replaces the block.
        var (operands, saveArgs) = op == Op.If ? (site.Args.Take(1).ToArray(), 1) : ([], 0);
        Prepared? found = null;
        foreach (var pm in matches)
        {
            if (Prepare(pm, bindings, site.Pc, operands, saveArgs) is not { } q) continue;
            if (found is { } first)
                throw new InstrumentationException(
                    $"two alt probes replace the same {site.Ins.Opcode.Name} block ({SiteText(site.Pc)}): `{first.Match.Probe}` (probe {first.Match.Probe.Index}) and `{q.Match.Probe}` (probe {q.Match.Probe.Index})",
                    q.Match.Probe.Syntax.Rule.Span);
            found = q;
        }
        if (found is { } p) ReplaceBlock(site, code, f, p);
    }

    /// <summary>Replaces the block of <paramref name="site"/> by <paramref name="p"/> (a method of its own: its closures are made only at such a site).</summary>
    private void ReplaceBlock(Site site, SiteCode code, Frame f, Prepared p)
    {
        var op = site.Ins.Op;
        var span = p.Match.Probe.Syntax.Rule.Span;
        if (f.Params != 0 || f.Results != 0)
            throw new InstrumentationException(
                $"`{p.Match.RuleName}` would replace the {site.Ins.Opcode.Name} block at {SiteText(site.Pc)}, whose type is not [] -> [] (a probe body cannot produce the block's values)", span);
        if (op == Op.Loop && p.IsResidual)
            throw new InstrumentationException(
                $"`{p.Match.RuleName}` at {SiteText(site.Pc)}: a loop can only be replaced unconditionally (its predicate must fold to true there)", span);

        if (op == Op.If)
        {
            // Save the condition; the original if then runs its then-arm whenever the body replaces it.
            var args = Save(code.Pre, p.ArgTypes);
            var stack = StackValues(code.Pre, p, args, []);
            if (p.IsResidual)
            {
                var taken = pool.Take(ValType.I32);
                Emitter(p, stack).EmitExpression(code.Pre, p.Match.Probe.Syntax.Predicate!);
                code.Pre.LocalTee(taken).LocalGet(args[0]).I32Or();
                code.Post.LocalGet(taken).If(BlockType.Empty, b => SkipBlock(b, p, stack, 1));
            }
            else
            {
                code.Pre.I32Const(1);
                SkipBlock(code.Post, p, stack, 0);
            }
            return;
        }
        var values = StackValues(code.Post, p, [], []);
        if (op == Op.Loop) code.Replacement = new InstructionBuilder().Block(site.Ins.BlockType);
        if (p.IsResidual)
        {
            Emitter(p, values).EmitExpression(code.Post, p.Match.Probe.Syntax.Predicate!);
            code.Post.If(BlockType.Empty, b => SkipBlock(b, p, values, 1));
        }
        else
        {
            SkipBlock(code.Post, p, values, 0);
        }
    }

    /// <summary>The block_alt body, then a branch out of the replaced block (<paramref name="depth"/> levels up).</summary>
    private void SkipBlock(InstructionBuilder b, Prepared p, Dictionary<string, uint> stack, uint depth)
    {
        EmitProbe(b, p, stack, guarded: false);
        b.Br(depth);
    }

    // ------------------------------------------------------------------ basic blocks

    private void BeginBasicBlocks()
    {
        blockLeader = true;
        blockStart = 0;
    }

    private bool EndsBasicBlock(in Instruction ins, bool atEnd) => atEnd || ControlFlow.EndsBasicBlock(ins.Op) || IsProcExitCall(ins);

    private bool IsBasicBlockSite(in Instruction ins, bool atEnd) =>
        index.BlockStart.Length > 0 && blockLeader || index.BlockEnd.Length > 0 && EndsBasicBlock(ins, atEnd);

    private void AdvanceBasicBlocks(in Instruction ins, int opidx, bool atEnd)
    {
        if (blockLeader)
        {
            blockStart = opidx;
            blockLeader = false;
        }
        if (EndsBasicBlock(ins, atEnd)) blockLeader = true;
    }

    private void InjectBlockStart(in Site site, SiteCode code)
    {
        if (index.BlockStart.Length > 0 && blockLeader) InjectAll(index.BlockStart, Bindings(site), site.Pc, code.Pre);
    }

    private void InjectBlockEnd(in Site site, SiteCode code)
    {
        if (index.BlockEnd.Length == 0 || !EndsBasicBlock(site.Ins, site.AtEnd)) return;
        var count = site.Opidx - (blockLeader ? site.Opidx : blockStart) + 1;
        InjectAll(index.BlockEnd, Bindings(site, count), site.Pc, code.Pre);
    }
}
