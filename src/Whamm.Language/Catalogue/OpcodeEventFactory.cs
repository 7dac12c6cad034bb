using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;
using static Whamm.Language.Catalogue.OpcodeEventRows;
using V = Whamm.Language.Catalogue.CatalogueVariables;

namespace Whamm.Language.Catalogue;

/// <summary>
/// Builds one <c>wasm:opcode</c> event from its opcode table row plus the extras of its
/// <see cref="OpcodeEventRows.Row"/>. What the table gives is derived here, never restated:
/// <list type="bullet">
/// <item>name and <c>opname</c> from the mnemonic, <c>bytecode</c>, <c>category_id</c>/<c>category_name</c>;</item>
/// <item><c>argN</c> (from the top of the stack) and <c>resN</c> from a fixed signature (addresses as u32,
///   v128 slots unbound because Whamm has no v128 type);</item>
/// <item><c>immN</c> from the immediates (indices u32, constants by their type, heap types unknown;
///   block types, select types, memargs, shuffles, v128 constants, cast flags and catch clauses are not
///   numbered), <c>tid</c>/<c>field_idx</c> for GC instructions with one type immediate;</item>
/// <item>the memarg group with <c>addr</c> = the address operand, <c>is_write</c> (no results, or an atomic
///   read-modify-write) and <c>data_size</c> = the row's access size.</item>
/// </list>
/// </summary>
internal static class OpcodeEventFactory
{
    internal static CatalogueEvent Create(Row row, bool inReference)
    {
        var info = OpcodeTable.Get(row.Op);
        var x = row.Extras;
        var vars = new List<BoundVariable>();
        var fns = new List<BoundFunction>();

        // Stack operands and results.
        if (row.Stack is { } slots)
        {
            foreach (var s in slots) vars.Add(s.IsResult ? V.Res(s.Index, s.Type) : V.Arg(s.Index, s.Type));
        }
        else if (info.Params is { } operands && info.Results is { } results)
        {
            var unsigned = x.HasFlag(X.Unsigned);
            for (var k = 0; k < operands.Length; k++)
            {
                if (ValueType(operands[operands.Length - 1 - k], unsigned) is { } t) vars.Add(V.Arg(k, t));
                if (x.HasFlag(X.FirstOperandOnly)) break;
            }
            for (var k = 0; k < results.Length; k++)
            {
                if (ValueType(results[results.Length - 1 - k], unsigned: false) is { } t) vars.Add(V.Res(k, t));
            }
        }
        else
        {
            throw new InvalidOperationException($"event row Op.{row.Op}: the opcode has no fixed signature, so the row must list its stack variables");
        }

        // Memory argument.
        if (info.Has(ImmKind.MemArg))
        {
            var operands = info.Params ?? throw new InvalidOperationException($"Op.{row.Op}: a memarg instruction needs a fixed signature");
            var addressOperand = operands.Length - 1 - Array.IndexOf(operands, OperandKind.Addr);
            var writes = !x.HasFlag(X.ReadOnlyAccess)
                && (info.Results!.Length == 0 || (info.Category == OpCategory.Atomic && operands.Length >= 2));
            vars.AddRange(V.MemArg(addressOperand, writes, info.MemorySize));
        }

        // Immediates.
        if (x.HasFlag(X.ImmediateFamily))
        {
            vars.Add(V.UntypedImmediates);
        }
        else
        {
            AddImmediates(info, vars);
        }

        // Extras.
        if (x.HasFlag(X.CallSite))
        {
            vars.AddRange(V.CallSite);
            fns.AddRange(V.CallSiteFunctions);
        }
        if (x.HasFlag(X.FuncRefResolution))
        {
            vars.AddRange(V.FuncRefResolution);
            fns.Add(V.ResolveFuncRef);
        }
        if (x.HasFlag(X.ResolvedFidLookBack)) vars.Add(V.ResolvedFidLookBack);
        if (x.HasFlag(X.ResolvedFidFromImmediate)) vars.Add(V.ResolvedFidFromImmediate);
        if (x.HasFlag(X.BrTableVars)) vars.AddRange(V.BranchTable);
        if (x.HasFlag(X.GrowFailed)) vars.Add(V.GrowFailed);
        if (x.HasFlag(X.DupAt)) fns.Add(V.DupAt);

        // Metadata every opcode event binds. The nullable test/cast forms are named apart in the
        // reference and so is their opname; the typed select keeps its mnemonic as opname.
        var name = x.HasFlag(X.TypedName) ? "typed_" + info.Name
            : x.HasFlag(X.NullName) ? info.Name + "_null"
            : info.Name;
        vars.Add(V.OpName(x.HasFlag(X.TypedName) ? info.Name : name));
        vars.Add(V.Bytecode(info.Bytecode));
        vars.Add(V.CategoryId(info.Category));
        vars.Add(V.CategoryName(info.Category));

        return new CatalogueEvent(name, CatalogueEventKind.Opcode, info, inReference, Doc(info, name, row.Modes, inReference),
            Modes(row.Modes), vars, fns);
    }

