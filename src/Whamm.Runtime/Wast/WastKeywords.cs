using Whamm.Wasm.Opcodes;

namespace Whamm.Runtime.Wast;

/// <summary>
/// The instruction names scripts use as value constructors, taken from the opcode table (no mnemonic is
/// spelled outside it), and the script-only forms.
/// </summary>
internal static class WastKeywords
{
    public static readonly string I32Const = OpcodeTable.Get(Op.I32Const).Name;
    public static readonly string I64Const = OpcodeTable.Get(Op.I64Const).Name;
    public static readonly string F32Const = OpcodeTable.Get(Op.F32Const).Name;
    public static readonly string F64Const = OpcodeTable.Get(Op.F64Const).Name;
    public static readonly string V128Const = OpcodeTable.Get(Op.V128Const).Name;
    public static readonly string RefNull = OpcodeTable.Get(Op.RefNull).Name;
    public static readonly string RefFunc = OpcodeTable.Get(Op.RefFunc).Name;

    /// <summary><c>(ref.extern N)</c>: a host reference, a script-only form.</summary>
    public const string RefExtern = "ref.extern";
}
