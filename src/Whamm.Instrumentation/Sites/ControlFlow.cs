using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Sites;

/// <summary>How an instruction leaves its function: not at all, always, when its branch is taken, or for some <c>br_table</c> targets.</summary>
internal enum ExitKind { None, Always, WhenTaken, ByTable }

/// <summary>
/// Control-flow facts about instructions that placements depend on: which end a basic block, which never
/// fall through, how many operands an instruction takes and leaves (for <c>alt</c>), and block signatures.
/// </summary>
internal static class ControlFlow
{
    /// <summary>
    /// Whether a basic block ends with <paramref name="op"/> (reference §3.4, Wizard's BasicBlockIterator): branches,
    /// traps, returns and throws; <c>if</c>, <c>else</c> and the legacy handlers; and <c>loop</c> and <c>end</c>, whose
    /// next instruction is where branches land (after the loop opcode for a loop label, after the end for a block label),
    /// so a new block starts there. A call of WASI <c>proc_exit</c> also ends one (checked by the caller).
    /// </summary>
    public static bool EndsBasicBlock(Op op) => op is Op.If or Op.Else or Op.Catch or Op.CatchAll or Op.Delegate
        or Op.Throw or Op.ThrowRef or Op.Rethrow or Op.Return or Op.ReturnCall or Op.ReturnCallIndirect or Op.ReturnCallRef
        or Op.Unreachable or Op.Br or Op.BrIf or Op.BrTable or Op.BrOnNull or Op.BrOnNonNull or Op.BrOnCast or Op.BrOnCastFail
        or Op.Loop or Op.End;

    /// <summary>
    /// How <paramref name="ins"/> returns from its function (exceptions and calls aside): <c>return</c>, <c>return_call*</c>,
    /// the final <c>end</c>, and branches to the function's label; <paramref name="depth"/> is the number of open frames
    /// (the function's label is depth - 1).
    /// </summary>
    public static ExitKind ExitOf(in Instruction ins, bool atEnd, int depth)
    {
        var outermost = (uint)(depth - 1);
        switch (ins.Op)
        {
            case Op.Return or Op.ReturnCall or Op.ReturnCallIndirect or Op.ReturnCallRef: return ExitKind.Always;
            case Op.End: return atEnd ? ExitKind.Always : ExitKind.None;
            case Op.Br: return ins.Index == outermost ? ExitKind.Always : ExitKind.None;
            case Op.BrIf: return ins.Index == outermost ? ExitKind.WhenTaken : ExitKind.None;
            case Op.BrTable:
            {
                var labels = ins.BrTableLabels; // the default included
                var hits = 0;
                foreach (var l in labels) hits += l == outermost ? 1 : 0; // no lambda: a closure over outermost was allocated at every call
                return hits == 0 ? ExitKind.None : hits == labels.Length ? ExitKind.Always : ExitKind.ByTable;
            }
            default: return ExitKind.None;
        }
    }

    /// <summary>
    /// Whether <paramref name="op"/> may go to a label the walk does not follow: <c>delegate</c> (to an outer handler) and
    /// the <c>br_on_*</c> branches (their label is not decoded as <c>br</c>'s is).
    /// </summary>
    public static bool BranchesUnfollowed(Op op) => op is Op.Delegate or Op.BrOnNull or Op.BrOnNonNull or Op.BrOnCast or Op.BrOnCastFail;

    /// <summary>Whether execution never continues with the next instruction (an <c>after</c> there is dead code).</summary>
    public static bool NeverFallsThrough(Op op) => op is Op.Br or Op.BrTable or Op.Return or Op.ReturnCall or Op.ReturnCallIndirect
        or Op.ReturnCallRef or Op.Unreachable or Op.Throw or Op.ThrowRef or Op.Rethrow;

    /// <summary>
    /// Whether <paramref name="op"/> closes its frame or an arm of it (<c>else</c>, <c>end</c>, the legacy handlers,
    /// <c>delegate</c>): the code after it is reachable again however the code before it ended.
    /// </summary>
    public static bool ClosesArm(Op op) => op is Op.Else or Op.End or Op.Catch or Op.CatchAll or Op.Delegate;

    /// <summary>Whether <paramref name="op"/> opens a control frame closed by <c>end</c> (or <c>delegate</c>).</summary>
    public static bool OpensFrame(Op op) => op is Op.Block or Op.Loop or Op.If or Op.TryTable or Op.Try;

    /// <summary>A <c>br_table</c>'s targets by position and its default (the decoded vector holds the default last).</summary>
    public static (uint[] Targets, uint Default) BrTable(in Instruction ins)
    {
        var labels = ins.BrTableLabels;
        return (labels[..^1], labels[^1]);
    }

    /// <summary>The parameter and result counts of a block type.</summary>
    public static (int Params, int Results) Arity(ValidationContext module, BlockType type) => type.Kind switch
    {
        BlockTypeKind.Empty => (0, 0),
        BlockTypeKind.Value => (0, 1),
        _ => module.FuncTypes[type.TypeIndex] is { } f ? (f.Params.Length, f.Results.Length) : (0, 0),
    };

    /// <summary>
    /// How many operands <paramref name="ins"/> pops and how many results it pushes, or null when this is not
    /// known from the instruction alone (then an <c>alt</c> probe skips the site); indices are the application's
    /// own (<paramref name="module"/> is the context of the unedited application). <paramref name="labelArity"/>
    /// gives the number of values a branch to a label carries.
    /// </summary>
    public static (int Pops, int Pushes)? StackEffect(in Instruction ins, ValidationContext module, Func<uint, int> labelArity, int functionResults)
    {
        var info = ins.Opcode;
        if (info.Params is { } p && info.Results is { } r) return (p.Length, r.Length);
        FuncType Type(uint index) => module.FuncTypes[index]!;
        switch (ins.Op)
        {
            case Op.Call or Op.ReturnCall:
            {
                var f = Type(module.FunctionTypes[ins.Index]);
                return (f.Params.Length, ins.Op == Op.Call ? f.Results.Length : 0);
            }
            case Op.CallIndirect or Op.CallRef:
            {
                var f = Type(ins.Index);
                return (f.Params.Length + 1, f.Results.Length);
            }
            case Op.ReturnCallIndirect or Op.ReturnCallRef:
                return (Type(ins.Index).Params.Length + 1, 0);
            case Op.Drop or Op.LocalSet or Op.GlobalSet: return (1, 0);
            case Op.Select or Op.SelectTyped: return (3, 1);
            case Op.LocalGet or Op.GlobalGet or Op.MemorySize: return (0, 1);
            case Op.LocalTee or Op.TableGet or Op.MemoryGrow: return (1, 1);
            case Op.TableSet: return (2, 0);
            case Op.Unreachable: return (0, 0);
            case Op.Return: return (functionResults, 0);
            case Op.Br: return (labelArity(ins.Index), 0);
            case Op.BrIf:
            {
                var n = labelArity(ins.Index);
                return (n + 1, n);
            }
            case Op.BrTable: return (labelArity(ins.BrTableLabels[^1]) + 1, 0);
            case Op.Throw:
                return (Type(module.Tags[ins.Index].TypeIndex).Params.Length, 0);
            default: return null;
        }
    }
}
