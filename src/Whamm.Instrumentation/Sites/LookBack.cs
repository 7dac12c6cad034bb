using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Sites;

/// <summary>
/// Which function a site's function-reference operand names when the straight-line code just before the site
/// pushes it as a constant (reference §2.5: <c>table.set</c>, <c>call_ref</c> look back one instruction for a
/// <c>ref.func N</c>). Operand <c>argK</c> is pushed by the K+1-th instruction back when the K instructions after
/// it each push one value and pop none (<c>i32.const</c>, <c>local.get</c>, …): control cannot enter between them.
/// </summary>
internal static class LookBack
{
    /// <summary>
    /// What is kept of an instruction before a site: its opcode, offset and first immediate. Twelve bytes without
    /// references, so the walk remembers every instruction with a few moves (a whole <see cref="Instruction"/> is
    /// about a hundred bytes with two references, and copying it was two thirds of a sparse walk's own time).
    /// </summary>
    public readonly record struct Past(Op Op, int Offset, uint Index)
    {
        public Past(in Instruction ins) : this(ins.Op, ins.Offset, ins.Index) { }
    }

    /// <summary>How many instructions before a site the walk keeps (enough for operand arg1 of <c>table.fill</c>/<c>table.grow</c>).</summary>
    public const int Depth = 2;

    /// <summary>
    /// The function index of the reference operand <paramref name="argIndex"/>, or -1 when it is not a <c>ref.func</c>
    /// right before the site. <paramref name="before"/> holds the instructions before the site, the nearest last.
    /// </summary>
    public static int FunctionOf(ReadOnlySpan<Past> before, int argIndex)
    {
        if (argIndex >= before.Length) return -1;
        for (var k = 0; k < argIndex; k++)
        {
            if (!PushesOnlyOne(before[^(k + 1)].Op)) return -1;
        }
        var pusher = before[^(argIndex + 1)];
        return pusher.Op == Op.RefFunc ? (int)pusher.Index : -1;
    }

    private static bool PushesOnlyOne(Op op) => op is Op.I32Const or Op.I64Const or Op.F32Const or Op.F64Const
        or Op.LocalGet or Op.GlobalGet or Op.RefFunc or Op.RefNull;
}
