using System.Globalization;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Semantics;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// The values of the static bound variables at one match site (reference §3.2 step 1): <c>fid</c>, <c>pc</c>
/// (Wizard convention: byte offset from the body start, locals included), <c>opidx</c>, <c>fname</c>,
/// <c>at_func_end</c>, <c>immN</c>, the memarg fields, and the per-event constants the catalogue derives
/// (<c>opname</c>, <c>bytecode</c>, <c>category_*</c>, <c>data_size</c>, …), the call-site names
/// (<c>target_fn_type</c>, <c>target_fn_name</c>, <c>target_imp_module</c>), the <c>br_table</c> counts and a
/// basic block's <c>instr_count</c>.
/// </summary>
internal readonly struct SiteBindings
{
    private readonly FunctionDirectory functions;
    private readonly uint fid;
    private readonly int pc;
    private readonly int opidx;
    private readonly bool atFuncEnd;
    private readonly Instruction? instruction;
    private readonly int instrCount;
    private readonly ReadOnlyMemory<LookBack.Past> before;

    /// <summary>
    /// The statics at one site; <paramref name="before"/> are the instructions just before it, the nearest last (for the
    /// look-back of <c>resolved_fid</c>, <see cref="LookBack"/>).
    /// </summary>
    public SiteBindings(FunctionDirectory functions, uint fid, int pc, int opidx, bool atFuncEnd, Instruction? instruction, int instrCount = 0,
        ReadOnlyMemory<LookBack.Past> before = default)
    {
        this.before = before;
        this.instrCount = instrCount;
        this.functions = functions;
        this.fid = fid;
        this.pc = pc;
        this.opidx = opidx;
        this.atFuncEnd = atFuncEnd;
        this.instruction = instruction;
    }

    /// <summary>The instruction at the site (null for function entry).</summary>
    public Instruction? Instruction => instruction;

    /// <summary>False when the site lacks a variable the probe names (a <c>br_table</c> immN beyond its targets): the probe does not match here.</summary>
    public bool TryGet(BoundVariableUse use, out Constant value)
    {
        value = null!;
        var type = use.Type;
        switch (use.Name)
        {
            case "fid": value = Constant.Integer(type, fid); return true;
            case "pc": value = Constant.Integer(type, pc); return true;
            case "opidx": value = Constant.Integer(type, opidx); return true;
            case "at_func_end": value = Constant.Of(atFuncEnd); return true;
            case "fname": value = Constant.OfString(functions.NameSectionName(fid) ?? ""); return true;
            case "instr_count": value = Constant.Integer(type, instrCount); return true;
            case "resolved_fid" when instruction is { } at: // static: ref.func's immediate, else a ref.func just before
                value = Constant.Integer(type, at.Op == Op.RefFunc ? (int)at.Index : LookBack.FunctionOf(before.Span, 0));
                return true;
        }
        if (instruction is { Op: Op.Call or Op.ReturnCall } call && CallTarget(use.Name, call.Index) is { } target)
        {
            value = Constant.OfString(target);
            return true;
        }
        if (instruction is { Op: Op.BrTable } table && use.Name is "num_targets" or "default_target")
        {
            var (targets, fallback) = ControlFlow.BrTable(table);
            value = Constant.Integer(type, use.Name == "num_targets" ? targets.Length : fallback);
            return true;
        }
        if (use.Variable.DerivedFrom is { } derived)
        {
            if (ParseLiteral(derived, type) is { } literal) { value = literal; return true; }
            if (derived.StartsWith("imm", StringComparison.Ordinal) && int.TryParse(derived.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var k))
                return TryImmediate(k, type, out value);
            throw new InstrumentationException($"the static variable `{use.Name}` (derived from `{derived}`) is not supported by the rewriter yet");
        }
        if (instruction is { } ins)
        {
            if (ins.Opcode.Has(ImmKind.MemArg))
            {
                switch (use.Name)
                {
                    case "offset": value = Constant.Integer(type, (long)ins.MemArg.Offset); return true;
                    case "align": value = Constant.Integer(type, ins.MemArg.Align); return true;
                    case "memory": value = Constant.Integer(type, ins.MemArg.Memory); return true;
                }
            }
            if (use.Variable.IsIndexedFamily && use.Variable.TryGetIndex(use.Name, out var n) || use.Name.StartsWith("imm", StringComparison.Ordinal)
                && int.TryParse(use.Name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out n))
                return TryImmediate(n, type, out value);
        }
        throw new InstrumentationException($"the static variable `{use.Name}` is not supported by the rewriter yet");
    }

    /// <summary>The call-site names of reference §2.5 for a call of function <paramref name="callee"/>.</summary>
    private string? CallTarget(string name, uint callee)
    {
        var import = functions.ImportOf(callee);
        return name switch
        {
            "target_fn_type" => import is null ? "local" : "import",
            "target_fn_name" => import?.Name ?? functions.NameSectionName(callee) ?? "",
            "target_imp_module" => import?.Module ?? functions.ModuleName ?? "",
            _ => null,
        };
    }

    private bool TryImmediate(int n, WhammType type, out Constant value)
    {
        value = null!;
        var ins = instruction!.Value;
        if (ins.Op == Op.BrTable)
        {
            // imm0 … imm{num_targets - 1} are the targets, imm{num_targets} the default: the decoded vector in order.
            var labels = ins.BrTableLabels;
            if (n >= labels.Length) return false;
            value = Constant.Integer(type, labels[n]);
            return true;
        }
        // Numbered immediates are the slots in order, skipping the kinds the catalogue does not number.
        var numbered = 0;
        var slot = 0;
        foreach (var kind in ins.Opcode.Immediates)
        {
            var isNumbered = kind is not (ImmKind.MemArg or ImmKind.BlockType or ImmKind.SelectTypes or ImmKind.ZeroByte
                or ImmKind.CastFlags or ImmKind.Catches or ImmKind.Shuffle or ImmKind.V128);
            if (isNumbered && numbered == n)
            {
                var raw = slot switch { 0 => ins.Imm0, 1 => ins.Imm1, 2 => ins.Imm2, _ => ins.Imm3 };
                value = kind switch
                {
                    ImmKind.I32 => Constant.Integer(type, (int)raw),
                    ImmKind.I64 => Constant.Integer(type, (long)raw),
                    ImmKind.F32 => Constant.OfFloat(type, BitConverter.Int32BitsToSingle((int)raw)),
                    ImmKind.F64 => Constant.OfFloat(type, BitConverter.Int64BitsToDouble((long)raw)),
                    _ => Constant.Integer(type, (long)(uint)raw),
                };
                return true;
            }
            if (isNumbered) numbered++;
            if (kind is not (ImmKind.MemArg or ImmKind.BlockType)) slot++;
        }
        return false;
    }

    /// <summary>A catalogue <c>derived_from</c> that is a literal (a quoted mnemonic, <c>0x6a</c>, <c>4</c>, <c>true</c>), or null.</summary>
    private static Constant? ParseLiteral(string text, WhammType type)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') return Constant.OfString(text[1..^1]);
        if (text == "true") return Constant.Of(true);
        if (text == "false") return Constant.Of(false);
        if (text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            return Constant.Integer(type, (long)hex);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dec)) return Constant.Integer(type, dec);
        return null;
    }
}
