using System.Globalization;
using Whamm.Language.Semantics;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// A compile-time value of a Whamm scalar type. Integers are kept as their raw bits masked to the type's
/// width (<c>u8 255</c> and <c>i8 -1</c> are both <c>0xFF</c>); floats as <see cref="float"/>/<see cref="double"/>.
/// </summary>
internal sealed record Constant(WhammType Type, ulong Bits, double Float, bool Boolean, string? Text)
{
    public static Constant Integer(WhammType type, long wasmValue) => new(type, Normalize(type, (ulong)wasmValue), 0, false, null);
    public static Constant Of(bool value) => new(WhammType.Bool, value ? 1UL : 0, 0, value, null);
    public static Constant OfFloat(WhammType type, double value) =>
        new(type, 0, type.Kind == WhammTypeKind.F32 ? (float)value : value, false, null);
    public static Constant OfString(string value) => new(WhammType.Str, 0, 0, false, value);

    public bool IsInteger => IsIntegerType(Type);
    public bool IsFloat => Type.Kind is WhammTypeKind.F32 or WhammTypeKind.F64;

    /// <summary>The value as the Wasm operand holds it: sign-extended for signed types, zero-extended otherwise.</summary>
    public long WasmValue => Type.Kind == WhammTypeKind.Bool ? (Boolean ? 1 : 0) : SignExtend(Type, Bits);

    public static bool IsIntegerType(WhammType t) => t.Kind is WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.U16
        or WhammTypeKind.I16 or WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.U64 or WhammTypeKind.I64;

    public static bool IsSigned(WhammType t) => t.Kind is WhammTypeKind.I8 or WhammTypeKind.I16 or WhammTypeKind.I32 or WhammTypeKind.I64;

    public static int Width(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.I8 => 8,
        WhammTypeKind.U16 or WhammTypeKind.I16 => 16,
        WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.Bool => 32,
        _ => 64,
    };

    /// <summary>The Wasm value type holding a scalar Whamm type, or null for non-scalars.</summary>
    public static ValType? WasmType(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.U16 or WhammTypeKind.I16 or WhammTypeKind.U32
            or WhammTypeKind.I32 or WhammTypeKind.Bool => ValType.I32,
        WhammTypeKind.U64 or WhammTypeKind.I64 => ValType.I64,
        WhammTypeKind.F32 => ValType.F32,
        WhammTypeKind.F64 => ValType.F64,
        _ => null,
    };

    public static ulong Normalize(WhammType t, ulong raw)
    {
        var w = Width(t);
        return w == 64 ? raw : raw & ((1UL << w) - 1);
    }

    public static long SignExtend(WhammType t, ulong bits)
    {
        var w = Width(t);
        if (w == 64) return (long)bits;
        if (!IsSigned(t)) return (long)bits;
        var shift = 64 - w;
        return (long)(bits << shift) >> shift;
    }

    public override string ToString() => Type.Kind switch
    {
        WhammTypeKind.Bool => Boolean ? "true" : "false",
        WhammTypeKind.Str => $"\"{Text}\"",
        WhammTypeKind.F32 or WhammTypeKind.F64 => Float.ToString("R", CultureInfo.InvariantCulture),
        _ => IsSigned(Type) ? WasmValue.ToString(CultureInfo.InvariantCulture) : Bits.ToString(CultureInfo.InvariantCulture),
    };
}
