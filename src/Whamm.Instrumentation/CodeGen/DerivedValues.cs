using Whamm.Instrumentation.Folding;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// The catalogue's derived run-time variables (<see cref="Whamm.Language.Catalogue.BoundVariable.DerivedFrom"/>),
/// computed once at the site into a local, from the stack values and statics they derive from:
/// <list type="bullet">
/// <item><c>effective_addr = addr + offset as u32</c> (wrapping to u32, as the address arithmetic of the access does not);</item>
/// <item><c>target</c>: the <c>br_table</c> index taken, <c>arg0 &lt; num_targets ? arg0 : num_targets</c> (the reference
///   writes <c>arg0 &lt;= num_targets - 1</c>, which wraps and picks arg0 for a table without targets);</item>
/// <item><c>failed = res0 == -1</c> (<c>memory.grow</c>, after probes).</item>
/// </list>
/// </summary>
internal static class DerivedValues
{
    /// <summary>Whether <paramref name="name"/> is a derived variable computed here.</summary>
    public static bool IsSupported(string name) => name is "effective_addr" or "target" or "failed";

    /// <summary>Pushes the value of <paramref name="name"/> (an i32) from the site's locals and statics.</summary>
    public static void Emit(InstructionBuilder b, string name, IReadOnlyDictionary<string, uint> locals, IReadOnlyDictionary<string, Constant> statics)
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
        }
        throw new InvalidOperationException($"no derivation for `{name}`");
    }
}
