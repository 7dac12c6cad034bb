using Whamm.Instrumentation.Folding;
using Whamm.Wasm.Editing;
using Whamm.Instrumentation.Passes;
using Whamm.Instrumentation.Sites;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// The catalogue's derived run-time variables (<see cref="Whamm.Language.Catalogue.BoundVariable.DerivedFrom"/>),
/// computed once at the site into a local, from the stack values and statics they derive from:
/// <list type="bullet">
/// <item><c>effective_addr = addr + offset as u32</c> (wrapping to u32, as the address arithmetic of the access does not);</item>
/// <item><c>target</c>: the <c>br_table</c> index taken, <c>arg0 &lt; num_targets ? arg0 : num_targets</c> (the reference
///   writes <c>arg0 &lt;= num_targets - 1</c>, which wraps and picks arg0 for a table without targets);</item>
/// <item><c>failed = res0 == -1</c> (<c>memory.grow</c>, after probes);</item>
/// <item><c>target_funcref</c>: the table entry <c>arg0</c> (<c>table.get</c>; a null reference when out of bounds, where
///   the instruction itself traps) and <c>resolved_fid</c>: its function from the shadow table (<see cref="ShadowTables"/>), at
///   <c>call_indirect</c>, <c>return_call_indirect</c> and <c>table.get</c>.</item>
/// </list>
/// </summary>
internal static class DerivedValues
{
    /// <summary>Whether <paramref name="name"/> is a derived variable computed here.</summary>
    public static bool IsSupported(string name) => name is "effective_addr" or "target" or "failed" or "target_funcref" or "resolved_fid";

    /// <summary>
    /// Pushes the value of <paramref name="name"/> from the site's locals and statics; <paramref name="site"/> is the
    /// instruction and <paramref name="shadows"/> the shadow tables (for the funcref values).
    /// </summary>
    public static void Emit(InstructionBuilder b, string name, IReadOnlyDictionary<string, uint> locals, IReadOnlyDictionary<string, Constant> statics,
        Instruction? site, ShadowTables? shadows)
    {
        switch (name)
        {
            case "effective_addr":
                b.LocalGet(locals["addr"]).I32Const((int)(uint)statics["offset"].Bits).I32Add();
                return;
            case "target":
            {
                var n = (int)statics["num_targets"].Bits;
                var index = locals["arg0"];
                b.LocalGet(index).I32Const(n).LocalGet(index).I32Const(n).I32LtU().Emit(Op.Select);
                return;
            }
            case "failed":
                b.LocalGet(locals["res0"]).I32Const(-1).I32Eq();
                return;
            case "target_funcref":
            {
                var table = TableOf(site);
                var index = locals["arg0"];
                b.LocalGet(index).TableSize(table).I32LtU().If(new BlockType(BlockTypeKind.Value, ValType.FuncRef),
                    x => x.LocalGet(index).TableGet(table), x => x.RefNull(HeapType.Func));
                return;
            }
            case "resolved_fid":
                (shadows ?? throw new InvalidOperationException("resolved_fid without shadow tables")).EmitLookup(b, TableOf(site), locals["arg0"]);
                return;
        }
        throw new InvalidOperationException($"no derivation for `{name}`");
    }

    /// <summary>How many values derived variable <paramref name="name"/> can take at <paramref name="site"/> (0 to the bound less one), when that is known: <c>target</c> at a <c>br_table</c>.</summary>
    public static int? Bound(string name, Instruction? site) =>
        name == "target" && site is { Op: Op.BrTable } table ? ControlFlow.BrTable(table).Targets.Length + 1 : null;

    /// <summary>The table a funcref-resolution site reads: <c>call_indirect</c>'s second immediate, <c>table.get</c>'s first.</summary>
    public static uint TableOf(Instruction? site) => site switch
    {
        { Op: Op.CallIndirect or Op.ReturnCallIndirect } s => (uint)s.Imm1,
        { Op: Op.TableGet } s => s.Index,
        _ => throw new InvalidOperationException("funcref resolution outside call_indirect, return_call_indirect and table.get"),
    };
}