    private static void AddImmediates(OpcodeInfo info, List<BoundVariable> vars)
    {
        var next = 0;
        var typeImmediate = -1;
        var typeCount = 0;
        var fieldImmediate = -1;
        foreach (var kind in info.Immediates)
        {
            switch (kind)
            {
                case ImmKind.BrTable:
                    vars.Add(V.BranchTargets);
                    break;
                case var index when ImmKinds.IsIndex(index) || index == ImmKind.Lane:
                    if (kind == ImmKind.Type) { typeImmediate = next; typeCount++; }
                    if (kind == ImmKind.Field) fieldImmediate = next;
                    vars.Add(V.Imm(next++, WhammType.U32, kind));
                    break;
                case ImmKind.I32:
                    vars.Add(V.Imm(next++, WhammType.I32, kind));
                    break;
                case ImmKind.I64:
                    vars.Add(V.Imm(next++, WhammType.I64, kind));
                    break;
                case ImmKind.F32:
                    vars.Add(V.Imm(next++, WhammType.F32, kind));
                    break;
                case ImmKind.F64:
                    vars.Add(V.Imm(next++, WhammType.F64, kind));
                    break;
                case ImmKind.HeapType:
                    vars.Add(V.Imm(next++, WhammType.Unknown, kind));
                    break;
                case ImmKind.MemArg or ImmKind.BlockType or ImmKind.SelectTypes or ImmKind.ZeroByte or ImmKind.CastFlags
                    or ImmKind.Catches or ImmKind.Shuffle or ImmKind.V128:
                    break; // exposed otherwise (memarg group) or not at all
                default:
                    throw new InvalidOperationException($"Op.{info.Op}: immediate kind {kind} has no catalogue mapping");
            }
        }
        if (info.Category == OpCategory.Gc && typeCount == 1) vars.Add(V.TypeId(typeImmediate));
        if (fieldImmediate >= 0) vars.Add(V.FieldIndex(fieldImmediate));
    }

    private static WhammType? ValueType(OperandKind kind, bool unsigned) => kind switch
    {
        OperandKind.I32 => unsigned ? WhammType.U32 : WhammType.I32,
        OperandKind.I64 => unsigned ? WhammType.U64 : WhammType.I64,
        OperandKind.F32 => WhammType.F32,
        OperandKind.F64 => WhammType.F64,
        OperandKind.Addr => WhammType.U32,
        _ => null, // v128: no Whamm type
    };

    internal static IReadOnlyList<ProbeMode> Modes(M modes) => modes switch
    {
        M.Default => DefaultModes,
        M.Unreachable => UnreachableModes,
        M.End => EndModes,
        M.Block => BlockModes,
        M.Branch => BranchModes,
        _ => throw new ArgumentOutOfRangeException(nameof(modes)),
    };

    private static readonly ProbeMode[] DefaultModes = [ProbeMode.Before, ProbeMode.After, ProbeMode.Alt];
    private static readonly ProbeMode[] UnreachableModes = [ProbeMode.Alt, ProbeMode.Before];
    private static readonly ProbeMode[] EndModes = [ProbeMode.Before, ProbeMode.After];
    private static readonly ProbeMode[] BlockModes = [ProbeMode.Before, ProbeMode.BlockAfter, ProbeMode.BlockAlt, ProbeMode.Entry, ProbeMode.Exit];
    private static readonly ProbeMode[] BranchModes = [ProbeMode.Before, ProbeMode.After, ProbeMode.Alt, ProbeMode.AtTarget];

    private static string Doc(OpcodeInfo info, string name, M modes, bool inReference)
    {
        var doc = $"Each {info.Name} instruction (opcode 0x{info.Bytecode:x}, category {V.CategoryText(info.Category)}).";
        if (name != info.Name) doc += name.StartsWith("typed_", StringComparison.Ordinal)
            ? $" The form with a type annotation; its opname is {info.Name}."
            : " The form whose target type is nullable.";
        doc += modes switch
        {
            M.Block => " A structured block: entry and exit run at the start and end of its body, after runs after its matching end, alt replaces the whole block.",
            M.Branch => " A branch: at_target runs where execution continues when the branch is taken.",
            M.Unreachable => " It traps, so it has no after mode.",
            _ => "",
        };
        if (!inReference) doc += " (Not in Whamm 1.0's catalogue: added so that every instruction can be probed.)";
        return doc;
    }
}
